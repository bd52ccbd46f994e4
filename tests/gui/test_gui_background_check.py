"""The Diagnostics run in the background (gui.checker, issue 17): the window goes on while a
check runs, a check of an older state is never shown after a newer edit, one check runs at a
time, the newest state is always checked, and a bug in the check reaches the crash log and
the user."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

import jcm_pdd.gui.checker
from jcm_pdd.gui.mainwindow import MainWindow
from jcm_pdd.gui.section_editor import SectionEditor


def _description(window: MainWindow):
    window.go_to_path("pdd.description")
    page = window.view.current_page()
    assert isinstance(page, SectionEditor)
    binding = page.binding("pdd.description")
    assert binding is not None
    return binding.editor


def _paths(window: MainWindow) -> list[str]:
    return [d.path for d in window.diag_panel.diagnostics]


def test_an_edit_while_a_check_runs_drops_its_result_and_the_newest_state_is_shown(
    window, project_file: Path, qtbot, monkeypatch
) -> None:
    window.open_path(project_file)
    window.wait_for_checks()
    assert "pdd.description" in _paths(window)  # the sample leaves it empty

    real = jcm_pdd.gui.checker.run_diagnostics
    gate = threading.Event()
    running: list[int] = []
    most = [0]
    calls: list[str] = []

    def slow(project, language="en"):  # the check of a big project: it takes a while
        running.append(1)
        most[0] = max(most[0], len(running))
        calls.append(project.pdd.description)
        try:
            assert gate.wait(20), "the test never let the check end"
            return real(project, language)
        finally:
            running.pop()

    monkeypatch.setattr(jcm_pdd.gui.checker, "run_diagnostics", slow)
    shown: list[list[str]] = []
    window.diagnostics_updated.connect(lambda: shown.append(_paths(window)))

    editor = _description(window)
    qtbot.keyClicks(editor, "A solar PV project.")
    qtbot.waitUntil(lambda: bool(running))  # the check of the filled description runs
    assert window.checker.busy
    # the window is not waiting for it: keys go on being handled
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    assert window.session.project.pdd.description == ""
    qtbot.wait(400)  # typing paused: a check is asked for while the first still runs
    assert not window.controller.recheck_due and len(calls) == 1
    gate.set()
    window.wait_for_checks()
    # the first check's list (description filled) was never shown; the newest state was
    assert calls == ["A solar PV project.", ""]
    assert shown == [_paths(window)] and "pdd.description" in shown[0]
    assert most[0] == 1  # never two checks at once


def test_a_check_asked_for_at_once_judges_the_document_as_it_is_now(
    window, project_file: Path, qtbot
) -> None:
    window.open_path(project_file)
    window.wait_for_checks()
    qtbot.keyClicks(_description(window), "A solar PV project.")
    assert window.checks_pending()  # typing has not paused yet
    window.controller.recheck_now()  # what the Package dialog does before judging
    assert "pdd.description" not in _paths(window)
    assert not window.checks_pending()


def test_a_bug_in_the_check_reaches_the_crash_log_and_the_user(
    window, project_file: Path, qtbot, monkeypatch
) -> None:
    from jcm_pdd.crashlog import log_path

    window.open_path(project_file)
    window.wait_for_checks()
    assert window.diag_panel.tree.isVisible()  # the sample's problems are listed

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug deep in the checks")

    monkeypatch.setattr(jcm_pdd.gui.checker, "run_diagnostics", broken)
    qtbot.keyClicks(_description(window), "A solar PV project.")
    window.wait_for_checks()
    summary = window.diag_panel.summary.text()
    assert summary.startswith("The work stopped because of an internal problem")
    assert "RuntimeError" not in summary  # product words for the user
    assert summary in window.statusBar().currentMessage()
    assert not window.diag_panel.tree.isVisible()  # no list of an older state stays shown
    assert window.diag_panel.diagnostics == []
    log = log_path().read_text(encoding="utf-8")
    assert "RuntimeError: a bug deep in the checks" in log

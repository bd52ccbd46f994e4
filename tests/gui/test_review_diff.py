"""The comparison view: two package rounds (or project files) compared in a worker thread,
listed field by field under their form section and figure by figure under their year."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from jcm_pdd.errors import UserError
from jcm_pdd.gui.diff_view import CompareDialog, compare_with, figure_delta, value_text
from jcm_pdd.gui.i18n import install_language
from jcm_pdd.package import snapshot_folder
from tests.gui.review_packages import (
    ESTIMATED_VALUE_LABEL,
    ESTIMATED_VALUE_LABEL_JA,
    built_rounds,
    copy_into,
)
from tests.gui.screens import keep_screenshot


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    assert install_language(request.param) or request.param == "en"
    yield request.param
    install_language("en")


def _run(qtbot, dialog: CompareDialog) -> object:
    with qtbot.waitSignal(dialog.finished_compare, timeout=120000) as blocker:
        dialog.compare_button.click()
    return blocker.args[0]


def test_two_rounds_show_a_changed_field_and_a_changed_figure(
    qtbot, tmp_path: Path, tmp_path_factory, language
) -> None:
    rounds = built_rounds(tmp_path_factory)
    first = copy_into(rounds.round1, tmp_path / "r1")
    second = copy_into(rounds.round2, tmp_path / "r2")
    before = snapshot_folder(tmp_path)
    dialog = CompareDialog(None, first, second)
    qtbot.addWidget(dialog)
    dialog.show()
    diff = _run(qtbot, dialog)
    assert diff is dialog.diff and dialog.diff is not None, dialog.message.text()
    rows = dialog.view.rows()
    label = ESTIMATED_VALUE_LABEL_JA if language == "ja" else ESTIMATED_VALUE_LABEL
    fields = [r for r in rows if r[2] == label]
    assert len(fields) == 1
    _, section, _, old, new, change = fields[0]
    assert (old, new, change) == ("1000", "1100", "")
    assert section.startswith("MPS Table 1"), "grouped under its form section"
    figures = [r for r in rows if r[1] == "2026" and r[3] == "930"]
    assert [r[4:] for r in figures] == [("1010", "+80")], "ER 2026, rounded down: 930 -> 1010"
    assert dialog.view.tree.topLevelItemCount() == 2  # fields, then figures
    dialog.resize(1000, 600)
    keep_screenshot(dialog, f"review_diff_{language}.png")
    if language == "ja":
        assert dialog.compare_button.text() != "Compare", "strings are translated"
    assert snapshot_folder(tmp_path) == before, "comparing writes nothing"
    dialog.close()


def test_identical_projects_and_an_unreadable_side(qtbot, tmp_path, tmp_path_factory) -> None:
    rounds = built_rounds(tmp_path_factory)
    dialog = CompareDialog(None, rounds.project1, rounds.project1)
    qtbot.addWidget(dialog)
    diff = _run(qtbot, dialog)
    assert diff.identical and dialog.view.rows() == []
    assert dialog.view.tree.topLevelItemCount() == 1  # "no differences"
    dialog.path_b.setText(str(tmp_path / "missing.jcmpdd"))
    error = _run(qtbot, dialog)
    assert "does not exist" in str(error) and "does not exist" in dialog.message.text()
    dialog.close()


def test_a_bug_while_comparing_reaches_the_crash_log(qtbot, tmp_path_factory, monkeypatch) -> None:
    import jcm_pdd.package.diff
    from jcm_pdd.crashlog import log_path

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug deep in the comparison")

    monkeypatch.setattr(jcm_pdd.package.diff, "compare_sides", broken)
    rounds = built_rounds(tmp_path_factory)
    dialog = CompareDialog(None, rounds.project1, rounds.project1)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_compare, timeout=120000) as blocker:
        QTest.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert isinstance(blocker.args[0], UserError)
    assert "internal problem" in dialog.message.text()
    assert "RuntimeError" not in dialog.message.text()  # product words for the user
    log = log_path().read_text(encoding="utf-8")
    assert "RuntimeError: a bug deep in the comparison" in log  # the trace is kept
    dialog.close()


def test_compare_with_puts_the_earlier_round_first(qtbot, tmp_path_factory, monkeypatch) -> None:
    rounds = built_rounds(tmp_path_factory)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(rounds.round1), ""))
    )
    dialog = compare_with(None, rounds.round2)  # round 2 is open; round 1 chosen
    assert dialog is not None
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_compare, timeout=120000) as blocker:
        pass
    diff = blocker.args[0]
    assert (diff.a, diff.b) == ("round1.jcmpkg", "round2.jcmpkg")
    dialog.close()


def test_value_text_is_readable() -> None:
    assert value_text(None) == "(none)"
    assert value_text("2020433/2000") == "≈ 1010.2165  (2020433/2000)"
    assert figure_delta("930", "1010") == "+80" and figure_delta(None, "3") == ""
    assert figure_delta("1861033/2000", "2020433/2000") == "≈ +79.7000"
    assert value_text(True) == "yes" and value_text([1, 2]) == "[1, 2]"
    assert value_text("x" * 300).endswith("…") and len(value_text("x" * 300)) == 158

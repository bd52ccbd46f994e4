"""Files handed to the app by the system: ``jcm-pdd FILE`` (a double-click on Linux and
Windows), a review file (opens its package with its findings), and the macOS file-open event;
the desktop file name the task bar matches; library errors worded in the interface language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from jcm_pdd import cli
from jcm_pdd.errors import InstallationError
from jcm_pdd.gui import application as app_module
from jcm_pdd.gui.export_dialog import Worker
from jcm_pdd.gui.i18n import install_language
from jcm_pdd.package.review import Review, review_for_package, save_review
from tests.gui.review_packages import built_rounds, copy_into


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path | None]:
    seen: list[Path | None] = []
    monkeypatch.setattr(app_module, "run_app", lambda path=None: seen.append(path) or 0)
    return seen


def test_a_bare_file_argument_opens_it(opened, project_file) -> None:
    assert cli.main([str(project_file)]) == 0
    assert opened == [project_file]


def test_a_review_file_argument_opens_its_package(opened, tmp_path, tmp_path_factory) -> None:
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "validator")
    review, review_path = review_for_package(package, 1, "ab" * 32, "Darkhan")
    save_review(review, review_path)
    assert cli.main([str(review_path)]) == 0
    assert opened == [review_path]  # the window opens it as its package (the next test)


def test_a_review_without_its_package_is_told_in_a_dialog(window, answers, tmp_path) -> None:
    lonely = save_review(Review(project_title="Darkhan"), tmp_path / "round9.jcmreview")
    assert not window.open_path(lonely)
    assert any("round9.jcmpkg" in text for text in answers["asked"])


def test_the_window_opens_a_review_as_its_package_with_the_findings(
    window,
    tmp_path,
    tmp_path_factory,
) -> None:
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "validator")
    from jcm_pdd.package.verify import verify_package

    package_id = verify_package(package).package_id
    review, review_path = review_for_package(package, 1, package_id, "Darkhan")
    save_review(review, review_path)
    assert window.open_path(review_path)
    assert window.session.read_only and window.review_docks, "the package, with its review"
    assert window.findings_panel.review_path == review_path


def test_a_file_open_event_opens_the_file_in_the_window(window, project_file) -> None:
    handler = app_module.FileOpenHandler(window)
    QApplication.instance().installEventFilter(handler)
    try:
        QCoreApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(project_file)))
    finally:
        QApplication.instance().removeEventFilter(handler)
    assert window.session is not None and window.session.path == project_file


def test_the_desktop_file_name_matches_the_installed_entry(qapp) -> None:
    app = app_module.application()
    assert app.desktopFileName() == "org.jcmpdd.PddStudio"
    entry = Path(__file__).parents[2] / "packaging" / "linux" / "org.jcmpdd.PddStudio.desktop"
    assert entry.is_file()


def _finished(worker: Worker, qtbot) -> object:
    with qtbot.waitSignal(worker.finished) as blocker:
        worker.run()
    return blocker.args[0]


def test_a_damaged_installation_is_told_in_japanese(qtbot) -> None:
    def job(_progress: object) -> None:
        raise InstallationError("PDD (Word)", "default-header.xml")

    install_language("ja")
    try:
        result = _finished(Worker(job), qtbot)
    finally:
        install_language("en")
    message = result.message  # type: ignore[attr-defined]
    assert (
        message.startswith("PDD（Word）を作成できませんでした") and "default-header.xml" in message
    )


def test_the_desktop_selftest_checks_pass_here(qapp, tmp_path) -> None:
    from jcm_pdd.gui.selftest import GUI_CHECKS

    for name, check in GUI_CHECKS:
        assert check(tmp_path), name
    assert (tmp_path / "main-window.png").stat().st_size > 10_000
    shutil.rmtree(tmp_path)

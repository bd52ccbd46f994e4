"""Validator mode writes nothing; packaging is refused while errors remain and runs in a worker
thread otherwise; export runs in a worker with progress; attachments get thumbnails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from jcm_pdd.gui.attachments import AttachmentsPage
from jcm_pdd.gui.export_dialog import ExportDialog, PackageDialog
from jcm_pdd.gui.preferences import Preferences
from jcm_pdd.gui.section_editor import SectionEditor
from jcm_pdd.package import build_package, snapshot_folder
from jcm_pdd.paths import sample_project_path
from jcm_pdd.session import io as session_io
from jcm_pdd.storage import load_project
from tests.gui.conftest import filled_project

needs_sample = pytest.mark.skipif(
    not sample_project_path().is_file(), reason="the bundled sample project is not present"
)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pkg")
    out = folder / "sample.jcmpkg"
    build_package(sample_project_path(), out)
    return out


@needs_sample
def test_validator_mode_is_read_only_and_writes_nothing(window, package, qtbot) -> None:
    before = snapshot_folder(package.parent)
    assert window.open_path(package)
    assert "VERIFIED" in window.view.banner.text() and window.view.banner.isVisible()
    assert window.session.read_only
    for action in (window.act_save, window.act_save_as, window.act_export, window.act_package):
        assert not action.isEnabled()
    for section in window.view.sections:  # browse everything
        page = window.view.show_section(section.id)
        if isinstance(page, SectionEditor):
            for binding in page.bindings:
                editor = binding.editor
                assert not editor.isEnabled() or editor.isReadOnly()
            for table in page.tables:
                assert not table.add_button.isEnabled()
    # The figures follow the first paint of the window (a zero-delay timer).
    qtbot.waitUntil(lambda: bool(window.calc_panel.figures.rows), timeout=10000)
    assert len(window.review_docks) == 2  # findings and sign-offs beside the document
    window.view.navigator.select("PDD:A.3")
    assert window.findings_panel.target() == "PDD:A.3"
    window.findings_panel.go_to_target.emit("pdd.sites.0.latitude")
    assert window.view.current_page().section.id == "PDD:A.3"
    dialog = window.calc_panel.show_calculation()
    qtbot.addWidget(dialog)
    assert "RE" in dialog.steps_view.toPlainText()
    assert not window.autosave_tick() and not window.save()
    assert window.close_document()
    assert window.review_docks == []
    assert snapshot_folder(package.parent) == before
    assert session_io.pending_recoveries() == []


def test_packaging_is_refused_while_errors_remain(window, answers) -> None:
    window.set_session(session_io.new_document(filled_project()))
    assert window.package_dialog() is None
    assert any("error" in str(text) for text in answers["asked"])


@needs_sample
def test_package_dialog_builds_in_a_worker_thread(window, tmp_path, qtbot, monkeypatch) -> None:
    copy = tmp_path / "solar.jcmpdd"
    shutil.copyfile(sample_project_path(), copy)
    assert window.open_path(copy)
    dialog = window.package_dialog()
    assert isinstance(dialog, PackageDialog)
    qtbot.addWidget(dialog)
    target = tmp_path / "round1.jcmpkg"
    dialog.target.setText(str(target))
    with qtbot.waitSignal(dialog.finished_job, timeout=60000):
        dialog.start_button.click()
    assert target.is_file(), dialog.message.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    dialog.close()


def test_export_dialog_runs_in_a_worker_with_progress(window, tmp_path, qtbot) -> None:
    window.set_session(session_io.new_document(filled_project()))
    dialog = window.export_dialog()
    assert isinstance(dialog, ExportDialog)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    for key, box in dialog.formats.items():
        box.setChecked(key == "docx")
    dialog.draft.setChecked(True)  # the filled test project still has errors
    seen: list[str] = []
    with qtbot.waitSignal(dialog.finished_job, timeout=60000):
        dialog.start_button.click()
        dialog.worker.progress.connect(lambda d, t, m: seen.append(m))
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written and all(name.endswith(".docx") for name in written), dialog.message.text()
    assert "Exported" in dialog.message.text()
    dialog.close()


def test_attachment_thumbnail_save_reopen_and_undo(window, project_file, tmp_path) -> None:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#3b6ea8"))
    png = tmp_path / "boundary.png"
    assert image.save(str(png))
    window.open_path(project_file)
    page = window.view.show_section("attachments")
    assert isinstance(page, AttachmentsPage)
    page.add_file(png)
    assert page.list.count() == 1
    assert not page.list.item(0).icon().isNull(), "an image attachment shows a thumbnail"
    figure = window.view.focus_path("pdd.figure_attachment")
    assert figure
    combo = window.view.current_page().binding("pdd.figure_attachment").editor
    combo.setCurrentIndex(combo.findText("boundary.png"))  # C.2: choose the attached figure
    assert (
        window.session.project.pdd.figure_attachment == window.session.project.attachments[0].sha256
    )
    window.act_undo.trigger()
    assert window.session.project.pdd.figure_attachment == ""
    assert window.save()
    loaded = load_project(project_file)
    assert [a.name for a in loaded.project.attachments] == ["boundary.png"]
    assert loaded.attachments.read_bytes(loaded.project.attachments[0].sha256) == png.read_bytes()
    window.act_undo.trigger()
    assert page.list.count() == 0


def test_every_generated_input_has_an_accessible_name(window, project_file) -> None:
    window.open_path(project_file)
    for section in window.view.sections:
        page = window.view.show_section(section.id)
        assert isinstance(page, SectionEditor)
        for binding in page.bindings:
            assert binding.editor.accessibleName() or binding.widget.accessibleName()
        for table in page.tables:
            assert table.table.accessibleName()
            assert table.add_button.accessibleName()


def test_open_dialog_and_recent_files(window, project_file, monkeypatch, qtbot) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(project_file), ""))
    )
    window.act_open.trigger()
    assert window.session is not None and window.session.path == project_file
    recent = str(project_file.resolve())
    assert window.prefs.recent_files[0] == recent
    # The preferences file is written a moment after the file opened (durably, with fsync:
    # not while the window draws a double-clicked file), not during the open.
    assert recent not in Preferences.load().recent_files
    qtbot.waitUntil(lambda: Preferences.load().recent_files[:1] == [recent], timeout=5000)
    window.close_document()
    window.start_page.refresh(window.prefs.recent_files)
    assert window.start_page.table.item(0, 0).text() == "Rooftop solar PV in Ulaanbaatar"
    assert window.start_page.table.item(0, 2).text().startswith("JCM_MN_AM003")


@needs_sample
def test_export_dialog_exports_the_attached_figure(window, tmp_path, qtbot) -> None:
    import zipfile

    assert window.open_path(sample_project_path())
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    for key, box in dialog.formats.items():
        box.setChecked(key == "docx")
    with qtbot.waitSignal(dialog.finished_job, timeout=60000):
        dialog.start_button.click()
    written = sorted((tmp_path / "out").glob("*.docx"))
    assert written, dialog.message.text()
    for path in written:  # the C.2 figure is embedded in both the public and the full copy
        with zipfile.ZipFile(path) as docx:
            assert any(name.startswith("word/media/") for name in docx.namelist()), path.name
    dialog.close()


def test_a_bug_in_a_background_job_reaches_the_crash_log(
    window, tmp_path, qtbot, monkeypatch
) -> None:
    import jcm_pdd.export
    from jcm_pdd.crashlog import log_path

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug deep in the exporter")

    monkeypatch.setattr(jcm_pdd.export, "export_set", broken)
    window.set_session(session_io.new_document(filled_project()))
    dialog = window.export_dialog()
    assert isinstance(dialog, ExportDialog)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    QTest.keyClick(dialog.draft, Qt.Key.Key_Space)  # a draft: the test project has errors
    assert dialog.draft.isChecked()
    with qtbot.waitSignal(dialog.finished_job, timeout=60000):
        QTest.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "internal problem" in dialog.message.text()
    assert "RuntimeError" not in dialog.message.text()  # product words for the user
    log = log_path().read_text(encoding="utf-8")
    assert "background job" in log and "RuntimeError: a bug deep in the exporter" in log
    dialog.close()


def test_a_renderer_bug_worded_for_the_user_keeps_its_trace(
    window, tmp_path, qtbot, monkeypatch
) -> None:
    import jcm_pdd.export.api
    from jcm_pdd.crashlog import log_path

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise RuntimeError("a bug deep in a renderer")

    monkeypatch.setattr(jcm_pdd.export.api, "_render_unchecked", broken)
    window.set_session(session_io.new_document(filled_project()))
    dialog = window.export_dialog()
    assert isinstance(dialog, ExportDialog)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    QTest.keyClick(dialog.draft, Qt.Key.Key_Space)  # a draft: the test project has errors
    with qtbot.waitSignal(dialog.finished_job, timeout=60000):
        QTest.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "could not be drawn because of an internal problem" in dialog.message.text()
    assert "RuntimeError" not in dialog.message.text()
    log = log_path().read_text(encoding="utf-8")
    assert "RuntimeError: a bug deep in a renderer" in log  # the cause, with its traceback
    dialog.close()


def test_the_about_box_opens_the_crash_reports_folder(window, qtbot, monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from jcm_pdd.crashlog import crash_dir

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )
    window.act_about.trigger()
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    assert str(crash_dir()) in box.informativeText()
    button = next(b for b in box.findChildren(QPushButton) if "crash" in b.text().lower())
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [str(crash_dir())]
    assert box.isVisible()  # opening the folder does not close the box
    box.close()

"""Wizard -> new project, crash -> restore offered, read-only writes nothing, dialogs in both
languages."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard

from jcm_pdd.gui.application import build_window
from jcm_pdd.gui.calc_panel import CalculationDialog
from jcm_pdd.gui.export_dialog import ExportDialog, PackageDialog
from jcm_pdd.gui.i18n import install_language
from jcm_pdd.gui.preferences import Preferences
from jcm_pdd.gui.preferences_dialog import PreferencesDialog
from jcm_pdd.gui.recovery_dialog import RecoveryDialog
from jcm_pdd.gui.wizard import NewProjectWizard
from jcm_pdd.session import io as session_io
from jcm_pdd.storage import ProjectLock, RecoveryStore, load_project
from tests.forms.broken_forms import COUNTRY_CASES, PYDANTIC_WORDS
from tests.gui.conftest import filled_project


def test_wizard_builds_a_prefilled_project(qtbot, window) -> None:
    wizard = NewProjectWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    combo = wizard.country_page.combo
    combo.setCurrentIndex(combo.findData("MN"))
    wizard.next()
    methodologies = wizard.methodology_page.list
    texts = [methodologies.item(r).text() for r in range(methodologies.count())]
    assert texts and all(t.startswith("JCM_MN_") for t in texts)  # filtered by country
    methodologies.setCurrentRow(next(r for r, t in enumerate(texts) if "JCM_MN_AM003" in t))
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    table = wizard.sites_page.table
    table.item(0, 1).setText("Ulaanbaatar")
    table.item(0, 3).setText("47.918")
    table.item(0, 4).setText("106.917")
    table.item(0, 5).setText("3")
    wizard.sites_page.add_site()
    table.item(1, 3).setText("95")  # out of range: Finish is refused with a message
    assert not wizard.sites_page.isComplete()
    assert "out of range" in wizard.sites_page.error.text()
    table.item(1, 3).setText("49.5")
    assert wizard.sites_page.isComplete()
    project = wizard.project()
    assert project.rule_set.partner_country == "MN"
    assert project.pdd.methodology.methodology_id == "JCM_MN_AM003"
    assert project.pdd.eligibility and all(e.criterion for e in project.pdd.eligibility)
    assert project.pdd.emission_sources.reference and project.monitoring_plan.structure
    assert [s.id for s in project.pdd.sites] == ["S1", "S2"]
    assert len(project.monitoring_plan.index_members) == 4  # 3 units + 1 unit
    units = {r.index.get("i") for r in project.monitoring_plan.monitored}
    assert units == {"S1-1", "S1-2", "S1-3", "S2-1"}
    window.set_session(session_io.new_document(project))
    assert window.view is not None and window.session.project == project


def test_crash_recovery_is_offered_and_restores_content(qtbot, project_file, answers) -> None:
    # A previous run autosaved unsaved work, then died (nothing discarded the recovery copy).
    crashed = session_io.open_document(project_file, lock=False)
    crashed.set_value("pdd.title", "Typed just before the power cut")
    session_io.write_recovery(crashed)
    assert RecoveryStore().pending()

    offered: list[RecoveryDialog] = []

    def choose_restore() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RecoveryDialog)
        offered.append(dialog)
        dialog.restore_button.click()

    QTimer.singleShot(0, choose_restore)
    window = build_window(None)
    qtbot.addWidget(window)
    assert offered, "the recovery dialog was shown"
    assert window.session is not None
    assert window.session.project.pdd.title == "Typed just before the power cut"
    assert window.session.is_dirty  # restored work is unsaved until the user saves
    assert load_project(project_file).project.pdd.title != "Typed just before the power cut"
    assert window.save()
    assert load_project(project_file).project.pdd.title == "Typed just before the power cut"
    assert RecoveryStore().pending() == []
    window.close_document()


def _listing(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_locked_file_opens_read_only_and_nothing_is_written(window, project_file, qtbot) -> None:
    other = ProjectLock(project_file)
    other.acquire()  # another instance has it open
    before = _listing(project_file.parent)
    assert window.open_path(project_file)
    session = window.session
    assert session.read_only and window.view.banner.isVisible()
    assert "read-only" in window.windowTitle()
    for action in (
        window.act_save,
        window.act_save_as,
        window.act_export,
        window.act_package,
        window.act_undo,
    ):
        assert not action.isEnabled()
    for section in window.view.sections:
        window.view.show_section(section.id)
    page = window.view.show_section(window.view.section_of_path("pdd.title"))
    edit = page.binding("pdd.title").editor
    assert edit.isReadOnly()
    qtbot.keyClicks(edit, "changed")
    assert session.project.pdd.title == "Rooftop solar PV in Ulaanbaatar"
    assert not window.save() and not window.autosave_tick()
    assert window.export_dialog() is None and window.package_dialog() is None
    assert window.close_document()
    assert _listing(project_file.parent) == before
    assert RecoveryStore().pending() == []
    other.release()


def _dialogs(window, tmp_path: Path) -> list:
    window.set_session(session_io.new_document(filled_project()))
    return [
        NewProjectWizard(window),
        PreferencesDialog(Preferences(), window),
        RecoveryDialog([], window),
        ExportDialog(window.session, window),
        PackageDialog(window.session, window),
        CalculationDialog(window.calc_panel.figures, window),
    ]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_dialog_opens_in_both_languages(qtbot, window, tmp_path, language) -> None:
    assert install_language(language)
    try:
        titles = []
        for dialog in _dialogs(window, tmp_path):
            qtbot.addWidget(dialog)
            dialog.show()
            assert dialog.isVisible()
            titles.append(dialog.windowTitle())
            dialog.close()
        english = [
            "New project",
            "Preferences",
            "Recover unsaved work",
            "Export",
            "Package for validation",
            "Show calculation",
        ]
        if language == "en":
            assert titles == english
        else:
            assert all(t != e for t, e in zip(titles, english, strict=True)), titles
    finally:
        install_language("en")


def test_the_app_does_not_start_without_readable_forms(
    qtbot,
    answers,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import shutil

    from jcm_pdd.forms import registry
    from jcm_pdd.gui.application import run_app
    from jcm_pdd.paths import forms_dir

    broken = tmp_path / "forms"
    shutil.copytree(forms_dir(), broken)
    (broken / "MN" / "MSS_ver01.0.toml").write_text("[[sections]\n", encoding="utf-8")
    monkeypatch.setattr(registry, "forms_dir", lambda: broken)
    registry._load_default.cache_clear()
    try:
        assert run_app() == 1  # returns before the event loop: no window, no editor
    finally:
        registry._load_default.cache_clear()
    assert any("MSS_ver01.0.toml" in str(text) for text in answers["asked"])  # type: ignore[union-attr]
    assert "cannot start" in capsys.readouterr().err


@pytest.mark.parametrize(("old", "new", "expected"), COUNTRY_CASES)
def test_a_broken_form_index_stops_the_start_in_the_users_words(
    qapp,
    answers,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    expected: str,
) -> None:
    """countries.toml is validated at every start: a missing key, a wrong type or an unknown
    key is told as a user reads it, never in pydantic's words ("Field required")."""
    import shutil

    from jcm_pdd.forms import registry
    from jcm_pdd.gui.application import forms_readable
    from jcm_pdd.paths import forms_dir

    broken = tmp_path / "forms"
    shutil.copytree(forms_dir(), broken)
    countries = broken / "countries.toml"
    text = countries.read_text(encoding="utf-8")
    assert old in text
    countries.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setattr(registry, "forms_dir", lambda: broken)
    registry._load_default.cache_clear()
    try:
        assert not forms_readable()
    finally:
        registry._load_default.cache_clear()
    (shown,) = answers["asked"]  # type: ignore[misc]
    assert str(shown).startswith("JCM PDD Studio cannot start: Form definition countries.toml")
    assert expected in str(shown)
    assert not any(words in str(shown) for words in PYDANTIC_WORDS)
    assert str(shown) in capsys.readouterr().err

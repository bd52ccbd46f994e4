"""GUI test fixtures: a real MainWindow (offscreen), a filled project file, no modal surprises.

QMessageBox and QFileDialog static calls are replaced per test (novelWriter/Vorta habit), so a
test states what the user would answer; every other widget is the real one.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import Unit, filled_mn_am003, site
from PySide6.QtWidgets import QMessageBox

from jcm_pdd.gui.i18n import install_language
from jcm_pdd.gui.mainwindow import MainWindow
from jcm_pdd.gui.preferences import Preferences
from jcm_pdd.model import Project
from jcm_pdd.storage import save_project


def filled_project(units: int = 2) -> Project:
    """The wizard's project with title, dates and every unit's estimate and choice filled."""
    return filled_mn_am003(
        complete=False,
        sites=[site("S1", "Ulaanbaatar", "Capital", "47.918", "106.917", country="")],
        units=[Unit(f"S1-{n}", "1500") for n in range(1, units + 1)],
        start=datetime.date(2026, 4, 1),
    )


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "solar.jcmpdd"
    save_project(path, filled_project())
    return path


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """What the user answers to message boxes; records what was asked."""
    state: dict[str, object] = {"question": QMessageBox.StandardButton.Discard, "asked": []}

    def question(parent, title, text, *args, **kwargs):
        state["asked"].append(text)  # type: ignore[union-attr]
        return state["question"]

    def note(parent, title, text, *args, **kwargs):
        state["asked"].append(text)  # type: ignore[union-attr]
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(note))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(note))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(note))
    return state


@pytest.fixture
def window(qtbot, answers) -> Iterator[MainWindow]:
    install_language("en")
    win = MainWindow(Preferences())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close_document()


@pytest.fixture(scope="package", autouse=True)
def _collector_back_after_the_gui_tests() -> Iterator[None]:
    """The main window hands garbage collection to a GUI-thread timer (gui/gc_guard.py); the
    tests after this folder run no event loop, so they get the automatic collector back."""
    yield
    import gc

    gc.enable()
    gc.collect()

"""The main window comes back as the user left it: size, place and docks, per mode (editor,
reviewer), through the preferences file; saved layouts that are damaged, another program's or
off every screen are ignored or corrected, never a reason for a hidden or broken window."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

from jcm_pdd.gui.mainwindow import MainWindow
from jcm_pdd.gui.preferences import Preferences
from tests.gui.review_packages import built_rounds, copy_into

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


def start(qtbot) -> MainWindow:
    """A new start of the app: preferences read from the file, as ``application.main`` does."""
    window = MainWindow(Preferences.load())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def dock(window: MainWindow, name: str) -> QDockWidget:
    found = window.findChild(QDockWidget, name)
    assert found is not None, name
    return found


def test_the_editor_and_the_reviewer_each_get_their_own_layout_back(
    qtbot, answers, project_file: Path, tmp_path: Path, tmp_path_factory
) -> None:
    first = start(qtbot)
    first.resize(800, 610)  # (the test screen is 800 pixels wide)
    first.move(0, 30)
    assert first.open_path(project_file)
    # The user shows the confidential items and drags the C.3 panel to the left.
    first.confidential_dock.toggleViewAction().trigger()  # View > Confidential items
    first.addDockWidget(LEFT, first.calc_dock)
    assert first.dockWidgetArea(first.calc_dock) == LEFT
    # ...then reviews a package with the findings on the right.
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "received")
    assert first.close_document() and first.open_path(package)
    first.addDockWidget(RIGHT, dock(first, "findingsDock"))
    first.close()  # the preferences are written as the app quits

    second = start(qtbot)
    assert second.height() == 610 and second.y() == first.y()
    assert second.open_path(project_file)
    qtbot.waitUntil(lambda: second.calc_panel.figures.rows != [])
    assert second.dockWidgetArea(second.calc_dock) == LEFT
    assert second.confidential_dock.isVisible()
    assert second.dockWidgetArea(second.diag_dock) == BOTTOM
    assert second.close_document() and second.open_path(package)
    assert second.dockWidgetArea(dock(second, "findingsDock")) == RIGHT
    assert second.dockWidgetArea(dock(second, "signoffDock")) == BOTTOM
    assert second.close_document()
    second.close()


def test_damaged_or_foreign_saved_layouts_are_ignored(
    qtbot, answers, project_file: Path, tmp_path: Path
) -> None:
    other = QMainWindow()  # another program's (or an older layout's) saved state
    foreign = QDockWidget("x", other)
    foreign.setObjectName("calcDock")  # even a dock of the same name stays where it is
    other.addDockWidget(LEFT, foreign)
    Preferences.file().parent.mkdir(parents=True, exist_ok=True)
    for geometry, state in [
        (5, ["not", "text"]),  # a hand-edited file: not even strings
        ("%%% not base64 %%%", "%%% not base64 %%%"),
        (base64.b64encode(b"\x00garbage" * 9).decode(), base64.b64encode(b"junk").decode()),
        ("", base64.b64encode(bytes(other.saveState(7).data())).decode()),
    ]:
        Preferences.file().write_text(
            json.dumps({"geometry": geometry, "window_state": state}), encoding="utf-8"
        )
        window = start(qtbot)
        assert window.isVisible() and window.width() >= window.minimumWidth()
        assert window.open_path(project_file)
        assert window.dockWidgetArea(window.calc_dock) == RIGHT  # the built-in layout
        assert window.dockWidgetArea(window.diag_dock) == BOTTOM
        assert window.calc_dock.isVisible() and window.diag_dock.isVisible()
        assert window.close_document()
        window.close()
        assert isinstance(json.loads(Preferences.file().read_text())["window_state"], str)


def test_a_window_saved_on_a_screen_that_is_gone_comes_back_into_view(qtbot, answers) -> None:
    first = start(qtbot)
    first.move(30000, 20000)  # on a second monitor, since unplugged
    first.close()
    second = start(qtbot)
    frame = second.frameGeometry()
    seen = [s.availableGeometry().intersected(frame) for s in QGuiApplication.screens()]
    assert any(r.width() >= 120 and r.height() >= 40 for r in seen), (frame, seen)


def test_a_dock_floated_on_a_screen_that_is_gone_comes_back_into_the_window(
    qtbot, answers, project_file: Path
) -> None:
    first = start(qtbot)
    assert first.open_path(project_file)
    first.calc_dock.setFloating(True)  # the user pulled the C.3 panel out...
    first.calc_dock.move(30000, 20000)  # ...onto a second monitor, since unplugged
    qtbot.waitUntil(lambda: first.calc_dock.x() > 10000)
    first.close()
    second = start(qtbot)
    assert second.open_path(project_file)
    dock = second.calc_dock
    frame = dock.frameGeometry() if dock.isFloating() else second.frameGeometry()
    seen = [s.availableGeometry().intersected(frame) for s in QGuiApplication.screens()]
    assert not dock.isFloating() or any(r.width() >= 120 and r.height() >= 40 for r in seen)
    assert dock.isVisible()


def test_a_first_start_fits_the_window_and_the_guide_to_the_screen(qtbot, answers) -> None:
    """Nothing saved yet (a first start): the window's default 1280x820 is shrunk to the screen
    it opens on, its title bar included, so no dock starts below the screen's edge (a 1366x768
    laptop; the offscreen test screen is smaller still); the user guide likewise."""
    from jcm_pdd.gui.help import UserGuide

    window = start(qtbot)
    area = window.screen().availableGeometry()
    assert window.width() <= area.width()
    assert window.height() <= area.height() - 30  # room for a title bar
    assert window.height() >= window.minimumHeight()  # never below the usable minimum
    guide = UserGuide("en", window)
    qtbot.addWidget(guide)
    assert guide.width() <= area.width() and guide.height() <= area.height() - 30

"""The main window's saved layout: its size and place, and where its docks are, per mode.

The preferences keep Qt's own ``saveGeometry`` / ``saveState`` bytes as base64 text
(``Preferences.geometry``, ``window_state``, ``review_window_state``). The docks differ by
mode, so two layouts are kept: the editor's (C.3, Diagnostics, Confidential items, Findings to
answer) and the reviewer's, for a validator's or verifier's package (Findings, Sign-offs,
Periods, Round N beside the same docks). A layout is remembered when its document closes and
put back when the next document of the same mode opens, after its docks are built.

Saved text that is not base64, bytes Qt does not recognise (damaged, from another program or
another layout version) are ignored: the window keeps its built-in layout. A geometry saved on
a screen that is no longer there is moved onto one that is, so the window is never out of sight
(a dock floated on such a screen Qt's restoreState brings onto a present one itself; tested).
"""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from jcm_pdd.gui.mainwindow import MainWindow

# Passed to saveState/restoreState: a layout saved by another version of the docks (their
# names or number changed) is refused by Qt instead of misplacing them. Raise it when they do.
LAYOUT_VERSION = 1
# How much of the window must lie on a screen for it to be found and dragged back.
_VISIBLE = (120, 40)
# Room left for the window's title bar and frame, which the size given to resize() excludes
# and which is not known before the window is first shown (about 30 pixels on most desktops).
_TITLE_BAR = 40


def encode(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def decode(text: object) -> QByteArray | None:
    """The saved bytes, or None for nothing saved or text that is not base64."""
    if not isinstance(text, str) or not text:
        return None
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None
    return QByteArray(raw) if raw else None


def mode(window: MainWindow) -> str:
    """``review`` while a validator's or verifier's package is shown, else ``editor``."""
    return "review" if window.review_docks else "editor"


def restore_geometry(window: MainWindow) -> bool:
    """Put the window where it was; with nothing saved (a first start) or a saved geometry that
    is bad, keep the default size as far as the screen holds it (``fit_to_screen``)."""
    data = decode(window.prefs.geometry)
    if data is None or not window.restoreGeometry(data):
        fit_to_screen(window)
        return False
    keep_on_screen(window)
    return True


def fit_to_screen(window: QWidget) -> None:
    """Shrink the default size to the screen's free area, its title bar included: a 1366x768
    laptop (with a task bar, 728 pixels high on Windows) would otherwise open the window taller
    than the screen, the Diagnostics dock and the bottom of the C.3 panel below its edge (the
    user guide's window too, the other tall one)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area: QRect = screen.availableGeometry()
    width = min(window.width(), area.width())
    height = min(window.height(), area.height() - _TITLE_BAR)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)


def keep_on_screen(window: MainWindow) -> None:
    """Move a window that no screen shows enough of (a monitor unplugged) onto the primary one."""
    frame = window.frameGeometry()
    screens = QGuiApplication.screens()
    for screen in screens:
        seen = screen.availableGeometry().intersected(frame)
        if seen.width() >= min(_VISIBLE[0], frame.width()) and seen.height() >= min(
            _VISIBLE[1], frame.height()
        ):
            return
    primary = QGuiApplication.primaryScreen()
    if primary is None:
        return
    area: QRect = primary.availableGeometry()
    width, height = min(window.width(), area.width()), min(window.height(), area.height())
    window.resize(width, height)
    window.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)


def remember_layout(window: MainWindow) -> None:
    """Keep the geometry and the current mode's dock layout (saved with the preferences)."""
    window.prefs.geometry = encode(window.saveGeometry())
    state = encode(window.saveState(LAYOUT_VERSION))
    if mode(window) == "review":
        window.prefs.review_window_state = state
    else:
        window.prefs.window_state = state


def restore_layout(window: MainWindow) -> bool:
    """Put the current mode's docks where they were; False when nothing usable was saved."""
    saved = (
        window.prefs.review_window_state if mode(window) == "review" else window.prefs.window_state
    )
    data = decode(saved)
    return data is not None and window.restoreState(data, LAYOUT_VERSION)

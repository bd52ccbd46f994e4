"""Colours that read well in the system's light and dark palettes.

No widget hard-codes a colour. A light palette gets the pale tints and dark inks the
interface always had (hand-picked, dark text reads on them); a dark palette gets tints mixed
from its own background and inks mixed from its own text, so they sit in any dark theme.
``style_banner`` keeps a banner (the read-only notice) styled from the current palette, also
when the user switches between light and dark while the window is open.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# The hue of each state; mixed with a dark palette's colours, never shown as is.
HUES = {
    "warning": QColor(230, 160, 0),
    "stale": QColor(240, 120, 0),
    "error": QColor(220, 40, 40),
    "ok": QColor(40, 160, 70),
    "info": QColor(40, 110, 220),
}
# Light palettes: backgrounds behind the palette's (dark) text, and text on its window.
LIGHT_TINTS = {
    "warning": "#fff3cd",
    "stale": "#ffe0b2",
    "error": "#fde2e1",
    "ok": "#e2f0e3",
    "info": "#dde9fb",
}
LIGHT_INKS = {
    "warning": "#8a5a00",
    "stale": "#8a4b00",
    "error": "#b00020",
    "ok": "#1e6b30",
    "info": "#1d4f9a",
}


def palette_of(widget: QWidget | None = None) -> QPalette:
    if widget is not None:
        return widget.palette()
    return QApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    """A dark palette: its window colour is darker than its text."""
    palette = palette or palette_of()
    window = palette.color(QPalette.ColorRole.Window).lightnessF()
    text = palette.color(QPalette.ColorRole.WindowText).lightnessF()
    return window < text


def mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    """``a`` with ``share_of_b`` of ``b`` blended in (0: a, 1: b), in whole 8-bit steps."""
    t = max(0.0, min(1.0, share_of_b))
    return QColor(
        round(a.red() * (1 - t) + b.red() * t),
        round(a.green() * (1 - t) + b.green() * t),
        round(a.blue() * (1 - t) + b.blue() * t),
    )


def tint(
    state: str, palette: QPalette | None = None, role: QPalette.ColorRole | None = None
) -> QColor:
    """A background for ``state`` behind the palette's own text (cells, banners)."""
    palette = palette or palette_of()
    if not is_dark(palette):
        return QColor(LIGHT_TINTS[state])
    base = palette.color(role or QPalette.ColorRole.Base)
    return mix(base, HUES[state], 0.3)


def ink(state: str, palette: QPalette | None = None) -> QColor:
    """A text colour for ``state`` on the palette's window background (warnings, errors)."""
    palette = palette or palette_of()
    if not is_dark(palette):
        return QColor(LIGHT_INKS[state])
    return mix(palette.color(QPalette.ColorRole.WindowText), HUES[state], 0.5)


def contrast(foreground: QColor, background: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21); 4.5 reads well as body text."""

    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = channel(colour.redF()), channel(colour.greenF()), channel(colour.blueF())
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def banner_colours(palette: QPalette | None, state: str) -> tuple[QColor, QColor, QColor]:
    """(background, text, border) of a banner in ``state``."""
    palette = palette or palette_of()
    background = tint(state, palette, QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    if not is_dark(palette) and state == "warning":
        text = QColor("#5c4500")  # the banner's ink on its pale band, as before
    if state == "error":
        # An untrustworthy package must not look like a verified one: a saturated band with
        # white text (contrast >= 4.5 in both palettes), not a pale tint.
        background = QColor("#b00020") if not is_dark(palette) else QColor("#9b1c1c")
        text = QColor("#ffffff")
    border = mix(background, HUES[state], 0.5)
    return background, text, border


def banner_style_sheet(
    palette: QPalette | None = None, state: str = "warning", selector: str = ""
) -> str:
    """The banner's style; with ``selector`` the band is drawn by that widget only and its
    labels take the text colour on a transparent background (a band holding an icon)."""
    background, text, border = banner_colours(palette, state)
    band = (
        f"background: {background.name()}; color: {text.name()}; padding: 8px;"
        f" border-bottom: {3 if state == 'error' else 1}px solid {border.name()};"
    )
    if not selector:
        return band
    return (
        f"{selector} {{ {band} }} "
        f"QLabel {{ color: {text.name()}; background: transparent; border: none; }}"
    )


class _PaletteFollower(QObject):
    """Re-applies a widget's palette-derived style sheet when the palette changes."""

    def __init__(self, widget: QWidget, state: str, selector: str = "") -> None:
        super().__init__(widget)
        self.setObjectName("paletteFollower")
        self._state = state
        self._selector = selector
        self._applying = False
        widget.installEventFilter(self)
        self.apply(widget)

    def apply(self, widget: QWidget) -> None:
        self._applying = True  # setting a style sheet sends a StyleChange of its own
        try:
            # The application palette: a widget's own palette is already restyled by the sheet.
            sheet = banner_style_sheet(QApplication.palette(), self._state, self._selector)
            widget.setStyleSheet(sheet)
        finally:
            self._applying = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            not self._applying
            and event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange)
            and isinstance(watched, QWidget)
        ):
            self.apply(watched)
        return False

    def set_state(self, widget: QWidget, state: str) -> None:
        self._state = state
        self.apply(widget)


def style_banner(widget: QWidget, state: str = "warning", selector: str = "") -> None:
    """Give ``widget`` a banner look (tinted band, palette text) that follows the palette."""
    widget.setAutoFillBackground(True)
    _PaletteFollower(widget, state, selector)


def set_banner_state(widget: QWidget, state: str) -> None:
    """Restyle a banner made by ``style_banner`` for another state (ok, warning, error)."""
    follower = widget.findChild(QObject, "paletteFollower")
    if not isinstance(follower, _PaletteFollower):
        style_banner(widget, state)
    else:
        follower.set_state(widget, state)

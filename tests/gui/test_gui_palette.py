"""Colours follow the light or dark palette: the read-only banner, finding status cells and a
refused field's border read well (WCAG contrast >= 4.5 for text) in both, and a banner restyles
itself when the palette changes while it is shown. Screenshots: see tests/gui/screens.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory

from jcm_pdd.gui import theme
from jcm_pdd.gui.review_common import STATUSES, status_colour
from jcm_pdd.session import io as session_io
from tests.gui.conftest import filled_project
from tests.gui.screens import keep_screenshot


def dark_palette() -> QPalette:
    """A dark palette as a desktop's dark theme sets it (grey window, near-black base)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2d2d2d"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1e1e1e"),
        (roles.AlternateBase, "#2a2a2a"),
        (roles.Text, "#e6e6e6"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.ToolTipBase, "#3a3a3a"),
        (roles.ToolTipText, "#e6e6e6"),
        (roles.PlaceholderText, "#9a9a9a"),
        (roles.Highlight, "#2a82da"),
        (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#6cb4ff"),
    ):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#7a7a7a"))
    return palette


def light_palette() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


@pytest.fixture
def palettes(qapp) -> Iterator[dict[str, QPalette]]:
    before = QApplication.palette()
    yield {"light": light_palette(), "dark": dark_palette()}
    QApplication.setPalette(before)


def _pixel(widget, point: QPoint) -> QColor:
    return widget.grab().toImage().pixelColor(point)


def test_banner_reads_in_both_palettes_and_follows_a_switch(qtbot, palettes) -> None:
    QApplication.setPalette(palettes["light"])
    banner = QLabel("Read-only: solar.jcmpdd is open in another window (Tanaka, since 09:12).")
    banner.setWordWrap(True)
    theme.style_banner(banner)
    qtbot.addWidget(banner)
    banner.resize(720, 40)
    banner.show()
    for name in ("light", "dark"):
        QApplication.setPalette(palettes[name])
        QApplication.processEvents()
        palette = palettes[name]
        background = theme.tint("warning", palette, QPalette.ColorRole.Window)
        assert _pixel(banner, QPoint(2, 2)) == background, f"{name}: the band is drawn"
        sheet = banner.styleSheet()
        text = QColor(sheet.split("color: ")[1].split(";")[0])
        assert theme.contrast(text, background) >= 4.5, f"{name}: banner text reads"
        assert theme.is_dark(palette) == (name == "dark")
        # The band stands out from the window around it, in either palette.
        window = palette.color(QPalette.ColorRole.Window)
        assert background != window
        keep_screenshot(banner, f"banner_{name}.png")


def test_state_colours_read_in_both_palettes(palettes) -> None:
    for name, palette in palettes.items():
        text = palette.color(QPalette.ColorRole.Text)
        for status in STATUSES:
            cell = status_colour(status, palette)
            assert theme.contrast(text, cell) >= 4.5, f"{name}: {status} cell text reads"
        cells = {status_colour(s, palette).name() for s in STATUSES}
        assert len(cells) == len(STATUSES), "each status has its own colour"
        window = palette.color(QPalette.ColorRole.Window)
        for state in ("warning", "error", "ok", "stale"):
            assert theme.contrast(theme.ink(state, palette), window) >= 4.5, f"{name}: {state}"
            cell = theme.tint(state, palette)
            assert theme.contrast(text, cell) >= 4.5, f"{name}: text on {state} tint"


def test_refused_field_border_in_the_dark_palette(window, qtbot, palettes) -> None:
    QApplication.setPalette(palettes["dark"])
    QApplication.processEvents()  # Qt hands the new palette to existing widgets by events
    session = session_io.new_document(filled_project())
    window.set_session(session)
    page = window.view.show_section("PDD:A.5")
    binding = page.binding("pdd.duration.operational_lifetime_years")
    binding.editor.setText("seventeen")  # refused: the border says so, in the dark palette's red
    sheet = binding.editor.styleSheet()
    border = QColor(sheet.split("solid ")[1].split(";")[0])
    assert border == theme.ink("error", palettes["dark"])
    window_colour = palettes["dark"].color(QPalette.ColorRole.Window)
    assert theme.contrast(border, window_colour) >= 3, "a border needs 3:1 (WCAG non-text)"
    window.resize(1280, 820)
    keep_screenshot(window, "window_dark_a5.png")


def test_finding_status_cells_follow_a_palette_switch(
    qtbot, palettes, tmp_path, tmp_path_factory
) -> None:
    from jcm_pdd.gui.review_panel import ReviewPanel
    from jcm_pdd.package import open_package
    from jcm_pdd.package.review import review_for_package
    from tests.gui.review_packages import built_rounds, copy_into

    QApplication.setPalette(palettes["light"])
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "validator")
    opened = open_package(package)
    try:
        review, path = review_for_package(package, 1, opened.package_id, "")
        panel = ReviewPanel(review, path)
        qtbot.addWidget(panel)
        panel.show()
        assert panel.raise_finding("CAR", "pdd.title", "The title differs from the MoC.")
        for name in ("light", "dark"):
            QApplication.setPalette(palettes[name])
            QApplication.processEvents()
            cell = panel.table.item(0, 1).background().color()
            assert cell == status_colour("open", palettes[name]), name
            assert theme.contrast(palettes[name].color(QPalette.ColorRole.Text), cell) >= 4.5
            panel.start_new()  # no row selected: the status colour shows
            panel.resize(900, 300)
            keep_screenshot(panel, f"findings_status_{name}.png")
    finally:
        opened.close()

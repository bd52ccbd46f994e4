"""The desktop checks of ``jcm-pdd selftest``: the main window opened offscreen on the sample with
its chart, the SVG icons, and both Japanese translation files (the app's and Qt's own).

These catch what freezing breaks silently: a missing Qt plugin (the SVG icon engine and image
format, the offscreen platform), QtCharts left out, or a translation file not bundled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QLibraryInfo, QTimer, QTranslator
from PySide6.QtGui import QIcon, QImageReader

from jcm_pdd.gui.application import application
from jcm_pdd.paths import resources_dir, sample_project_path
from jcm_pdd.selftest import Check, SelfTestFailure


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def check_main_window(work: Path) -> str:
    from jcm_pdd.gui.application import build_window

    window = build_window(sample_project_path(), recover=False)
    try:
        _expect(window.session is not None, "the sample did not open")
        if window.calc_panel.chart_view is None:
            # An event loop, not a processEvents() spin (see tests/benchmarks/bench_gui.py).
            loop = QEventLoop()
            window.figures_updated.connect(loop.quit)
            QTimer.singleShot(15000, loop.quit)
            loop.exec()
        chart = window.calc_panel.chart_view
        _expect(chart is not None, "no chart after the figures were calculated")
        assert chart is not None
        from PySide6.QtCharts import QAbstractBarSeries

        series = chart.chart().series()
        bars = series[0] if len(series) == 1 else None
        _expect(
            isinstance(bars, QAbstractBarSeries) and bars.count() == 3,
            "the chart has no RE/PE/ER bars",
        )
        assert isinstance(bars, QAbstractBarSeries)
        years = bars.barSets()[0].count()
        shot = window.grab()
        _expect(not shot.isNull() and shot.width() > 600, "the window could not be drawn")
        shot.save(str(work / "main-window.png"))
        return f"sample open, chart of {years} years, window drawn {shot.width()}x{shot.height()}"
    finally:
        window.close()
        window.deleteLater()


def check_icons(_work: Path) -> str:
    application()
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    _expect("svg" in formats, "the SVG image format plugin is missing")
    icons = sorted((resources_dir() / "icons").glob("*.svg"))
    _expect(bool(icons), "no icons")
    for path in icons:
        for size in (16, 48):
            image = QIcon(str(path)).pixmap(size, size).toImage()
            _expect(not image.isNull(), f"{path.name} does not render at {size}px")
            # A drawn icon has opaque pixels; a failed SVG load gives a blank image.
            opaque = any(
                image.pixelColor(x, y).alpha() > 0 for x in range(size) for y in range(size)
            )
            _expect(opaque, f"{path.name} renders blank at {size}px")
    return f"{len(icons)} SVG icons render at 16 and 48 px"


def check_translations(_work: Path) -> str:
    from jcm_pdd.gui.i18n import install_language, translations_dir

    application()
    try:
        _expect(install_language("ja"), f"jcm_pdd_ja.qm not loaded from {translations_dir()}")
        ours = QCoreApplication.translate("", "Diagnostics")
        _expect(ours == "診断", f"the app's catalogue gave {ours!r} for 'Diagnostics'")
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator()
        _expect(qt.load("qtbase_ja", qt_dir), f"Qt's qtbase_ja.qm not found in {qt_dir}")
        context, source = "QPlatformTheme", "Cancel"  # Qt's own message (not for lupdate)
        cancel = qt.translate(context, source)
        _expect(cancel == "キャンセル", f"Qt's catalogue gave {cancel!r} for 'Cancel'")
    finally:
        install_language("en")
    return f"jcm_pdd_ja.qm and qtbase_ja.qm load (Diagnostics: {ours}, Cancel: {cancel})"


GUI_CHECKS: list[Check] = [
    ("SVG icons", check_icons),
    ("Japanese translations", check_translations),
    ("main window with the sample", check_main_window),
]

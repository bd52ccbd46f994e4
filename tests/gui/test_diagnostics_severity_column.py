"""The Diagnostics dock's Severity column fits its longest word in the interface language,
whichever lines are in view (errors come first, so the top lines alone said "Wa…")."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from jcm_pdd.gui import none_guard
from jcm_pdd.gui.diagnostics_panel import DiagnosticsPanel, severity_text
from jcm_pdd.gui.i18n import install_language
from jcm_pdd.session.diagnostics import DiagnosticView


def _errors_then_warnings() -> list[DiagnosticView]:
    # more lines than Qt measures for a column sized to its contents (1,000)
    errors = [DiagnosticView("error", f"value {n} is missing", f"pdd.a.{n}") for n in range(1500)]
    warnings = [DiagnosticView("warning", f"value {n} is odd", f"pdd.b.{n}") for n in range(50)]
    return errors + warnings + [DiagnosticView("info", "a note", "pdd.c")]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_severity_column_fits_the_widest_severity_word(qtbot, language) -> None:
    assert install_language(language)
    try:
        panel = DiagnosticsPanel()
        qtbot.addWidget(panel)
        none_guard.install(panel)  # as the window does: PySide6 6.12 drops None's references
        panel.resize(900, 260)
        panel.show()
        qtbot.waitExposed(panel)
        panel.set_diagnostics(_errors_then_warnings())
        QTest.qWait(50)
        tree = panel.tree
        words = [severity_text(s) for s in ("error", "warning", "info")]
        if language == "ja":
            assert "Warning" not in words  # the Japanese words are the ones measured
        widest = max(tree.fontMetrics().horizontalAdvance(w) for w in words)
        icon = tree.style().pixelMetric(tree.style().PixelMetric.PM_SmallIconSize)
        width = tree.header().sectionSize(0)
        panel.grab().save(f"/work/screenshots/issue-pol/diagnostics-severity-{language}.png")
        assert width >= widest + icon, (width, widest, icon)
        # the last line (a warning, far out of view) reads in full: no elision in its cell
        last = tree.topLevelItem(tree.topLevelItemCount() - 2)
        assert last.text(0) == severity_text("warning")
        tree.scrollToItem(last)
        QTest.qWait(20)
        rect = tree.visualItemRect(last)
        assert rect.isValid() and tree.header().sectionSize(0) == width  # not resized on scroll
        panel.grab().save(f"/work/screenshots/issue-pol/diagnostics-severity-{language}-end.png")
    finally:
        install_language("en")

"""The Diagnostics dock replaces only the lines that changed (10,000 problems stay interactive)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jcm_pdd.gui.diagnostics_panel import DiagnosticsPanel
from jcm_pdd.session.diagnostics import DiagnosticView


def _problems(numbers: range, word: str = "negative") -> list[DiagnosticView]:
    return [
        DiagnosticView("error", f"value {n} is {word}", f"monitoring.periods.0.values.{n}.value")
        for n in numbers
    ]


def _lines(panel: DiagnosticsPanel) -> list[tuple[str, str, str]]:
    tree = panel.tree
    return [
        (
            tree.topLevelItem(n).text(1),
            tree.topLevelItem(n).text(2),
            panel.path_at(n),
        )
        for n in range(tree.topLevelItemCount())
    ]


def _expected(
    diagnostics: list[DiagnosticView], labels: dict[str, str]
) -> list[tuple[str, str, str]]:
    return [(d.message, labels.get(d.path, d.path), d.path) for d in diagnostics]


def test_one_problem_fixed_replaces_its_line_only(qtbot) -> None:
    panel = DiagnosticsPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    before = _problems(range(600))
    labels = {d.path: f"period 1, row {n + 1}, value" for n, d in enumerate(before)}
    panel.set_diagnostics(before, labels)
    assert _lines(panel) == _expected(before, labels)
    tree = panel.tree
    chosen = tree.topLevelItem(2)
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(chosen).center()
    )
    assert tree.currentItem() is chosen
    kept_first, kept_last = tree.topLevelItem(0), tree.topLevelItem(599)

    # value 300 typed right, value 400's message changed, a new problem at the end
    after = before[:300] + before[301:400] + _problems(range(400, 401), "too large")
    after += before[401:] + _problems(range(5000, 5001))
    labels["monitoring.periods.0.values.5000.value"] = "period 1, row 5001, value"
    references = sys.getrefcount(None)
    panel.set_diagnostics(after, labels)
    # PySide6 6.12 takes a reference from None for each tooltip or icon set on an item (see
    # gui.none_guard; without its reserve the process dies with "none_dealloc"): three lines
    # changed, so three lines made, not 600 (making them all again took about 1,200)
    assert sys.getrefcount(None) > references - 600

    assert _lines(panel) == _expected(after, labels)
    assert tree.topLevelItem(0) is kept_first and tree.topLevelItem(598) is kept_last
    assert tree.currentItem() is chosen  # the selection stays where the user left it
    assert panel.summary.text().startswith("Errors: 600,")

    del chosen, kept_first, kept_last  # their lines are deleted below
    # most lines changed (a language switch, another document): the list is made again
    other = _problems(range(0, 1200, 2), "missing")
    panel.set_diagnostics(other, {})
    assert _lines(panel) == _expected(other, {})
    panel.set_diagnostics([], {})
    assert tree.topLevelItemCount() == 0 and not tree.isVisible()
    panel.set_diagnostics(before[:5], labels)
    assert _lines(panel) == _expected(before[:5], labels)

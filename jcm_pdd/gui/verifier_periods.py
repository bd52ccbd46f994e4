"""Verifier mode's Periods dock: findings and sign-offs per monitoring period.

A verification package covers one or more monitoring periods. This dock lists them with their
dates, their credited ER as re-computed from the package, the findings not closed on each
(raised on the period, ``MRS:period N``, or on any of its fields) and the state of its sign-off
(none, current, or stale because a later round changed its values or figures). Its buttons
sign the selected period off, raise a finding on it (in the Findings dock, which does the
writing) and show it on the Monitoring page. The review file is written only through the
findings and sign-off panels, as in validator mode.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui import theme
from jcm_pdd.gui.review_panel import ReviewPanel
from jcm_pdd.gui.signoff_panel import SignOffPanel
from jcm_pdd.gui.widgets import reading_table
from jcm_pdd.package.fingerprint import PERIOD_PREFIX
from jcm_pdd.package.review import Review

ROLE_KEY = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def period_key(number: int) -> str:
    """``MRS:period 2``: the review's key of period 2 (numbered from 1)."""
    return f"{PERIOD_PREFIX}{number}"


def period_path(target: str) -> str:
    """A finding's target as a place in the document: ``MRS:period 2`` is
    ``monitoring.periods.1``; anything else is returned as it is."""
    if target.startswith(PERIOD_PREFIX) and target[len(PERIOD_PREFIX) :].isdigit():
        return f"monitoring.periods.{int(target[len(PERIOD_PREFIX) :]) - 1}"
    return target


def open_findings(review: Review, number: int) -> list[str]:
    """Ids of the findings not closed on period ``number`` or on any of its fields."""
    key, path = period_key(number), f"monitoring.periods.{number - 1}"
    return [
        f.id
        for f in review.findings
        if f.status != "closed"
        and (f.target == key or f.target == path or f.target.startswith(path + "."))
    ]


class PeriodsPanel(QWidget):
    """The covered periods of a verification package, with findings and sign-offs per period."""

    go_to_target = Signal(str)  # a period's model path: show it on the Monitoring page

    def __init__(
        self,
        review: Review,
        periods: list[tuple[int, str, str]],  # (number from 1, dates, credited ER)
        findings: ReviewPanel,
        signoffs: SignOffPanel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.review = review
        self.periods = periods
        self.findings = findings
        self.signoffs = signoffs

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.sign_button = QPushButton(tr("Sign off period"))
        self.sign_button.setToolTip(
            tr("Mark the selected period's values and figures as verified in this round")
        )
        self.finding_button = QPushButton(tr("Raise finding on period…"))
        self.show_button = QPushButton(tr("Show period"))
        self.sign_button.clicked.connect(lambda: self.sign_off_selected())
        self.finding_button.clicked.connect(lambda: self.raise_on_selected())
        self.show_button.clicked.connect(lambda: self.show_selected())
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        for button in (self.show_button, self.finding_button, self.sign_button):
            top.addWidget(button)

        self.table = QTableWidget(0, 5)
        reading_table(self.table)
        self.table.setAccessibleName(tr("Monitoring periods to verify"))
        self.table.setHorizontalHeaderLabels(
            [tr("Period"), tr("Dates"), tr("ER credited"), tr("Open findings"), tr("Sign-off")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _item: self.show_selected())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        findings.changed.connect(self.refresh)
        signoffs.changed.connect(self.refresh)
        self.refresh()

    # -- state -------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_period()
        states = {s.signoff.section: s for s in self.signoffs.states}
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        signed = stale = 0
        for number, dates, credited in self.periods:
            row = self.table.rowCount()
            self.table.insertRow(row)
            state = states.get(period_key(number))
            if state is None:
                mark, tint = tr("not signed off"), ""
            elif state.stale:
                mark, tint = tr("⚠ stale: {0} change(s)").format(len(state.changes)), "stale"
                stale += 1
            else:
                mark, tint = tr("✓ round {0}").format(state.signoff.round), "ok"
                signed += 1
            opened = open_findings(self.review, number)
            cells = (str(number), dates, credited, ", ".join(opened) or "—", mark)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE_KEY, number)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if tint and column == 4:
                    item.setBackground(QBrush(theme.tint(tint, self.table.palette())))
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.summary.setText(
            tr("{0} period(s) to verify: {1} signed off, {2} stale, {3} to go.").format(
                len(self.periods), signed, stale, len(self.periods) - signed - stale
            )
        )
        if selected is not None:
            self.select_period(selected)
        self._selection_changed()

    def selected_period(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(ROLE_KEY)) if items else None

    def select_period(self, number: int) -> bool:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(ROLE_KEY) == number:
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        chosen = self.selected_period() is not None
        for button in (self.sign_button, self.finding_button, self.show_button):
            button.setEnabled(chosen)

    # -- actions (the findings and sign-off panels write the review) --------------------------
    def sign_off_selected(self) -> bool:
        number = self.selected_period()
        if number is None:
            return False
        done = self.signoffs.sign_off_current(period_key(number))
        self.select_period(number)
        return done

    def raise_on_selected(self) -> None:
        number = self.selected_period()
        if number is None:
            return
        dock = self.findings.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()
        self.findings.new_finding_on(period_key(number))

    def show_selected(self) -> None:
        number = self.selected_period()
        if number is not None:
            self.go_to_target.emit(f"monitoring.periods.{number - 1}")

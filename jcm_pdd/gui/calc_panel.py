"""The live calculation panel: RE, PE and ER per year (PDD C.3) with totals, a bar chart, and a
"Show calculation" view listing each equation with substituted values and provenance marks.

The chart (QtCharts) is created on the first figures that have years, so starting the app does
not pay for loading QtCharts.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.gui.theme import ink
from jcm_pdd.gui.widgets import read_only_item, reading_table
from jcm_pdd.session.figures import FiguresView

if TYPE_CHECKING:
    from jcm_pdd.gui.chart import YearChart  # QtCharts is imported only when a chart is shown


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def provenance_text(provenance: str) -> str:
    return {
        "entered": tr("entered"),
        "default": tr("default"),
        "calculated": tr("calculated"),
        "overridden": tr("overridden"),
        "unverified default": tr("unverified default"),
    }.get(provenance, provenance)


def message_text(message: str, missing: int = 1, place: str = "") -> str:
    """The panel's own messages in the interface language; the engine's (lower-case phrases
    naming what is missing, in English like every methodology text) after a lead-in that
    says how many inputs are still missing. Under another interface language the field is
    named by its ``place`` in the form instead (the form's labels, the interface's words), so
    no English sentence is left in a Japanese panel."""
    known = {
        "Choose a methodology (B.1) to see the figures.": tr(
            "Choose a methodology (B.1) to see the figures."
        ),
        "No project open.": tr("No project open."),
        "Calculating…": tr("Calculating…"),  # a document just opened, its figures on the way
    }
    if message in known or not message:
        return known.get(message, message)
    if place:
        message = place
    if missing > 1:
        return tr("The figures need {0} more inputs. First: {1}").format(missing, message)
    return tr("The figures need one more input: {0}").format(message)


PROVENANCE_MARK = {
    "entered": "✎",
    "default": "◆",
    "calculated": "=",
    "overridden": "✱",
    "unverified default": "⚠",
}


def caveat_text(status: str) -> str:
    """The methodology-level caveat in the interface language (the English text is
    ``methodology.status.CAVEAT``, which the exports and ``calc`` print; a test keeps them
    equal)."""
    texts = {
        "draft": tr(
            "Methodology from a draft: the equations or eligibility criteria follow a "
            "pre-approval draft, not the approved methodology document."
        ),
        "unverified": tr(
            "Methodology not verified: the equations and eligibility criteria follow the "
            "methodology's published summary; they were not read from the approved methodology "
            "document."
        ),
        "reconstructed": tr(
            "Methodology not read from the approved document: the equations, eligibility "
            "criteria, numbering or title were derived from related methodologies and secondary "
            "sources. Check every figure against the official methodology before submission."
        ),
    }
    return texts.get(status, "")


class _BoxLabel(QLabel):
    """The words of a check box, wrapped: QCheckBox draws its text on one line, and the
    acknowledgement's sentence then held the dock at least 380 px wide. A click toggles it."""

    def __init__(self, box: QCheckBox) -> None:
        super().__init__()
        self._box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.click()  # as a click on the box: clicked (and the recorded change) follow
        super().mouseReleaseEvent(event)


class CalcPanel(QWidget):
    go_to_path = Signal(str)  # "Go to the field" under a message about a missing input
    # the user ticked (template full id) or cleared ("") the acknowledgement that the
    # methodology is not read from the approved document
    acknowledgement_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.figures = FiguresView(message="No project open.")
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        # a link is clicked as much as it is reached with Tab and Enter
        self.message.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.message.linkActivated.connect(self.go_to_path)
        self.provenance = QLabel()
        self.provenance.setWordWrap(True)
        self.methodology = QLabel()  # the methodology-level caveat (methodology/status.py)
        self.methodology.setWordWrap(True)
        self.acknowledge = QCheckBox()  # its words in acknowledge_label, which wraps
        self.acknowledge.clicked.connect(self._acknowledge_clicked)
        self.acknowledge_label = _BoxLabel(self.acknowledge)
        self.acknowledge_row = QWidget()
        row = QHBoxLayout(self.acknowledge_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.acknowledge, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.acknowledge_label, 1)
        self.table = QTableWidget(0, 5)
        reading_table(self.table)
        self.table.verticalHeader().setVisible(False)
        # One line of figures per year, no taller: the years are what this panel is for, and on
        # a 1366x768 laptop (a long methodology caveat above) the default rows showed one year.
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setMinimumHeight(rows.defaultSectionSize() * 5)  # the header and four years
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.show_button = QPushButton()
        self.show_button.clicked.connect(self.show_calculation)
        self._set_texts()
        self.chart_holder = QVBoxLayout()
        self.chart_view: YearChart | None = None  # built when first needed
        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(self.methodology)
        layout.addWidget(self.acknowledge_row)
        layout.addWidget(self.totals)
        layout.addWidget(self.message)
        layout.addWidget(self.provenance)
        layout.addWidget(self.table, 3)  # the figures before the picture of them
        layout.addLayout(self.chart_holder, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.show_button)
        layout.addLayout(row)
        self.set_figures(self.figures)

    def _set_texts(self) -> None:
        self.totals.setAccessibleName(tr("Total estimated emission reductions"))
        self.provenance.setToolTip(tr("Where the inputs of the calculation come from"))
        self.table.setAccessibleName(tr("Estimated emissions per year"))
        self.table.setHorizontalHeaderLabels([tr("Year"), tr("Days"), tr("RE"), tr("PE"), tr("ER")])
        for column, tip in enumerate(
            (
                tr("Calendar year"),
                tr("Days of operation in the year: a part year is pro-rated by its days"),
                tr("Reference emissions, tCO2e"),
                tr("Project emissions, tCO2e"),
                tr("Emission reductions credited, tCO2e (rounded down)"),
            )
        ):
            header = self.table.horizontalHeaderItem(column)
            assert header is not None  # set by setHorizontalHeaderLabels above
            header.setToolTip(tip)
        self.show_button.setText(tr("Show calculation…"))
        words = tr("I have checked the figures against the official methodology")
        self.acknowledge_label.setText(words)
        self.acknowledge.setAccessibleName(words)  # what a screen reader says for the box
        tip = tr("Recorded in the project; a final export needs it for this methodology")
        self.acknowledge.setToolTip(tip)
        self.acknowledge_label.setToolTip(tip)

    def retranslate(self) -> None:
        """Texts in the language just installed (the figures are shown again as they are)."""
        self._set_texts()
        self.set_figures(self.figures)
        if self.chart_view is not None:
            self.chart_view.retranslate()

    def _acknowledge_clicked(self, checked: bool) -> None:
        self.acknowledgement_changed.emit(self.figures.template_id if checked else "")

    _place = ""  # where the first missing input is, in the interface language ("" in English)

    def set_figures(self, figures: FiguresView, place: str | None = None) -> None:
        """Show ``figures``; ``place`` names the field of a missing input (see message_text);
        None keeps the one given last (the same figures shown again)."""
        self.figures = figures
        if place is not None:
            self._place = place
        self.methodology.setText(caveat_text(figures.methodology_status))
        self.methodology.setVisible(bool(figures.methodology_caveat))
        caution = ink("warning", self.palette()).name()
        self.methodology.setStyleSheet(f"color: {caution};" if figures.methodology_caveat else "")
        self.acknowledge_row.setVisible(figures.needs_acknowledgement)
        self.acknowledge.setChecked(figures.acknowledged)
        place = self._place if figures.message_path else ""
        text = html.escape(message_text(figures.message, figures.missing, place))
        if figures.message_path:
            link = html.escape(figures.message_path, quote=True)
            text += f' <a href="{link}">{html.escape(tr("Go to the field"))}</a>'
        self.message.setText(text)
        self.message.setVisible(bool(figures.message))
        # The C.3 table exactly as the documents print it (``methodology.c3``): whole tCO2e,
        # totals that are the sums of the rows, the rounding note as the table's tooltip.
        rows = figures.rows
        if rows:  # figures come from the methodology package, so it is loaded by now (the
            # window is drawn before it is: a start does not wait for the engine)
            from jcm_pdd.methodology.c3 import QUANTITIES
            from jcm_pdd.methodology.fmt import whole
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            texts = (str(row.year), str(row.days), *(whole(row.value(q)) for q in QUANTITIES))
            for c, text in enumerate(texts):
                item = self.table.item(r, c)
                if item is None:
                    self.table.setItem(r, c, read_only_item(text, c > 0))
                elif item.text() != text:
                    item.setText(text)  # only changed cells repaint
        if figures.c3 is not None and rows:
            total = figures.c3.total
            self.totals.setText(
                tr("Total {0}–{1}: ER {2} tCO2e (RE {3}, PE {4})").format(
                    rows[0].year,
                    rows[-1].year,
                    whole(total.emission_reductions),
                    whole(total.reference_emissions),
                    whole(total.project_emissions),
                )
            )
            self.table.setToolTip(figures.c3.note)
            self.totals.setToolTip(figures.c3.note)
            self._update_chart()
        else:
            self.totals.setText(tr("No figures yet."))
            self.table.setToolTip("")
            self.totals.setToolTip("")
        self.show_button.setEnabled(bool(figures.trace or figures.inputs))
        counts = {p: sum(m.provenance == p for m in figures.inputs) for p in PROVENANCE_MARK}
        marks = [f"{PROVENANCE_MARK[p]} {provenance_text(p)} {n}" for p, n in counts.items() if n]
        self.provenance.setText(tr("Inputs:") + " " + "  ".join(marks) if marks else "")
        self.provenance.setVisible(bool(marks))
        unverified = counts.get("unverified default", 0)
        warning = ink("warning", self.palette()).name()
        self.provenance.setStyleSheet(f"color: {warning};" if unverified else "")
        self._fit()

    def _fit(self) -> None:
        """Nothing overlaps in a short window. Every wrapped text asks for the lines its width
        needs (a dock does not give a word-wrapped label that height: the layout then squeezed
        the caveat and stood the table over "Show calculation…"). The chart, a picture of the
        table, is shown only when the panel has room for it beside everything else."""
        for label in (
            self.methodology,
            self.acknowledge_label,
            self.totals,
            self.message,
            self.provenance,
        ):
            width = label.width() or self.width()
            label.setMinimumHeight(0)  # heightForWidth answers at least the minimum height
            label.setMinimumHeight(max(0, label.heightForWidth(width)))
        chart = self.chart_view
        if chart is not None:
            room = self.height() - self.minimumSizeHint().height() - self._layout.spacing()
            chart.setVisible(bool(self.figures.rows) and room >= chart.minimumHeight())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The least height is that of everything but the chart, which gives way (``_fit``):
        counted in, the window could not be made shorter than the chart needs."""
        hint = super().minimumSizeHint()
        chart = self.chart_view
        if chart is not None and chart.isVisibleTo(self):
            hint.setHeight(hint.height() - chart.minimumHeight() - self._layout.spacing())
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _update_chart(self) -> None:
        from jcm_pdd.gui.chart import YearChart  # QtCharts is loaded only when needed

        if self.chart_view is None:
            self.chart_view = YearChart()
            self.chart_holder.addWidget(self.chart_view)
        self.chart_view.set_years(self.figures.rows)

    def show_calculation(self) -> QDialog:
        dialog = CalculationDialog(self.figures, self)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()  # asked for from the keyboard: the keyboard goes with it
        return dialog


def trace_html(figures: FiguresView) -> str:
    """Each equation as printed, its inputs with values and units, and its result."""
    from jcm_pdd.methodology.typeset import html as typeset_html
    from jcm_pdd.methodology.typeset import symbol_runs

    parts = [
        "<p>"
        + html.escape(
            tr(
                "One full year of operation (period p); each year in C.3 scales it by its days "
                "of operation."
            )
        )
        + "</p>"
    ]
    for line in figures.trace:
        ref = f" <small>({html.escape(line.citation)})</small>" if line.citation else ""
        symbol, bracket, index = line.symbol.partition("[")
        heading = typeset_html(symbol_runs(symbol)) + html.escape(bracket + index)
        parts.append(f"<h3>{heading}{ref}</h3>")
        if line.typeset_html:  # as the methodology prints it: symbols, subscripts, Σ, number
            parts.append(f'<p style="font-size: large">{line.typeset_html}</p>')
        else:
            parts.append(
                f"<p><code>{html.escape(line.symbol)} = {html.escape(line.equation)}</code></p>"
            )
        if line.substituted:
            items = "".join(f"<li>{html.escape(x)}</li>" for x in line.substituted.split("; "))
            parts.append(f"<p>{html.escape(tr('With values'))}:</p><ul>{items}</ul>")
        result = html.escape(f"{line.value} {line.unit}".strip())
        parts.append(f"<p><b>{html.escape(tr('Result'))}: {result}</b></p>")
    return "\n".join(parts)


class CalculationDialog(QDialog):
    """Each equation with its substituted values and units, and every input with provenance."""

    def __init__(self, figures: FiguresView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Show calculation"))
        self.resize(900, 560)
        tabs = QTabWidget()
        steps = QTextBrowser()
        steps.setAccessibleName(tr("Calculation steps"))
        steps.setHtml(trace_html(figures))
        inputs = QTableWidget(len(figures.inputs), 5)
        reading_table(inputs)
        inputs.setHorizontalHeaderLabels(
            [tr("Parameter"), tr("Description"), tr("Value"), tr("Unit"), tr("Provenance")]
        )
        for r, mark in enumerate(figures.inputs):
            inputs.setItem(r, 0, read_only_item(mark.symbol))
            inputs.setItem(r, 1, read_only_item(mark.description))
            inputs.setItem(r, 2, read_only_item(mark.value, True))
            inputs.setItem(r, 3, read_only_item(mark.unit))
            badge = f"{PROVENANCE_MARK.get(mark.provenance, '')} {provenance_text(mark.provenance)}"
            inputs.setItem(r, 4, read_only_item(badge.strip()))
        inputs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        inputs.horizontalHeader().setStretchLastSection(True)
        inputs.setAccessibleName(tr("Inputs and their provenance"))
        tabs.addTab(steps, tr("Equations"))
        tabs.addTab(inputs, tr("Inputs"))
        legend = QLabel("  ".join(f"{m} {provenance_text(p)}" for p, m in PROVENANCE_MARK.items()))
        legend.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.methodology = QLabel(caveat_text(figures.methodology_status))
        self.methodology.setWordWrap(True)
        self.methodology.setVisible(bool(figures.methodology_caveat))
        layout.addWidget(self.methodology)
        layout.addWidget(tabs, 1)
        layout.addWidget(legend)
        layout.addWidget(buttons)
        self.steps_view = steps
        self.inputs_table = inputs
        steps.setFocus()  # the keyboard reads and scrolls the equations at once (Tab: Close)

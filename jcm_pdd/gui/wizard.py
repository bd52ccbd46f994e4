"""The new-project wizard: partner country -> approved methodology and version (filtered by
country, with status and a warning where the template holds unverified values) -> sites and
units -> a project pre-filled from the template.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from jcm_pdd.gui import theme
from jcm_pdd.gui.keyboard import TabLeavesAtEnds
from jcm_pdd.model import Project
from jcm_pdd.session import newproject
from jcm_pdd.session.typed_numbers import typed_number

ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class CountryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Partner country"))
        self.setSubTitle(
            tr(
                "The country hosting the project; its Joint Committee's forms and "
                "approved methodologies apply."
            )
        )
        self.combo = QComboBox()
        self.combo.setAccessibleName(tr("Partner country"))
        with_methodology = {m.country for m in newproject.methodologies()}
        for code, name in newproject.countries():
            suffix = "" if code in with_methodology else tr(" (no methodology shipped yet)")
            self.combo.addItem(f"{name} ({code}){suffix}", code)
        form = QFormLayout(self)
        label = QLabel(tr("&Country:"))
        label.setBuddy(self.combo)
        form.addRow(label, self.combo)

    def country(self) -> str:
        return str(self.combo.currentData() or "")


class MethodologyPage(QWizardPage):
    def __init__(self, country_page: CountryPage) -> None:
        super().__init__()
        self.country_page = country_page
        self.setTitle(tr("Approved methodology"))
        self.setSubTitle(
            tr("Methodologies approved for the chosen country, with their version and status.")
        )
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Methodologies"))
        # long titles wrap in the wizard's width instead of running off to a scroll bar
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(lambda _r: self._update_warning())
        self.list.currentRowChanged.connect(lambda _r: self.completeChanged.emit())
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {theme.ink('warning').name()};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.warning)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.list.clear()
        choices = newproject.for_country(self.country_page.country())
        for choice in choices:
            status = tr("valid") if choice.status == "valid" else tr("superseded")
            text = f"{choice.id} ver{choice.version} — {choice.title}  [{status}]"
            if choice.unverified:
                text += "  ⚠"
            item = QListWidgetItem(text)
            item.setData(ROLE, choices.index(choice))
            self.list.addItem(item)
        self._choices = choices
        if choices:
            self.list.setCurrentRow(0)
        else:
            self.warning.setText(tr("No methodology for this country is shipped yet."))

    def choice(self) -> newproject.MethodologyChoice | None:
        row = self.list.currentRow()
        return self._choices[row] if 0 <= row < len(self._choices) else None

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.choice() is not None

    def _update_warning(self) -> None:
        choice = self.choice()
        if choice is None:
            return
        from jcm_pdd.gui.calc_panel import caveat_text
        from jcm_pdd.methodology.status import methodology_status

        notes = []
        methodology_caveat = caveat_text(methodology_status(choice.template))
        if methodology_caveat:
            notes.append("⚠ " + methodology_caveat)
        if choice.unverified:
            notes.append(
                tr(
                    "⚠ Some default values in this template are not verified against the "
                    "published methodology. They will be marked “unverified default” "
                    "everywhere; check them before submitting."
                )
            )
        if choice.status != "valid":
            notes.append(tr("This version is superseded; a newer version may be required."))
        self.warning.setText("\n".join(notes))


class SitesPage(QWizardPage):
    HEADERS = ("Site ID", "City", "Region", "Latitude", "Longitude", "Units")

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Sites and units"))
        self.setSubTitle(
            tr(
                "One row per site; the number of units (e.g. PV systems) gives one "
                "monitoring row per unit."
            )
        )
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setAccessibleName(tr("Sites"))
        TabLeavesAtEnds(self.table)
        self.table.setHorizontalHeaderLabels(
            [tr("Site ID"), tr("City"), tr("Region"), tr("Latitude"), tr("Longitude"), tr("Units")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(tr("Add site"))
        self.add_button.clicked.connect(self.add_site)
        self.remove_button = QPushButton(tr("Remove site"))
        self.remove_button.clicked.connect(self._remove)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {theme.ink('error').name()};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.add_site()
        self.table.itemChanged.connect(lambda _i: self.completeChanged.emit())

    def add_site(self) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((f"S{row + 1}", "", "", "", "", "1")):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def _remove(self) -> None:
        if self.table.rowCount() > 1:
            self.table.removeRow(self.table.currentRow() if self.table.currentRow() >= 0 else 0)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def sites(self) -> list[newproject.SiteEntry]:
        """The sites typed; raises ValueError with a message for a person."""
        found = []
        for row in range(self.table.rowCount()):
            site_id = self._cell(row, 0)
            if not site_id:
                raise ValueError(tr("Row {0}: give the site an ID.").format(row + 1))
            coords: list[Decimal | None] = []
            for column, limit in ((3, 90), (4, 180)):
                text = self._cell(row, column)
                try:
                    value = Decimal(typed_number(text)) if text else None
                except InvalidOperation:
                    raise ValueError(
                        tr("Row {0}: coordinates are decimal degrees, e.g. 47.918").format(row + 1)
                    ) from None
                if value is not None and abs(value) > limit:
                    raise ValueError(tr("Row {0}: coordinate out of range.").format(row + 1))
                coords.append(value)
            units_text = self._cell(row, 5) or "1"
            if not units_text.isdigit() or int(units_text) < 1:
                raise ValueError(
                    tr("Row {0}: units must be a whole number of at least 1.").format(row + 1)
                )
            found.append(
                newproject.SiteEntry(
                    site_id,
                    self._cell(row, 1),
                    self._cell(row, 2),
                    coords[0],
                    coords[1],
                    int(units_text),
                )
            )
        return found

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        try:
            self.sites()
        except ValueError as exc:
            self.error.setText(str(exc))
            return False
        self.error.setText("")
        return self.table.rowCount() > 0


class NewProjectWizard(QWizard):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New project"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(760, 520)
        self.country_page = CountryPage()
        self.methodology_page = MethodologyPage(self.country_page)
        self.sites_page = SitesPage()
        self.addPage(self.country_page)
        self.addPage(self.methodology_page)
        self.addPage(self.sites_page)

    def project(self) -> Project:
        choice = self.methodology_page.choice()
        assert choice is not None
        return newproject.new_project(self.country_page.country(), choice, self.sites_page.sites())

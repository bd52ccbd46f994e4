"""The "Export monitoring report" dialog: the Monitoring Report Sheet workbook (MRS) and the
Monitoring Report (Word, PDF), public and confidential copies, of the chosen periods, made in
a worker thread by ``export.monitoring_api.export_monitoring`` (the same refusal of a final
export while a chosen period has errors; a draft is always possible).

The worker never sees live data: it gets a copy of the project and of the attachment store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QListWidget, QListWidgetItem, QWidget

from jcm_pdd.gui.export_dialog import _JobDialog, documents_folder
from jcm_pdd.session import DocumentSession


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class MonitoringExportDialog(_JobDialog):
    def __init__(self, session: DocumentSession, parent: QWidget | None, period: int) -> None:
        super().__init__(session, parent, tr("Export monitoring report"))
        self.resize(760, 480)
        default = str(session.path.parent if session.path else documents_folder())
        self.folder = self._path_row(tr("Folder:"), default, folder=True)
        self.formats: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for key, text in (
            ("xlsx", tr("Monitoring Report Sheet (Excel)")),
            ("docx", tr("Monitoring Report (Word)")),
            ("pdf", tr("Monitoring Report (PDF)")),
        ):
            box = QCheckBox(text)
            box.setChecked(True)
            self.formats[key] = box
            row.addWidget(box)
        self.form.addRow(tr("Documents:"), row)
        copies = QHBoxLayout()
        self.copies: dict[str, QCheckBox] = {}
        for key, text in (("public", tr("Public copy")), ("confidential", tr("Confidential copy"))):
            box = QCheckBox(text)
            box.setChecked(True)
            self.copies[key] = box
            copies.addWidget(box)
        self.form.addRow(tr("Copies:"), copies)
        self.periods = QListWidget()
        self.periods.setAccessibleName(tr("Periods in the report"))
        self.periods.setMaximumHeight(110)
        for number, each in enumerate(session.project.monitoring.periods):
            dates = (
                f"{each.start:%d/%m/%Y} – {each.end:%d/%m/%Y}" if each.start and each.end else ""
            )
            item = QListWidgetItem(tr("Period {0}").format(number + 1) + f"  {dates}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = number == period or period < 0
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.periods.addItem(item)
        self.form.addRow(tr("Periods:"), self.periods)
        self.draft = QCheckBox(tr("Draft (allowed while errors remain; marked DRAFT)"))
        self.form.addRow("", self.draft)

    def start(self) -> None:
        from jcm_pdd.export.monitoring_api import export_monitoring  # heavy: docx, reportlab

        periods = [
            n
            for n in range(self.periods.count())
            if self.periods.item(n).checkState() == Qt.CheckState.Checked
        ]
        if not periods:
            self.message.setText(tr("Choose at least one period for the report."))
            return
        snapshot = self.session.worker_copy()
        out = Path(self.folder.text())
        formats = [k for k, box in self.formats.items() if box.isChecked()]
        copies = [k for k, box in self.copies.items() if box.isChecked()]
        draft = self.draft.isChecked()
        self.notes: list[str] = []
        self.run_job(
            lambda report: export_monitoring(
                snapshot,
                out,
                formats,
                draft=draft,
                copies=copies,
                periods=periods,
                progress=report,
                notes=self.notes,
            )
        )

    def done_text(self, result: Any) -> str:
        return tr("Exported:") + "\n" + "\n".join(str(p) for p in result)

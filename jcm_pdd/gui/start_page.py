"""The start page: recent projects with their key figures (title, country, methodology,
estimated ER per year, completeness, last saved), read from each file's manifest only, so fifty
projects list without opening any of them; New, Open, Duplicate and the bundled sample.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcm_pdd.errors import UserError
from jcm_pdd.gui import icons
from jcm_pdd.gui.widgets import reading_table
from jcm_pdd.paths import sample_project_path

if TYPE_CHECKING:
    from jcm_pdd.gui.mainwindow import MainWindow

ROLE_PATH = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def folder_label(folder: Path) -> str:
    """The Folder column's text: the home folder shortened to ``~`` as file managers and shells
    show it on macOS and Linux (``~/Documents/JCM``); the full path on Windows, where ``~`` is
    not how users read a folder. The tooltip keeps the full path everywhere."""
    if sys.platform == "win32":
        return str(folder)
    try:
        inside = folder.relative_to(Path.home())
    except (ValueError, RuntimeError):  # outside home, or no home folder to compare with
        return str(folder)
    return "~" if inside == Path() else f"~/{inside.as_posix()}"


def manifest_row(path: Path) -> list[str]:
    """Title, country, methodology, ER/yr, completeness, last saved; from the manifest only
    (a validator's package or review: what it is and its round in the completeness column)."""
    from jcm_pdd.storage import read_manifest

    suffix = path.suffix.lower()
    if suffix == ".jcmpkg":
        return package_row(path)
    if suffix == ".jcmreview":
        return review_row(path)

    try:
        manifest = read_manifest(path)
    except UserError:
        return [path.stem, "", "", "", "", tr("cannot be read")]
    except OSError:
        return [path.stem, "", "", "", "", tr("missing")]
    s = manifest.summary
    methodology = str(s.get("methodology") or manifest.methodology_id)
    completeness = s.get("completeness")
    er = s.get("er_per_year")
    return [
        str(s.get("title") or path.stem),
        str(s.get("country", "")),
        methodology,
        f"{int(str(er)):,}" if str(er or "").isdigit() else "",
        f"{completeness} %" if completeness not in (None, "") else "",
        manifest.saved_at.replace("T", " ").replace("Z", " UTC"),
    ]


def package_row(path: Path) -> list[str]:
    """A validation package's row, from its bag-info.txt only (the package is not verified
    here; it is when it opens)."""
    from jcm_pdd.package import bagit
    from jcm_pdd.package.safezip import SafeZip

    try:
        with SafeZip(path) as bag:
            info = dict(bagit.parse_bag_info(bag.read(bagit.BAG_INFO, 256 * 1024)))
    except UserError:
        return [path.stem, "", "", "", tr("validation package"), tr("cannot be read")]
    except OSError:
        return [path.stem, "", "", "", tr("validation package"), tr("missing")]
    version = info.get("Methodology-Version", "")
    methodology = info.get("Methodology-Id", "") + (f" ver{version}" if version else "")
    return [
        info.get("Project-Title") or path.stem,
        info.get("Partner-Country", ""),
        methodology,
        "",  # the package states totals, not a year's ER
        # (the kind as the bag states it; the package module is not loaded for the start page)
        (
            tr("verification package, round {0}")
            if info.get("Package-Kind") == "verification"
            else tr("validation package, round {0}")
        ).format(info.get("Package-Round", "?")),
        info.get("Created", "").replace("T", " ").replace("Z", " UTC"),
    ]


def review_row(path: Path) -> list[str]:
    """A validator's review file's row: its project and the latest round it reviewed."""
    from jcm_pdd.package.review import load_review

    try:
        review = load_review(path)
    except UserError:
        return [path.stem, "", "", "", tr("review"), tr("cannot be read")]
    except OSError:
        return [path.stem, "", "", "", tr("review"), tr("missing")]
    latest = max(review.packages, key=lambda ref: ref.round, default=None)
    rounds = tr("review, round {0}").format(latest.round) if latest else tr("review")
    seen = latest.seen_at.strftime("%Y-%m-%d %H:%M UTC") if latest else ""
    return [review.project_title or path.stem, "", "", "", rounds, seen]


def _settle_keyboard(window: MainWindow) -> None:
    from jcm_pdd.gui.keyboard import settle  # focus seen: tab bars, selections

    settle(window)


class StartPage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        title = QLabel(tr("JCM PDD Studio"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(
            tr(
                "Draft, calculate, export and package Project Design Documents for the Joint "
                "Crediting Mechanism — offline."
            )
        )
        subtitle.setWordWrap(True)

        self.new_button = QPushButton(icons.icon("new"), tr("New project…"))
        self.new_button.clicked.connect(window.new_project)
        self.open_button = QPushButton(icons.icon("open"), tr("Open…"))
        self.open_button.clicked.connect(window.open_dialog)
        self.duplicate_button = QPushButton(tr("Duplicate…"))
        self.duplicate_button.setToolTip(tr("Copy the selected project as the base of a new one"))
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.sample_button = QPushButton(tr("Open the sample project"))
        self.sample_button.clicked.connect(lambda: window.open_path(sample_project_path()))
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.open_button,
            self.duplicate_button,
            self.sample_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        recent_label = QLabel(tr("Recent projects"))
        recent_font = recent_label.font()
        recent_font.setBold(True)
        recent_label.setFont(recent_font)
        self.table = QTableWidget(0, 7)
        reading_table(self.table)
        self.table.setAccessibleName(tr("Recent projects"))
        self.table.setHorizontalHeaderLabels(
            [
                tr("Title"),
                tr("Country"),
                tr("Methodology"),
                tr("ER (tCO2e/yr)"),
                tr("Complete"),
                tr("Last saved"),
                tr("Folder"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(6, 260)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.row_menu: QMenu | None = None  # the last one shown
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellActivated.connect(self._open_row)
        self.table.cellDoubleClicked.connect(self._open_row)
        self.empty = QLabel(tr("No recent projects yet. Start a new one or open the sample."))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(recent_label)
        # with no recent files the note sits under its heading and the spare height stays below
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.table, 1)
        QTimer.singleShot(0, lambda: _settle_keyboard(window))  # (after the first paint)

    def refresh(self, recent: list[str]) -> None:
        self.sample_button.setVisible(sample_project_path().is_file())
        self.table.setRowCount(0)
        for name in recent:
            path = Path(name)
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate([*manifest_row(path), folder_label(path.parent)]):
                item = QTableWidgetItem(text)
                item.setData(ROLE_PATH, str(path))
                item.setToolTip(str(path))  # the full path, wherever the pointer rests
                if column in (3, 4):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.empty.setVisible(not recent)
        self.table.setVisible(bool(recent))
        self.duplicate_button.setEnabled(bool(recent))
        if recent:
            self.table.selectRow(0)
        # The keyboard starts where the eyes do: the latest file (Enter opens it), else New.
        (self.table if recent else self.new_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def _selection_changed(self) -> None:
        """Duplicate makes a new project from a project; a package or a review is no base."""
        path = self.selected_path()
        self.duplicate_button.setEnabled(path is not None and path.suffix.lower() == ".jcmpdd")

    def selected_path(self) -> Path | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return Path(item.data(ROLE_PATH)) if item is not None else None

    def duplicate_selected(self) -> Path | None:
        source = self.selected_path()
        if source is None or source.suffix.lower() != ".jcmpdd":
            return None
        name, _ = QFileDialog.getSaveFileName(
            self,
            tr("Duplicate project"),
            str(source.with_name(source.stem + " copy.jcmpdd")),
            tr("JCM PDD project (*.jcmpdd)"),
        )
        if not name:
            return None
        target = Path(name)
        try:
            shutil.copyfile(source, target)
        except OSError as exc:
            QMessageBox.warning(self, tr("Not duplicated"), str(exc))
            return None
        self.window_.open_path(target)
        return target

    def _row_menu(self, pos: QPoint) -> None:
        """Right-click on a recent project: open it, show it in its folder, or forget it."""
        row = self.table.rowAt(pos.y())
        if row < 0:
            return
        item = self.table.item(row, 0)
        if item is None:
            return
        self.table.selectRow(row)
        path = Path(item.data(ROLE_PATH))
        menu = QMenu(self)
        menu.addAction(tr("Open"), lambda: self.window_.open_path(path))
        menu.addAction(tr("Show in folder"), lambda: self.show_in_folder(path))
        menu.addAction(tr("Remove from list"), lambda: self.remove_from_list(path))
        self.row_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def show_in_folder(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def remove_from_list(self, path: Path) -> None:
        """Forget ``path`` in the recent projects (the file itself is not touched)."""
        prefs = self.window_.prefs
        prefs.recent_files = [p for p in prefs.recent_files if Path(p) != path]
        prefs.save()
        self.refresh(prefs.recent_files)

    def _open_row(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.window_.open_path(Path(item.data(ROLE_PATH)))

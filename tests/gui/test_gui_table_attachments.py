"""Attachment columns in tables show the attached file's name, not its hash; the file is picked
from the project's attachments (of the media types the column takes) and the stored reference
stays the hash; a reference to a file no longer attached says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from jcm_pdd.gui.attachments import AttachmentsPage
from jcm_pdd.gui.cell_delegates import ROLE_VALUE
from jcm_pdd.model.moc import ParticipantEntity
from jcm_pdd.session import io as session_io
from tests.gui.conftest import filled_project


def _png(path: Path, colour: str) -> Path:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return path


def test_signature_cell_shows_and_picks_attached_files(window, qtbot, tmp_path) -> None:
    project = filled_project()
    project.moc.other_participants.append(ParticipantEntity(name="Solar LLC"))
    window.set_session(session_io.new_document(project))
    page = window.view.show_section("attachments")
    assert isinstance(page, AttachmentsPage)
    page.add_file(_png(tmp_path / "signature-tanaka.png", "#203040"))
    page.add_file(_png(tmp_path / "signature-bat.png", "#402030"))
    (tmp_path / "plan.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    page.add_file(tmp_path / "plan.svg")  # an SVG is no specimen signature (PNG, JPEG, PDF)
    records = {r.name: r.sha256 for r in window.session.project.attachments}

    table = window.view.show_section("MoC:5").tables[0]
    column = table.column_of("primary_signatory.specimen_signature")
    table.table.setFocus()
    table.table.setCurrentCell(0, column)
    qtbot.keyClick(table.table, Qt.Key.Key_F2)
    combo = table.table.indexWidget(table.table.model().index(0, column))
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert offered == ["(no file chosen)", "signature-tanaka.png", "signature-bat.png"]
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)

    signatory = window.session.project.moc.other_participants[0].primary_signatory
    assert signatory.specimen_signature == records["signature-bat.png"], "the hash is stored"
    cell = table.table.item(0, column)
    assert cell.text() == "signature-bat.png", "the name is shown"
    assert cell.data(ROLE_VALUE) == records["signature-bat.png"]
    assert "signature-bat.png" in cell.toolTip() and "image/png" in cell.toolTip()

    window.act_undo.trigger()
    assert signatory.specimen_signature == "" and table.table.item(0, column).text() == ""
    window.act_redo.trigger()
    assert table.table.item(0, column).text() == "signature-bat.png"

    # The file is removed from the project: the cell says so and keeps the reference.
    window.view.show_section("attachments")
    page.list.setCurrentRow(1)
    page.remove_button.click()
    assert signatory.specimen_signature == records["signature-bat.png"]
    cell = table.table.item(0, column)
    assert cell.text() == f"missing file {records['signature-bat.png'][:12]}"
    assert cell.data(ROLE_VALUE) == records["signature-bat.png"]
    window.act_undo.trigger()  # the file is back
    assert table.table.item(0, column).text() == "signature-bat.png"


def test_figure_field_offers_only_the_kinds_it_takes(window, project_file, tmp_path) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(32, 24, QImage.Format.Format_RGB32)
    image.fill(QColor("#3b6ea8"))
    png = tmp_path / "boundary.png"
    assert image.save(str(png))
    sheet = tmp_path / "meter-readings.csv"
    sheet.write_text("date,kWh\n2026-04-01,812\n", encoding="utf-8")
    window.open_path(project_file)
    page = window.view.show_section("attachments")
    page.add_file(png)
    page.add_file(sheet)
    kinds = {a.name: a.media_type for a in window.session.project.attachments}
    assert kinds["meter-readings.csv"] not in ("image/png", "image/jpeg", "application/pdf")
    assert window.view.focus_path("pdd.figure_attachment")
    combo = window.view.current_page().binding("pdd.figure_attachment").editor
    offered = [combo.itemText(n) for n in range(combo.count())]
    assert "boundary.png" in offered, "an image is offered for the C.2 figure"
    assert "meter-readings.csv" not in offered, "a spreadsheet is not a figure"

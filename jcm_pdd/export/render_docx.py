"""Draw a neutral ``Document`` as a Word .docx file (python-docx).

Layout choices mirror the JCM Word forms: A4, form code right-aligned in the page header, page
numbers in the footer, shaded label columns, repeated table header rows. A draft gets "DRAFT" in
the header of every page and a diagonal watermark (a VML text shape in the header, which Word and
LibreOffice both draw behind the text on each page).
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from jcm_pdd.export.document import (
    DataTable,
    Document,
    Figure,
    Heading,
    KeyValueTable,
    PageBreak,
    Paragraph,
    SignatureBlock,
)

LATIN_FONT = "Arial"  # LibreOffice substitutes the metric-compatible Liberation Sans
EAST_ASIAN_FONT = "MS Gothic"  # Japanese names; viewers substitute their installed CJK font
TEXT_WIDTH_CM = 17.0  # A4 minus 2 cm margins each side
LABEL_SHADE = "E7E6E6"
HEADER_SHADE = "D9E2F3"

_VML_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)
_WATERMARK = (
    '<w:r {ns}><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" '
    'adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/>'
    '<v:textpath on="t" fitshape="t"/></v:shapetype>'
    '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:420pt;height:140pt;rotation:315;'
    "z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
    'mso-position-vertical:center;mso-position-vertical-relative:margin" fillcolor="#d9d9d9" '
    'stroked="f"><v:fill opacity=".5"/><v:textpath style="font-family:&quot;Arial&quot;;'
    'font-size:1pt" string="DRAFT"/></v:shape></w:pict></w:r>'
)


def _set_fonts(style_font: object, size: float | None = None) -> None:
    font = style_font  # docx.text.font.Font
    font.name = LATIN_FONT  # type: ignore[attr-defined]
    if size is not None:
        font.size = Pt(size)  # type: ignore[attr-defined]
    rpr = font.element.get_or_add_rPr()  # type: ignore[attr-defined]
    rfonts = rpr.get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    # Theme font attributes win over the named fonts: drop them so headings use Arial too
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)


def _shade(cell: _Cell, colour: str) -> None:
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="{colour}"/>')
    )


def _write_lines(paragraph: DocxParagraph, text: str, *, bold: bool = False) -> None:
    """Text with ``\\n`` as line breaks inside one paragraph (keeps table cells compact)."""
    for n, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        run.bold = bold or None
        if n:
            run._r.addprevious(parse_xml(f"<w:r {nsdecls('w')}><w:br/></w:r>"))


def _cell_text(cell: _Cell, text: str, *, bold: bool = False, right: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)  # the cell margins give the spacing
    _write_lines(paragraph, text, bold=bold)
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _grid(table: Table) -> list[list[_Cell]]:
    """Every cell, row by row, computed once (python-docx recomputes ``row.cells`` each time)."""
    return [list(row.cells) for row in table.rows]


def _widths(table: Table, grid: list[list[_Cell]], shares: tuple[float, ...]) -> None:
    total = sum(shares)
    table.autofit = False
    widths = [Cm(TEXT_WIDTH_CM * share / total) for share in shares]
    # LibreOffice reads the grid column widths, Word the cell widths: set both
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    for cells in grid:
        for cell, width in zip(cells, widths, strict=False):
            cell.width = width


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def _no_split(table: Table) -> None:
    for row in table.rows:
        row._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))


class _DocxWriter:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.out = new_docx()
        self._setup()

    def _setup(self) -> None:
        out = self.out
        section = out.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2.0))
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
        styles = out.styles
        _set_fonts(styles["Normal"].font, 10.5)
        styles["Normal"].paragraph_format.space_after = Pt(4)
        for name, size in (
            ("Title", 16),
            ("Heading 1", 13),
            ("Heading 2", 11.5),
            ("Heading 3", 10.5),
        ):
            style = styles[name]
            _set_fonts(style.font, size)
            style.font.bold = True
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.space_before = Pt(10 if name != "Heading 3" else 6)
            style.paragraph_format.space_after = Pt(4)
        styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title_ppr = styles["Title"].element.pPr
        if (
            title_ppr is not None
        ):  # the template's Title has a blue rule under it; the form has none
            for border in title_ppr.findall(qn("w:pBdr")):
                title_ppr.remove(border)
        self._style_ids = {
            name: styles[name].style_id
            for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Table Grid")
        }
        out.core_properties.title = self.doc.title
        out.core_properties.subject = self.doc.subject
        out.core_properties.author = "JCM PDD Studio"
        self._header_footer()

    def _header_footer(self) -> None:
        section = self.out.sections[0]
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = header.add_run(self.doc.header_line)
        run.font.size = Pt(9)
        if self.doc.draft:
            run.bold = True
            run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
            header._p.append(parse_xml(_WATERMARK.format(ns=_VML_NS)))
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer._p.append(
            parse_xml(
                f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE ">'
                "<w:r><w:t>1</w:t></w:r></w:fldSimple>"
            )
        )

    def _styled(self, text: str, style: str) -> None:
        # Set the style id directly: python-docx's lookup by name scans every style of the
        # template on each call, which made headings the slowest part of the export.
        paragraph = self.out.add_paragraph(text)
        paragraph._p.style = self._style_ids[style]

    def heading(self, block: Heading) -> None:
        if block.level <= 1:
            self._styled(block.text, "Title")
        else:
            self._styled(block.text, f"Heading {min(block.level - 1, 3)}")

    def paragraph(self, block: Paragraph) -> None:
        paragraph = self.out.add_paragraph()
        _write_lines(paragraph, block.text, bold=block.bold)
        if block.style == "note":
            for run in paragraph.runs:
                run.italic = True

    def key_value(self, block: KeyValueTable) -> None:
        table = self.out.add_table(rows=len(block.rows), cols=2)
        table._tbl.tblPr.style = self._style_ids["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid = _grid(table)
        for cells, (key, value) in zip(grid, block.rows, strict=True):
            _cell_text(cells[0], key)
            _shade(cells[0], LABEL_SHADE)
            _cell_text(cells[1], value)
        _no_split(table)  # else LibreOffice may carry an empty row remainder to the next page
        _widths(table, grid, (block.key_width, 1 - block.key_width))
        self._gap()

    def data_table(self, block: DataTable) -> None:
        if block.caption:
            self._styled(block.caption, "Heading 3")
        body_rows = list(block.rows) + ([block.total] if block.total else [])
        if not body_rows:
            body_rows = [tuple("" for _ in block.columns)]
        table = self.out.add_table(rows=1 + len(body_rows), cols=len(block.columns))
        table._tbl.tblPr.style = self._style_ids["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid = _grid(table)
        for cell, label in zip(grid[0], block.columns, strict=True):
            _cell_text(cell, label, bold=True)
            _shade(cell, HEADER_SHADE)
        for n, values in enumerate(body_rows, start=1):
            is_total = block.total is not None and n == len(body_rows)
            for col, (cell, value) in enumerate(zip(grid[n], values, strict=True)):
                _cell_text(cell, value, bold=is_total, right=col in block.numeric)
        _repeat_header(table)
        _no_split(table)
        _widths(table, grid, block.widths or tuple(1.0 for _ in block.columns))
        self._gap()

    def figure(self, block: Figure) -> None:
        paragraph = self.out.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if block.image:
            paragraph.add_run().add_picture(io.BytesIO(block.image), width=Cm(14))
        else:
            paragraph.add_run(block.placeholder).italic = True
        if block.caption:
            cap = self.out.add_paragraph(block.caption)
            cap.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def signature(self, block: SignatureBlock) -> None:
        table = self.out.add_table(rows=1 + len(block.lines), cols=2)
        table._tbl.tblPr.style = self._style_ids["Table Grid"]
        merged = table.rows[0].cells[0].merge(table.rows[0].cells[1])
        _cell_text(merged, block.party, bold=True)
        _shade(merged, LABEL_SHADE)
        for row, label in zip(table.rows[1:], block.lines, strict=True):
            _cell_text(row.cells[0], f"{label}:")
            row.height = Cm(1.0 if label == "Signature" else 0.7)
        _no_split(table)
        _widths(table, _grid(table), (0.3, 0.7))
        self._gap()

    def page_break(self) -> None:
        self.out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _gap(self) -> None:
        spacer = self.out.add_paragraph()
        spacer.paragraph_format.space_after = Pt(2)

    def write(self) -> bytes:
        for block in self.doc.blocks:
            if isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Paragraph):
                self.paragraph(block)
            elif isinstance(block, KeyValueTable):
                self.key_value(block)
            elif isinstance(block, DataTable):
                self.data_table(block)
            elif isinstance(block, Figure):
                self.figure(block)
            elif isinstance(block, SignatureBlock):
                self.signature(block)
            elif isinstance(block, PageBreak):
                self.page_break()
        buffer = io.BytesIO()
        self.out.save(buffer)
        return buffer.getvalue()


def render_docx(doc: Document) -> bytes:
    """The .docx bytes of ``doc``."""
    return _DocxWriter(doc).write()


def write_docx(doc: Document, path: Path) -> Path:
    path.write_bytes(render_docx(doc))
    return path

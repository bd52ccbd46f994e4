"""Draw a neutral ``Document`` as a Word .docx file (python-docx).

Layout choices mirror the JCM Word forms: A4, form code right-aligned in the page header, page
numbers in the footer, shaded label columns, repeated table header rows. A draft gets "DRAFT" in
the header of every page and a diagonal watermark (a VML text shape in the header, which Word and
LibreOffice both draw behind the text on each page).

python-docx builds the package (styles, header and footer, section, pictures); the body's
paragraphs and tables are appended as WordprocessingML elements directly (``_Body``), because
python-docx's per-cell API (schema-ordered child lookups, one XML parse per snippet) took most
of the export time. The elements are the ones python-docx writes for the same calls, so the
document XML is unchanged (tests/export/golden). ``prepare(n)`` sets up empty documents ahead
(the render worker does it while it waits for its first document).
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree  # type: ignore[import-untyped]  # python-docx's XML library

from jcm_pdd.export.document import (
    WHOLE_ROWS,
    DataTable,
    Document,
    Figure,
    Heading,
    KeyValueTable,
    PageBreak,
    Paragraph,
    SignatureBlock,
)
from jcm_pdd.export.docx_properties import set_properties
from jcm_pdd.export.xmltext import xml_text

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


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PRESERVE = "{http://www.w3.org/XML/1998/namespace}space"
_SUB = etree.SubElement
_TBL_LOOK = {
    f"{_W}firstColumn": "1",
    f"{_W}firstRow": "1",
    f"{_W}lastColumn": "0",
    f"{_W}lastRow": "0",
    f"{_W}noHBand": "0",
    f"{_W}noVBand": "1",
    f"{_W}val": "04A0",
}


def _twips(shares: tuple[float, ...]) -> list[str]:
    total = sum(shares)
    return [str(Cm(TEXT_WIDTH_CM * share / total).twips) for share in shares]


class _Body:
    """Appends body paragraphs and tables as elements, exactly as python-docx would write them
    (run content as ``Run.text`` splits it: tabs become ``w:tab``, CR/LF ``w:br``)."""

    def __init__(self, body: etree._Element, style_ids: dict[str, str]) -> None:
        self.body = body
        self.style_ids = style_ids

    def _top(self, tag: str) -> etree._Element:
        """A new body child, before the closing ``w:sectPr`` (where python-docx inserts)."""
        element = _SUB(self.body, f"{_W}{tag}")
        end = self.body.find(f"{_W}sectPr")
        if end is not None:
            end.addprevious(element)
        return element

    def _run_content(self, run: etree._Element, text: str) -> None:
        start = 0
        for n, char in enumerate(text):
            if char in "\t\r\n":
                self._t(run, text[start:n])
                _SUB(run, f"{_W}tab" if char == "\t" else f"{_W}br")
                start = n + 1
        self._t(run, text[start:])

    @staticmethod
    def _t(run: etree._Element, text: str) -> None:
        text = xml_text(text)
        if text:
            t = _SUB(run, f"{_W}t")
            t.text = text
            if len(text.strip()) < len(text):
                t.set(_PRESERVE, "preserve")

    def lines(self, p: etree._Element, text: str, *, bold: bool, italic: bool = False) -> None:
        """``_write_lines``: one run per line, a ``w:br`` run between lines."""
        for n, line in enumerate(text.split("\n")):
            if n:
                br_run = _SUB(p, f"{_W}r")
                if italic:
                    _SUB(_SUB(br_run, f"{_W}rPr"), f"{_W}i")
                _SUB(br_run, f"{_W}br")
            run = _SUB(p, f"{_W}r")
            rpr = _SUB(run, f"{_W}rPr")
            if bold:
                _SUB(rpr, f"{_W}b")
            if italic:
                _SUB(rpr, f"{_W}i")
            self._run_content(run, line)

    def styled(self, text: str, style: str) -> None:
        p = self._top("p")
        _SUB(_SUB(p, f"{_W}pPr"), f"{_W}pStyle", {f"{_W}val": self.style_ids[style]})
        if text:
            self._run_content(_SUB(p, f"{_W}r"), text)

    def paragraph(self, text: str, *, bold: bool, italic: bool) -> None:
        p = self._top("p")
        if bold:  # a record's or group's title: on the page of the table it names
            p_pr = _SUB(p, f"{_W}pPr")
            _SUB(p_pr, f"{_W}keepNext")
            _SUB(p_pr, f"{_W}keepLines")
        self.lines(p, text, bold=bold, italic=italic)

    def gap(self) -> None:
        p = self._top("p")
        _SUB(_SUB(p, f"{_W}pPr"), f"{_W}spacing", {f"{_W}after": "40"})  # 2 pt

    def table(
        self,
        rows: list[tuple[str, ...]],
        shares: tuple[float, ...],
        *,
        shade: tuple[str | None, ...],
        bold_rows: frozenset[int] = frozenset(),
        right: frozenset[int] = frozenset(),
        header: bool = False,
        whole: bool = False,
    ) -> None:
        """A "Table Grid" table: fixed column widths, rows never split across pages (else
        LibreOffice may carry an empty row remainder to the next page); ``shade`` per column
        (key-value labels) or, with ``header``, the first row shaded and repeated; ``whole``:
        every row but the last keeps with the next, so the table moves to a page whole."""
        widths = _twips(shares)
        tbl = self._top("tbl")
        pr = _SUB(tbl, f"{_W}tblPr")
        _SUB(pr, f"{_W}tblStyle", {f"{_W}val": self.style_ids["Table Grid"]})
        _SUB(pr, f"{_W}tblW", {f"{_W}type": "auto", f"{_W}w": "0"})
        _SUB(pr, f"{_W}jc", {f"{_W}val": "center"})
        _SUB(pr, f"{_W}tblLayout", {f"{_W}type": "fixed"})
        _SUB(pr, f"{_W}tblLook", _TBL_LOOK)
        grid = _SUB(tbl, f"{_W}tblGrid")
        for width in widths:
            _SUB(grid, f"{_W}gridCol", {f"{_W}w": width})
        for n, values in enumerate(rows):
            tr = _SUB(tbl, f"{_W}tr")
            tr_pr = _SUB(tr, f"{_W}trPr")
            if header and n == 0:
                _SUB(tr_pr, f"{_W}tblHeader")  # repeated on each page
            _SUB(tr_pr, f"{_W}cantSplit")
            for col, (value, width) in enumerate(zip(values, widths, strict=True)):
                tc = _SUB(tr, f"{_W}tc")
                tc_pr = _SUB(tc, f"{_W}tcPr")
                _SUB(tc_pr, f"{_W}tcW", {f"{_W}type": "dxa", f"{_W}w": width})
                fill = HEADER_SHADE if header and n == 0 else shade[col]
                if fill:
                    _SUB(tc_pr, f"{_W}shd", {f"{_W}val": "clear", f"{_W}fill": fill})
                p = _SUB(tc, f"{_W}p")
                p_pr = _SUB(p, f"{_W}pPr")
                if whole and n < len(rows) - 1:
                    _SUB(p_pr, f"{_W}keepNext")
                _SUB(p_pr, f"{_W}spacing", {f"{_W}after": "0"})  # the cell margins give it
                if col in right and not (header and n == 0):
                    _SUB(p_pr, f"{_W}jc", {f"{_W}val": "right"})
                self.lines(p, value, bold=n in bold_rows)
        self.gap()

    def signature(self, party: str, lines: tuple[str, ...], key_width: float = 0.3) -> None:
        """The party across both columns (shaded, bold), then one row per label with an empty
        cell to sign or write in; the signature row is taller. The box stays on one page
        (keep-with-next on every row but the last, rows that never split), as the PDF keeps it."""
        widths = _twips((key_width, 1 - key_width))
        tbl = self._top("tbl")
        pr = _SUB(tbl, f"{_W}tblPr")
        _SUB(pr, f"{_W}tblStyle", {f"{_W}val": self.style_ids["Table Grid"]})
        _SUB(pr, f"{_W}tblW", {f"{_W}type": "auto", f"{_W}w": "0"})
        _SUB(pr, f"{_W}tblLayout", {f"{_W}type": "fixed"})
        _SUB(pr, f"{_W}tblLook", _TBL_LOOK)
        grid = _SUB(tbl, f"{_W}tblGrid")
        for width in widths:
            _SUB(grid, f"{_W}gridCol", {f"{_W}w": width})
        tr = _SUB(tbl, f"{_W}tr")
        _SUB(_SUB(tr, f"{_W}trPr"), f"{_W}cantSplit")
        tc = _SUB(tr, f"{_W}tc")
        tc_pr = _SUB(tc, f"{_W}tcPr")
        # python-docx gave the merged cell the width of the last column it spans
        _SUB(tc_pr, f"{_W}tcW", {f"{_W}type": "dxa", f"{_W}w": widths[-1]})
        _SUB(tc_pr, f"{_W}gridSpan", {f"{_W}val": "2"})
        _SUB(tc_pr, f"{_W}shd", {f"{_W}val": "clear", f"{_W}fill": LABEL_SHADE})
        self._cell_paragraph(tc, party, bold=True, keep_next=True)
        for n, label in enumerate(lines, start=1):
            # every row but the last keeps with the next: Word and LibreOffice then move the
            # whole box to the next page rather than leave its party or first lines behind
            keep = n < len(lines)
            tr = _SUB(tbl, f"{_W}tr")
            tr_pr = _SUB(tr, f"{_W}trPr")
            height = Cm(1.0 if label == "Signature" else 0.7).twips
            _SUB(tr_pr, f"{_W}trHeight", {f"{_W}val": str(height)})
            _SUB(tr_pr, f"{_W}cantSplit")
            for col, width in enumerate(widths):
                tc = _SUB(tr, f"{_W}tc")
                _SUB(_SUB(tc, f"{_W}tcPr"), f"{_W}tcW", {f"{_W}type": "dxa", f"{_W}w": width})
                self._cell_paragraph(
                    tc, f"{label}:" if col == 0 else "", bold=False, keep_next=keep
                )
        self.gap()

    def _cell_paragraph(
        self, tc: etree._Element, text: str, *, bold: bool, keep_next: bool = False
    ) -> None:
        p = _SUB(tc, f"{_W}p")
        p_pr = _SUB(p, f"{_W}pPr")
        if keep_next:
            _SUB(p_pr, f"{_W}keepNext")
        _SUB(p_pr, f"{_W}spacing", {f"{_W}after": "0"})
        if text:  # an empty cell (to sign or write in) has no run
            self.lines(p, text, bold=bold)


def _base() -> tuple[Any, dict[str, str]]:
    """An empty document set up as the forms are (A4, margins, fonts, heading styles), with the
    style ids the body refers to; the same for every document."""
    out = new_docx()
    section = out.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    # Each style looked up by name once: python-docx scans every style on each lookup
    found = {
        name: out.styles[name]
        for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Table Grid")
    }
    _set_fonts(found["Normal"].font, 10.5)
    found["Normal"].paragraph_format.space_after = Pt(4)
    for name, size in (
        ("Title", 16),
        ("Heading 1", 13),
        ("Heading 2", 11.5),
        ("Heading 3", 10.5),
    ):
        style = found[name]
        _set_fonts(style.font, size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(10 if name != "Heading 3" else 6)
        style.paragraph_format.space_after = Pt(4)
    found["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title_ppr = found["Title"].element.pPr
    if title_ppr is not None:  # the template's Title has a blue rule under it; the form none
        for border in title_ppr.findall(qn("w:pBdr")):
            title_ppr.remove(border)
    return out, {name: style.style_id for name, style in found.items() if name != "Normal"}


_PREPARED: list[tuple[Any, dict[str, str]]] = []


def prepare(count: int) -> None:
    """Set up ``count`` empty documents ahead of time, each used by one later ``render_docx``:
    the render worker does this while it waits for its first document."""
    _PREPARED.extend(_base() for _ in range(count))


class _DocxWriter:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.out, self._style_ids = _PREPARED.pop() if _PREPARED else _base()
        out = self.out
        set_properties(out, title=self.doc.title, subject=self.doc.subject, author=self.doc.author)
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

    def heading(self, block: Heading) -> None:
        # The style id is set directly: python-docx's lookup by name scans every style of the
        # template on each call.
        if block.level <= 1:
            self.body.styled(block.text, "Title")
        else:
            self.body.styled(block.text, f"Heading {min(block.level - 1, 3)}")

    def paragraph(self, block: Paragraph) -> None:
        self.body.paragraph(block.text, bold=block.bold, italic=block.style == "note")

    def key_value(self, block: KeyValueTable) -> None:
        if not block.rows:  # nothing to draw (a table without rows is invalid in Word)
            return
        self.body.table(
            list(block.rows),
            (block.key_width, 1 - block.key_width),
            shade=(LABEL_SHADE, None),
            whole=len(block.rows) <= WHOLE_ROWS,
        )

    def data_table(self, block: DataTable) -> None:
        if block.caption:
            self.body.styled(block.caption, "Heading 3")
        body_rows = list(block.rows) + ([block.total] if block.total else [])
        if not body_rows:
            body_rows = [tuple("" for _ in block.columns)]
        self.body.table(
            [block.columns, *body_rows],
            block.widths or tuple(1.0 for _ in block.columns),
            shade=tuple(None for _ in block.columns),
            bold_rows=frozenset({0, len(body_rows)} if block.total else {0}),
            right=block.numeric,
            header=True,
        )

    def figure(self, block: Figure) -> None:
        paragraph = self.out.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if block.image:
            paragraph.add_run().add_picture(io.BytesIO(block.image), width=Cm(block.width_cm))
        else:
            paragraph.add_run(block.placeholder).italic = True
        if block.caption:
            cap = self.out.add_paragraph(block.caption)
            cap.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def signature(self, block: SignatureBlock) -> None:
        self.body.signature(block.party, block.lines, block.key_width)

    def page_break(self) -> None:
        self.out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def write(self) -> bytes:
        self.body = _Body(self.out.element.body, self._style_ids)
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

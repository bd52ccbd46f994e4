"""Draw a neutral ``Document`` as a PDF (reportlab platypus) with embedded, selectable fonts.

Same page furniture as the Word renderer: A4, the form code right-aligned in the header, the
page number in the footer, and for a draft "DRAFT" in the header plus a grey diagonal watermark
on every page. Headings keep with the next block so none is left alone at a page foot.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.doctemplate import LayoutError, _FrameBreak

from jcm_pdd.export import document as d
from jcm_pdd.export.fonts import FontSet, font_set, markup
from jcm_pdd.export.pdf_png import PngFigure, png_data

TEXT_WIDTH = A4[0] - 4 * cm
# Binary image streams instead of ASCII85: reportlab's pure-Python ASCII85 encoder took most of
# the PDF time for a figure, and nothing requires a 7-bit-clean PDF.
rl_config.useA85 = 0
LABEL_SHADE = colors.HexColor("#E7E6E6")
HEADER_SHADE = colors.HexColor("#D9E2F3")


class _Styles:
    def __init__(self, fonts: FontSet) -> None:
        self.body = ParagraphStyle(
            "body", fontName=fonts.latin, fontSize=10, leading=13, spaceAfter=4
        )
        self.note = ParagraphStyle("note", parent=self.body, textColor=colors.HexColor("#555555"))
        self.cell = ParagraphStyle("cell", fontName=fonts.latin, fontSize=9, leading=11.5)
        self.cell_bold = ParagraphStyle("cellb", parent=self.cell, fontName=fonts.latin_bold)
        self.cell_right = ParagraphStyle("cellr", parent=self.cell, alignment=TA_RIGHT)
        self.cell_right_bold = ParagraphStyle(
            "cellrb", parent=self.cell_right, fontName=fonts.latin_bold
        )
        self.title = ParagraphStyle(
            "title",
            fontName=fonts.latin_bold,
            fontSize=16,
            leading=20,
            alignment=TA_CENTER,
            spaceAfter=10,
        )
        # keepWithNext: a heading never ends a page alone
        self.h2 = ParagraphStyle(
            "h2",
            fontName=fonts.latin_bold,
            fontSize=13,
            leading=16,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        )
        self.h3 = ParagraphStyle(
            "h3",
            fontName=fonts.latin_bold,
            fontSize=10.5,
            leading=13,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        )
        self.caption = ParagraphStyle("caption", parent=self.body, alignment=TA_CENTER)


class _OutlinedDoc(SimpleDocTemplate):
    """Adds a PDF outline (bookmarks) entry per section heading, for reviewers' navigation."""

    _seen_top = False

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's hook name
        if isinstance(flowable, RLParagraph) and flowable.style.name in ("h2", "h3"):
            top = flowable.style.name == "h2" or not self._seen_top  # never skip a level
            self._seen_top = self._seen_top or top
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=0 if top else 1)


def _pixels(image: bytes) -> tuple[int, int]:
    width, height = ImageReader(io.BytesIO(image)).getSize()
    return int(width), int(height)


def _keep_with_headings(out: list[Flowable], group: list[Flowable]) -> None:
    """Append ``group`` as one unbreakable block together with the headings just before it, so
    a heading is never left at a page foot above a figure that moved to the next page."""
    heads: list[Flowable] = []
    while out and isinstance(out[-1], RLParagraph) and _keeps_with_next(out[-1]):
        heads.insert(0, out.pop())
    out.append(KeepTogether(heads + group))


# Room a heading needs below it to start a data table on the same page: the heading, the
# table's header row and a row or two. Less, and heading and table start the next page.
TABLE_START_ROOM = 4.5 * cm


def _keeps_with_next(flowable: Flowable) -> bool:
    """reportlab's own rule (``Flowable.getKeepWithNext``): the flowable's attribute, else its
    style's."""
    if hasattr(flowable, "keepWithNext"):
        return bool(flowable.keepWithNext)
    return bool(getattr(getattr(flowable, "style", None), "keepWithNext", 0))


def _headings_with_table(out: list[Flowable], table: list[Flowable]) -> None:
    """Append a data table after the headings just before it, which start on the same page
    when there is room for its first rows: the table then splits over the pages with its
    header row repeated, as a word processor does. (Kept whole with its heading, as
    ``keepWithNext`` does, a table of half a page moved to the next one and left half a page
    blank, e.g. PDD B.2 after B.1.)"""
    heads: list[Flowable] = []
    while out and isinstance(out[-1], RLParagraph) and _keeps_with_next(out[-1]):
        heads.insert(0, out.pop())
    rest = list(table)
    while rest and isinstance(rest[0], RLParagraph) and _keeps_with_next(rest[0]):
        heads.append(rest.pop(0))  # the table's own caption
    if heads:
        out.append(CondPageBreak(TABLE_START_ROOM))
        for head in heads:
            head.keepWithNext = 0  # (reportlab reads the flowable's own attribute first)
    out += heads + rest


# Body rows of a data table kept on one page with the notes under it (the total row counts)
TAIL_ROWS = 2


def _kept_whole(table: d.DataTable) -> bool:
    """A short table goes to the next page whole with its notes (rather than split)."""
    return len(table.rows) + (1 if table.total else 0) <= 2 * TAIL_ROWS


def _is_note(block: d.Block) -> bool:
    return isinstance(block, d.Paragraph) and block.style == "note"


def _notes_after(blocks: Sequence[d.Block], index: int) -> list[d.Paragraph]:
    """The note paragraphs right after the table at ``index`` (C.3's rounding note, the
    methodology caveat, the withheld note): read under the table, they go with its end."""
    notes: list[d.Paragraph] = []
    for block in blocks[index + 1 :]:
        if not (isinstance(block, d.Paragraph) and block.style == "note"):
            break
        notes.append(block)
    return notes


class _TableTail(KeepTogether):
    """A table's last rows and the notes under it, kept on one page as a word processor keeps
    a caption with its table: when they move to the next page, the table's header row is
    drawn again above them, as it is above every continued part of the table. The rest of
    the table stays where it is, so no more than these rows' height is left blank."""

    def __init__(self, flowables: list[Flowable], header: Flowable) -> None:
        super().__init__(flowables)
        self._header = header

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 - reportlab's names
        parts: list[Flowable] = super().split(aW, aH)
        if parts and isinstance(parts[0], _FrameBreak):  # moved to the next page
            parts.insert(1, self._header)
        return parts


class _Paragraph(RLParagraph):
    """A paragraph that keeps its lines for the width it was last laid out at. When a long
    table goes on to the next page, reportlab makes a new table of the rows left and lays every
    one of them out again: a table of 1,500 rows over 100 pages broke its paragraphs into
    lines 50 times each (quadratic; 100 s). The lines depend only on the width."""

    _laid_out: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        laid_out = self._laid_out  # (reportlab drops the lines when it moves a paragraph on)
        if laid_out is not None and laid_out[0] == availWidth and "blPara" in self.__dict__:
            return laid_out[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._laid_out = (availWidth, size)
        return size


CELL_CHUNK = 2000  # characters: a cell's text longer than this is drawn in chunks of lines


def _line_chunks(text: str) -> list[str]:
    """``text`` cut at line ends into chunks of about ``CELL_CHUNK`` characters, each ending
    on a line with text (a chunk never starts or ends with a lost blank line); a line longer
    than that stays whole."""
    chunks: list[str] = []
    lines: list[str] = []
    size = 0
    for line in text.split("\n"):
        lines.append(line)
        size += len(line) + 1
        if size >= CELL_CHUNK and line.strip():
            chunks.append("\n".join(lines))
            lines, size = [], 0
    if lines:
        rest = "\n".join(lines)
        if rest.strip() or not chunks:
            chunks.append(rest)
    return chunks


class _PdfWriter:
    def __init__(self, doc: d.Document) -> None:
        self.doc = doc
        self.fonts = font_set()
        self.styles = _Styles(self.fonts)
        # A table row taller than a page (a cell of many lines) cannot move to the next page:
        # reportlab then refuses the whole document. Only such a document is laid out again
        # with rows split across pages; every other keeps its rows whole.
        self.split_rows = False

    def p(self, text: str, style: ParagraphStyle) -> RLParagraph:
        return _Paragraph(markup(text, self.fonts), style)

    def cell(self, text: str, style: ParagraphStyle) -> RLParagraph | list[RLParagraph]:
        """A table cell's text: one paragraph, or for pages of text one paragraph per few
        lines. A row taller than a page is split across pages, and reportlab lays a split
        paragraph out again from its start for every page: 60 pages of A.2 in one paragraph
        took 100 s to lay out (quadratic), a paragraph per chunk of lines is laid out once."""
        if len(text) <= CELL_CHUNK:
            return self.p(text, style)
        return [self.p(chunk, style) for chunk in _line_chunks(text)]

    def _chunked(self, text: str, style: ParagraphStyle) -> list[RLParagraph]:
        """Pages of body text as a paragraph per chunk of lines, spaced as the one paragraph
        would be (its space before the first chunk, after the last)."""
        chunks = _line_chunks(text)
        inner = ParagraphStyle(f"{style.name}-chunk", parent=style, spaceBefore=0, spaceAfter=0)
        out = []
        for n, chunk in enumerate(chunks):
            first, last = n == 0, n == len(chunks) - 1
            if first or last:
                chunk_style = ParagraphStyle(
                    f"{style.name}-chunk-{int(first)}{int(last)}",
                    parent=style,
                    spaceBefore=style.spaceBefore if first else 0,
                    spaceAfter=style.spaceAfter if last else 0,
                )
            else:
                chunk_style = inner
            out.append(self.p(chunk, chunk_style))
        return out

    def _grid(self, data: list[list[Any]], widths: list[float], header: bool) -> Table:
        table = Table(
            data,
            colWidths=widths,
            repeatRows=1 if header else 0,
            hAlign="CENTER",
            splitInRow=1 if self.split_rows else 0,
        )
        commands: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.latin),  # else tables select Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE))
        table.setStyle(TableStyle(commands))
        return table

    def key_value(self, block: d.KeyValueTable) -> list[Flowable]:
        s = self.styles
        if not block.rows:  # nothing to draw (reportlab refuses a table without rows)
            return []
        data = [[self.p(k, s.cell), self.cell(v, s.cell)] for k, v in block.rows]
        widths = [TEXT_WIDTH * block.key_width, TEXT_WIDTH * (1 - block.key_width)]
        table = self._grid(data, widths, header=False)
        table.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), LABEL_SHADE)]))
        return [table, Spacer(1, 8)]

    def data_table(self, block: d.DataTable, notes: list[Flowable] | None = None) -> list[Flowable]:
        """The table, its caption first; ``notes`` (the paragraphs read under it) are kept on
        one page with its last rows (``_TableTail``)."""
        s = self.styles
        shares = block.widths or tuple(1.0 for _ in block.columns)
        widths = [TEXT_WIDTH * w / sum(shares) for w in shares]
        data: list[list[Any]] = [[self.p(c, s.cell_bold) for c in block.columns]]
        for row in block.rows:
            data.append(
                [
                    self.cell(v, s.cell_right if i in block.numeric else s.cell)
                    for i, v in enumerate(row)
                ]
            )
        if block.total:
            data.append(
                [
                    self.p(v, s.cell_right_bold if i in block.numeric else s.cell_bold)
                    for i, v in enumerate(block.total)
                ]
            )
        if len(data) == 1:
            data.append([self.p("", s.cell) for _ in block.columns])
        out: list[Flowable] = []
        if block.caption:
            out.append(self.p(block.caption, s.h3))
        if not notes:
            return [*out, self._grid(data, widths, header=True), Spacer(1, 8)]
        if _kept_whole(block):  # the caller keeps it whole, with its headings
            return [*out, self._grid(data, widths, header=True), *notes]
        body, tail = data[:-TAIL_ROWS], data[-TAIL_ROWS:]
        header = self._grid([list(data[0])], widths, header=True)
        return [
            *out,
            self._grid(body, widths, header=True),
            _TableTail([self._grid(tail, widths, header=False), Spacer(1, 8), *notes], header),
        ]

    def note(self, block: d.Paragraph) -> RLParagraph:
        s = self.styles
        if block.bold:
            return RLParagraph(f"<b>{markup(block.text, self.fonts)}</b>", s.note)
        return self.p(block.text, s.note)

    def figure(self, block: d.Figure) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = []
        if block.image:
            png = png_data(block.image)
            w, h = (png.width, png.height) if png else _pixels(block.image)
            width = min(block.width_cm * cm, TEXT_WIDTH)
            height = width * h / w
            if height > 18 * cm:  # a tall figure must still fit on a page
                width, height = width * 18 * cm / height, 18 * cm
            if png:  # embedded as it is, without decoding (pdf_png)
                out.append(PngFigure(png, width, height))
            else:
                out.append(Image(io.BytesIO(block.image), width=width, height=height))
        else:
            out.append(self.p(block.placeholder, s.caption))
        if block.caption:
            out.append(self.p(block.caption, s.caption))
        return out

    def signature(self, block: d.SignatureBlock) -> list[Flowable]:
        s = self.styles
        data: list[list[Any]] = [[self.p(block.party, s.cell_bold), ""]]
        data += [[self.p(f"{label}:", s.cell), ""] for label in block.lines]
        heights = [None] + [1.2 * cm if label == "Signature" else 0.8 * cm for label in block.lines]
        table = Table(
            data,
            colWidths=[TEXT_WIDTH * block.key_width, TEXT_WIDTH * (1 - block.key_width)],
            rowHeights=heights,
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("SPAN", (0, 0), (1, 0)),
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.latin),
                    ("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return [KeepTogether([table]), Spacer(1, 10)]

    def flowables(self) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = []
        blocks = self.doc.blocks
        pending = False  # notes under the last data table, drawn with it
        for i, block in enumerate(blocks):
            if not _is_note(block):
                pending = False
            if isinstance(block, d.Heading):
                style = s.title if block.level <= 1 else (s.h2 if block.level == 2 else s.h3)
                out.append(self.p(block.text, style))
            elif _is_note(block) and pending:
                continue  # drawn with the table it is read under
            elif isinstance(block, d.Paragraph):
                style = s.note if block.style == "note" else s.body
                text = f"<b>{markup(block.text, self.fonts)}</b>" if block.bold else None
                para = RLParagraph(text, style) if text else self.p(block.text, style)
                if block.bold:  # a record's or group's title: with the table it names
                    para.keepWithNext = 1
                # a note (C.3's rounding, a caveat) is read as one: it moves to the next page
                # whole rather than leave a line or two of it alone there
                if block.style != "note" and not block.bold and len(block.text) > CELL_CHUNK:
                    out += self._chunked(block.text, style)  # pages of text: see cell()
                    continue
                out.append(KeepTogether([para]) if block.style == "note" else para)
            elif isinstance(block, d.KeyValueTable):
                table = self.key_value(block)
                if table and len(block.rows) <= d.WHOLE_ROWS:
                    # a contact's, a signatory's: never split, and with its title or heading
                    # (reportlab's keepWithNext leaves them apart before a KeepTogether)
                    _keep_with_headings(out, table)
                else:
                    out += table
            elif isinstance(block, d.DataTable):
                notes = _notes_after(blocks, i)
                pending = bool(notes)
                table = self.data_table(block, [self.note(n) for n in notes])
                if notes and _kept_whole(block):
                    _keep_with_headings(out, table)  # a short table, whole with its notes
                else:
                    _headings_with_table(out, table)
                continue
            elif isinstance(block, d.Figure):
                _keep_with_headings(out, self.figure(block))
            elif isinstance(block, d.SignatureBlock):
                out += self.signature(block)
            elif isinstance(block, d.PageBreak):
                out.append(PageBreak())
        return out

    def on_page(self, canvas: Canvas, _template: Any) -> None:
        canvas.saveState()
        width, height = A4
        if self.doc.draft:
            canvas.setFillColor(colors.Color(0.85, 0.85, 0.85))
            canvas.setFont(self.fonts.latin_bold, 110)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, -40, "DRAFT")
            canvas.rotate(-45)
            canvas.translate(-width / 2, -height / 2)
            canvas.setFillColor(colors.HexColor("#C00000"))
            canvas.setFont(self.fonts.latin_bold, 9)
        else:
            canvas.setFont(self.fonts.latin, 9)
        canvas.drawRightString(width - 2 * cm, height - 1.3 * cm, self.doc.header_line)
        canvas.setFillColor(colors.black)
        canvas.setFont(self.fonts.latin, 9)
        canvas.drawCentredString(width / 2, 1.1 * cm, str(canvas.getPageNumber()))
        canvas.restoreState()

    def write(self) -> bytes:
        try:
            return self._write()
        except LayoutError:
            if self.split_rows:
                raise
            self.split_rows = True
            return self._write()

    def _write(self) -> bytes:
        buffer = io.BytesIO()
        template = _OutlinedDoc(
            buffer,
            pagesize=A4,
            leftMargin=2 * cm,
            rightMargin=2 * cm,
            topMargin=2.2 * cm,
            bottomMargin=2 * cm,
            title=self.doc.title,
            subject=self.doc.subject,
            author="JCM PDD Studio",
            creator="JCM PDD Studio",
            initialFontName=self.fonts.latin,  # else reportlab declares a non-embedded Helvetica
        )
        template.build(self.flowables(), onFirstPage=self.on_page, onLaterPages=self.on_page)
        return buffer.getvalue()


def render_pdf(doc: d.Document) -> bytes:
    """The PDF bytes of ``doc``."""
    return _PdfWriter(doc).write()

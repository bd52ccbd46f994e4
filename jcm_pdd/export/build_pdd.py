"""Build the neutral ``Document`` of a PDD from (project, form layout, calculation results).

Walks the form layout section by section and interprets each block kind; every value is read
through a ``FieldReader`` so the public copy shows "XXX" for confidential values. Nothing here is
specific to a methodology or a section number.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from jcm_pdd.export.document import (
    Block,
    DataTable,
    Document,
    Figure,
    Heading,
    KeyValueTable,
    PageBreak,
    Paragraph,
    SignatureBlock,
)
from jcm_pdd.export.images import image_problem
from jcm_pdd.export.layout import Column, FormLayout, LayoutBlock, LayoutSection
from jcm_pdd.export.redact import REDACTED, FieldReader, format_value
from jcm_pdd.model import Project

if TYPE_CHECKING:
    from jcm_pdd.methodology.c3 import C3Table

AttachmentLoader = Callable[[str], bytes | None]

NOT_CALCULATED = "Not calculated: the methodology inputs are incomplete."
# In a draft, where content is missing the document says so visibly (a final export is refused
# while required content is missing, so it never carries this text).
TO_BE_COMPLETED = "[to be completed]"


class _DraftReader(FieldReader):
    """A ``FieldReader`` whose empty values read "[to be completed]" (drafts only)."""

    def text(self, path: str, date_format: str = "%d/%m/%Y") -> str:
        return super().text(path, date_format) or TO_BE_COMPLETED


def _fmt(column: Column, text: str) -> str:
    if not text or text in (REDACTED, TO_BE_COMPLETED):
        return text
    text = dict(column.choices).get(text, text)
    return column.fmt.format(text)


def _cell(reader: FieldReader, row_path: str, column: Column, number: int) -> str:
    if column.path == "#":
        return column.fmt.format(number)
    if column.path == "@coordinates":
        # DMS as printed in A.3; hidden if either coordinate is confidential
        if reader.hidden(f"{row_path}.latitude") or reader.hidden(f"{row_path}.longitude"):
            return REDACTED
        site = reader.raw(row_path)
        return (str(site.coordinates_dms()) if site is not None else "") or _missing(reader)
    path = f"{row_path}.{column.path}" if column.path else row_path
    return _fmt(column, reader.text(path, column.date_format))


def _missing(reader: FieldReader) -> str:
    """What an empty value reads as: "[to be completed]" in a draft, nothing in a final."""
    return TO_BE_COMPLETED if isinstance(reader, _DraftReader) else ""


def _rows(reader: FieldReader, path: str) -> int:
    value = reader.raw(path)
    return len(value) if isinstance(value, list) else 0


def _enumerate_cells(values: list[str]) -> str:
    """One value per site, numbered "(1) ... (2) ..." as multi-site PDDs print them."""
    if len(values) == 1:
        return values[0]
    if not values:
        return ""
    return "\n".join(f"({n}) {v}" for n, v in enumerate(values, start=1))


def _block(
    block: LayoutBlock,
    reader: FieldReader,
    figures: C3Table | None,
    load_attachment: AttachmentLoader,
    withheld: frozenset[str] = frozenset(),
) -> list[Block]:
    if block.kind == "text":
        return [Paragraph(reader.text(block.path))]
    if block.kind == "key_value":
        return [
            KeyValueTable(
                tuple(
                    (c.label, _fmt(c, reader.text(c.path, c.date_format))) for c in block.columns
                ),
                key_width=block.key_width,
            )
        ]
    if block.kind == "list_key_value":
        count = _rows(reader, block.path)
        rows = []
        for column in block.columns:
            values = [_cell(reader, f"{block.path}.{n}", column, n + 1) for n in range(count)]
            rows.append((column.label, _enumerate_cells(values) or _missing(reader)))
        return [KeyValueTable(tuple(rows), key_width=block.key_width)]
    if block.kind == "grouped":
        groups: dict[str, list[str]] = {}
        for n in range(_rows(reader, block.path)):
            key = reader.text(f"{block.path}.{n}.{block.group_by}")
            names = [_cell(reader, f"{block.path}.{n}", c, n + 1) for c in block.columns]
            groups.setdefault(key, []).append(" ".join(x for x in names if x))
        grouped = tuple((k, "\n".join(v)) for k, v in groups.items())
        if not grouped:  # nobody listed yet: a draft says so, a final shows no empty table
            missing = _missing(reader)
            return [KeyValueTable(((missing, missing),), block.key_width)] if missing else []
        return [KeyValueTable(grouped, key_width=block.key_width)]
    if block.kind == "table":
        body = tuple(
            tuple(_cell(reader, f"{block.path}.{n}", c, n + 1) for c in block.columns)
            for n in range(_rows(reader, block.path))
        )
        if not body and _missing(reader):  # a draft shows where the rows are to be entered
            body = (tuple("" if c.path == "#" else _missing(reader) for c in block.columns),)
        return [
            DataTable(
                columns=tuple(c.label for c in block.columns),
                rows=body,
                widths=tuple(c.width for c in block.columns),
                caption=block.label,
            )
        ]
    if block.kind == "figure":
        caption = reader.text(block.caption_path) if block.caption_path else block.label
        if reader.hidden(block.path):
            return [Figure(None, caption, REDACTED)]
        ref = format_value(reader.raw(block.path))  # the attachment's hash, never a placeholder
        if not block.caption_path and block.label:  # an image field of a record (a signature)
            image = load_attachment(ref) if ref else None
            if image is None or image_problem(image):
                return []  # optional: nothing printed where none is attached
            return [Figure(image, caption, width_cm=SIGNATURE_WIDTH_CM)]
        image = load_attachment(ref) if ref else None
        problem = image_problem(image) if image else ""
        if problem:  # a draft still exports; a final export was refused earlier (api.py)
            return [Figure(None, caption, f"(the attached figure cannot be shown: {problem})")]
        placeholder = (
            "" if image else (block.placeholder or _missing(reader) or "(no figure attached)")
        )
        return [Figure(image, caption, placeholder)]
    if block.kind == "emission_table":
        return _emission_table(block, figures, withheld)
    if block.kind == "records":
        out: list[Block] = []
        if not _rows(reader, block.path):
            if _missing(reader):
                return [Paragraph(_missing(reader))]
            # none listed (MoC Section 5 when every participant is the focal point): the
            # form's tables printed blank, as an empty list table prints its empty row
            return _record(block, reader, f"{block.path}.0", 1, load_attachment)
        for n in range(_rows(reader, block.path)):
            row = f"{block.path}.{n}"
            title = (
                block.label.replace("{n}", str(n + 1))
                if "{n}" in block.label
                else f"{block.label} ({n + 1})"
            )
            out.append(Paragraph(title, bold=True))
            out += _record(block, reader, row, n + 1, load_attachment)
        return out
    if block.kind == "fixed_text":
        return [Paragraph(block.label)]
    if block.kind == "signatures":
        return _signatures(block, reader)
    raise ValueError(f"unknown layout block kind {block.kind!r}")  # pragma: no cover


def _record(
    block: LayoutBlock,
    reader: FieldReader,
    row: str,
    number: int,
    load_attachment: AttachmentLoader,
) -> list[Block]:
    """One record laid out as Section 2 of the MoC is: its own fields, then one table per
    group of fields whose labels share a prefix ("Primary authorised signatory: Name") under
    that prefix as a heading, each followed by its image (the specimen signature)."""
    groups: dict[str, list[Column]] = {}
    for column in block.columns:
        prefix, sep, _rest = column.label.partition(": ")
        groups.setdefault(prefix if sep and "." in column.path else "", []).append(column)
    out: list[Block] = []
    for heading, columns in groups.items():
        if heading:
            out.append(Paragraph(heading, bold=True))
        strip = len(heading) + 2 if heading else 0
        pairs = tuple(
            (c.label[strip:], _cell(reader, row, c, number)) for c in columns if not c.image
        )
        if pairs:
            out.append(KeyValueTable(pairs, key_width=block.key_width))
        for column in (c for c in columns if c.image):
            figure = LayoutBlock("figure", f"{row}.{column.path}", label=column.label[strip:])
            out += _block(figure, reader, None, load_attachment)
    return out


def _signatures(block: LayoutBlock, reader: FieldReader) -> list[Block]:
    """One signature block per signing entity; ``path`` names an entity or a list of them."""
    parties: list[tuple[str, str]] = []
    for path in (block.path, block.group_by):
        if not path:
            continue
        value = reader.raw(path)
        if isinstance(value, list):
            for n in range(len(value)):
                parties.append((f"Project participant ({n + 1})", reader.text(f"{path}.{n}.name")))
        elif value is not None:
            parties.append((block.label or "Focal point entity", reader.text(f"{path}.name")))
    return [
        SignatureBlock(f"{role}: {name}" if name else role, key_width=block.key_width)
        for role, name in parties
    ]


SIGNATURE_WIDTH_CM = 6.0  # a specimen signature at about the size it is written
WITHHELD_NOTE = (
    "Figures shown as XXX are calculated from values that are confidential; they are given "
    "in the full version of this document."
)
# The C.3 column (its form subpath) of each figure a public copy may withhold (export.withheld)
_QUANTITY_KEY = {
    "reference_emissions": "RE",
    "project_emissions": "PE",
    "emission_reductions": "ER",
}


def _emission_table(
    block: LayoutBlock, figures: C3Table | None, withheld: frozenset[str] = frozenset()
) -> list[Block]:
    """C.3 laid out from the form's columns: each column names the figure it shows (its
    subpath); the first column's ``row_label`` heads the total row; the note under the table
    says how the figures are rounded (``methodology.c3``). In a public copy the figures
    computed from a confidential input read XXX (``export.withheld``, the workbook's rule)."""
    if figures is None or not figures.rows:
        return [Paragraph(NOT_CALCULATED, style="note")]
    if not block.columns or block.columns[0].path != "year":
        raise ValueError("the C.3 table of the form must start with its 'year' column")
    rest = block.columns[1:]
    # Imported here: the MoC (no figures) is built and handed to the render worker before the
    # methodology package is imported (export.api)
    from jcm_pdd.methodology.fmt import whole

    def shown(column: str, value: int) -> str:
        return REDACTED if _QUANTITY_KEY.get(column) in withheld else whole(value)

    rows = tuple(
        (str(row.year), *(shown(c.path, row.value(c.path)) for c in rest)) for row in figures.rows
    )
    total = (
        block.label or f"Total ({figures.unit})",
        *(shown(c.path, figures.total.value(c.path)) for c in rest),
    )
    table = DataTable(
        columns=tuple(c.label for c in block.columns),
        rows=rows,
        total=total,
        widths=tuple(c.width for c in block.columns),
        numeric=frozenset(range(1, len(block.columns))),
    )
    out: list[Block] = [table, Paragraph(figures.note, style="note")]
    if figures.methodology_caveat:  # the methodology is not verified (methodology/status.py)
        out.append(Paragraph(figures.methodology_caveat, style="note"))
    if withheld:
        out.append(Paragraph(WITHHELD_NOTE, style="note"))
    return out


def _section(
    section: LayoutSection,
    reader: FieldReader,
    figures: C3Table | None,
    load_attachment: AttachmentLoader,
    withheld: frozenset[str] = frozenset(),
) -> list[Block]:
    out: list[Block] = []
    if section.page_break_before:
        out.append(PageBreak())
    title = " ".join(x for x in (section.number, section.title) if x)
    if title:
        out.append(Heading(title, level=section.level))
    for block in section.blocks:
        out.extend(_block(block, reader, figures, load_attachment, withheld))
    return out


def _no_attachments(_ref: str) -> bytes | None:
    return None


def _participants(reader: FieldReader) -> str:
    """The project participants for the document's author property; a name hidden in this
    copy is left out rather than written as XXX."""
    names = [
        reader.text(f"pdd.participants.{n}.name")
        for n in range(len(reader.project.pdd.participants))
    ]
    return "; ".join(n for n in names if n and n != REDACTED)


def build_pdd(
    project: Project,
    layout: FormLayout,
    figures: C3Table | None,
    *,
    public: bool,
    draft: bool,
    load_attachment: AttachmentLoader = _no_attachments,
    withheld: frozenset[str] = frozenset(),
) -> Document:
    """The PDD (or, with an MoC layout, the MoC) as a neutral document; ``public`` replaces
    confidential values by "XXX", and the figures named in ``withheld`` (``export.withheld``,
    computed once per export from the calculation) by "XXX" as well."""
    reader = (_DraftReader if draft else FieldReader)(project, public=public)
    code = project.form_code(layout.form)
    doc = Document(
        title=layout.title,
        header_text=code,
        footer_text=code,
        draft=draft,
        subject=reader.text("pdd.title"),
        author=_participants(reader),
    )
    doc.add(Heading(layout.title, level=1))
    for section in layout.sections:
        doc.add(*_section(section, reader, figures, load_attachment, withheld))
    return doc

"""Turn a form definition from ``forms/`` (``jcm_pdd.forms.FormDefinition``) into a ``FormLayout``.

This is the only module that knows the form-definition schema; builders see ``FormLayout``.
``layout_for(project, form)`` picks the definition of the project's partner country and form
version from the registry. The forms/ folder is the one source of the layouts: when it is
missing or cannot be read, the export stops with a UserError saying so (a document drawn from
a stale built-in copy could differ from the form the registry expects).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from jcm_pdd.errors import UserError
from jcm_pdd.export.layout import Column, FormLayout, LayoutBlock, LayoutSection
from jcm_pdd.export.redact import format_value
from jcm_pdd.forms import Column as FormColumn
from jcm_pdd.forms import FormDefinition, FormField, Section
from jcm_pdd.model import Project

PageForm = Literal["PDD", "MoC"]


def _choices(col: FormColumn | FormField) -> tuple[tuple[str, str], ...]:
    """How stored values print: a country code as its name, a choice as its label."""
    if col.choices_from == "countries":
        from jcm_pdd.forms import load_forms

        return tuple((c.code, c.name) for c in load_forms().countries.countries)
    return tuple((format_value(c.value), c.label) for c in col.choices)


def _column(
    col: FormColumn | FormField, label: str | None = None, path: str | None = None
) -> Column:
    hints = col.export
    fmt = f"{hints.prefix}{{}}{hints.suffix}"
    width = (col.width if isinstance(col, FormColumn) else None) or 1.0
    return Column(
        label=col.label if label is None else label,
        path=(col.subpath if isinstance(col, FormColumn) else col.path) if path is None else path,
        width=width,
        fmt=fmt,
        date_format=hints.date_format or "%d/%m/%Y",
        choices=_choices(col),
    )


def _table_columns(field: FormField, widths: list[float]) -> tuple[Column, ...]:
    shown = [c for c in field.columns if c.on_form and c.export.include and c.type != "attachment"]
    by_key = {c.subpath: c for c in shown}
    out: list[Column] = []
    skip: set[str] = set()
    for col in shown:
        if col.subpath in skip:
            continue
        partner = by_key.get(col.export.combine_with) if col.export.combine_with else None
        if col.type == "coordinates" and partner is not None:
            # latitude and longitude print together in DMS, as the forms do
            skip.add(partner.subpath)
            out.append(Column(f"{col.label}, {partner.label.lower()}", "@coordinates"))
        else:
            out.append(_column(col))
    if len(widths) == len(out):
        out = [
            Column(c.label, c.path, w, c.fmt, c.date_format, c.choices)
            for c, w in zip(out, widths, strict=True)
        ]
    return tuple(out)


def _takes_images(accept: Iterable[str]) -> bool:
    return any(kind.startswith("image/") for kind in accept)


def _key_width(widths: list[float]) -> float:
    return widths[0] / sum(widths) if len(widths) == 2 and sum(widths) > 0 else 0.38


def _field_blocks(
    section: Section, fields: list[FormField], form_key: float | None = None
) -> list[LayoutBlock]:
    """``form_key``: the form's one label-column width (``[export] key_width``), over the
    section's own."""
    layout = section.export.layout
    widths = section.export.widths
    blocks: list[LayoutBlock] = []
    scalars: list[FormField] = []

    def flush_scalars() -> None:
        if scalars:
            blocks.append(
                LayoutBlock(
                    "key_value",
                    columns=tuple(_column(f) for f in scalars),
                    key_width=form_key or _key_width(widths),
                )
            )
            scalars.clear()

    attachment = (
        next((f for f in fields if f.type == "attachment"), None) if layout == "figure" else None
    )
    for field in fields:
        if field.type == "table":
            flush_scalars()
            hints = field.export
            kind = hints.layout or layout or "table"
            own_widths = hints.widths or widths
            row_label = hints.row_label or section.export.row_label
            if kind == "records" and row_label in ("", "({n})"):
                # sites: one cell per label, the values numbered "(1) ... (2) ..."
                columns = _table_columns(field, [])
                blocks.append(
                    LayoutBlock(
                        "list_key_value", field.path, columns=columns, key_width=form_key or 0.38
                    )
                )
            elif kind == "records":
                images = tuple(
                    Column(c.label, c.subpath, image=True)
                    for c in field.columns
                    if c.type == "attachment" and c.on_form and _takes_images(c.accept)
                )
                columns = _table_columns(field, []) + images
                blocks.append(
                    LayoutBlock(
                        "records",
                        field.path,
                        label=row_label,
                        columns=columns,
                        key_width=form_key or 0.45,
                    )
                )
            elif hints.group_by:
                names = tuple(c for c in _table_columns(field, []) if c.path != hints.group_by)
                blocks.append(
                    LayoutBlock(
                        "grouped",
                        field.path,
                        columns=names,
                        group_by=hints.group_by,
                        key_width=form_key or _key_width(own_widths),
                    )
                )
            else:
                label = field.label if len([f for f in fields if f.type == "table"]) > 1 else ""
                numbered = bool(row_label)
                columns = _table_columns(field, own_widths[1:] if numbered else own_widths)
                if numbered:
                    first = own_widths[0] if own_widths else 0.4
                    columns = (Column("", "#", first, row_label.replace("{n}", "{}")), *columns)
                blocks.append(LayoutBlock("table", field.path, label=label, columns=columns))
        elif field.type == "attachment" and attachment is field:
            flush_scalars()
            caption = next(
                (f.path for f in fields if f is not field and f.type in ("text", "multiline")), ""
            )
            blocks.append(LayoutBlock("figure", field.path, caption_path=caption))
        elif field.type == "attachment" and _takes_images(field.accept):
            flush_scalars()  # e.g. a specimen signature: printed under its signatory's table
            blocks.append(LayoutBlock("figure", field.path, label=field.label))
        elif field.type == "attachment":
            continue  # a document that is no image: kept in the package, not printed
        elif attachment is not None:
            continue  # the caption, drawn with the figure
        elif layout == "key_value" and not (
            field.type == "multiline" and scalars and len(fields) == 2
        ):
            scalars.append(field)
        elif layout == "key_value":
            flush_scalars()  # D.: the explanation reads better as text under the table
            blocks.append(LayoutBlock("text", field.path))
        else:
            flush_scalars()
            blocks.append(LayoutBlock("text", field.path))
    flush_scalars()
    return blocks


def _section(section: Section, form_key: float | None = None) -> LayoutSection:
    blocks: list[LayoutBlock] = []
    hints = section.export
    if section.text:
        blocks.append(LayoutBlock("fixed_text", label=section.text))
    if section.computed == "estimate.yearly":
        cols = section.computed_columns
        widths = hints.widths if len(hints.widths) == len(cols) else [1.0] * len(cols)
        blocks.append(
            LayoutBlock(
                "emission_table",
                label=cols[0].export.row_label if cols else "",
                columns=tuple(
                    Column(c.label, c.subpath, w) for c, w in zip(cols, widths, strict=True)
                ),
            )
        )
    fields = [f for f in section.fields if f.on_form and f.export.include]
    blocks += _field_blocks(section, fields, form_key)
    for path in hints.signature_blocks:
        blocks.append(LayoutBlock("signatures", path, key_width=form_key or 0.3))
    return LayoutSection(
        number=section.number,
        title=section.title,
        level=3 if section.parent else 2,
        blocks=tuple(blocks),
        page_break_before=hints.page_break_before,
    )


def layout_from_definition(definition: FormDefinition, form: PageForm) -> FormLayout:
    key = definition.export.key_width
    sections = tuple(
        _section(s, key) for s in definition.sections if s.on_form and s.export.include
    )
    source = str(getattr(definition, "_source_file", "") or definition.code)
    return FormLayout(form=form, title=definition.title, sections=sections, source=source)


def layout_for(project: Project, form: PageForm) -> FormLayout:
    """The layout of ``form`` for the project's rule set, from forms/; UserError when the form
    definitions cannot be read."""
    from jcm_pdd.forms import load_forms

    version = (
        project.rule_set.pdd_form_version if form == "PDD" else project.rule_set.moc_form_version
    )
    try:
        registry = load_forms()
        resolution = registry.resolve(
            project.rule_set.partner_country or "MN", form, version or None
        )
        return layout_from_definition(resolution.definition, form)
    except UserError as exc:  # includes FormDefinitionError: names the file and the problem
        raise UserError(
            f"The {form} form cannot be drawn: its definition in forms/ cannot be used "
            f"({exc.message})."
        ) from None
    except OSError as exc:  # forms/ missing (data_dir) or unreadable
        raise UserError(
            f"The {form} form cannot be drawn: the form definitions folder (forms/) cannot be "
            f"read ({exc.strerror or exc}). Reinstall JCM PDD Studio or restore the folder."
        ) from None

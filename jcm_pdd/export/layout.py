"""What the page exporters need to know of a form: its sections, in order, and their blocks.

``FormLayout`` is the exporter's view of a form definition; ``form_layout.layout_for(project)``
makes it from the form definitions in ``forms/`` (through ``jcm_pdd.forms``), the one source of
the layouts. Builders only interpret block *kinds* (text, key-value rows, list tables, ...), never
section numbers, so a corrected or new form version is a data change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal[
    "text",  # a paragraph holding the value at ``path``
    "key_value",  # rows of (label, path); ``fmt`` may wrap the value, e.g. "{} years"
    "list_key_value",  # rows of (label, sub-path) over the list at ``path``: "(1) ... (2) ..."
    "grouped",  # list at ``path`` grouped by ``group_by``: left column group, right the names
    "table",  # list at ``path``, one row per item, columns (label, sub-path)
    "figure",  # attachment id at ``path``, caption at ``caption_path``
    "emission_table",  # the yearly ex-ante RE / PE / ER table with its total row
    "records",  # one key-value table per item of the list at ``path``, titled ``label``+" (n)"
    "fixed_text",  # text printed by the form itself (``label``)
    "signatures",  # one signature block per entity: ``path`` (one) and ``group_by`` (a list)
]


@dataclass(frozen=True)
class Column:
    label: str
    path: str  # relative to the row (``""`` = the row itself; ``#`` = its 1-based number)
    width: float = 1.0
    fmt: str = "{}"
    date_format: str = "%d/%m/%Y"  # the JCM Word forms print dates dd/mm/yyyy
    choices: tuple[tuple[str, str], ...] = ()  # printed value -> label (e.g. "MN" -> "Mongolia")
    image: bool = False  # an attached image (a specimen signature), drawn under its record


@dataclass(frozen=True)
class LayoutBlock:
    kind: BlockKind
    path: str = ""
    label: str = ""  # table caption (e.g. "Reference emissions") or text label
    columns: tuple[Column, ...] = ()
    group_by: str = ""
    caption_path: str = ""
    placeholder: str = ""
    key_width: float = 0.38  # label share of a key-value table


@dataclass(frozen=True)
class LayoutSection:
    number: str  # as printed, e.g. "A.3." or "" for Annex
    title: str
    level: int = 3  # 2 = lettered section, 3 = numbered sub-section
    blocks: tuple[LayoutBlock, ...] = ()
    page_break_before: bool = False


@dataclass(frozen=True)
class FormLayout:
    form: str  # "PDD" or "MoC"
    title: str
    sections: tuple[LayoutSection, ...] = field(default_factory=tuple)
    source: str = ""  # the forms/ file this layout came from

    @property
    def needs_figures(self) -> bool:
        """Whether the document shows the calculated C.3 figures (the MoC does not)."""
        return any(b.kind == "emission_table" for s in self.sections for b in s.blocks)

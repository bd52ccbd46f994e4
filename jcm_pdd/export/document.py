"""The neutral document model every page-based export is built into, then drawn by a renderer.

Builders (``build_pdd``, ``build_moc``) turn a project into a ``Document``; renderers
(``render_docx``, ``render_pdf``) draw a ``Document`` and know nothing of JCM. Because the Word
and the PDF file are drawn from the same ``Document`` object, they cannot disagree on a value.

``document_to_json`` / ``document_from_json`` carry a ``Document`` to the render worker process
(``worker``) as plain JSON: data, never code (no pickle).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field, fields
from typing import Any, Literal

ParagraphStyle = Literal["body", "note", "title", "label"]


@dataclass(frozen=True)
class Heading:
    """A section heading; level 1 = document title, 2 = section ("A."), 3 = sub-section."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """Free text; ``\\n`` starts a new line within the paragraph. A ``bold`` one is the title
    of a record or of a group of its fields ("Primary authorised signatory"): every renderer
    keeps it on one page with the block after it, as a heading."""

    text: str
    style: ParagraphStyle = "body"
    bold: bool = False


WHOLE_ROWS = 8  # a key-value table this short moves to the next page whole, never split


@dataclass(frozen=True)
class KeyValueTable:
    """A two-column table: label on the left (shaded), value on the right; one of at most
    ``WHOLE_ROWS`` rows (a contact's, a signatory's) is kept on one page."""

    rows: tuple[tuple[str, str], ...]
    key_width: float = 0.38  # share of the text width taken by the label column


@dataclass(frozen=True)
class DataTable:
    """A table with a header row, body rows and an optional bold total row."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None
    widths: tuple[float, ...] | None = None  # relative column widths; equal when None
    numeric: frozenset[int] = frozenset()  # column indexes drawn right-aligned
    caption: str = ""


@dataclass(frozen=True)
class Figure:
    """An image (PNG/JPEG bytes) with a caption; ``image`` None draws the placeholder text."""

    image: bytes | None
    caption: str = ""
    placeholder: str = ""
    width_cm: float = 14.0  # printed width (a specimen signature is drawn smaller)


@dataclass(frozen=True)
class SignatureBlock:
    """A signature box: who signs, then labelled lines (Name, Title, Signature, Date)."""

    party: str
    lines: tuple[str, ...] = ("Signature", "Name", "Title", "Date")
    key_width: float = 0.3  # share of the text width taken by the labels (Signature, Name...)


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | KeyValueTable | DataTable | Figure | SignatureBlock | PageBreak


@dataclass
class Document:
    """A whole page document: header/footer text, DRAFT flag, and its blocks in order."""

    title: str
    header_text: str
    footer_text: str = ""
    draft: bool = False
    blocks: list[Block] = field(default_factory=list)
    subject: str = ""
    author: str = ""  # the project participants, as this copy shows them

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def headings(self) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, Heading)]

    @property
    def header_line(self) -> str:
        """The page-header text as drawn; a draft says DRAFT on every page."""
        return f"DRAFT \u2014 {self.header_text}" if self.draft else self.header_text


_BLOCK_TYPES: dict[str, type[Block]] = {
    cls.__name__: cls
    for cls in (Heading, Paragraph, KeyValueTable, DataTable, Figure, SignatureBlock, PageBreak)
}


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, frozenset):
        return {"set": sorted(value)}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _typed(value: Any) -> Any:
    """Back from ``_plain``: lists become tuples (every sequence in a block is a tuple)."""
    if isinstance(value, dict):
        if "base64" in value:
            return base64.b64decode(value["base64"], validate=True)
        return frozenset(value["set"])
    if isinstance(value, list):
        return tuple(_typed(v) for v in value)
    return value


def document_to_json(doc: Document) -> str:
    """``doc`` as one line of JSON (images base64-encoded)."""
    head = {f.name: getattr(doc, f.name) for f in fields(doc) if f.name != "blocks"}
    blocks = [
        {"kind": type(b).__name__, **{f.name: _plain(getattr(b, f.name)) for f in fields(b)}}
        for b in doc.blocks
    ]
    return json.dumps({**head, "blocks": blocks}, ensure_ascii=False)


def document_from_json(text: str) -> Document:
    """The ``Document`` written by ``document_to_json``; ValueError for anything else."""
    try:
        raw = json.loads(text)
        blocks: list[Block] = []
        for item in raw.pop("blocks"):
            cls = _BLOCK_TYPES[item.pop("kind")]
            blocks.append(cls(**{k: _typed(v) for k, v in item.items()}))
        return Document(**raw, blocks=blocks)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a serialised document: {exc}") from None

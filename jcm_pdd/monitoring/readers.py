"""Rows of a meter export, streamed: CSV (csv module) or .xlsx (openpyxl, read-only).

Both give the header and then one list of strings per row, so the importer has one path; the
file's SHA-256 is computed from the same bytes the rows are parsed from (CSV: while reading;
.xlsx: one pass before openpyxl opens it), to be kept as evidence. Nothing holds the whole file.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from jcm_pdd.errors import UserError

CHUNK = 1 << 20
_TEXT_CHUNK = 1 << 18  # measured: faster than 8 KB and than 1 MiB (cache)


class ImportFileError(UserError):
    """A meter file that cannot be read as monitored data; the message says where and why."""


class _HashingReader(io.BufferedIOBase):
    """Passes a binary file's bytes through and hashes them on the way. The text layer asks it
    for ``_TEXT_CHUNK`` bytes at a time straight from the file (no buffer between: one Python
    call per chunk instead of one per 8 KB). ``read`` gives at most one chunk, like ``read1``;
    an empty result is the end of the file."""

    def __init__(self, raw: io.FileIO) -> None:
        self._raw = raw
        self.digest = hashlib.sha256()

    @property
    def name(self) -> object:  # the text layer's ``name``
        return self._raw.name

    def readable(self) -> bool:
        return True

    def read1(self, size: int | None = -1, /) -> bytes:
        data = self._raw.read(size if size and size > 0 else CHUNK) or b""
        self.digest.update(data)
        return data

    def read(self, size: int | None = -1, /) -> bytes:
        return self.read1(size)


class Rows:
    """The header and the data rows of one file; ``sha256`` is known once the rows are read."""

    def __init__(
        self, header: list[str], rows: Iterator[list[str]], hasher: Callable[[], str]
    ) -> None:
        # CSV: the csv reader; its errors (bad UTF-8, a broken quote) reach the caller's loop
        # and leave the ``open_rows`` block as ImportFileError with the line
        self.header = header
        self.rows = rows
        self._hasher = hasher

    @property
    def sha256(self) -> str:
        return str(self._hasher())


@contextmanager
def open_rows(path: Path) -> Iterator[Rows]:
    """The rows of ``path`` (``.xlsx``: the first sheet; anything else: CSV, UTF-8)."""
    if path.suffix.lower() == ".xlsx":
        with _xlsx_rows(path) as rows:
            yield rows
        return
    try:
        raw = open(path, "rb", buffering=0)  # closed below, after the caller read the rows
    except OSError as exc:
        raise ImportFileError(f"cannot read {path.name}: {exc.strerror}") from None
    with raw:
        hashing = _HashingReader(raw)
        text = io.TextIOWrapper(hashing, "utf-8-sig", newline="")
        text._CHUNK_SIZE = _TEXT_CHUNK  # type: ignore[attr-defined]
        reader = csv.reader(text, strict=True)
        try:
            header = next(reader, None)
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ImportFileError(f"{path.name} is not a CSV file in UTF-8 ({exc})") from None
        if header is None:
            raise ImportFileError(f"{path.name} is empty")

        def finish() -> str:
            while hashing.read(CHUNK):  # the rest of the bytes, if the reader stopped early
                pass
            return hashing.digest.hexdigest()

        # the reader itself, not a generator around it: the importer's loop runs once per row
        try:
            yield Rows([h.strip() for h in header], reader, finish)
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ImportFileError(
                f"{path.name}, line {reader.line_num}: not readable as CSV in UTF-8 ({exc})"
            ) from None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while block := stream.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _cell(value: object) -> str:
    """A cell as the text a CSV export would hold (dates ISO, numbers as shown)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep="T", timespec="minutes" if not value.second else "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(Decimal(repr(value)))  # the shortest decimal that is this double
    return str(value)


@contextmanager
def _xlsx_rows(path: Path) -> Iterator[Rows]:
    import openpyxl  # only here: a CSV import never loads it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        sha = file_sha256(path)
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise ImportFileError(f"cannot read {path.name}: {exc.strerror}") from None
    except (InvalidFileException, KeyError, ValueError) as exc:
        raise ImportFileError(f"{path.name} is not a readable .xlsx workbook ({exc})") from None
    try:
        sheet = book.worksheets[0]
        cells = sheet.iter_rows(values_only=True)
        first = next(cells, None)
        if first is None:
            raise ImportFileError(f"{path.name}: its first sheet is empty")
        header = [_cell(v).strip() for v in first]
        yield Rows(header, ([_cell(v) for v in row] for row in cells), lambda: sha)
    finally:
        book.close()

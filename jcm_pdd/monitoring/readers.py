"""Rows of a meter export, streamed: CSV or .xlsx (openpyxl, read-only).

Both give the header and then one list of strings per row, so the importer has one path. CSV is
read in blocks of bytes cut after a line end: a plain block (no quotes, NUL, lone carriage
return or empty line) is split on newlines and commas, which is what the csv module makes of
it; from the first block that is not plain on, the csv module reads the rest. The file's
SHA-256 is computed from the same bytes the rows are parsed from (CSV: while reading; .xlsx: one
pass before openpyxl opens it), to be kept as evidence. Nothing holds the whole file.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from itertools import chain, repeat
from pathlib import Path
from typing import Any, cast

from jcm_pdd.errors import UserError
from jcm_pdd.safezip import Limits, Problem, Refusal, SafeZipReader, Words, words_for

CHUNK = 1 << 20
_MiB = 1 << 20
MAX_LINE = 16 * _MiB  # one CSV line; a reading's line is a few dozen bytes
_TEXT_CHUNK = 1 << 18  # measured: faster than 8 KB and than 1 MiB (cache)


class ImportFileError(UserError):
    """A meter file that cannot be read as monitored data; the message says where and why."""


# The csv module's complaints (strict mode), by a fragment of its message, in a person's words:
# what is wrong with the line and what to do. Its own words ("field larger than field limit
# (131072)", "new-line character seen in unquoted field - do you need to open the file in
# universal-newline mode?") speak of its internals.
_CSV_WORDS = (
    (
        "field larger than field limit",
        f"a field is longer than {csv.field_size_limit():,} characters, which no meter reading "
        "is: a double quote opened on this line or above is probably never closed; check the "
        "quotes, or export the readings again",
    ),
    (
        "line contains NUL",
        "the line holds a NUL byte, which no text file of readings has: the file is damaged or "
        "not a CSV file; export the readings again as CSV",
    ),
    (
        "new-line character seen in unquoted field",
        "a line break inside a field that is not in double quotes; put that field in double "
        "quotes, or remove the line break",
    ),
    (
        "expected after",
        "text follows the closing double quote of a field; end the field at its closing quote, "
        'and write a double quote inside a field as two ("")',
    ),
    (
        "unexpected end of data",
        "the file ends inside a field in double quotes: a double quote opened on this line or "
        "above is never closed; close it, or export the readings again",
    ),
)


def _reason(exc: UnicodeDecodeError | csv.Error) -> str:
    """What is wrong, in a person's words: Python's codec message names a byte's position in a
    block of the file, and the csv module's its parser's state; neither means anything to
    whoever exported it."""
    if isinstance(exc, UnicodeDecodeError):
        byte = exc.object[exc.start]
        return (
            f"byte 0x{byte:02X} is not UTF-8 text; export the file as CSV UTF-8, or save it "
            "again in that encoding"
        )
    said = str(exc)
    for fragment, words in _CSV_WORDS:
        if fragment in said:
            return words
    return f"not readable as CSV ({said}); export the readings again as CSV"


def _problem(exc: UnicodeDecodeError | csv.Error) -> str:
    """A line's problem as the import error says it after the file and line."""
    if isinstance(exc, UnicodeDecodeError):
        return f"not readable as CSV in UTF-8 ({_reason(exc)})"
    return _reason(exc)


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
        stream = _CsvStream(path.name, _HashingReader(raw))
        header = stream.header()
        if header is None:
            raise ImportFileError(f"{path.name} is empty")

        def finish() -> str:
            while stream.hashing.read(CHUNK):  # the rest of the bytes, if the reader stopped early
                pass
            return stream.hashing.digest.hexdigest()

        # the rows of each block straight from C (no generator step per row: the importer's loop
        # runs once per row)
        try:
            yield Rows([h.strip() for h in header], chain.from_iterable(stream.blocks()), finish)
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ImportFileError(f"{path.name}, line {stream.line()}: {_problem(exc)}") from None


class _Prefixed(io.BufferedIOBase):
    """Bytes already read (and hashed), then the rest of the file: what the csv module reads
    once a block needs it."""

    def __init__(self, pending: bytes, rest: _HashingReader) -> None:
        self._pending = pending
        self._rest = rest

    @property
    def name(self) -> object:  # the text layer's ``name``
        return self._rest.name

    def readable(self) -> bool:
        return True

    def read1(self, size: int | None = -1, /) -> bytes:
        if self._pending:
            data, self._pending = self._pending, b""
            return data
        return self._rest.read1(size)

    def read(self, size: int | None = -1, /) -> bytes:
        return self.read1(size)


class _CsvStream:
    """A CSV file in blocks of about ``CHUNK`` bytes, cut after a line end. A block without
    quotes, NUL, lone carriage returns or empty lines is split on newlines and commas, which is
    exactly what the csv module would make of it, in about half its time (measured: 2.6 million
    meter readings); from the first block that has any of them on, the csv module reads the
    rest (quoted fields may span lines and blocks)."""

    def __init__(self, name: str, hashing: _HashingReader) -> None:
        self.name = name
        self.hashing = hashing
        self.lines = 0  # lines handed out before the current block
        self.reader: Any = None  # the csv module's reader, once it took over
        self._carry = b""
        self._start = True
        self._first: list[str] = []  # the lines of the header's block after the header

    def line(self) -> int:
        return self.lines + (self.reader.line_num if self.reader is not None else 0)

    def _block(self) -> bytes:
        """The next bytes up to and including a line end (or the end of the file)."""
        data = self._carry
        while True:
            more = self.hashing.read1(CHUNK)
            if self._start:
                self._start = False
                more = more.removeprefix(b"\xef\xbb\xbf")  # a BOM, as utf-8-sig does
            if not more:
                self._carry = b""
                return data
            data += more
            cut = data.rfind(b"\n") + 1
            if cut:
                self._carry = data[cut:]
                return data[:cut]
            if len(data) > MAX_LINE:  # a binary file, or one without line ends: never held whole
                raise ImportFileError(
                    f"{self.name}, line {self.lines + 1}: longer than {MAX_LINE >> 20} MB without "
                    "a line end; this is not a CSV file of meter readings"
                )

    def _text(self, data: bytes) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = self.lines + data.count(b"\n", 0, exc.start) + 1
            raise ImportFileError(
                f"{self.name}, line {line}: not readable as CSV in UTF-8 ({_reason(exc)})"
            ) from None

    def _plain(self, data: bytes) -> list[str] | None:
        """The lines of a block the csv module would read as plain comma-separated text, or
        None when it needs the csv module."""
        if b'"' in data or b"\0" in data:
            return None
        text = self._text(data)
        if "\r" in text:
            crlf = text.count("\r\n")
            if crlf != text.count("\r"):
                return None  # a lone carriage return ends a line for the csv module
            text = text.replace("\r\n", "\n")
        if "\n\n" in text or text.startswith("\n"):
            return None  # an empty line is an empty row for the csv module
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()
        return lines

    def _csv(self, data: bytes) -> Iterator[list[str]]:
        text = io.TextIOWrapper(_Prefixed(data + self._carry, self.hashing), "utf-8", newline="")
        text._CHUNK_SIZE = _TEXT_CHUNK  # type: ignore[attr-defined]
        self._carry = b""
        self.reader = csv.reader(text, strict=True)
        return cast(Iterator[list[str]], self.reader)

    def header(self) -> list[str] | None:
        data = self._block()
        lines = self._plain(data) if data else []
        if lines is None:
            try:
                return next(self._csv(data), None)
            except (UnicodeDecodeError, csv.Error) as exc:
                raise ImportFileError(
                    f"{self.name}, line {max(self.line(), 1)} (the header): {_problem(exc)}"
                ) from None
        if not lines:
            return None
        self._first = lines[1:]
        self.lines = 1
        return lines[0].split(",")

    def blocks(self) -> Iterator[Iterable[list[str]]]:
        """Each block's rows: ``str.split`` mapped over its lines (or the csv module's reader)."""
        if self.reader is not None:
            yield self.reader
            return
        lines: list[str] | None = self._first
        while True:
            if lines:
                yield map(str.split, lines, repeat(",", len(lines)))
                self.lines += len(lines)
            data = self._block()
            if not data:
                return
            lines = self._plain(data)
            if lines is None:
                yield self._csv(data)
                return


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


# A meter export of 2.6 million readings is a sheet of about 200 MB unpacked; openpyxl holds
# the shared strings whole, so a workbook is refused beyond these (zip bombs included).
XLSX_LIMITS = Limits(max_entries=2_000, max_member_size=512 * _MiB, max_total_size=1024 * _MiB)
_NOT_A_WORKBOOK = (
    "{file} is not a readable .xlsx workbook: it is damaged, or it is not a workbook saved by a "
    "spreadsheet program"
)
_BOMB = "{file} would unpack to far more data than a workbook of meter readings holds; refused"
_BOMB_PROBLEMS = (
    Problem.DIRECTORY_TOO_LARGE,
    Problem.TOO_MANY_ENTRIES,
    Problem.MEMBER_TOO_LARGE,
    Problem.RATIO,
    Problem.TOTAL_TOO_LARGE,
    Problem.MORE_THAN_DECLARED,
)
_XLSX_WORDS: Words = {
    **{problem: _NOT_A_WORKBOOK for problem in Problem},
    **{problem: _BOMB for problem in _BOMB_PROBLEMS},
    Problem.EMPTY_FILE: "{file} is empty",
    Problem.NO_PERMISSION: "cannot read {file}: you do not have permission",
    Problem.NOT_REGULAR: "{file} is not a regular file (a pipe, device or socket)",
    Problem.FOLDER: "{file} is a folder, not a workbook",
    Problem.NOT_FOUND: "{file} does not exist",
}
# What openpyxl (and lxml or expat under it) raise on a workbook whose parts are damaged:
# malformed XML (SyntaxError: both parsers' errors derive from it), a part missing or of the
# wrong shape, deflate data that is damaged or ends early.
_DAMAGED_PARTS = (
    SyntaxError,
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    IndexError,
    EOFError,
)


def _refuse_xlsx(refusal: Refusal, text: str) -> ImportFileError:
    return ImportFileError(text)


def _checked_rows(name: str, rows: Iterator[tuple[object, ...]]) -> Iterator[list[str]]:
    """The sheet's rows as text; a part that turns out damaged while read is an import error."""
    try:
        for row in rows:
            yield [_cell(v) for v in row]
    except _DAMAGED_PARTS:
        raise ImportFileError(_NOT_A_WORKBOOK.format(file=name)) from None


@contextmanager
def _xlsx_rows(path: Path) -> Iterator[Rows]:
    import openpyxl  # only here: a CSV import never loads it
    from openpyxl.utils.exceptions import InvalidFileException

    # The zip is checked as every zip from outside is (names, sizes, bombs) before openpyxl,
    # which trusts it, opens it.
    with SafeZipReader(path, XLSX_LIMITS, words_for(_XLSX_WORDS, _refuse_xlsx)):
        pass
    try:
        sha = file_sha256(path)
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise ImportFileError(f"cannot read {path.name}: {exc.strerror}") from None
    except (InvalidFileException, *_DAMAGED_PARTS):
        raise ImportFileError(_NOT_A_WORKBOOK.format(file=path.name)) from None
    try:
        if not book.worksheets:
            raise ImportFileError(f"{path.name} has no worksheet")
        cells = _checked_rows(path.name, book.worksheets[0].iter_rows(values_only=True))
        first = next(cells, None)
        if first is None:
            raise ImportFileError(f"{path.name}: its first sheet is empty")
        header = [v.strip() for v in first]
        yield Rows(header, cells, lambda: sha)
    finally:
        book.close()

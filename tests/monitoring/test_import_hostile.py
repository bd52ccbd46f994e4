"""A damaged, hostile or foreign meter file: the import says what is wrong in one line.

Property tests take a real workbook and CSV of meter readings and damage them (a cut at any
byte, flipped bytes, a part of the workbook missing or garbled, a zip bomb, binary noise): the
import ends in its totals or an ``ImportFileError``, never another exception (openpyxl's
BadZipFile, XML parse errors and IndexError escaped as internal errors before), and the file is
never changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jcm_pdd.model import MonitoringPeriod, Project
from jcm_pdd.monitoring.importer import ImportSpec, import_file
from jcm_pdd.monitoring.readers import ImportFileError
from tests.monitoring.periods_support import sample, template

SPEC = ImportSpec("EG", "kWh", time_column="time", value_column="kwh", meter_column="meter")
SHEET = "xl/worksheets/sheet1.xml"


def _project() -> Project:
    project = sample()
    project.monitoring.periods.append(
        MonitoringPeriod(start=dt.date(2027, 4, 3), end=dt.date(2027, 4, 3))
    )
    return project


def _workbook() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["time", "meter", "kwh"])
    for hour in range(24):
        sheet.append([dt.datetime(2027, 4, 3, hour), "PV-1", 1.5])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WORKBOOK = _workbook()
CSV = (
    "time,meter,kwh\n" + "".join(f"2027-04-03T{h:02d}:00,PV-1,1.5\n" for h in range(24))
).encode()


def _rezip(edit: Callable[[str, bytes], bytes | None]) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(WORKBOOK)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            body = edit(info.filename, source.read(info))
            if body is not None:
                target.writestr(info.filename, body)
    return out.getvalue()


def _declared_huge(data: bytes) -> bytes:
    """The sheet declares 1 GiB unpacked in the central directory (a bomb's promise)."""
    buffer = bytearray(data)
    at = 0
    while True:
        at = data.index(b"PK\x01\x02", at)
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == SHEET.encode():
            struct.pack_into("<I", buffer, at + 24, 1 << 30)
            return bytes(buffer)
        at += 4


PARTS: dict[str, Callable[[], bytes]] = {
    "empty": lambda: b"",
    "a CSV named .xlsx": lambda: CSV,
    "no sheet": lambda: _rezip(lambda n, b: None if n == SHEET else b),
    "sheet cut": lambda: _rezip(lambda n, b: b[: len(b) // 2] if n == SHEET else b),
    "workbook garbled": lambda: _rezip(lambda n, b: b"<x" if n == "xl/workbook.xml" else b),
    "no content types": lambda: _rezip(lambda n, b: None if n == "[Content_Types].xml" else b),
    "declared bomb": lambda: _declared_huge(WORKBOOK),
    "path traversal": lambda: _rezip(lambda n, b: b) + b"",
}


def _import(path: Path) -> str:
    """``accepted`` or the import error's message; any other exception fails the test."""
    before = hashlib.sha256(path.read_bytes()).digest()
    try:
        import_file(path, _project(), template("JCM_MN_AM003"), SPEC)
        outcome = "accepted"
    except ImportFileError as exc:
        outcome = exc.message
        assert "\n" not in outcome and len(outcome) < 400, outcome
        assert "Error" not in outcome and "Traceback" not in outcome, outcome
    assert hashlib.sha256(path.read_bytes()).digest() == before
    return outcome


@pytest.mark.parametrize("case", PARTS, ids=list(PARTS))
def test_a_damaged_workbook_is_refused_in_words(tmp_path: Path, case: str) -> None:
    path = tmp_path / "meters.xlsx"
    path.write_bytes(PARTS[case]())
    outcome = _import(path)
    if case == "path traversal":
        assert outcome == "accepted"
        return
    assert outcome != "accepted"
    if case == "declared bomb":
        assert "refused" in outcome
    elif case == "no sheet":
        assert "no worksheet" in outcome or "not a readable .xlsx" in outcome
    elif case == "empty":
        assert outcome == "meters.xlsx is empty"
    else:
        assert "not a readable .xlsx workbook" in outcome


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    cut=st.one_of(st.none(), st.integers(0, len(WORKBOOK) - 1)),
    flips=st.lists(st.tuples(st.integers(0, len(WORKBOOK) - 1), st.integers(0, 255)), max_size=6),
)
def test_a_cut_or_flipped_workbook_is_read_or_refused(
    tmp_path_factory: pytest.TempPathFactory, cut: int | None, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(WORKBOOK)
    for at, value in flips:
        data[at] = value
    path = tmp_path_factory.mktemp("xlsx") / "meters.xlsx"
    path.write_bytes(bytes(data if cut is None else data[:cut]))
    _import(path)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    cut=st.integers(0, len(CSV)),
    noise=st.binary(max_size=64),
    at=st.integers(0, len(CSV)),
)
def test_a_cut_or_noisy_csv_is_read_or_refused(cut: int, noise: bytes, at: int) -> None:
    import tempfile

    data = CSV[:at] + noise + CSV[at:cut] if at < cut else CSV[:cut]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "meters.csv"
        path.write_bytes(data)
        _import(path)


def test_a_binary_file_as_csv_names_its_columns_briefly(tmp_path: Path) -> None:
    """A binary file's first "line" is its header: the message listed all of it (kilobytes)."""
    path = tmp_path / "meters.csv"
    path.write_bytes(bytes(range(32, 127)) * 60 + b"," * 40 + b"\n1,2,3\n")
    outcome = _import(path)
    assert outcome.startswith("no time column “time” (the columns are: ")
    assert outcome.endswith(" more)") and len(outcome) < 400


def test_a_total_of_many_digits_is_kept_exactly(tmp_path: Path) -> None:
    """The total was written through the default decimal context: rounded to 28 digits."""
    from fractions import Fraction

    from jcm_pdd.monitoring.apply import apply_import

    reading = "1.0000000000000000000000000000000000001"  # 38 significant digits
    path = tmp_path / "meters.csv"
    path.write_text(CSV.decode().replace(",1.5\n", f",{reading}\n", 1), encoding="utf-8")
    project = _project()
    apply_import(project, import_file(path, project, template("JCM_MN_AM003"), SPEC))
    value = next(v for v in project.monitoring.periods[-1].values if v.index == {"i": "PV-1"})
    assert value.value is not None
    # 23 readings of 1.5 kWh and one of ``reading``, in MWh
    assert Fraction(value.value) == (Fraction(reading) + Fraction("34.5")) / 1000


def test_a_file_without_line_ends_is_not_held_whole(tmp_path: Path) -> None:
    """The CSV reader gathered bytes until a line end: a large file without one was read
    into memory whole before anything was said."""
    import tracemalloc

    from jcm_pdd.monitoring import readers

    path = tmp_path / "meters.csv"
    path.write_bytes(b"time,meter,kwh\n" + b"x," * (12 << 20))  # 24 MB, one line
    tracemalloc.start()
    try:
        outcome = _import(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "line 2: longer than 16 MB without a line end" in outcome
    assert peak < 3 * readers.MAX_LINE  # bounded by the line limit, not the file


@pytest.mark.parametrize(
    "body",
    [b"\xff\xfet\x00i\x00m\x00e\x00\n\x00", CSV + b"2027-04-03T05:00,PV-\xe9,1\n"],
    ids=["utf-16", "latin-1 line"],
)
def test_a_file_in_another_encoding_is_told_without_codec_words(
    tmp_path: Path, body: bytes
) -> None:
    """It said "('utf-8' codec can't decode byte 0xe9 in position 3851: invalid continuation
    byte)": Python's words, and a position inside a block of the file."""
    path = tmp_path / "meters.csv"
    path.write_bytes(body)
    outcome = _import(path)
    assert "is not UTF-8 text; export the file as CSV UTF-8" in outcome, outcome
    assert "codec" not in outcome and "position" not in outcome

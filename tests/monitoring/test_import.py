"""Import of meter readings (CSV, .xlsx) into monitoring periods."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from jcm_pdd.model import MonitoringPeriod, Project
from jcm_pdd.monitoring import period_actual, period_diagnostics
from jcm_pdd.monitoring.apply import apply_import
from jcm_pdd.monitoring.importer import ImportSpec, import_file
from jcm_pdd.monitoring.readers import ImportFileError
from tests.monitoring.periods_support import sample, template

D = dt.date
MN = "JCM_MN_AM003"


def _project() -> Project:
    project = sample()
    project.monitoring.periods += [
        MonitoringPeriod(start=D(2027, 4, 1), end=D(2027, 4, 2)),
        MonitoringPeriod(start=D(2027, 4, 3), end=D(2027, 4, 3)),
    ]
    return project


def _hourly(path: Path, skip: tuple[str, str] | None = None, extra: str = "") -> Path:
    """PV-1: 1.5 kWh every hour; PV-2: 2.25 kWh; 31/03 (before the periods) to 03/04."""
    lines = ["time,meter,kwh"]
    for day in (31, 1, 2, 3):
        month = 3 if day == 31 else 4
        for hour in range(24):
            stamp = f"2027-{month:02d}-{day:02d}T{hour:02d}:00"
            for meter, value in (("PV-1", "1.5"), ("PV-2", "2.25")):
                if (stamp, meter) != skip:
                    lines.append(f"{stamp},{meter},{value}")
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


SPEC = ImportSpec("EG", "kWh", time_column="time", value_column="kwh", meter_column="meter")


def test_hourly_readings_summed_per_period_with_gaps_and_the_file_hash(tmp_path: Path) -> None:
    path = _hourly(tmp_path / "meters.csv", skip=("2027-04-02T07:00", "PV-2"))
    project = _project()
    result = import_file(path, project, template(MN), SPEC)
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert result.rows == 4 * 24 * 2 - 1
    assert result.outside == 48  # 31 March
    assert result.interval_minutes == 60
    got = {
        (s.meter, s.period): (s.total, s.readings, s.expected, s.first_missing)
        for s in result.series
    }
    # period 1 = 2 days = 48 hours: PV-1 48 x 1.5 kWh = 72 kWh = 0.072 MWh
    assert got[("PV-1", 0)] == (Fraction("0.072"), 48, 48, "")
    # PV-2 misses 07:00 on 2 April: 47 x 2.25 = 105.75 kWh
    assert got[("PV-2", 0)] == (Fraction("0.10575"), 47, 48, "2027-04-02T07:00")
    assert got[("PV-2", 1)] == (Fraction("0.054"), 24, 24, "")
    before = project.model_copy(deep=True)
    assert project == before  # import_file changes nothing
    apply_import(project, result, today=D(2027, 5, 1))
    first = project.monitoring.periods[0]
    assert [(v.index["i"], v.value, v.option, v.evidence) for v in first.values] == [
        ("PV-1", Decimal("0.072"), "C", [result.sha256]),
        ("PV-2", Decimal("0.10575"), "C", [result.sha256]),
    ]
    assert first.imports[0].sha256 == result.sha256
    assert "47 of 48 readings; 1 missing (first 2027-04-02T07:00)" in first.imports[0].summary
    # the same facts kept as data, for the interface to word in its language
    record = first.imports[0]
    assert (record.unit, record.plan_unit) == ("kWh", "MWh/p")
    assert [
        (s.key, s.index, s.total, s.readings, s.expected, s.first_missing, s.duplicates)
        for s in record.series
    ] == [
        ("EG", {"i": "PV-1"}, Decimal("0.072"), 48, 48, "", 0),
        ("EG", {"i": "PV-2"}, Decimal("0.10575"), 47, 48, "2027-04-02T07:00", 0),
    ]
    second = project.monitoring.periods[1].imports[0].series  # only period 2's meters
    assert [(s.index["i"], s.readings) for s in second] == [
        (s.meter, s.readings) for s in result.series if s.period == 1
    ]
    # the actual ER follows from the imported values: 0.072 x 0.797 + 0.10575 x 0.533
    actual = period_actual(project, template(MN), 0)
    assert actual.result.er == Fraction("0.072") * Fraction("0.797") + Fraction(
        "0.10575"
    ) * Fraction("0.533")


def test_duplicates_are_refused_or_the_first_kept(tmp_path: Path) -> None:
    path = _hourly(tmp_path / "m.csv", extra="2027-04-01T05:00,PV-1,99\n")
    with pytest.raises(
        ImportFileError, match=r"a second reading of meter “PV-1” for 2027-04-01T05:00"
    ):
        import_file(path, _project(), template(MN), SPEC)
    spec = ImportSpec(**{**SPEC.__dict__, "duplicates": "first"})
    result = import_file(path, _project(), template(MN), spec)
    pv1 = next(s for s in result.series if s.meter == "PV-1" and s.period == 0)
    assert (pv1.total, pv1.duplicates) == (Fraction("0.072"), 1)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "2027-04-01T05:00,PV-7,1\n",
            r"row 194: meter “PV-7” is not a unit of the Monitoring Plan",
        ),
        ("2027-04-01T05:30,PV-1,1\n", r"row 194: 2027-04-01T05:30 is not on the 60-minute grid"),
        ("2027-04-01T05:00,PV-1,abc\n", r"row 194: “abc” is not a number"),
        ("2027-04-01T05:00,PV-1,NaN\n", r"row 194: “NaN” is not a number"),
        ("2027-04-01T05:00,PV-1,-Infinity\n", r"row 194: “-Infinity” is not a number"),
        ("2027-04-01T05:00,PV-1\n", r"row 194: fewer columns than the header"),
        ("2027-04-01T05:00\n", r"row 194: fewer columns than the header"),
        ("2027-13-01T05:00,PV-1,1\n", r"row 194: “2027-13-01” is not a date"),
        ("2027-04-01T05:00+09:00,PV-1,1\n", r"row 194: the time “T05:00\+09:00” is not HH:MM"),
        # digits other than 0-9, which Python's Decimal and \\d read as 0-9: refused
        (
            "2027-04-01T05:00,PV-1,\u0661\u0662.\u0665\n",  # Arabic-Indic 12.5
            r"row 194, column “kwh”: “١٢.٥” is written with ‘١’ \(arabic-indic digit one\); export",
        ),
        (
            "2027-04-01T05:00,PV-1,\uff11\uff12\n",  # full-width 12
            r"row 194, column “kwh”: “１２” is written with ‘１’ \(fullwidth digit one\); export",
        ),
        ("2027-04-01T\u0660\u0665:00,PV-1,1\n", r"row 194: the time “T٠٥:00” is not HH:MM"),
    ],
)
def test_bad_rows_are_named(tmp_path: Path, extra: str, message: str) -> None:
    path = _hourly(tmp_path / "m.csv", extra=extra)
    with pytest.raises(ImportFileError, match=message):
        import_file(path, _project(), template(MN), SPEC)


def test_units_must_sum_into_the_plan_unit(tmp_path: Path) -> None:
    path = _hourly(tmp_path / "m.csv")
    with pytest.raises(ImportFileError, match=r"readings in h cannot be summed into MWh/p"):
        import_file(path, _project(), template(MN), ImportSpec(**{**SPEC.__dict__, "unit": "h"}))
    # GJ -> MWh is x 5/18: PV-1 in period 1 is 48 x 1.5 GJ = 72 GJ = 20 MWh, exact
    gj = ImportSpec(**{**SPEC.__dict__, "unit": "GJ"})
    result = import_file(path, _project(), template(MN), gj)
    pv1 = next(s for s in result.series if s.meter == "PV-1" and s.period == 0)
    assert pv1.total == 20
    # ... but 1 GJ = 5/18 MWh is no decimal: refused rather than rounded, nothing changed
    path.write_text("time,meter,kwh\n2027-04-03T00:00,PV-1,1\n", encoding="utf-8")
    result = import_file(path, _project(), template(MN), gj)
    project = _project()
    before = project.model_copy(deep=True)
    with pytest.raises(ImportFileError, match=r"not an exact decimal \(GJ -> MWh/p\)") as caught:
        apply_import(project, result)
    assert project == before
    # the value named to 12 digits through exact decimals, not a float's %g (0.277778)
    assert "would be about 0.277777777778," in caught.value.message


def test_daily_and_monthly_rows(tmp_path: Path) -> None:
    project = sample()
    project.monitoring.periods += [
        MonitoringPeriod(start=D(2027, 4, 1), end=D(2027, 5, 31)),
        MonitoringPeriod(start=D(2027, 6, 1), end=D(2027, 6, 15)),
    ]
    daily = tmp_path / "daily.csv"
    rows = ["date,unit,mwh"] + [
        f"{(D(2027, 4, 1) + dt.timedelta(days=n)).isoformat()},{m},1.25"
        for n in range(61)
        for m in ("PV-1", "PV-2")
    ]
    daily.write_text("\n".join(rows) + "\n", encoding="utf-8")
    spec = ImportSpec("EG", "MWh", "date", "mwh", "unit")
    result = import_file(daily, project, template(MN), spec)
    pv1 = {s.period: s for s in result.series if s.meter == "PV-1"}
    assert (pv1[0].total, pv1[0].readings, pv1[0].expected) == (Fraction("76.25"), 61, 61)
    assert (pv1[1].readings, pv1[1].expected, pv1[1].first_missing) == (0, 15, "2027-06-01")
    monthly = tmp_path / "monthly.csv"
    monthly.write_text("date,unit,mwh\n2027-04,PV-1,30\n2027-05,PV-1,31.5\n", encoding="utf-8")
    result = import_file(monthly, project, template(MN), spec)
    pv1 = {s.period: s for s in result.series if s.meter == "PV-1"}
    assert (pv1[0].total, pv1[0].readings) == (Fraction("61.5"), 61)
    monthly.write_text("date,unit,mwh\n2027-06,PV-1,30\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"the month 2027-06 is not wholly inside one period"):
        import_file(monthly, project, template(MN), spec)


def test_xlsx_gives_the_same_totals(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["time", "meter", "kwh"])
    for hour in range(24):
        when = dt.datetime(2027, 4, 3, hour)
        sheet.append([when, "PV-1", 1.5])
        sheet.append([when, "PV-2", 0.1])  # a double: read as the decimal 0.1 it shows
    path = tmp_path / "meters.xlsx"
    book.save(path)
    result = import_file(path, _project(), template(MN), SPEC)
    got = {(s.meter, s.period): (s.total, s.readings) for s in result.series}
    assert got[("PV-1", 1)] == (Fraction("0.036"), 24)
    assert got[("PV-2", 1)] == (Fraction("0.0024"), 24)
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_imported_project_has_no_period_diagnostics_once_complete(tmp_path: Path) -> None:
    path = _hourly(tmp_path / "meters.csv")
    project = _project()
    apply_import(project, import_file(path, project, template(MN), SPEC))
    codes = {d.code for d in period_diagnostics(project, template(MN))}
    # the evidence file is not attached yet (the caller attaches it) and option C wants an
    # instrument: both are said, nothing else
    assert codes == {"period.evidence-missing", "period.calibration"}


def test_implausible_periods_are_refused_before_memory_is_taken(tmp_path: Path) -> None:
    """A period of 9,000 years read by the minute would need gigabytes of bookkeeping."""
    project = sample()
    project.monitoring.periods.append(MonitoringPeriod(start=D(1000, 1, 1), end=D(9999, 12, 31)))
    path = tmp_path / "m.csv"
    path.write_text("time,meter,kwh\n2027-04-01T00:00,PV-1,1\n2027-04-01T00:01,PV-1,1\n")
    with pytest.raises(
        ImportFileError, match=r"row 2: meter “PV-1”: readings every 1 minute\(s\) of 1 meter"
    ):
        import_file(path, project, template(MN), SPEC)


def test_a_file_that_is_not_utf8_csv_is_named_with_its_line(tmp_path: Path) -> None:
    path = _hourly(tmp_path / "m.csv")
    filler = b"2026-01-01T00:00,PV-1,1\n" * 20_000  # outside the periods: read, not used
    path.write_bytes(path.read_bytes() + filler + b"2027-04-03T05:00,PV-1,\xff\xfe\n")
    with pytest.raises(ImportFileError, match=r"m.csv, line \d+: not readable as CSV in UTF-8"):
        import_file(path, _project(), template(MN), SPEC)
    path.write_text('time,meter,kwh\n2027-04-03T05:00,"PV-1,1\n', encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"m.csv, line \d+: the file ends inside a field"):
        import_file(path, _project(), template(MN), SPEC)


def test_the_hash_is_of_every_byte_read_across_text_chunks(tmp_path: Path) -> None:
    """A file several text chunks long, with a BOM and multi-byte characters on the chunk
    borders: the rows are decoded whole and the hash is the file's, also when the reader stops
    after the header."""
    from jcm_pdd.monitoring.readers import _TEXT_CHUNK, open_rows

    note = "発電量メモ" * 7  # 3 bytes a character: rows straddle the chunk borders
    lines = [f"2027-04-01T{n % 24:02d}:00,PV-{n % 3},{n}.{n % 7},{note}{n}" for n in range(30000)]
    path = tmp_path / "big.csv"
    path.write_bytes(("\ufefftime,meter,kwh,note\n" + "\n".join(lines) + "\n").encode())
    assert path.stat().st_size > 3 * _TEXT_CHUNK
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with open_rows(path) as source:
        assert source.header == ["time", "meter", "kwh", "note"]
        rows = list(source.rows)
        assert source.sha256 == digest
    assert len(rows) == 30000
    assert rows[12345] == lines[12345].split(",")
    with open_rows(path) as source:
        next(source.rows)
        assert source.sha256 == digest  # the rest of the bytes hashed without parsing them


@pytest.mark.parametrize(
    "body",
    [
        "2027-04-01T00:00,PV-1,1.5\n2027-04-01T01:00,PV-1,2\n",  # plain
        "2027-04-01T00:00,PV-1,1.5\r\n2027-04-01T01:00,PV-1,2\r\n",  # Windows line ends
        "2027-04-01T00:00,PV-1,1.5\r2027-04-01T01:00,PV-1,2\r",  # old Mac line ends
        "2027-04-01T00:00,PV-1,1.5\n\n2027-04-01T01:00,PV-1,2\n",  # an empty line
        "2027-04-01T00:00,PV-1,1.5\n2027-04-01T01:00,PV-1,2",  # no line end at the end
        '2027-04-01T00:00,"PV-1",1.5\n2027-04-01T01:00,"PV\n1","2,5"\n',  # quotes, a newline
        "2027-04-01T00:00, PV-1 ,1.5 \n,,\n,\n",  # spaces and empty cells kept as they are
        "2027-04-01T00:00,発電,1.5\n" * 3,  # multi-byte characters
    ],
)
@pytest.mark.parametrize("repeat", [1, 3000])
def test_rows_are_what_the_csv_module_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, repeat: int
) -> None:
    """The reader splits plain blocks itself and hands the rest to the csv module: the rows, the
    header and the hash are the csv module's and hashlib's, whichever way each block went, also
    with blocks far smaller than a line (many block borders)."""
    import csv
    import io

    from jcm_pdd.monitoring import readers

    text = "\ufefftime,meter,kwh\r\n" + body * repeat
    path = tmp_path / "m.csv"
    path.write_bytes(text.encode())
    expected = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    for chunk in (readers.CHUNK, 7):
        monkeypatch.setattr(readers, "CHUNK", chunk)
        with readers.open_rows(path) as source:
            assert [source.header, *source.rows] == [
                [h.strip() for h in expected[0]],
                *expected[1:],
            ]
            assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_bad_utf8_after_plain_blocks_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    rows = "2026-01-01T00:00,PV-1,1\n" * 100_000  # outside the periods: read, not used
    path.write_bytes(b"time,meter,kwh\n" + rows.encode() + b"2027-04-03T05:00,PV-1,\xff\n")
    with pytest.raises(ImportFileError, match=r"m.csv, line 100002: not readable as CSV in UTF-8"):
        import_file(path, _project(), template(MN), SPEC)
    path.write_bytes(b"time,meter,kwh\n" + rows.encode() + b'2027-04-03T05:00,"PV-1,1\n')
    with pytest.raises(ImportFileError, match=r"m.csv, line 100002: the file ends inside a"):
        import_file(path, _project(), template(MN), SPEC)


TRICKY = [
    "0.000000000000000000000000000001",  # 30 decimals: more than a float or Decimal's 28 digits
    "-1.5",  # a correction
    "1E-3",  # exponent notation
    "2.5e2",
    "",  # a missing reading: a gap, not a zero
    " 7 ",  # spaces around the number
    "123456789012345678901234567890.25",  # more digits than a float holds
    "+0.1",
    "0.2",  # 0.1 + 0.2 is 0.3 exactly, not 0.30000000000000004
]


@pytest.mark.parametrize("quoted", [False, True])
def test_tricky_numbers_are_summed_exactly(tmp_path: Path, quoted: bool) -> None:
    """Each reading summed as the decimal it is written as (quoted: the rows go through the csv
    module instead of the plain-block reader; the totals are the same)."""
    lines = ["time,meter,kwh"]
    for hour, text in enumerate(TRICKY):
        cell = f'"{text}"' if quoted else text
        lines.append(f"2027-04-03T{hour:02d}:00,PV-1,{cell}")
    path = tmp_path / "m.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_file(path, _project(), template(MN), SPEC)
    (series,) = [s for s in result.series if s.meter == "PV-1" and s.period == 1]
    exact = sum((Fraction(Decimal(t)) for t in TRICKY if t.strip()), Fraction(0))
    assert series.total == exact / 1000  # kWh -> MWh, exactly
    assert exact == Fraction("123456789012345678901234567890.25") + Fraction(
        "255.801000000000000000000000000001"  # -1.5 + 0.001 + 250 + 7 + 0.1 + 0.2
    )
    assert (series.readings, series.expected, series.first_missing) == (8, 24, "2027-04-03T04:00")


def test_thousands_separators_are_refused_not_misread(tmp_path: Path) -> None:
    """ "1,234.5" (quoted, else it is two cells) is not a number the importer guesses at."""
    path = tmp_path / "m.csv"
    path.write_text('time,meter,kwh\n2027-04-03T00:00,PV-1,"1,234.5"\n', encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"row 2: “1,234.5” is not a number"):
        import_file(path, _project(), template(MN), SPEC)


def test_gaps_and_duplicates_are_found_the_same_through_either_reader(tmp_path: Path) -> None:
    """A quote in the last row sends only the rows from its block on through the csv module;
    gaps, duplicates (first kept) and totals are those of the plain file."""
    spec = ImportSpec("EG", "kWh", "time", "kwh", "meter", duplicates="first")
    plain = _hourly(tmp_path / "plain.csv", skip=("2027-04-02T07:00", "PV-2"))
    plain.write_text(plain.read_text() + "2027-04-01T05:00,PV-1,99\n")
    quoted = tmp_path / "quoted.csv"
    quoted.write_text(plain.read_text() + '2027-04-01T06:00,"PV-1",98\n')
    first = import_file(plain, _project(), template(MN), spec)
    second = import_file(quoted, _project(), template(MN), spec)
    facts = [
        [(s.meter, s.period, s.total, s.readings, s.first_missing, s.duplicates) for s in r.series]
        for r in (first, second)
    ]
    assert facts[0] == [(m, p, t, n, f, 1 if m == "PV-1" else 0) for m, p, t, n, f, _ in facts[0]]
    pv1 = [f for f in facts[1] if f[0] == "PV-1"]
    assert all(f[5] == 2 for f in pv1)  # 05:00 and 06:00 of 1 April read twice: first kept
    assert [f[:5] for f in facts[1]] == [f[:5] for f in facts[0]]


def test_digits_other_than_0_9_are_refused_in_workbooks_and_monthly_rows(tmp_path: Path) -> None:
    """A text cell of a workbook and a monthly total are read by the same rule as CSV rows."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["time", "meter", "kwh"])
    sheet.append([dt.datetime(2027, 4, 3, 0), "PV-1", 1.5])
    sheet.append([dt.datetime(2027, 4, 3, 1), "PV-1", "\u06f1\u06f5"])  # Persian 15, as text
    path = tmp_path / "meters.xlsx"
    book.save(path)
    before = path.read_bytes()
    with pytest.raises(
        ImportFileError,
        match=r"row 3, column “kwh”: “۱۵” is written with ‘۱’ \(extended arabic-indic digit one\)",
    ):
        import_file(path, _project(), template(MN), SPEC)
    assert path.read_bytes() == before

    project = sample()
    project.monitoring.periods.append(MonitoringPeriod(start=D(2027, 4, 1), end=D(2027, 4, 30)))
    monthly = tmp_path / "monthly.csv"
    monthly.write_text("date,unit,mwh\n2027-04,PV-1,\u0663\u0660\n", encoding="utf-8")
    spec = ImportSpec("EG", "MWh", "date", "mwh", "unit")
    with pytest.raises(
        ImportFileError,
        match=r"row 2, column “mwh”: “٣٠” is written with ‘٣’ \(arabic-indic digit three\)",
    ):
        import_file(monthly, project, template(MN), spec)


# What the csv module says (strict), and the words a person reads instead: which file, which
# line, what is wrong and what to do; never the module's own words.
CSV_PROBLEMS = {
    "a field beyond the field limit": (
        b'time,meter,kwh\n2027-04-03T00:00,PV-1,"' + b"1" * 200_000 + b'"\n',
        "m.csv, line 2: a field is longer than 131,072 characters",
    ),
    "text after a closing quote": (
        b'time,meter,kwh\n"2027-04-03T00:00"x,PV-1,1\n',
        "m.csv, line 2: text follows the closing double quote of a field",
    ),
    "a quote never closed": (
        b'time,meter,kwh\n2027-04-03T00:00,"PV-1,1\n2027-04-03T01:00,PV-1,1\n',
        "m.csv, line 3: the file ends inside a field in double quotes",
    ),
    "a header field beyond the limit": (
        b'"' + b"t" * 200_000 + b'",meter,kwh\n2027-04-03T00:00,PV-1,1\n',
        "m.csv, line 1 (the header): a field is longer than 131,072 characters",
    ),
    "text after a closing quote in the header": (
        b'"time"x,meter,kwh\n2027-04-03T00:00,PV-1,1\n',
        "m.csv, line 1 (the header): text follows the closing double quote",
    ),
}
CSV_MODULE_WORDS = ("field limit (", "expected after", "unexpected end of data", "new-line char")


@pytest.mark.parametrize("problem", list(CSV_PROBLEMS))
def test_the_csv_modules_complaints_are_worded_for_the_user(tmp_path: Path, problem: str) -> None:
    data, expected = CSV_PROBLEMS[problem]
    path = tmp_path / "m.csv"
    path.write_bytes(data)
    with pytest.raises(ImportFileError) as caught:
        import_file(path, _project(), template(MN), SPEC)
    message = caught.value.message
    assert message.startswith(expected), message
    assert not any(words in message for words in CSV_MODULE_WORDS), message
    assert "\n" not in message
    assert path.read_bytes() == data  # the file is left as it is


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("line contains NUL", "the line holds a NUL byte"),
        (
            "new-line character seen in unquoted field - do you need to open the file in "
            "universal-newline mode?",
            "a line break inside a field that is not in double quotes",
        ),
        ("something new", "not readable as CSV (something new); export the readings again"),
    ],
)
def test_complaints_this_python_no_longer_makes_are_worded_too(said: str, expected: str) -> None:
    """Python 3.11's csv module reads a NUL, and a lone carriage return ends a line where the
    file is opened as the importer opens it; older or newer versions may say these again."""
    import csv

    from jcm_pdd.monitoring.readers import _reason

    assert _reason(csv.Error(said)).startswith(expected)

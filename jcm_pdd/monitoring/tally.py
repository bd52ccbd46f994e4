"""The streaming pass of an import: rows of meter readings -> per meter and period, the exact
sum, the intervals read (a bitmap, one byte per interval: gaps and duplicates) and the rows
outside the periods. This loop runs once per reading (millions), so it keeps to dictionary
look-ups of values seen before: each timestamp is located once (a bounded cache), each number
is parsed once and summed exactly (Decimal, an inexact sum raises).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, Inexact, InvalidOperation, localcontext
from fractions import Fraction
from typing import Literal

from jcm_pdd.digits import written_with
from jcm_pdd.model import Project
from jcm_pdd.monitoring.readers import ImportFileError

DAY = 1440  # minutes
_TIME = re.compile(r"^[T ](\d\d):(\d\d)(?::(\d\d))?$", re.ASCII)  # 0-9 only, as dates
_NAN = Decimal("NaN")
# a timestamp's place, packed in one int: ``period << 32 | slot``; ints, unlike tuples, are not
# followed by the garbage collector, so the cache of 200,000 timestamps costs it nothing (a
# full collection on the GUI thread during an import stalled the window)
_OUTSIDE = -1  # in no chosen period
_UNSEEN = -2  # not looked up yet
_SLOT = (1 << 32) - 1
_BITMAPS = 256 * 1024 * 1024  # bytes of interval bitmaps at most, all meters together
_STAMPS = 200_000  # timestamps remembered at most (about 20 MB)
_PRECISION = 120  # digits of the running sums; more would be inexact, which raises

Duplicates = Literal["refuse", "first"]


@dataclass(frozen=True)
class ImportSpec:
    """What the columns mean and where the values go."""

    parameter: str  # template key of a Monitoring Plan Table 1 parameter, e.g. "EG"
    unit: str  # unit of the file's values, e.g. "kWh"
    time_column: str = "time"
    value_column: str = "value"
    meter_column: str = ""  # "" : one series (a parameter without index, or ``meters``' one)
    meters: Mapping[str, str] = field(default_factory=dict)  # meter id -> unit member id
    periods: tuple[int, ...] = ()  # period numbers to fill (default: every dated period)
    duplicates: Duplicates = "refuse"


@dataclass
class Series:
    """One meter's readings in one period."""

    meter: str
    key: str
    index: dict[str, str]
    period: int
    total: Fraction  # in the plan row's unit
    readings: int
    expected: int  # intervals (or days) of the period
    first_missing: str  # "" when complete
    duplicates: int = 0

    @property
    def missing(self) -> int:
        return self.expected - self.readings


class _Meter:
    __slots__ = ("bitmap", "duplicates", "first_duplicate", "index", "name", "sums")

    def __init__(self, name: str, index: dict[str, str], slots: int, periods: int) -> None:
        self.name = name
        self.index = index
        self.bitmap = bytearray(slots)
        self.sums = [Decimal(0)] * periods
        self.duplicates = 0
        self.first_duplicate = 0


def not_ascii_digits(line: int, column: str, text: str) -> ImportFileError:
    """Python's Decimal reads Arabic-Indic, full-width and other digits as 0-9; a meter export
    holds the digits 0-9, so a value written otherwise is refused, naming where it is."""
    return ImportFileError(
        f"row {line}, column “{column}”: {written_with(text)}; export the readings with the "
        "digits 0-9"
    )


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _minute(rest: str, line: int) -> int:
    found = _TIME.match(rest)
    if found is None:
        raise ImportFileError(
            f"row {line}: the time “{rest.strip()}” is not HH:MM (ISO 8601 local time, no zone)"
        )
    hours, minutes = int(found[1]), int(found[2])
    if hours > 23 or minutes > 59 or (found[3] and int(found[3]) != 0):
        raise ImportFileError(f"row {line}: the time “{rest.strip()}” is not a whole minute")
    return hours * 60 + minutes


class Tally:
    """The streaming pass: rows -> per-meter bitmaps and per-period sums."""

    def __init__(
        self,
        project: Project,
        spec: ImportSpec,
        sets: list[str],
        ranges: list[tuple[dt.date, dt.date]],
        first: dt.date,
        slots: int,
        interval: int,
    ) -> None:
        self.spec = spec
        self.sets = sets
        self.ranges = ranges
        self.first = first
        self.slots = slots
        self.interval = interval
        self.outside = 0
        self.meters: dict[str, _Meter] = {}
        self.planned = {
            tuple(sorted(r.index.items()))
            for r in project.monitoring_plan.monitored
            if r.key == spec.parameter
        }
        # day text -> (period position, first slot of the day) or None outside every period
        self.days: dict[str, tuple[int, int] | None] = {}
        self.offsets: dict[str, int] = {}  # time of day -> interval of the day
        self.stamps: dict[str, int] = {}  # timestamp -> period << 32 | slot, or _OUTSIDE

    def meter(self, name: str, line: int) -> _Meter:
        member = self.spec.meters.get(name, name)
        index = {self.sets[0]: member} if self.sets else {}
        if self.sets and not member:
            raise ImportFileError(f"row {line}: no meter given")
        if tuple(sorted(index.items())) not in self.planned:
            what = f"{self.spec.parameter} [{self.sets[0]} = {member}]" if self.sets else name
            raise ImportFileError(
                f"row {line}: meter “{name}” is not a unit of the Monitoring Plan ({what} has no "
                "row in Table 1)"
            )
        if not self.sets and self.meters:
            raise ImportFileError(
                f"row {line}: {self.spec.parameter} has no units, but the file has more than "
                "one meter"
            )
        if (len(self.meters) + 1) * self.slots > _BITMAPS:
            raise ImportFileError(
                f"row {line}: meter “{name}”: readings every {self.interval} minute(s) of "
                f"{len(self.meters) + 1} meter(s) over these periods are more than one import "
                "can follow; import fewer periods or meters at a time"
            )
        found = self.meters[name] = _Meter(name, index, self.slots, len(self.ranges))
        return found

    def locate(
        self, stamp: str, line: int, timed: bool, offsets: dict[str, int]
    ) -> tuple[int, int] | None:
        """(period position, slot) of a timestamp, or None when it is in no chosen period."""
        day = stamp[:10]
        where = self.days[day] if day in self.days else self.day(day, line)
        if where is None:
            return None
        if timed:
            rest = stamp[10:]
            offset = offsets.get(rest)
            if offset is None:
                offset = offsets[rest] = self.offset(rest, stamp, line)
            return where[0], where[1] + offset
        if len(stamp) != 10:
            raise ImportFileError(f"row {line}: “{stamp}” is not a date like the rows above")
        return where

    def offset(self, rest: str, stamp: str, line: int) -> int:
        minute = _minute(rest, line)
        if minute % self.interval:
            raise ImportFileError(f"row {line}: {stamp} is not on the {self.interval}-minute grid")
        return minute // self.interval

    def day(self, text: str, line: int) -> tuple[int, int] | None:
        day = _day(text)
        if day is None:
            raise ImportFileError(f"row {line}: “{text}” is not a date (YYYY-MM-DD)")
        where = None
        for position, (start, end) in enumerate(self.ranges):
            if start <= day <= end:
                where = (position, (day - self.first).days * (DAY // self.interval))
                break
        if len(self.days) >= _STAMPS:
            self.days.clear()  # bounded, like the timestamps
        self.days[text] = where
        return where

    def read(
        self,
        rows: Iterable[list[str]],
        time: int,
        value: int,
        meter: int | None,
        shape: str,
        first_line: int = 2,
    ) -> int:
        """Read ``rows`` (the first is line ``first_line``); returns how many were read."""
        if shape == "month":
            return self._months(rows, time, value, meter, first_line)
        offsets, stamps = self.offsets, self.stamps
        timed = shape == "time"
        refuse = self.spec.duplicates == "refuse"
        meters = self.meters
        line = first_line - 1
        # three list subscripts (specialised by the interpreter) rather than one itemgetter
        # call that builds a tuple; measured about 50 ns a row faster
        named = meter if meter is not None else time
        single = meter is None
        number_of = Decimal  # a local, not a module global: looked up once per row
        previous: str | None = None  # the meters of one time come together: look it up once
        where = _OUTSIDE
        position = slot = 0
        with localcontext() as context:
            context.prec = _PRECISION
            context.traps[Inexact] = True
            for line, row in enumerate(rows, start=first_line):
                try:
                    stamp = row[time]
                    text = row[value]
                    name = "" if single else row[named]
                except IndexError:
                    raise ImportFileError(f"row {line}: fewer columns than the header") from None
                try:
                    state = meters[name]  # a subscript, not .get(): this runs once per row
                except KeyError:
                    state = self.meter(name, line)
                if stamp != previous:
                    previous = stamp
                    where = stamps.get(stamp, _UNSEEN)
                    if where == _UNSEEN:
                        found = self.locate(stamp, line, timed, offsets)
                        where = _OUTSIDE if found is None else found[0] << 32 | found[1]
                        if len(stamps) >= _STAMPS:
                            stamps.clear()  # bounded: readings come roughly in time order
                        stamps[stamp] = where
                    position, slot = where >> 32, where & _SLOT  # once per time, not per row
                if where == _OUTSIDE:
                    self.outside += 1
                    continue
                try:
                    number = number_of(text)
                except (InvalidOperation, ValueError):
                    if not text.strip():
                        continue  # a missing reading: a gap
                    number = _NAN
                if not number.is_finite():
                    raise ImportFileError(f"row {line}: “{text[:30]}” is not a number")
                if not text.isascii():  # (constant time: the string knows it is ASCII)
                    raise not_ascii_digits(line, self.spec.value_column, text)
                if state.bitmap[slot]:
                    if refuse:
                        raise ImportFileError(
                            f"row {line}: a second reading of meter “{name or 'the meter'}” for "
                            f"{stamp}; remove the duplicate or import keeping the first"
                        )
                    state.duplicates += 1
                    continue
                try:
                    state.sums[position] += number
                except Inexact:
                    raise ImportFileError(
                        f"row {line}: the sum exceeds {_PRECISION} digits; values are implausible"
                    ) from None
                state.bitmap[slot] = 1
        return line - first_line + 1

    def _months(
        self, rows: Iterable[list[str]], time: int, value: int, meter: int | None, first_line: int
    ) -> int:
        """Monthly totals: each month must lie in one period; it fills its days."""
        line = first_line - 1
        for line, row in enumerate(rows, start=first_line):
            try:
                stamp, text = row[time].strip(), row[value]
                name = row[meter] if meter is not None else ""
            except IndexError:
                raise ImportFileError(f"row {line}: fewer columns than the header") from None
            state = self.meters.get(name) or self.meter(name, line)
            start = _day(stamp + "-01")
            if start is None or len(stamp) != 7:
                raise ImportFileError(f"row {line}: “{stamp}” is not a month (YYYY-MM)")
            end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            where = self.days.get(start.isoformat()) or self.day(start.isoformat(), line)
            last = self.day(end.isoformat(), line)
            if where is None and last is None:
                self.outside += 1
                continue
            if where is None or last is None or where[0] != last[0]:
                raise ImportFileError(
                    f"row {line}: the month {stamp} is not wholly inside one period; import "
                    "daily readings for it"
                )
            if not text or text.isspace():
                continue
            span = range(where[1], last[1] + 1)
            if any(state.bitmap[s] for s in span):
                if self.spec.duplicates == "refuse":
                    raise ImportFileError(f"row {line}: a second total for {stamp}")
                state.duplicates += 1
                continue
            try:
                number = Decimal(text)
                if not number.is_finite():
                    raise InvalidOperation
            except InvalidOperation:
                raise ImportFileError(f"row {line}: “{text[:30]}” is not a number") from None
            if not text.isascii():
                raise not_ascii_digits(line, self.spec.value_column, text)
            state.sums[where[0]] += number
            for s in span:
                state.bitmap[s] = 1
        return line - first_line + 1

    def series(
        self, chosen: tuple[int, ...], factor: Fraction, plan_unit: str, per_day: int
    ) -> list[Series]:
        out = []
        for state in self.meters.values():
            for position, number in enumerate(chosen):
                start, end = self.ranges[position]
                low = (start - self.first).days * per_day
                high = ((end - self.first).days + 1) * per_day
                filled = state.bitmap.count(1, low, high)
                hole = state.bitmap.find(0, low, high)
                out.append(
                    Series(
                        state.name,
                        self.spec.parameter,
                        state.index,
                        number,
                        Fraction(state.sums[position]) * factor,
                        filled,
                        high - low,
                        slot_text(self.first, hole, self.interval) if hole >= 0 else "",
                        state.duplicates,
                    )
                )
        return out


def slot_text(first: dt.date, slot: int, interval: int) -> str:
    when = dt.datetime.combine(first, dt.time()) + dt.timedelta(minutes=slot * interval)
    return when.date().isoformat() if interval == DAY else when.isoformat(timespec="minutes")

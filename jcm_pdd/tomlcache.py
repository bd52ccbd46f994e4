"""Reading shipped TOML data fast: a JSON copy of the parsed data, keyed by the source's SHA-256.

Methodology templates and form definitions are TOML. ``tomllib`` is pure Python and dominates
their load time (about 50 ms for the form definitions alone, at every start of the app); the
parsed tables are therefore kept as JSON (C-speed to read) in the user data folder, under the
hash of the exact source text, the number type and this module's version. JSON cannot hold
Decimal or dates, so those are tagged objects. The cache is an optimisation only: any problem
reading or writing it falls back to ``tomllib``; nothing from it is executed (JSON data,
validated again by pydantic and lint). Measured (2 cores, shared): the 51 shipped TOML files
parse in 210-255 ms without the cache and read in 18-24 ms from it, and the app reads most
of them at start-up (every form definition file is read, every template's identity listed),
so it stays. Verification never uses it: a packaged template is parsed from its own bytes
(``methodology.loader.load_file(cached=False)``), whatever a validator's profile holds.

TOML also comes from users (templates in ``--templates``, calculation inputs), so ``parse`` is
the one way any TOML text is parsed: nesting too deep for the parser's recursion and integers
longer than Python converts are refused as a ``tomllib.TOMLDecodeError`` naming the line, like
any other syntax error, instead of escaping as RecursionError or ValueError.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from jcm_pdd.atomic import write_atomic

CACHE_VERSION = "1"
_DEC, _DATE, _DATETIME, _TIME = "\x00decimal", "\x00date", "\x00datetime", "\x00time"


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {_DEC: str(value)}
    if isinstance(value, dt.datetime):
        return {_DATETIME: value.isoformat()}
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    if isinstance(value, dt.time):
        return {_TIME: value.isoformat()}
    raise TypeError(f"cannot cache {type(value).__name__}")


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        ((key, text),) = obj.items()
        if key == _DEC:
            return Decimal(text)
        if key == _DATE:
            return dt.date.fromisoformat(text)
        if key == _DATETIME:
            return dt.datetime.fromisoformat(text)
        if key == _TIME:
            return dt.time.fromisoformat(text)
    return obj


MAX_NESTING = 100  # arrays and inline tables inside each other; real files use 3 or 4
MAX_DIGITS = 4000  # Python converts at most 4,300 digits to an integer (a DoS guard)
_LONG_NUMBER = re.compile(r"[0-9][0-9_]{" + str(MAX_DIGITS - 1) + ",}")
# Strings and comments, blanked before counting brackets (an equation's "EG[i]" is not nesting).
_STRING = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)


def _where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"(at line {line}, column {column})"


def _check_bounds(text: str) -> None:
    """Refuse what would crash ``tomllib`` itself rather than make a syntax error."""
    bare = _STRING.sub(lambda m: " " * len(m.group()), text)  # brackets in strings do not nest
    number = _LONG_NUMBER.search(bare)
    if number is not None:
        raise tomllib.TOMLDecodeError(
            f"a number has more than {MAX_DIGITS:,} digits {_where(text, number.start())}"
        )
    depth = 0
    for match in re.finditer(r"[\[\]{}]", bare):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_NESTING:
            raise tomllib.TOMLDecodeError(
                f"values are nested more than {MAX_NESTING} levels deep "
                f"{_where(text, match.start())}"
            )


def parse(text: str, *, decimal: bool = True) -> dict[str, Any]:
    """``tomllib.loads`` for text from anyone: every failure is a ``TOMLDecodeError``."""
    _check_bounds(text)
    try:
        return tomllib.loads(text, parse_float=Decimal if decimal else float)
    except RecursionError:  # a shape the pre-check did not foresee: still a syntax error
        raise tomllib.TOMLDecodeError(
            f"values are nested too deeply to be read (more than {MAX_NESTING} levels)"
        ) from None
    except tomllib.TOMLDecodeError:
        raise
    except ValueError as exc:  # e.g. a number Python refuses to convert
        raise tomllib.TOMLDecodeError(f"a value cannot be read ({exc})") from None


def cache_dir() -> Path | None:
    try:
        from jcm_pdd.paths import user_data_dir

        return user_data_dir() / "cache" / "toml"
    except OSError:
        return None


def loads(text: str, *, decimal: bool = True) -> dict[str, Any]:
    """``tomllib.loads(text)``, through the JSON cache when possible.

    TOML floats become ``Decimal`` (exact, for methodology values) unless ``decimal`` is False.
    """
    kind = "decimal" if decimal else "float"
    digest = hashlib.sha256(f"{CACHE_VERSION}\n{kind}\n{text}".encode()).hexdigest()
    folder = cache_dir()
    entry = folder / f"{digest}.json" if folder is not None else None
    if entry is not None:
        try:
            data = json.loads(entry.read_text(encoding="utf-8"), object_hook=_decode)
            if isinstance(data, dict):
                return data
        except (OSError, ValueError):
            pass
    data = parse(text, decimal=decimal)  # errors propagate
    if entry is not None:
        _write(entry, json.dumps(data, default=_encode, ensure_ascii=False))
    return data


def _write(entry: Path, payload: str) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, payload.encode("utf-8"), durable=False)  # rebuilt if ever lost
        _prune(entry.parent)
    except OSError:
        pass  # the cache is optional


MAX_ENTRIES = 256  # edited templates leave old entries behind; keep the newest


def _prune(folder: Path) -> None:
    entries = list(folder.glob("*.json"))
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda p: p.stat().st_mtime_ns)
    for old in entries[: len(entries) - MAX_ENTRIES]:
        old.unlink(missing_ok=True)

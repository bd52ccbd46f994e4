"""Reading one template file: TOML (exact decimals), schema validation and lint, with line numbers.

``tomllib`` does not report where a key was, so :func:`line_map` scans the source for table
headers and ``key =`` lines and maps key paths (``("parameters", "EG", "equation")``,
``("eligibility", 2, "check")``) to 1-based line numbers; every problem then names the file,
the line and the symbol.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jcm_pdd import textfile, tomlcache
from jcm_pdd.methodology.errors import Problem, TemplateError
from jcm_pdd.methodology.public_text import PACKAGED
from jcm_pdd.methodology.schema import Template

LinePath = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\".]+)\s*=")


def _split_key(text: str) -> list[str]:
    return [part.strip().strip('"') for part in text.split(".")]


def _depth_change(line: str) -> int:
    """Net open brackets/braces on a line, ignoring quoted strings and comments."""
    depth, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted:
            if char == "#":
                break
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
    return depth


def line_map(text: str) -> dict[LinePath, int]:
    """Map key paths to the line where they are defined (best effort; never raises)."""
    lines: dict[LinePath, int] = {}
    counters: dict[tuple[str, ...], int] = {}
    current: LinePath = ()
    depth = 0
    in_multiline = False
    for number, line in enumerate(text.splitlines(), 1):
        if in_multiline:
            if line.count('"""') % 2 == 1:
                in_multiline = False
            continue
        if depth > 0:
            depth += _depth_change(line)
            continue
        header = _HEADER.match(line)
        if header:
            names = tuple(_split_key(header.group(2)))
            if header.group(1) == "[[":
                index = counters.get(names, -1) + 1
                counters[names] = index
                current = (*names, index)
            else:
                current = names
            lines.setdefault(current, number)
            continue
        key = _KEY.match(line)
        if key:
            path = (*current, *_split_key(key.group(1)))
            lines.setdefault(path, number)
            rest = line[key.end() :]
            if rest.count('"""') % 2 == 1:
                in_multiline = True
            depth = max(0, _depth_change(rest))
    return lines


class LazyLines:
    """The line map of a source, built only when a problem needs a line number."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._map: dict[LinePath, int] | None = None

    @property
    def map(self) -> dict[LinePath, int]:
        if self._map is None:
            self._map = line_map(self._text)
        return self._map


def find_line(lines: dict[LinePath, int] | LazyLines, path: LinePath) -> int:
    """The line of ``path`` or of its closest known parent (1 if nothing matches)."""
    if isinstance(lines, LazyLines):
        lines = lines.map
    probe = tuple(path)
    while probe:
        if probe in lines:
            return lines[probe]
        probe = probe[:-1]
    return 1


def _toml_problem(path: str, exc: tomllib.TOMLDecodeError) -> Problem:
    match = re.search(r"line (\d+)", str(exc))
    return Problem(path, int(match.group(1)) if match else 1, "", f"not valid TOML: {exc}", "toml")


def _symbol_for(loc: tuple[Any, ...], data: dict[str, Any]) -> str:
    if len(loc) >= 2 and loc[0] in ("parameters", "tables", "index_sets"):
        return str(loc[1])
    if len(loc) >= 2 and loc[0] == "eligibility" and isinstance(loc[1], int):
        return f"criterion {loc[1] + 1}"
    if len(loc) >= 2 and loc[0] == "examples" and isinstance(loc[1], int):
        examples = data.get("examples") or []
        if loc[1] < len(examples) and isinstance(examples[loc[1]], dict):
            return f"example '{examples[loc[1]].get('name', loc[1] + 1)}'"
    return ".".join(str(part) for part in loc[:1])


def parse_text(
    text: str, path: str = "<template>", *, cached: bool = True, packaged: bool = False
) -> Template:
    """Parse, validate and lint template source; raises :class:`TemplateError`.

    ``cached=False`` parses these very bytes and nothing else: verification reads a packaged
    template that way, never through the user's parse cache (``tomlcache``). ``packaged``: the
    template comes from a validation package, so the wording rules for public text (which an
    earlier version of the app did not have) do not apply; its figures still must re-run."""
    raw = text
    # an editor's byte-order mark is no TOML (form definitions accept it too); the template's
    # hash below stays over the file as it is, BOM and all (packages record that hash)
    text = text.removeprefix("\ufeff")
    try:
        data = tomlcache.loads(text) if cached else tomlcache.parse(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError([_toml_problem(path, exc)]) from None
    lines = LazyLines(text)
    try:
        template = Template.model_validate(data, context={PACKAGED: packaged})
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(
                part for part in error["loc"] if not isinstance(part, str) or "[" not in part
            )
            location = ".".join(str(part) for part in loc)
            message = error["msg"].removeprefix("Value error, ")
            problems.append(
                Problem(
                    path,
                    find_line(lines, loc),
                    _symbol_for(loc, data),
                    f"{location}: {message}",
                    "schema",
                )
            )
        raise TemplateError(problems) from None
    template._path = path
    template._sha256 = hashlib.sha256(raw.encode("utf-8")).hexdigest()  # the file's bytes
    from jcm_pdd.methodology.lint import lint

    problems = lint(template, lines, path)
    if problems:
        raise TemplateError(problems)
    return template


MAX_TEMPLATE_BYTES = 2_000_000  # a methodology is a few kB; refuse anything absurd


def load_file(path: Path, *, cached: bool = True, packaged: bool = False) -> Template:
    """Load one template file (``UserError`` if unreadable); ``cached`` and ``packaged`` as in
    ``parse_text``."""
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            message = f"file is larger than {MAX_TEMPLATE_BYTES:,} bytes; not a template"
            raise TemplateError([Problem(str(path), 1, "", message, "toml")])
        text = textfile.read_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(
            [Problem(str(path), 1, "", f"cannot read file: {textfile.why(exc)}", "toml")]
        ) from None
    return parse_text(text, str(path), cached=cached, packaged=packaged)

"""Running a template's worked examples (``templates check`` and the test suite).

Each example's inputs go through the same path as a ``calc`` input file; every expected figure
is compared exactly (or within the example's ``tolerance``). ``ER_rounded``, ``RE_rounded`` and
``PE_rounded`` name the rounded outputs; any other key names a calculated parameter (unindexed).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from jcm_pdd import textfile
from jcm_pdd.errors import UserError
from jcm_pdd.methodology.engine import calculate
from jcm_pdd.methodology.errors import Problem, TemplateError
from jcm_pdd.methodology.fmt import format_fraction
from jcm_pdd.methodology.inputs import inputs_from_mapping
from jcm_pdd.methodology.loader import LazyLines, find_line
from jcm_pdd.methodology.schema import Template

_ROUNDED = {"ER_rounded": "er_rounded", "RE_rounded": "re_rounded", "PE_rounded": "pe_rounded"}


def run_examples(template: Template, source_text: str | None = None) -> list[Problem]:
    """Problems found by running every worked example (empty when all pass)."""
    path = template.path or template.identity.full_id
    lines = LazyLines(source_text or "")
    problems: list[Problem] = []
    for n, example in enumerate(template.examples):
        symbol = f"example '{example.name}'"

        def fail(message: str, n: int = n, symbol: str = symbol) -> None:
            line = find_line(lines, ("examples", n))
            problems.append(Problem(path, line, symbol, message, "example"))

        try:
            inputs = inputs_from_mapping(template, example.inputs, example.members or None)
            result = calculate(template, inputs, trace=False)
        except UserError as exc:
            fail(f"cannot be calculated: {exc.message}")
            continue
        tolerance = Fraction(example.tolerance)
        for key, expected in example.expected.items():
            if key in _ROUNDED:
                got = Fraction(getattr(result, _ROUNDED[key]))
            elif key in template.parameters and template.parameters[key].role == "calculated":
                found = result.values[key]
                if isinstance(found, dict):
                    fail(f"{key} is indexed; expected values name unindexed results only")
                    continue
                got = Fraction(found)
            else:
                fail(f"expected '{key}' is not a calculated parameter or *_rounded figure")
                continue
            if abs(got - Fraction(expected)) > tolerance:
                fail(f"{key}: expected {expected}, got {format_fraction(got)}")
    return problems


def check_file(path: Path) -> tuple[Template | None, list[Problem]]:
    """Everything ``templates check`` reports for one file: load problems, the file-name rule
    (``<id>_ver<NN.N>.toml``) and failing worked examples."""
    from jcm_pdd.methodology.loader import MAX_TEMPLATE_BYTES, parse_text

    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            return None, [Problem(str(path), 1, "", "file is too large to be a template", "toml")]
        text = textfile.read_text(path)  # a pipe is refused, never waited on
        template = parse_text(text, str(path))
        text = text.removeprefix("\ufeff")  # lines as parse_text counts them
    except TemplateError as exc:
        return None, exc.problems
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(str(path), 1, "", f"cannot read file: {textfile.why(exc)}", "toml")]
    problems = run_examples(template, text)
    expected = f"{template.identity.full_id}.toml"
    if path.name != expected:
        line = find_line(LazyLines(text), ("identity", "id"))
        message = f"file name should be {expected} (id and version of the template)"
        problems.insert(0, Problem(str(path), line, "identity", message, "schema"))
    return template, problems

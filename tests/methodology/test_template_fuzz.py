"""Damaged template files give a TemplateError listing problems, never another exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from methodology_fixtures import MINI

from jcm_pdd.methodology import TemplateError, parse_template, run_examples

LINES = MINI.splitlines()
RETYPE = ["5", "true", "[]", "{}", '[1, "a"]', "{ a = 1 }", '"x"', "-1", "1.5", "2020-01-01"]


def _parse_or_problems(text: str) -> None:
    try:
        template = parse_template(text, "fuzz.toml")
    except TemplateError as exc:
        assert exc.problems and all(p.line >= 1 and p.file == "fuzz.toml" for p in exc.problems)
        return
    run_examples(template, text)  # may report problems, must not raise


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_line_edits_never_crash(data: st.DataObject) -> None:
    lines = list(LINES)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        n = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "duplicate", "blank-value", "swap", "retype"]))
        if action == "drop":
            del lines[n]
        elif action == "duplicate":
            lines.insert(n, lines[n])
        elif action == "blank-value" and "=" in lines[n]:
            lines[n] = lines[n].split("=", 1)[0] + '= ""'
        elif action == "retype" and "=" in lines[n]:
            lines[n] = lines[n].split("=", 1)[0] + "= " + data.draw(st.sampled_from(RETYPE))
        elif action == "swap" and n + 1 < len(lines):
            lines[n], lines[n + 1] = lines[n + 1], lines[n]
    _parse_or_problems("\n".join(lines))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "parameters = 5",
        "format_version = 2",
        "[identity]\nid = 5",
        MINI.replace('index = ["i"]\noptions', 'index = "i"\noptions', 1),
        MINI.replace('equation = "RE - PE"', "equation = 5"),
        MINI.replace('bands = [{ upper = "300"', 'bands = [{ upper = "x"'),
        MINI.replace('value = "4"', "value = nan"),
        MINI.replace('value = "4"', 'value = "1e999999999"'),
        MINI.replace('value = "4"', "value = true"),
        MINI.replace('expected = { RE = "106.25"', 'expected = { RE = "abc"'),
        MINI.replace("[[examples]]", "[examples]"),
    ],
)
def test_odd_values_are_template_errors(text: str) -> None:
    with pytest.raises(TemplateError):
        parse_template(text, "fuzz.toml")

"""Every class of template error names the file, the line and the symbol."""

from __future__ import annotations

import pytest
from methodology_fixtures import MINI

from jcm_pdd.methodology import Problem, TemplateError, parse_template


@pytest.fixture
def mini() -> str:
    return MINI


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(TemplateError) as info:
        parse_template(text, "bad.toml")
    assert info.value.problems, "a TemplateError must list its problems"
    return info.value.problems


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[occurrence - 1]


def test_the_fixture_itself_is_valid(mini: str) -> None:
    template = parse_template(mini, "mini.toml")
    assert template.identity.full_id == "JCM_XX_AM001_ver01.0"


def test_undefined_symbol(mini: str) -> None:
    text = mini.replace('equation = "RE - PE"', 'equation = "RE - PE_total"')
    [problem] = problems_of(text)
    assert problem.code == "undefined-symbol"
    assert problem.file == "bad.toml"
    assert problem.symbol == "ER"
    assert problem.line == line_of(text, "RE - PE_total")
    assert "PE_total" in problem.message
    assert str(problem).startswith(f"bad.toml:{problem.line}: ER: ")


def test_cycle(mini: str) -> None:
    text = mini.replace(
        'equation = "sum(i, EC_PJ[i] * EF)"', 'equation = "ER + sum(i, EC_PJ[i] * EF)"'
    )
    [problem] = problems_of(text)
    assert problem.code == "cycle"
    assert "ER" in problem.message and "PE" in problem.message and "->" in problem.message
    assert problem.line in (line_of(text, "ER + sum"), line_of(text, 'equation = "RE - PE"'))


def test_unit_mismatch_needs_explicit_conversion(mini: str) -> None:
    text = mini.replace('unit = "MWh/p"\nrole = "monitored"', 'unit = "kWh/p"\nrole = "monitored"')
    found = problems_of(text)
    assert {p.code for p in found} == {"unit"}
    first = found[0]
    assert first.symbol == "EC_RE"
    assert "convert()" in first.message
    assert first.line == line_of(text, "EC_PJ[i] * COP_PJ[i] / COP_RE")


def test_explicit_conversion_is_accepted_and_exact(mini: str) -> None:
    from jcm_pdd.methodology import calculate, inputs_from_mapping

    text = mini.replace('unit = "MWh/p"\nrole = "monitored"', 'unit = "kWh/p"\nrole = "monitored"')
    text = text.replace(
        '"EC_PJ[i] * COP_PJ[i] / COP_RE"', '"convert(EC_PJ[i], \\"MWh/p\\") * COP_PJ[i] / COP_RE"'
    )
    text = text.replace('"sum(i, EC_PJ[i] * EF)"', '"sum(i, convert(EC_PJ[i], \\"MWh/p\\") * EF)"')
    template = parse_template(text, "kwh.toml")
    inputs = inputs_from_mapping(
        template,
        {
            "EC_PJ": [{"i": "U-1", "value": "1000"}],
            "CAP": [{"i": "U-1", "value": "1"}],
            "COP_PJ": [{"i": "U-1", "value": "8"}],
        },
    )
    result = calculate(template, inputs)
    assert str(result.pe) == "1/2"  # 1000 kWh = 1 MWh x 0.5 tCO2/MWh
    assert str(result.re) == "1"  # 1 MWh x 8/4 x 0.5


def test_declared_unit_must_match_result(mini: str) -> None:
    text = mini.replace(
        'unit = "tCO2/p"\nrole = "calculated"\nequation = "RE - PE"',
        'unit = "tCO2"\nrole = "calculated"\nequation = "RE - PE"',
    )
    [problem] = problems_of(text)
    assert problem.code == "unit" and problem.symbol == "ER"
    assert "declared tCO2" in problem.message


def test_unknown_unit(mini: str) -> None:
    text = mini.replace(
        'unit = "USRt"\nrole = "fixed_ex_ante"', 'unit = "furlong"\nrole = "fixed_ex_ante"'
    )
    [problem] = problems_of(text)
    assert problem.code == "unit" and problem.symbol == "CAP"
    assert "furlong" in problem.message
    assert problem.line == line_of(text, '"furlong"')


def test_unused_parameter(mini: str) -> None:
    text = mini.replace(
        "[parameters.RE]",
        '[parameters.SPARE]\nsymbol = "S"\ndescription = "spare"\n'
        'unit = "h"\nrole = "fixed_ex_ante"\n\n[parameters.RE]',
    )
    [problem] = problems_of(text)
    assert problem.code == "unused" and problem.symbol == "SPARE"
    assert problem.line == line_of(text, "[parameters.SPARE]")


def test_sum_over_undefined_index_set(mini: str) -> None:
    text = mini.replace('"sum(i, EC_PJ[i] * EF)"', '"sum(k, EC_PJ[k] * EF)"')
    [problem] = problems_of(text)
    assert problem.code == "index" and problem.symbol == "PE"
    assert "undefined index set 'k'" in problem.message
    assert problem.line == line_of(text, "sum(k,")


def test_indexed_parameter_used_without_index(mini: str) -> None:
    text = mini.replace('"sum(i, EC_PJ[i] * EF)"', '"EC_PJ * EF"')
    [problem] = problems_of(text)
    assert problem.code == "index" and "EC_PJ[i]" in problem.message


def test_provenance_tag_contradicting_status(mini: str) -> None:
    text = mini.replace('status = "draft", tag = "SRC-DRAFT"', 'status = "verified", tag = "MEM-L"')
    [problem] = problems_of(text)
    assert problem.code == "schema" and problem.symbol == "COP_RE"
    assert "MEM-L" in problem.message and "unverified" in problem.message
    assert problem.line == line_of(text, 'status = "verified", tag = "MEM-L"')


def test_verified_value_without_url(mini: str) -> None:
    text = mini.replace(', url = "https://example.org"', "")
    [problem] = problems_of(text)
    assert problem.code == "provenance" and problem.symbol == "EF:captive"
    assert "url" in problem.message


def test_default_without_provenance(mini: str) -> None:
    provenance = 'provenance = { status = "draft", tag = "SRC-DRAFT", citation = "test fixture" }'
    text = mini.replace(f'value = "4"\n{provenance}', 'value = "4"')
    [problem] = problems_of(text)
    assert problem.symbol == "COP_RE" and "provenance" in problem.message


def test_toml_syntax_error_names_the_line(mini: str) -> None:
    text = mini.replace('title = "Test methodology"', 'title = "Test methodology')
    [problem] = problems_of(text)
    assert problem.code == "toml"
    assert problem.line == line_of(text, 'title = "Test methodology')


def test_hostile_expression_in_template(mini: str) -> None:
    text = mini.replace('"RE - PE"', '"RE.__class__"')
    [problem] = problems_of(text)
    assert problem.code == "expression" and problem.symbol == "ER"
    assert "attribute access" in problem.message
    assert problem.line == line_of(text, "RE.__class__")


def test_hostile_check_in_eligibility(mini: str) -> None:
    text = mini.replace(
        'check = "all(i, COP_PJ[i] >= band(THRESHOLD, CAP[i]))"', 'check = "open(1) > 0"'
    )
    [problem] = problems_of(text)
    assert problem.symbol == "criterion 1"
    assert "'open' is not an allowed function" in problem.message
    assert problem.line == line_of(text, "open(1)")


def test_band_table_unit_checked(mini: str) -> None:
    text = mini.replace('key_unit = "USRt"', 'key_unit = "kW"')
    [problem] = problems_of(text)
    assert problem.code == "unit" and problem.symbol == "criterion 1"


def test_all_problems_of_a_file_are_reported(mini: str) -> None:
    text = mini.replace('"RE - PE"', '"RE - NOPE"').replace(
        '"sum(i, EC_PJ[i] * EF)"', '"sum(q, 1)"'
    )
    found = problems_of(text)
    assert {p.symbol for p in found} == {"ER", "PE"}


def test_outputs_are_required(mini: str) -> None:
    text = mini.replace("[parameters.ER]", "[parameters.ER_total]")
    found = problems_of(text)
    assert any("parameters.ER must exist" in p.message for p in found)


def test_eligibility_numbering(mini: str) -> None:
    text = mini.replace("number = 1", "number = 2")
    found = problems_of(text)
    assert any("numbered 1, 2, 3" in p.message for p in found)


def test_names_must_not_collide(mini: str) -> None:
    text = mini.replace("[tables.THRESHOLD]", "[tables.CAP]").replace(
        "band(THRESHOLD,", "band(CAP,"
    )
    found = problems_of(text)
    assert any(p.symbol == "CAP" and "share its name" in p.message for p in found)
    assert found[0].line == line_of(text, "[tables.CAP]")


def test_failing_worked_example_names_its_line(mini: str) -> None:
    from jcm_pdd.methodology import run_examples

    text = mini.replace('ER_rounded = "31"', 'ER_rounded = "32"')
    template = parse_template(text, "ex.toml")
    [problem] = run_examples(template, text)
    assert problem.code == "example" and problem.symbol == "example 'two units'"
    assert problem.line == line_of(text, "[[examples]]")
    assert "ER_rounded: expected 32, got 31" in problem.message


def test_example_with_bad_inputs_is_reported_not_raised(mini: str) -> None:
    from jcm_pdd.methodology import run_examples

    text = mini.replace(
        'inputs.CAP = [{ i = "U-1", value = "350" }', 'inputs.CAP = [{ i = "U-1", value = "-350" }'
    )
    template = parse_template(text, "ex.toml")
    [problem] = run_examples(template, text)
    assert "cannot be calculated" in problem.message and "must not be negative" in problem.message

"""The shipped form definitions: they load, match the document model, and cover it."""

from __future__ import annotations

import pytest

from jcm_pdd.forms import DEFAULT_COUNTRY, FORM_TYPES, FormDefinition, load_forms
from jcm_pdd.forms.coverage import NOT_FORM_FIELDS, model_leaf_patterns, uncovered_patterns
from jcm_pdd.model import Project, RuleSet
from jcm_pdd.model.paths import pattern_exists

# Host countries of the methodologies shipped in methodology_templates/ (issue 3).
SHIPPED_COUNTRIES = ("MN", "ID", "TH", "VN", "MM", "KE", "KH")


@pytest.fixture(scope="module")
def definitions() -> list[FormDefinition]:
    return load_forms().definitions()


def test_every_shipped_country_has_every_form_type() -> None:
    registry = load_forms()
    for country in SHIPPED_COUNTRIES:
        for form_type in FORM_TYPES:
            assert registry.has_country(country, form_type), (country, form_type)
            definition = registry.get(country, form_type)
            assert definition.country == country
            assert definition.form_type == form_type


def test_every_field_and_column_path_exists_in_the_model(definitions: list[FormDefinition]) -> None:
    checked = 0
    for definition in definitions:
        for pattern in definition.path_patterns():
            assert pattern_exists(Project, pattern), f"{definition.code}: {pattern}"
            checked += 1
    assert checked > 500  # 28 definitions, each with dozens of fields and columns


def test_every_model_field_a_submission_needs_is_on_some_form(
    definitions: list[FormDefinition],
) -> None:
    patterns = [p for d in definitions for p in d.path_patterns()]
    assert uncovered_patterns(patterns) == []
    # The coverage test is not vacuous: dropping one form leaves fields uncovered.
    without_moc = [p for d in definitions if d.form_type != "MoC" for p in d.path_patterns()]
    assert "moc.tpe_name" in uncovered_patterns(without_moc)


def test_every_country_covers_the_model_on_its_own() -> None:
    registry = load_forms()
    for country in SHIPPED_COUNTRIES:
        project = Project(rule_set=RuleSet(partner_country=country))
        patterns = [p for d in registry.for_project(project) for p in d.path_patterns()]
        assert uncovered_patterns(patterns) == [], country


def test_excused_fields_really_exist_in_the_model() -> None:
    leaves = model_leaf_patterns()
    for key in NOT_FORM_FIELDS:
        assert any(p == key or p.startswith(key + ".") for p in leaves), key


def test_pdd_sections_are_in_official_order() -> None:
    pdd = load_forms().get("MN", "PDD")
    on_form = [s.id for s in pdd.sections if s.on_form]
    assert on_form == [
        "A", "A.1", "A.2", "A.3", "A.4", "A.5", "A.6",
        "B", "B.1", "B.2",
        "C", "C.1", "C.2", "C.3",
        "D", "E", "E.1", "E.2", "F", "Annex", "Revision",
    ]  # fmt: skip
    assert [s.id for s in pdd.top_level() if s.on_form] == [
        "A",
        "B",
        "C",
        "D",
        "E",
        "F",
        "Annex",
        "Revision",
    ]
    assert [s.id for s in pdd.children("A")] == ["A.1", "A.2", "A.3", "A.4", "A.5", "A.6"]


def test_verified_labels_are_exactly_as_printed_on_the_form() -> None:
    pdd = load_forms().get("TH", "PDD")
    assert pdd.code == "JCM_TH_F_PDD_ver02.0"
    assert pdd.section("A.2").title == (
        "General description of project and applied technologies and/or measures"
    )
    duration = pdd.field("pdd.duration.start_date")
    assert (duration.label, duration.status) == ("Starting date of project operation", "verified")
    sites = pdd.field("pdd.sites")
    labels = [c.label for c in sites.columns if c.on_form]
    assert labels[:3] == ["Country", "Region/State/Province etc.:", "City/Town/Community etc:"]


def test_mps_table_1_has_the_lettered_columns_a_to_j() -> None:
    mps = load_forms().get("MN", "MPS")
    table = mps.field("monitoring_plan.monitored")
    lettered = [(c.letter, c.label) for c in table.columns if c.letter]
    assert [letter for letter, _ in lettered] == [f"({x})" for x in "abcdefghij"]
    assert lettered[3] == ("(d)", "Estimated Values")
    assert mps.export.sheet_name == "MPS(input)"


def test_mrs_lists_the_verified_table_1_columns_a_to_k_and_the_workbook_texts() -> None:
    """The Monitoring Report Sheet's labels are data (forms/_base/MRS.toml): Table 1's columns
    as the published MRS prints them, the calculation sheet's parts, and the fixed wording the
    workbook writes; it is no document of the submission (the navigator does not list it)."""
    registry = load_forms()
    mrs = registry.get("MN", "MRS")
    table1 = mrs.section("T1")
    assert table1.heading == "Table 1: Parameters monitored ex post"
    assert [(c.letter, c.label) for c in table1.computed_columns][::4] == [
        ("(a)", "Monitoring period"),
        ("(e)", "Monitored Values"),
        ("(i)", "Measurement methods and procedures"),
    ]
    assert [c.letter for c in table1.computed_columns] == [f"({x})" for x in "abcdefghijk"]
    assert mrs.title == "Monitoring Report Sheet (Input Sheet) [For Verification]"
    assert mrs.title_status == "verified" and mrs.export.sheet_name == "MRS(input)"
    assert [s.heading for s in mrs.children("calc")] == [
        "1. Calculations for emission reductions",
        "2. Selected default values, etc.",
        "3. Calculations for reference emissions",
        "4. Calculations of the project emissions",
    ]
    assert mrs.section("T3").texts["total"] == "Total"
    assert not mrs.fields()  # every part is computed: nothing of it is typed
    assert "MRS" not in [d.form_type for d in registry.submission.documents]


def test_country_overrides_and_text_variables_are_applied() -> None:
    registry = load_forms()
    thai_sites = registry.get("TH", "PDD").field("pdd.sites")
    mongolian_sites = registry.get("MN", "PDD").field("pdd.sites")
    assert "13°35'45.2\"N" in thai_sites.guidance
    assert thai_sites.guidance != mongolian_sites.guidance
    eia = registry.get("ID", "PDD").section("D").guidance
    assert "if required by the Republic of Indonesia, in line with Indonesia's procedures" in eia
    assert "{{" not in eia


def test_guidance_and_labels_carry_a_provenance_status(definitions: list[FormDefinition]) -> None:
    statuses = {f.status for d in definitions for _, f in d.fields()} | {
        c.status for d in definitions for _, f in d.fields() for c in f.columns
    }
    assert statuses == {"verified", "recalled", "inferred"}
    for definition in definitions:
        for section, form_field in definition.fields():
            assert form_field.label.strip(), (definition.code, section.id)


def test_unknown_country_falls_back_to_the_default_country() -> None:
    registry = load_forms()
    resolution = registry.resolve("PW", "PDD")
    assert resolution.country_fallback
    assert resolution.definition.country == DEFAULT_COUNTRY
    assert not registry.resolve("MN", "PDD").country_fallback


def test_unknown_version_falls_back_to_the_latest_and_says_so() -> None:
    registry = load_forms()
    resolution = registry.resolve("MN", "PDD", "09.9")
    assert resolution.version_fallback
    assert resolution.definition.version == registry.versions("MN", "PDD")[-1]


def test_for_project_lists_the_submission_in_navigator_order() -> None:
    registry = load_forms()
    project = Project(rule_set=RuleSet(partner_country="TH", pdd_form_version="02.0"))
    forms = registry.for_project(project)
    assert [f.form_type for f in forms] == ["PDD", "MPS", "MSS", "MoC"]
    assert [d.form_type for d in registry.submission.documents] == ["PDD", "MPS", "MSS", "MoC"]
    assert forms[0].code == "JCM_TH_F_PDD_ver02.0"
    assert registry.submission.documents[1].attachment_to == "PDD"


def test_section_of_path_finds_the_section_for_a_diagnostic() -> None:
    pdd = load_forms().get("MN", "PDD")
    assert pdd.section_of_path("pdd.sites.*.latitude") is not None
    assert pdd.section_of_path("pdd.sites.*.latitude").id == "A.3"  # type: ignore[union-attr]
    assert pdd.section_of_path("pdd.duration.start_date").id == "A.5"  # type: ignore[union-attr]
    assert pdd.section_of_path("moc.tpe_name") is None


def test_country_table_matches_names_codes_and_formal_names() -> None:
    countries = load_forms().countries
    assert countries.match("Mongolia") is countries.get("MN")
    assert countries.match("The Kingdom of Thailand") is countries.get("TH")
    assert countries.match("vn") is countries.get("VN")
    assert countries.match("Atlantis") is None
    japan = countries.get("JP")
    assert japan is not None and not japan.partner
    assert len(countries.partners()) >= 29


def test_fill_rule_set_gives_the_latest_versions_without_overwriting() -> None:
    registry = load_forms()
    project = Project(rule_set=RuleSet(partner_country="TH"))
    registry.fill_rule_set(project)
    assert (project.rule_set.pdd_form_version, project.rule_set.moc_form_version) == (
        registry.versions("TH", "PDD")[-1],
        registry.versions("TH", "MoC")[-1],
    )
    project.rule_set.pdd_form_version = "01.0"
    registry.fill_rule_set(project)
    assert project.rule_set.pdd_form_version == "01.0"


# Capitals (decimal degrees) of every JCM partner country and Japan: each must lie inside its
# country's rough box, which catches swapped or mistyped numbers in forms/countries.toml.
CAPITALS = {
    "MN": (47.92, 106.92), "BD": (23.81, 90.41), "ET": (9.03, 38.74), "KE": (-1.29, 36.82),
    "MV": (4.18, 73.51), "VN": (21.03, 105.85), "LA": (17.98, 102.63), "ID": (-6.21, 106.85),
    "CR": (9.93, -84.08), "PW": (7.50, 134.62), "KH": (11.56, 104.92), "MX": (19.43, -99.13),
    "SA": (24.71, 46.68), "CL": (-33.45, -70.67), "MM": (19.76, 96.08), "TH": (13.76, 100.50),
    "PH": (14.60, 120.98), "SN": (14.72, -17.47), "TN": (36.81, 10.18), "AZ": (40.41, 49.87),
    "MD": (47.01, 28.86), "GE": (41.72, 44.79), "LK": (6.93, 79.85), "UZ": (41.30, 69.24),
    "PG": (-9.44, 147.18), "AE": (24.45, 54.38), "KG": (42.87, 74.59), "KZ": (51.17, 71.45),
    "UA": (50.45, 30.52), "JP": (35.68, 139.69),
}  # fmt: skip


def test_every_country_box_contains_its_capital_and_not_tokyo() -> None:
    from decimal import Decimal

    countries = load_forms().countries
    assert {c.code for c in countries.countries} == set(CAPITALS)
    tokyo = (Decimal("35.68"), Decimal("139.69"))
    for code, (lat, lon) in CAPITALS.items():
        country = countries.get(code)
        assert country is not None
        assert country.bounds.contains(Decimal(str(lat)), Decimal(str(lon))), code
        if code != "JP":
            assert not country.bounds.contains(*tokyo), code


def test_choices_from_data_sources_resolve() -> None:
    from jcm_pdd.forms import resolve_choices
    from jcm_pdd.methodology import load_registry

    registry = load_forms()
    pdd = registry.get("MN", "PDD")
    countries = resolve_choices(pdd.field("rule_set.partner_country"), registry.countries)
    assert ("MN", "Mongolia (MN)") in [(c.value, c.label) for c in countries]
    assert "JP" not in [c.value for c in countries]  # Japan is not a host country
    participant_country = next(
        c for c in pdd.field("pdd.participants").columns if c.subpath == "country"
    )
    names = [c.value for c in resolve_choices(participant_country, registry.countries)]
    assert {"Japan", "Thailand", "The Kingdom of Thailand", "Mongolia"} <= set(names)
    assert names.count("Mongolia") == 1
    default_case = next(
        c
        for c in registry.get("MN", "MPS").field("monitoring_plan.default_selections").columns
        if c.subpath == "choice"
    )
    template = load_registry().get("JCM_MN_AM003")
    cases = resolve_choices(
        default_case, registry.countries, template=template, parameter_key="EF_RE"
    )
    assert [c.value for c in cases] == ["national_grid", "captive_or_off_grid"]
    assert resolve_choices(default_case, registry.countries) == []  # no template yet
    # a case the project enters says so once, whether or not its own label says it
    from types import SimpleNamespace

    entered = SimpleNamespace(name="grid", label="Grid electricity", value=None)
    plain = SimpleNamespace(parameters={"EF_RE": SimpleNamespace(choices=[entered])})
    for template, label in [
        (load_registry().get("JCM_ET_AM002"), "Diesel (value entered)"),
        (plain, "Grid electricity (value entered by the project)"),
    ]:
        labels = [
            c.label
            for c in resolve_choices(
                default_case, registry.countries, template=template, parameter_key="EF_RE"
            )
        ]
        assert any(label in text for text in labels), labels
        assert all(text.count("value entered") <= 1 for text in labels), labels
    option = next(
        c
        for c in registry.get("MN", "MPS").field("monitoring_plan.monitored").columns
        if c.subpath == "option"
    )
    assert [c.value for c in resolve_choices(option, registry.countries)] == ["A", "B", "C"]

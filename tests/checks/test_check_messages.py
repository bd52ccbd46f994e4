"""Diagnostic words as data: every code in English and Japanese, parameters substituted."""

from __future__ import annotations

import datetime as dt
import re
import string
from decimal import Decimal

import pytest
from builders import filled_mn_am003
from check_support import TODAY

from jcm_pdd.checks import CATALOG, LANGUAGES, Diagnostic, message_text, run_checks
from jcm_pdd.checks.messages import catalogue, render
from jcm_pdd.forms.schema import PROVENANCE_WORDS
from jcm_pdd.model import ParticipantEntity, Project, Revision, Site

_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _code_of(key: str) -> str:
    """The code a key words: the key itself, or the longest code it extends with '.'."""
    codes = [c for c in CATALOG if key == c or key.startswith(c + ".")]
    assert codes, f"{key} words no diagnostic code"
    return max(codes, key=len)


def test_languages_are_english_and_japanese() -> None:
    assert LANGUAGES == ("en", "ja")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_has_a_text_in_every_language(language: str) -> None:
    worded = {_code_of(key) for key in catalogue(language)}
    assert worded == set(CATALOG)


def test_both_catalogues_have_the_same_keys_and_placeholders() -> None:
    english, japanese = catalogue("en"), catalogue("ja")
    assert set(english) == set(japanese)
    for key, template in english.items():
        assert _placeholders(template) == _placeholders(japanese[key]), key


def test_japanese_texts_are_japanese() -> None:
    english = catalogue("en")
    for key, template in catalogue("ja").items():
        assert template != english[key], key
        assert _JAPANESE.search(template), key


def _damaged_projects() -> list[Project]:
    """Projects that between them raise most codes (each a copy of the complete project)."""
    projects = [Project(), filled_mn_am003(complete=False)]
    changes = [
        lambda p: p.pdd.sites.__setitem__(
            0,
            Site.model_construct(
                id="S1",
                country="Mongolia",
                region="",
                city="Darkhan",
                latitude=Decimal("95"),
                longitude=Decimal("-190"),
            ),
        ),
        lambda p: setattr(p.pdd.sites[0], "latitude", -p.pdd.sites[0].latitude),
        lambda p: setattr(p.pdd.sites[0], "country", "Atlantis"),
        lambda p: setattr(p.pdd.estimation, "end_year", 2090),
        lambda p: setattr(
            p.pdd,
            "revisions",
            [
                Revision(version="01.0", date=dt.date(2027, 1, 1), contents="x"),
                Revision(version="02.0", date=dt.date(2020, 1, 1), contents="y"),
            ],
        ),
        lambda p: p.moc.other_participants.append(ParticipantEntity(name="Stranger Ltd")),
        lambda p: setattr(p, "confidential", ["pdd.sites.5.latitude"]),
        lambda p: setattr(p.pdd.methodology, "version", "ver01.0"),
        lambda p: setattr(p.monitoring_plan.monitored[0], "estimated_value", None),
        lambda p: setattr(p.monitoring_plan.default_selections[0], "choice", "martian"),
        lambda p: setattr(p.monitoring_plan.default_selections[0], "override_value", Decimal(1)),
        lambda p: setattr(p.rule_set, "partner_country", "XX"),
        lambda p: setattr(p.rule_set, "pdd_form_version", "09.0"),
        lambda p: setattr(p.pdd.estimation, "end_year", 2020),
        lambda p: setattr(p.pdd.methodology, "methodology_id", "JCM_TH_AM001"),
        lambda p: setattr(p.pdd.eligibility[1], "number", 9),
        lambda p: setattr(p.pdd, "figure_attachment", "cd" * 32),
        lambda p: setattr(p.monitoring_plan, "monitored", []),
        lambda p: p.pdd.sites.append(p.pdd.sites[0].model_copy()),
        lambda p: p.monitoring_plan.index_members.append(p.monitoring_plan.index_members[0]),
        lambda p: setattr(p.moc, "focal_point_changing_name", True),
    ]
    for change in changes:
        project = filled_mn_am003()
        change(project)
        projects.append(project)
    return projects


@pytest.fixture(scope="module")
def diagnostics() -> list[Diagnostic]:
    return [d for p in _damaged_projects() for d in run_checks(p, today=TODAY)]


def test_the_corpus_covers_many_codes(diagnostics: list[Diagnostic]) -> None:
    assert len({d.code for d in diagnostics}) >= 25


def test_parameters_substitute_in_both_languages(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        english, japanese = message_text(d, "en"), message_text(d, "ja")
        assert english == d.message == render(d.key or d.code, d.params)
        assert _JAPANESE.search(japanese), (d.code, japanese)
        template = catalogue("ja")[d.key or d.code]
        for name in _placeholders(template):
            shown = re.sub(r"^row (\d+)", r"\1 行目", d.params[name])  # a row by its number
            assert shown in japanese, (d.code, name)
        assert "{" not in japanese.replace(d.params.get("name", ""), ""), japanese


def test_a_japanese_message_names_the_same_values() -> None:
    project = filled_mn_am003()
    project.pdd.sites[0].country = "Atlantis"
    (found,) = [d for d in run_checks(project, today=TODAY) if d.code == "geo.unknown-country"]
    assert found.message == (
        "A.3: the country “Atlantis” of site (1) Ulaanbaatar is not a known JCM partner "
        "country; write its name as on the form (e.g. Mongolia)."
    )
    assert message_text(found, "ja") == (
        "A.3: サイト (1) Ulaanbaatar の国「Atlantis」は既知の JCM パートナー国ではありません。"
        "様式どおりの国名 (例: Mongolia) を入力してください。"
    )


def test_variants_of_one_code_have_their_own_words() -> None:
    project = filled_mn_am003()
    site = project.pdd.sites[0]
    site.latitude = -site.latitude  # south of the equator: the sign was probably lost
    (found,) = [d for d in run_checks(project, today=TODAY) if d.code == "geo.outside-country"]
    assert found.key == "geo.outside-country.latitude-sign"
    assert "opposite sign" in found.message
    assert "緯度の符号が逆" in message_text(found, "ja")


def test_an_unknown_language_or_key_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    params = {"lifetime": "0"}
    assert render("dates.lifetime", params, "fr") == render("dates.lifetime", params, "en")
    assert "(it is 0)" in render("dates.lifetime", params, "fr")
    # A newer rule missing from an older translation is shown in English, not as an error.
    from jcm_pdd.checks import messages

    real = messages.catalogue

    def older(language: str) -> dict[str, str]:
        words = dict(real(language))
        if language == "ja":
            del words["dates.lifetime"]
        return words

    monkeypatch.setattr(messages, "catalogue", older)
    assert render("dates.lifetime", params, "ja") == real("en")["dates.lifetime"].format(**params)


def test_the_acknowledgement_reads_japanese_and_quotes_the_checkbox_as_shown() -> None:
    """The methodology caveat the message quotes is put into Japanese too, and the message
    names the calculation panel's checkbox by the words the Japanese interface shows."""
    from translations_support import japanese_texts

    from jcm_pdd.methodology.status import CAVEAT

    checkbox = japanese_texts()["I have checked the figures against the official methodology"]
    for status, sentence in CAVEAT.items():
        if not sentence:
            continue
        text = render("methodology.acknowledgement", {"caveat": sentence, "methodology": "X"}, "ja")
        assert sentence not in text, status
        assert not re.search(r"[A-Za-z]{4,}", text), text  # no English words left
        assert f"「{checkbox}」" in text


def test_statuses_a_message_quotes_read_japanese() -> None:
    """A status word is the product's own English ("unverified", "inferred"), put into
    Japanese for the placeholder it fills only (a value elsewhere is inserted as it is)."""
    params = {"name": "X", "value": "1", "unit": "t", "citation": "unverified"}
    text = render("defaults.unverified", {**params, "status": "unverified"}, "ja")
    assert "は未検証です" in text
    assert "(unverified)" in text  # the citation is data: inserted as it is
    for status in PROVENANCE_WORDS.values():
        text = render("forms.unconfirmed", {"form": "F", "status": status}, "ja")
        assert status not in text and "記憶" not in text
    text = render(
        "methodology.status", {"methodology": "M", "version": "1", "status": "superseded"}, "ja"
    )
    assert "superseded" not in text


def test_a_row_named_by_its_number_reads_japanese() -> None:
    """ "row 1" inside a Japanese message reads "1 行目", as the views name rows; a row's own
    name after it, and the form's labels, are data and stay as they are."""
    params = {"where": "PDD A.4. Name of project participants", "label": "Name of project"}
    text = render("required.column", {**params, "name": "row 1"}, "ja")
    assert "1 行目 の「Name of project」" in text and "row 1" not in text
    text = render("required.column", {**params, "name": "row 12 (S1)"}, "ja")
    assert "12 行目 (S1)" in text
    text = render("required.column", {**params, "name": "Criterion 2"}, "ja")
    assert "Criterion 2" in text  # the form's own row label
    assert "row 1" in render("required.column", {**params, "name": "row 1"}, "en")

"""Cross-document rules: B.2 explanations, B.1 country, MoC participants, flags, attachments."""

from __future__ import annotations

from check_support import ContextFactory, codes, complete_project

from jcm_pdd.checks.consistency import (
    attachment_references,
    confidential_paths,
    eligibility_explanations,
    methodology_host_country,
    moc_participants,
)
from jcm_pdd.model import AttachmentRecord, Participant, ParticipantEntity


def test_every_criterion_needs_an_explanation(context: ContextFactory) -> None:
    project = complete_project()
    assert list(eligibility_explanations(context(project))) == []
    project.pdd.eligibility[1].project_information = " "
    found = list(eligibility_explanations(context(project)))
    assert codes(found) == ["eligibility.explanation"]
    assert found[0].location == "pdd.eligibility.1.project_information"
    assert "Criterion 2" in found[0].message


def test_methodology_of_another_country(context: ContextFactory) -> None:
    project = complete_project()
    assert list(methodology_host_country(context(project))) == []
    project.pdd.methodology.methodology_id = "JCM_TH_AM001"
    found = list(methodology_host_country(context(project)))
    assert codes(found) == ["methodology.host-country"]
    assert found[0].params == {"methodology": "JCM_TH_AM001", "host": "TH", "partner": "MN"}


def test_alternate_signatory_is_recommended(context: ContextFactory) -> None:
    project = complete_project()
    assert list(moc_participants(context(project))) == []
    project.moc.focal_point.alternate_signatory.name = ""
    found = list(moc_participants(context(project)))
    assert codes(found) == ["moc.alternate-signatory"]
    assert found[0].severity == "warning"


def test_a4_participant_missing_from_the_moc(context: ContextFactory) -> None:
    project = complete_project()
    project.pdd.participants.append(Participant(country="Japan", name="Fuji Panels K.K."))
    found = list(moc_participants(context(project)))
    assert codes(found) == ["moc.participant-missing"]
    assert found[0].location == "pdd.participants.2.name"


def test_moc_participant_not_in_a4(context: ContextFactory) -> None:
    project = complete_project()
    project.moc.other_participants.append(ParticipantEntity(name="Unlisted Trading LLC"))
    found = list(moc_participants(context(project)))
    assert codes(found) == ["moc.participant-extra"]
    assert found[0].location == "moc.other_participants.1.name"


def test_names_match_regardless_of_case_and_punctuation(context: ContextFactory) -> None:
    project = complete_project()
    project.moc.other_participants[0].name = "KHANGAI SOLAR, LLC"
    assert list(moc_participants(context(project))) == []


def test_confidential_flag_on_a_missing_row(context: ContextFactory) -> None:
    project = complete_project()
    project.confidential = ["moc.focal_point.primary_signatory.mobile"]
    assert list(confidential_paths(context(project))) == []
    project.confidential.append("pdd.sites.5.latitude")
    found = list(confidential_paths(context(project)))
    assert codes(found) == ["confidential.unknown-path"]
    assert found[0].params["path"] == "pdd.sites.5.latitude"


def test_figure_must_be_a_stored_attachment(context: ContextFactory) -> None:
    project = complete_project()
    assert list(attachment_references(context(project))) == []
    project.attachments = []
    found = list(attachment_references(context(project)))
    assert codes(found) == ["attachments.missing"]
    assert found[0].location == "pdd.figure_attachment" and found[0].severity == "error"


def test_specimen_signatures_in_tables_are_checked_too(context: ContextFactory) -> None:
    project = complete_project()
    project.moc.other_participants[0].primary_signatory.specimen_signature = "cd" * 32
    found = list(attachment_references(context(project)))
    assert [d.location for d in found] == [
        "moc.other_participants.0.primary_signatory.specimen_signature"
    ]


def test_attachment_supporting_a_removed_field(context: ContextFactory) -> None:
    project = complete_project()
    project.attachments.append(
        AttachmentRecord(sha256="ef" * 32, name="cert.pdf", supports_field="pdd.eligibility.9")
    )
    found = list(attachment_references(context(project)))
    assert codes(found) == ["attachments.field-unknown"]
    assert "cert.pdf" in found[0].message

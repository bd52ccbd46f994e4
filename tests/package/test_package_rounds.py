"""Rounds without the GUI: the review records each round's package and verdict (older review
files still load), responses travel inside the next package and are taken into the review, the
next round number and file name are proposed, and an untrusted round marks the findings table."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from package_support import Built

from jcm_pdd.errors import UserError
from jcm_pdd.package import build_package, open_package, verify_package
from jcm_pdd.package.findings_export import findings_docx, findings_xlsx, integrity_warning
from jcm_pdd.package.review import (
    Review,
    earlier_package,
    earlier_review_beside,
    load_review,
    save_review,
)
from jcm_pdd.package.rounds import next_round, packages_beside, read_summary, round_file

WHEN = datetime(2026, 2, 1, 10, 0, tzinfo=UTC)


def _review() -> Review:
    review = Review(project_title="Rooftop PV in Darkhan")
    review.record_package(1, "a" * 64, "round1.jcmpkg", when=WHEN, verdict="VERIFIED")
    review.raise_finding("CAR", "pdd.description", "Survey method missing.", when=WHEN)
    review.raise_finding("CL", "PDD:C.3", "Which grid factor?", when=WHEN)
    return review


def test_a_review_written_before_verdicts_were_recorded_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "old.jcmreview"
    data = json.loads(_review().model_dump_json())
    for ref in data["packages"]:
        del ref["verdict"]  # what version 1 files written before this change hold
    path.write_text(json.dumps(data), encoding="utf-8")
    review = load_review(path)
    assert review.packages[0].verdict == "" and review.packages[0].trusted
    assert review.untrusted() == [] and integrity_warning(review) == ""


def test_the_latest_verdict_of_a_package_is_recorded() -> None:
    review = _review()
    review.record_package(1, "a" * 64, "round1.jcmpkg", verdict="ALTERED")
    assert [r.round for r in review.untrusted()] == [1]
    assert "NOT TRUSTWORTHY" in integrity_warning(review)
    with pytest.raises(UserError, match="next round number"):
        review.record_package(1, "b" * 64, "round1.jcmpkg")


def test_responses_keep_open_and_closed_findings() -> None:
    review = _review()
    review.respond("CAR-01", "Added.")
    review.close("CL-01", "Fine.")
    assert [r["finding"] for r in review.participant_responses()] == ["CAR-01"]

    validator = _review()
    validator.close("CL-01", "Fine.")
    updated = validator.apply_responses(
        [
            {"finding": "CAR-01", "response": "Added."},
            {"finding": "CL-01", "response": "too late"},  # closed: left alone
            {"finding": "CAR-99", "response": "unknown"},
        ]
    )
    assert updated == ["CAR-01"]
    assert validator.finding("CAR-01").status == "responded"
    assert validator.finding("CL-01").response == ""
    kept = validator.keep_open("CAR-01", "No evidence attached.")
    assert (kept.status, kept.response, kept.assessment) == (
        "open",
        "Added.",
        "No evidence attached.",
    )
    with pytest.raises(UserError):
        validator.keep_open("CL-01")


def test_responses_travel_inside_the_next_package(built: Built, tmp_path: Path) -> None:
    review = _review()
    review.respond("CAR-01", "Added the survey method to A.2.")
    package = build_package(
        built.project2,
        tmp_path / "darkhan-round2.jcmpkg",
        round=2,
        responses=review.participant_responses(),
    ).path
    assert verify_package(package).ok, "the responses are part of the checksummed payload"
    with open_package(package) as opened:
        carried = opened.responses()
    assert [(r["finding"], r["response"]) for r in carried] == [
        ("CAR-01", "Added the survey method to A.2.")
    ]
    with open_package(built.package) as opened:
        assert opened.responses() == [], "a first round carries none"


def test_the_earlier_review_and_package_beside_a_resubmission(built: Built, tmp_path: Path) -> None:
    folder = tmp_path / "tpe"
    folder.mkdir()
    round1 = Path(shutil.copyfile(built.package, folder / "round1.jcmpkg"))
    first = Review()
    first.record_package(1, read_summary(round1).package_id, "round1.jcmpkg")
    save_review(first, folder / "round1.jcmreview")
    (folder / "broken.jcmreview").write_text("{", encoding="utf-8")  # skipped, not fatal
    assert earlier_review_beside(folder / "round2.jcmpkg", 2) == folder / "round1.jcmreview"
    assert earlier_review_beside(folder / "round1.jcmpkg", 1) is None
    found = earlier_package(first, 2, folder)
    assert found is not None and found[1] == round1
    round1.unlink()
    assert earlier_package(first, 2, folder) is None


def test_next_round_and_file_name(built: Built, tmp_path: Path) -> None:
    project = Path(shutil.copyfile(built.project, tmp_path / "darkhan.jcmpdd"))
    assert next_round(packages_beside(project, "Rooftop PV in Darkhan"), None) == 1
    shutil.copyfile(built.package, tmp_path / "darkhan-round1.jcmpkg")
    (tmp_path / "junk.jcmpkg").write_bytes(b"not a zip")
    beside = packages_beside(project, "Rooftop PV in Darkhan")
    assert [(p.round, p.path.name) for p in beside] == [(1, "darkhan-round1.jcmpkg")]
    assert packages_beside(project, "Another project") == []
    assert next_round(beside, None) == 2
    review = _review()
    review.record_package(2, "c" * 64, "darkhan-round2.jcmpkg")
    assert next_round(beside, review) == 3
    assert round_file(project, 3).name == "darkhan-round3.jcmpkg"


def test_findings_exports_of_an_untrusted_round_say_so(tmp_path: Path) -> None:
    import docx
    from openpyxl import load_workbook

    trusted = _review()
    sheet = load_workbook(findings_xlsx(trusted, tmp_path / "ok.xlsx")).active
    assert sheet["A1"].value == "ID"
    text = "\n".join(
        p.text for p in docx.Document(str(findings_docx(trusted, tmp_path / "ok.docx"))).paragraphs
    )
    assert "TRUSTWORTHY" not in text

    altered = _review()
    altered.record_package(1, "a" * 64, verdict="ALTERED")
    sheet = load_workbook(findings_xlsx(altered, tmp_path / "bad.xlsx")).active
    assert sheet["A1"].value.startswith("NOT TRUSTWORTHY") and sheet["A3"].value == "ID"
    assert [sheet.cell(row=r, column=1).value for r in (4, 5)] == ["CAR-01", "CL-01"]
    assert sheet.freeze_panes == "A4"
    document = docx.Document(str(findings_docx(altered, tmp_path / "bad.docx")))
    assert "NOT TRUSTWORTHY" in document.paragraphs[0].text
    assert any("round 1 (round1.jcmpkg: ALTERED)" in p.text for p in document.paragraphs)


def test_cli_package_carries_the_responses_of_a_review(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jcm_pdd.cli import main

    review = _review()
    review.respond("CL-01", "The 2024 grid factor.")
    save_review(review, tmp_path / "round1.jcmreview")
    out = tmp_path / "round2.jcmpkg"
    args = ["package", str(built.project2), "--out", str(out), "--quiet"]
    assert main([*args, "--round", "1", "--responses", str(tmp_path / "round1.jcmreview")]) == 1
    assert "--round 2" in capsys.readouterr().err and not out.exists()
    assert main([*args, "--round", "2", "--responses", str(tmp_path / "round1.jcmreview")]) == 0
    assert "responses carried: 1" in capsys.readouterr().out
    with open_package(out) as opened:
        assert [r["finding"] for r in opened.responses()] == ["CL-01"]

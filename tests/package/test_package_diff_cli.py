"""Comparing rounds (fields and figures), and the package/verify/diff/review commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bags import flip_byte, member_extents
from hostile_packages import build as hostile
from package_support import Built

from jcm_pdd.cli import main
from jcm_pdd.package.diff import compare
from jcm_pdd.package.review import Review, save_review


def test_diff_of_two_rounds_finds_the_changed_field_and_figures(built: Built) -> None:
    diff = compare(built.package, built.package2)
    fields = {c.path: (c.old, c.new, c.section) for c in diff.fields}
    assert fields == {"monitoring_plan.monitored.0.estimated_value": ("1000", "1100", "MPS:T1")}
    figures = {(f.period, f.quantity): (f.old, f.new) for f in diff.figures}
    assert figures[("2026", "ER_rounded")] == ("930", "1010")
    # Annual 1010.2165 t; 2025 from 1 July: x 184/365 = 509.26; 2028 to 30 June: x 182/366 =
    # 502.35; floors per year: 509 + 1010 + 1010 + 502 = 3031.
    assert figures[("total", "ER_rounded")] == ("2791", "3031")
    assert ("2025", "PE") not in figures  # unchanged figures are not listed
    assert diff.sections() == ["MPS:T1"]


def test_diff_of_project_files_and_mixed_inputs(built: Built) -> None:
    assert compare(built.project, built.project).identical
    mixed = compare(built.package, built.project2)
    assert [c.path for c in mixed.fields] == ["monitoring_plan.monitored.0.estimated_value"]
    assert mixed.figures


def test_diff_labels_fields_by_form_section(built: Built, tmp_path: Path) -> None:
    from projects import make_project, save

    project, store = make_project(title="Rooftop PV in Darkhan, phase 2")
    project.pdd.sites[1].city = "Sukhbaatar City"
    other = save(tmp_path / "other.jcmpdd", project, store)
    diff = compare(built.project, other)
    sections = {c.path: c.section for c in diff.fields}
    assert sections["pdd.title"] == "PDD:A.1"
    assert sections["pdd.sites.1.city"] == "PDD:A.3"
    assert not diff.figures


def test_cli_package_verify_diff(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli.jcmpkg"
    code = main(
        [
            "package",
            str(built.project),
            "--out",
            str(out),
            "--round",
            "1",
            "--quiet",
            "--created",
            "2026-01-15T09:30:00Z",
            "--packaged-by",
            "P. Participant",
        ]
    )
    assert code == 0 and out.read_bytes() == built.package.read_bytes()
    assert "package id" in capsys.readouterr().out

    assert main(["verify", str(out)]) == 0
    assert capsys.readouterr().out.startswith("VERIFIED")
    assert main(["verify", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "VERIFIED"

    name = next(n for n in member_extents(out) if n.endswith(".xlsx"))
    flip_byte(out, member_extents(out)[name][0] + 10)
    assert main(["verify", str(out)]) == 1
    text = capsys.readouterr().out
    assert text.startswith("ALTERED") and name in text

    assert main(["diff", str(built.package), str(built.package2), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fields"][0]["path"] == "monitoring_plan.monitored.0.estimated_value"


def test_cli_verify_hostile_and_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "slip.jcmpkg"
    bad.write_bytes(hostile("zip_slip").data)
    assert main(["verify", str(bad)]) == 1
    assert "points outside the package" in capsys.readouterr().out
    assert main(["verify", str(tmp_path / "nothing.jcmpkg")]) == 1
    assert "does not exist" in capsys.readouterr().out
    assert main(["diff", str(bad), str(bad)]) == 1
    assert "cannot be opened" in capsys.readouterr().err


def test_cli_package_refusal_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from projects import make_project, save

    project, store = make_project()
    project.moc.tpe_name = ""
    path = save(tmp_path / "p.jcmpdd", project, store)
    assert main(["package", str(path), "--out", str(tmp_path / "p.jcmpkg"), "--quiet"]) == 1
    assert "moc.tpe_name" in capsys.readouterr().err


def test_cli_review_show_and_export(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "round1.jcmpkg"
    shutil.copyfile(built.package, package)
    from jcm_pdd.package.diff import load_side

    side = load_side(package)
    review = Review(project_title="Rooftop PV in Darkhan")
    review.record_package(1, side.package_id, package.name)
    review.raise_finding("CL", "PDD:A.3", "Confirm coordinates.")
    review.sign_off("MPS:T1", side.project, side.figures)
    review.sign_off("PDD:C.3", side.project, side.figures)
    path = save_review(review, tmp_path / "round1.jcmreview")
    assert main(["review", "show", str(path), "--package", str(built.package2)]) == 0
    out = capsys.readouterr().out
    assert "CL-01 [open, raised in round 1] PDD A.3. Location of project" in out
    # a sign-off and what changed since it read in the form's words, as in the app
    assert "sign-off MPS Table 1" in out and "MPS:T1" not in out
    assert ", row 1, Estimated Values: '1000' -> '1100'" in out
    assert "monitoring_plan.monitored.0" not in out
    # a changed figure by its year and quantity, as the app's sign-off panel names it
    assert "2026 — Emission reductions ER, tCO2e (rounded down): '930' -> '1010'" in out
    assert "Total — Emission reductions ER (exact)" in out
    assert "figures." not in out
    export_dir = tmp_path / "report"
    export_dir.mkdir()
    assert main(["review", "export", str(path), "--out", str(export_dir)]) == 0
    assert sorted(p.name for p in export_dir.iterdir()) == [
        "round1-findings.docx",
        "round1-findings.xlsx",
    ]


def test_cli_verify_several_packages(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify", str(built.package), str(built.package2), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["verdict"] for d in data] == ["VERIFIED", "VERIFIED"]
    assert [d["round"] for d in data] == [1, 2]
    bad = tmp_path / "bad.jcmpkg"
    bad.write_bytes(b"not a zip at all")
    assert main(["verify", str(built.package), str(bad)]) == 1
    out = capsys.readouterr().out
    assert "VERIFIED:" in out and "INVALID:" in out and "not a zip file" in out


def test_cli_review_show_names_a_place_as_the_app_does(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A finding's place reads as the app's findings table shows it (the form's words), not
    as a model key; without the package, the words the app stored when it was raised; the key
    only where no label is known."""
    from jcm_pdd.package.diff import load_side

    side = load_side(built.package)
    review = Review(project_title="Rooftop PV in Darkhan")
    review.record_package(1, side.package_id, built.package.name)
    review.raise_finding("CL", "pdd.sites.0.latitude", "Confirm the latitude.")
    stored = review.raise_finding("CAR", "pdd.sites.0.longitude", "Longitude is off.")
    stored.target_label = "A.3 Location of project, including coordinates, row 1, Longitude"
    review.raise_finding("FAR", "pdd.no_such_field", "Unknown place.")
    path = save_review(review, tmp_path / "round1.jcmreview")

    assert main(["review", "show", str(path), "--package", str(built.package)]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.strip().startswith("CL-01"))
    assert "A.3 Location of project, including coordinates" in line
    assert "row 1, Latitude: Confirm the latitude." in line
    assert "pdd.sites.0.latitude" not in out
    assert "FAR-01 [open, raised in round 1] pdd.no_such_field: Unknown place." in out

    assert main(["review", "show", str(path)]) == 0  # no package: the stored words
    out = capsys.readouterr().out
    assert "row 1, Longitude: Longitude is off." in out and "pdd.sites.0.longitude" not in out
    assert "CL-01 [open, raised in round 1] pdd.sites.0.latitude:" in out

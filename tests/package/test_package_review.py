"""The review file: findings, sign-offs that go stale, atomic save beside (never inside) the
package, and the findings table as .docx and .xlsx."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from package_support import Built

from jcm_pdd.errors import UserError
from jcm_pdd.package import open_package, snapshot_folder
from jcm_pdd.package.diff import load_side
from jcm_pdd.package.findings_export import findings_docx, findings_xlsx
from jcm_pdd.package.review import Review, load_review, review_path_for, save_review

WHEN = datetime(2026, 2, 1, 10, 0, tzinfo=UTC)


def _review_with_findings() -> Review:
    review = Review(project_title="Rooftop PV in Darkhan")
    review.record_package(1, "a" * 64, "round1.jcmpkg", when=WHEN)
    review.raise_finding(
        "CAR", "PDD:C.3", "The estimate for PV-1 is not evidenced.", "T. Auditor", when=WHEN
    )
    review.raise_finding(
        "CL", "pdd.sites.0.latitude", "Confirm the coordinates.", "T. Auditor", when=WHEN
    )
    review.raise_finding(
        "FAR", "MPS:T1", '=HYPERLINK("http://x") check meter at 1st verif.', when=WHEN
    )
    return review


def test_findings_lifecycle_and_remaining_car_cl() -> None:
    review = _review_with_findings()
    assert [f.id for f in review.findings] == ["CAR-01", "CL-01", "FAR-01"]
    assert [f.id for f in review.open_car_cl()] == ["CAR-01", "CL-01"]
    review.respond("CAR-01", "Meter datasheet added as attachment.", when=WHEN)
    assert review.finding("CAR-01").status == "responded"
    review.close("CAR-01", "Evidence accepted.", round=2, when=WHEN)
    review.close("CL-01", when=WHEN)
    assert review.open_car_cl() == []  # the FAR does not block a positive opinion
    closed = review.finding("CAR-01")
    assert (closed.status, closed.closed_in_round, closed.assessment) == (
        "closed",
        2,
        "Evidence accepted.",
    )
    with pytest.raises(UserError, match="closed"):
        review.respond("CAR-01", "late")
    review.reopen("CL-01")
    assert [f.id for f in review.open_car_cl()] == ["CL-01"]
    with pytest.raises(UserError, match="no finding"):
        review.finding("CAR-99")
    with pytest.raises(UserError, match="description"):
        review.raise_finding("CL", "PDD:A.1", "  ")


def test_rounds_are_identified_by_package_id() -> None:
    review = Review()
    review.record_package(1, "a" * 64)
    assert review.record_package(1, "a" * 64).round == 1  # the same package again
    with pytest.raises(UserError, match="round 1"):
        review.record_package(1, "b" * 64)
    review.record_package(2, "b" * 64)
    assert review.latest_round == 2


def test_review_is_saved_beside_the_package_never_inside(built: Built, tmp_path: Path) -> None:
    package = tmp_path / "round1.jcmpkg"
    shutil.copyfile(built.package, package)
    before = package.read_bytes()
    review = _review_with_findings()
    path = save_review(review, review_path_for(package))
    assert path == tmp_path / "round1.jcmreview"
    assert package.read_bytes() == before
    with zipfile.ZipFile(package) as zf:
        assert not any(n.endswith(".jcmreview") for n in zf.namelist())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["round1.jcmpkg", "round1.jcmreview"]
    assert load_review(path) == review
    with pytest.raises(UserError, match=".jcmreview"):
        save_review(review, package)
    assert package.read_bytes() == before


def test_damaged_review_file_gives_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.jcmreview"
    bad.write_text("{not json")
    with pytest.raises(UserError, match="not valid JSON"):
        load_review(bad)
    bad.write_text(json.dumps({"format": "jcmreview", "findings": [{"id": 1}]}))
    with pytest.raises(UserError, match="not a JCM review: findings.0"):
        load_review(bad)


def test_sign_offs_go_stale_after_a_changed_round(built: Built) -> None:
    review = Review()
    with open_package(built.package) as first:
        assert first.project is not None
        figures = load_side(built.package).figures
        review.record_package(1, first.package_id)
        for section in ("PDD:A.1", "PDD:A.3", "PDD:C.3", "MPS:T1", "MoC:3", "pdd.sites.1"):
            review.sign_off(
                section,
                first.project,
                figures,
                "T. Auditor",
                round=1,
                package_id=first.package_id,
                when=WHEN,
            )
        # Against the same round, every mark is current.
        assert not any(s.stale for s in review.sign_off_states(first.project, figures))
    second = load_side(built.package2)  # round 2: PV-1's estimated generation revised
    states = {s.signoff.section: s for s in review.sign_off_states(second.project, second.figures)}
    assert {k for k, s in states.items() if s.stale} == {"PDD:C.3", "MPS:T1"}
    t1 = [str(c) for c in states["MPS:T1"].changes]
    assert t1 == ["monitoring_plan.monitored.0.estimated_value: '1000' -> '1100'"]
    c3 = {c.path: (c.old, c.new) for c in states["PDD:C.3"].changes}
    # 2026, a full year: 1100 x 0.797 + 250.5 x 0.533 = 876.7 + 133.5165 = 1010.2165 -> 1010
    assert c3["figures.2026.ER_rounded"] == ("930", "1010")
    assert c3["figures.2026.ER"] == ("1861033/2000", "2020433/2000")
    assert all(path.startswith("figures.") for path in c3)  # C.3's own field is unchanged


def test_sign_off_of_unknown_section_is_refused(built: Built) -> None:
    side = load_side(built.package)
    with pytest.raises(UserError, match="neither a form section"):
        Review().sign_off("PDD:Z.9", side.project, side.figures)


def test_findings_table_exports(tmp_path: Path) -> None:
    import docx
    import openpyxl

    review = _review_with_findings()
    review.respond("CAR-01", "Datasheet added.", when=WHEN)
    before = snapshot_folder(tmp_path)
    assert before.entries == {}
    doc_path = findings_docx(review, tmp_path / "findings.docx")
    xlsx_path = findings_xlsx(review, tmp_path / "findings.xlsx")
    document = docx.Document(str(doc_path))
    table = document.tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][:3] == ["ID", "Type", "Section / field"]
    assert rows[1][:5] == [
        "CAR-01",
        "CAR",
        "PDD:C.3",
        "The estimate for PV-1 is not evidenced.",
        "Datasheet added.",
    ]
    assert any("CAR/CL remaining: CAR-01, CL-01" in p.text for p in document.paragraphs)
    sheet = openpyxl.load_workbook(str(xlsx_path)).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[1][0] == "CAR-01" and values[2][2] == "pdd.sites.0.latitude"
    assert sheet["D4"].data_type == "s"  # a finding that looks like a formula stays text
    with pytest.raises(UserError, match="never written into a package"):
        findings_xlsx(review, tmp_path / "x.jcmpkg")


def test_review_carries_into_the_next_round(built: Built, tmp_path: Path) -> None:
    from jcm_pdd.package.review import review_for_package

    first_pkg, second_pkg = tmp_path / "r1" / "round1.jcmpkg", tmp_path / "r2" / "round2.jcmpkg"
    for src, dst in ((built.package, first_pkg), (built.package2, second_pkg)):
        dst.parent.mkdir()
        shutil.copyfile(src, dst)
    review, path = review_for_package(first_pkg, 1, "a" * 64, "Rooftop PV")
    assert path == tmp_path / "r1" / "round1.jcmreview" and not path.exists()
    review.raise_finding("CAR", "MPS:T1", "Evidence for PV-1.")
    save_review(review, path)
    before = snapshot_folder(tmp_path / "r2")
    carried, path2 = review_for_package(second_pkg, 2, "b" * 64, previous=path)
    assert before.changes(snapshot_folder(tmp_path / "r2")) == []  # nothing written yet
    assert [r.round for r in carried.packages] == [1, 2]
    assert carried.findings[0].id == "CAR-01" and path2.parent == tmp_path / "r2"

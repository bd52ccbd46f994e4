"""Verification packages (issue 17): a package that covers monitoring periods, and its verify.

The sample project (JCM_MN_AM003: PV-1 on the national grid, EF 0.797; PV-2 captive, EF 0.533)
gets two monitoring periods with an evidence file each. Hand-derived figures of period 1
(01/04/2027 - 31/03/2028, EG PV-1 = 1000.5 MWh, PV-2 = 1500.25 MWh; eq. (1)-(3)):
RE = 1000.5 x 0.797 + 1500.25 x 0.533 = 1597.03175 = 6388127/4000, PE = 0, credited 1597.
Period 2 (01/04/2028 - 30/06/2028, 800 and 1200 MWh): RE = 637.6 + 639.6 = 1277.2, credited 1277.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from reseal import edit_docx_xml, reseal
from verification_support import monitored_sample

from jcm_pdd.cli import main
from jcm_pdd.errors import UserError
from jcm_pdd.package import build_package, verify_package
from jcm_pdd.package.periods import PERIODS_MEMBER

D = dt.date


@pytest.fixture(scope="module")
def verification(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("verification")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JCM_PDD_HOME", str(tmp_path_factory.mktemp("home")))
        project = monitored_sample(folder)
        package = build_package(
            project, folder / "verify1.jcmpkg", monitoring_periods=[0, 1], packaged_by="PP"
        ).path
        yield project, package


def _index(package: Path) -> dict[str, object]:
    import zipfile

    with zipfile.ZipFile(package) as zf:
        data: dict[str, object] = json.loads(zf.read("package-index.json"))
        return data


def test_a_verification_package_carries_the_periods_and_verifies(
    verification: tuple[Path, Path],
) -> None:
    _, package = verification
    report = verify_package(package)
    assert report.ok, report.summary()
    assert report.kind == "verification"
    assert report.bag_info["Monitoring-Periods"] == (
        "1 (01/04/2027 - 31/03/2028); 2 (01/04/2028 - 30/06/2028)"
    )
    assert report.bag_info["Total-Credited-ER-tCO2e"] == str(1597 + 1277)
    index = _index(package)
    assert index["kind"] == "verification"
    monitoring = index["monitoring"]
    assert isinstance(monitoring, dict)
    assert monitoring["figures"]["period 1"] == {
        "RE": "6388127/4000",
        "PE": "0",
        "ER": "6388127/4000",
        "ER_credited": "1597",
    }
    assert monitoring["figures"]["period 2"]["ER_credited"] == "1277"
    assert len(monitoring["evidence"]) == 2  # each evidence file once
    rechecked = {(c.source, c.period, c.quantity) for c in report.figures}
    assert (PERIODS_MEMBER, "period 1 (2028)", "ER") in rechecked
    assert ("bag-info.txt", "periods", "ER_credited") in rechecked
    documents = index["documents"]
    assert isinstance(documents, dict)
    assert {role for role in documents if role.startswith("monitoring_")} == {
        f"monitoring_{copy}_{ext}"
        for copy in ("public", "confidential")
        for ext in ("docx", "pdf", "xlsx")
    }
    report_docx = documents["monitoring_confidential_docx"]
    stated = {(c.period, c.stated) for c in report.figures if c.source == report_docx}
    assert stated == {("period 1", "1597"), ("period 2", "1277"), ("periods", "2874")}
    workbook = documents["monitoring_confidential_xlsx"]
    read = {
        (c.period, c.quantity, c.stated)
        for c in report.figures
        if c.source == workbook and not c.code  # its formulas: test_package_mrs_formulas
    }
    assert read == {
        ("period 1", "EG_i,p [i = PV-1]", "1000.5"),
        ("period 1", "EG_i,p [i = PV-2]", "1500.25"),
        ("period 2", "EG_i,p [i = PV-1]", "800.0"),
        ("period 2", "EG_i,p [i = PV-2]", "1200.0"),
    }
    names = {c.name: c.status for c in report.checks}
    assert names["monitoring periods re-computed"] == "passed"
    assert names["evidence files"] == "passed"
    assert "Package for verification of monitoring periods 1" in report.summary()


def test_a_validation_package_of_the_same_project_is_unchanged(
    verification: tuple[Path, Path], tmp_path: Path
) -> None:
    project, _ = verification
    package = build_package(project, tmp_path / "validation.jcmpkg").path
    index = _index(package)
    assert "kind" not in index and "monitoring" not in index
    report = verify_package(package)
    assert report.ok and report.kind == "validation"
    assert not any(c.period.startswith("period") for c in report.figures)


def _tampered(package: Path, tmp_path: Path, member: str, old: str, new: str) -> Path:
    out = tmp_path / "tampered.jcmpkg"

    def edit(data: bytes) -> bytes:
        text = data.decode("utf-8")
        assert old in text
        return text.replace(old, new, 1).encode("utf-8")

    reseal(package, out, {member: edit})
    return out


def test_a_period_figure_changed_and_resealed_reads_altered(
    verification: tuple[Path, Path], tmp_path: Path
) -> None:
    _, package = verification
    forged = _tampered(package, tmp_path, PERIODS_MEMBER, '"1597"', '"1697"')
    report = verify_package(forged)
    assert report.verdict == "ALTERED"
    assert any(
        PERIODS_MEMBER in p.message and "period 1" in p.message and "1697" in p.message
        for p in report.problems
    ), report.summary()


def test_a_credited_figure_changed_in_the_monitoring_report_reads_altered(
    verification: tuple[Path, Path], tmp_path: Path
) -> None:
    _, package = verification
    documents = _index(package)["documents"]
    assert isinstance(documents, dict)
    member = documents["monitoring_confidential_docx"]
    out = tmp_path / "report.jcmpkg"
    reseal(package, out, {member: edit_docx_xml("word/document.xml", ">1,597<", ">1,697<")})
    report = verify_package(out)
    assert report.verdict == "ALTERED"
    assert any(
        member in p.message and "ER_credited period 1 is stated as 1697" in p.message
        for p in report.problems
    ), report.summary()


def test_a_monitored_value_changed_in_the_mrs_workbook_reads_altered(
    verification: tuple[Path, Path], tmp_path: Path
) -> None:
    """MRS(input) Table 1 states each monitored value; one changed (and the checksums re-made)
    no longer matches the packaged project's value of that period and unit."""
    _, package = verification
    documents = _index(package)["documents"]
    assert isinstance(documents, dict)
    member = documents["monitoring_confidential_xlsx"]
    out = tmp_path / "workbook.jcmpkg"
    edit = edit_docx_xml("xl/worksheets/sheet1.xml", "<v>1000.5</v>", "<v>1100.5</v>")
    reseal(package, out, {member: edit})
    report = verify_package(out)
    assert report.verdict == "ALTERED"
    assert any(
        member in p.message and "EG_i,p [i = PV-1] period 1 is stated as 1100.5" in p.message
        for p in report.problems
    ), report.summary()


def test_a_credited_total_changed_in_bag_info_reads_altered(
    verification: tuple[Path, Path], tmp_path: Path
) -> None:
    _, package = verification
    forged = _tampered(
        package,
        tmp_path,
        "bag-info.txt",
        "Total-Credited-ER-tCO2e: 2874",
        "Total-Credited-ER-tCO2e: 2900",
    )
    report = verify_package(forged)
    assert report.verdict == "ALTERED"
    assert any("ER_credited periods is stated as 2900" in p.message for p in report.problems)


def test_an_evidence_file_swapped_and_resealed_reads_altered(
    verification: tuple[Path, Path], tmp_path: Path
) -> None:
    _, package = verification
    index = _index(package)
    monitoring = index["monitoring"]
    assert isinstance(monitoring, dict)
    member = sorted(monitoring["evidence"].values())[0]
    out = tmp_path / "swapped.jcmpkg"
    reseal(package, out, {member: lambda data: data.replace(b"PV-1", b"PV-9")})
    report = verify_package(out)
    assert report.verdict == "ALTERED"
    assert any(
        member in p.message and "not the evidence file" in p.message for p in report.problems
    )


def test_a_dropped_evidence_file_reads_altered(
    verification: tuple[Path, Path], tmp_path: Path
) -> None:
    _, package = verification
    monitoring = _index(package)["monitoring"]
    assert isinstance(monitoring, dict)
    member = sorted(monitoring["evidence"].values())[0]
    out = tmp_path / "dropped.jcmpkg"
    reseal(package, out, {}, drop={member})
    report = verify_package(out)
    assert report.verdict == "ALTERED"
    assert any("evidence file" in p.message for p in report.problems)


def test_a_kind_changed_in_the_index_alone_reads_altered(
    verification: tuple[Path, Path], tmp_path: Path
) -> None:
    _, package = verification
    forged = _tampered(
        package, tmp_path, "package-index.json", '"kind": "verification"', '"kind": "validation"'
    )
    report = verify_package(forged)
    assert report.verdict == "ALTERED"
    assert any("says the package is for validation" in p.message for p in report.problems)


def test_a_covered_period_with_a_missing_value_is_refused(tmp_path: Path) -> None:
    project = monitored_sample(tmp_path, second_value=None)
    with pytest.raises(UserError, match="(?s)verification.*period 2.*no monitored value of EG"):
        build_package(project, tmp_path / "p.jcmpkg", monitoring_periods=[1])
    # period 1 is complete: a package of it alone is not blocked by period 2
    result = build_package(project, tmp_path / "p1.jcmpkg", monitoring_periods=[0])
    assert verify_package(result.path).ok
    # nor is the PDD's validation package
    build_package(project, tmp_path / "v.jcmpkg")


def test_a_period_the_project_lacks_is_refused(
    verification: tuple[Path, Path], tmp_path: Path
) -> None:
    project, _ = verification
    with pytest.raises(UserError, match="no monitoring period 3"):
        build_package(project, tmp_path / "p.jcmpkg", monitoring_periods=[2])


def test_cli_package_periods_then_verify(
    verification: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = verification
    out = tmp_path / "cli.jcmpkg"
    assert main(["package", str(project), "--out", str(out), "--periods", "2", "--quiet"]) == 0
    assert "Verification package written" in capsys.readouterr().out
    assert main(["verify", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("VERIFIED") and "monitoring periods 2 (01/04/2028" in printed
    assert main(["package", str(project), "--out", str(out), "--periods", "x"]) == 1
    assert "--periods: 'x' is not a list of period numbers" in capsys.readouterr().err


def test_a_period_sign_off_covers_its_values_and_figures_only(
    verification: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A verifier signs period 1 off; a change to period 2 leaves it fresh, a change to period
    1's value turns it stale and names the value and the figures that changed."""
    from jcm_pdd.package import open_package
    from jcm_pdd.package.periods import period_figures
    from jcm_pdd.package.review import Review, load_review, save_review

    _, package = verification
    with open_package(package) as opened:
        project, template = opened.project, opened.template
        assert project is not None
        review = Review()
        review.record_package(
            1, opened.package_id, package.name, kind="verification", periods=[1, 2]
        )
        figures = {**opened.index["figures"], **period_figures(project, template, [0, 1])}
        mark = review.sign_off("MRS:period 1", project, figures, reviewer="V")
        assert mark.title == "Monitoring period 1 (01/04/2027 - 31/03/2028)"
        assert mark.values["figures.period 1.ER_credited"] == "1597"
        assert not any(key.startswith("figures.period 2") for key in mark.values)
        c3 = review.sign_off("PDD:C.3", project, figures, reviewer="V")
        assert not any(".period " in key for key in c3.values)  # C.3 is the estimate only

        later = project.model_copy(deep=True)
        later.monitoring.periods[1].values[0].value = Decimal("900")
        again = {**opened.index["figures"], **period_figures(later, template, [0, 1])}
        states = {s.signoff.section: s for s in review.sign_off_states(later, again)}
        assert not states["MRS:period 1"].stale and not states["PDD:C.3"].stale

        later.monitoring.periods[0].values[0].value = Decimal("1000")
        again = {**opened.index["figures"], **period_figures(later, template, [0, 1])}
        stale = {s.signoff.section: s for s in review.sign_off_states(later, again)}
        changed = {c.path for c in stale["MRS:period 1"].changes}
        assert "monitoring.periods.0.values.0.value" in changed
        assert "figures.period 1.ER_credited" in changed
    path = save_review(review, tmp_path / "v.jcmreview")
    ref = load_review(path).packages[0]
    assert (ref.kind, ref.periods) == ("verification", [1, 2])
    assert main(["review", "show", str(path)]) == 0
    assert f"round 1: {package.name} (" in (out := capsys.readouterr().out)
    assert "verification of periods 1, 2)" in out


def test_a_review_file_without_kinds_still_loads(tmp_path: Path) -> None:
    """Review files written before verification rounds existed read as validation rounds."""
    from jcm_pdd.package.review import load_review

    path = tmp_path / "old.jcmreview"
    path.write_text(
        json.dumps(
            {
                "format": "jcmreview",
                "format_version": 1,
                "packages": [
                    {"round": 1, "package_id": "ab" * 32, "seen_at": "2026-01-01T00:00:00Z"}
                ],
            }
        ),
        encoding="utf-8",
    )
    ref = load_review(path).packages[0]
    assert (ref.kind, ref.periods) == ("validation", [])

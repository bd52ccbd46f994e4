"""Building a real package from a project file, and verifying it (checksums and figures)."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bags import flip_byte, member_extents, without_member
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from package_support import CREATED, Built
from projects import make_project, save
from reseal import edit_docx_xml, reseal

from jcm_pdd.errors import UserError
from jcm_pdd.package import bagit, build_package, verify_package
from jcm_pdd.package.report import Verdict
from jcm_pdd.paths import templates_dir


def _zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_build_then_verify_passes_with_figures_read_back(built: Built) -> None:
    report = verify_package(built.package)
    assert report.verdict is Verdict.VERIFIED, report.summary()
    sources = {check.source for check in report.figures}
    assert bagit.INDEX in sources and bagit.BAG_INFO in sources
    assert "data/calculation/trace.json" in sources
    assert any(s.endswith(".docx") and "_F_PDD_" in s for s in sources)  # C.3 read back
    assert all(check.ok for check in report.figures)
    assert report.round == 1


def test_payload_holds_project_documents_trace_template_attachments(built: Built) -> None:
    members = _zip(built.package)
    index = json.loads(members[bagit.INDEX])
    assert members[index["project"]] == built.project.read_bytes()
    shipped = templates_dir() / "JCM_MN_AM003_ver02.0.toml"
    assert members[index["template"]] == shipped.read_bytes()
    roles = set(index["documents"])
    assert {
        "pdd_public_docx",
        "pdd_confidential_docx",
        "pdd_public_pdf",
        "pdd_confidential_pdf",
        "mps_public_xlsx",
        "moc_confidential_docx",
    } <= roles
    assert "data/calculation/trace.json" in members and "data/calculation/trace.html" in members
    assert b"<script" not in members["data/calculation/trace.html"].lower()
    (attachment,) = index["attachments"]
    assert attachment["name"] == "site map.png" and attachment["path"] in members


def test_the_package_trace_is_the_calc_json_trace(
    built: Built, capsys: pytest.CaptureFixture[str]
) -> None:
    """One trace serializer: ``calc --json`` and the package's trace.json give the same steps
    (equations, substituted values, inputs with provenance) and the same C.3 figures."""
    from jcm_pdd import cli

    assert cli.main(["calc", str(built.project), "--json"]) == 0
    calc = json.loads(capsys.readouterr().out)
    with zipfile.ZipFile(built.package) as zf:
        packaged = json.loads(zf.read("data/calculation/trace.json"))
    assert packaged["trace"]["steps"] == calc["period"]["trace"]
    assert len(calc["period"]["trace"]) >= 3
    rows = {str(r["year"]): r for r in calc["c3"]["rows"]}
    for period, values in packaged["figures"].items():
        row = calc["c3"]["total"] if period == "total" else rows[period]
        assert int(values["ER_rounded"]) == row["emission_reductions"]


def test_bag_info_states_what_the_brief_lists(built: Built) -> None:
    info = dict(bagit.parse_bag_info(_zip(built.package)[bagit.BAG_INFO]))
    assert info["Project-Title"] == "Rooftop PV in Darkhan"
    assert info["Methodology-Id"] == "JCM_MN_AM003" and info["Methodology-Version"] == "ver02.0"
    assert info["PDD-Form"] == "JCM_MN_F_PDD_ver03.0" and info["MoC-Form"] == "JCM_MN_F_MoC_ver02.0"
    assert info["Package-Round"] == "1" and info["Packaged-By"] == "P. Participant"
    assert info["Created"] == "2026-01-15T09:30:00Z" and info["App-Version"].startswith("JCM")
    assert info["Total-ER-tCO2e"] == "2791"  # 469 + 930 + 930 + 462 (floors per year)
    assert "Reference-Number" not in info  # blank before registration, so left out


def test_build_is_deterministic(built: Built, tmp_path: Path) -> None:
    again = build_package(
        built.project,
        tmp_path / "again.jcmpkg",
        round=1,
        packaged_by="P. Participant",
        created=CREATED,
    )
    assert again.path.read_bytes() == built.package.read_bytes()
    # Another "created" time changes bag-info (and so the package id), never the manifest.
    later = build_package(
        built.project, tmp_path / "later.jcmpkg", round=1, created=datetime(2027, 5, 1, tzinfo=UTC)
    )
    assert _zip(later.path)[bagit.MANIFEST] == _zip(built.package)[bagit.MANIFEST]
    assert later.package_id != again.package_id


def test_created_defaults_to_the_projects_saved_at(project_file: Path, tmp_path: Path) -> None:
    from jcm_pdd.storage import read_manifest

    result = build_package(project_file, tmp_path / "p.jcmpkg")
    info = dict(bagit.parse_bag_info(_zip(result.path)[bagit.BAG_INFO]))
    assert info["Created"] == read_manifest(project_file).saved_at.replace("+00:00", "Z")


def test_refused_while_diagnostics_report_errors(tmp_path: Path) -> None:
    project, store = make_project()
    project.moc.tpe_name = ""
    project.pdd.stakeholder_solicitation = ""
    path = save(tmp_path / "incomplete.jcmpdd", project, store)
    with pytest.raises(UserError) as raised:
        build_package(path, tmp_path / "out.jcmpkg")
    message = str(raised.value)
    assert "2 error(s)" in message and "moc.tpe_name" in message
    assert "pdd.stakeholder_solicitation" in message
    assert not (tmp_path / "out.jcmpkg").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["incomplete.jcmpdd"]


def test_progress_runs_from_zero_to_one(project_file: Path, tmp_path: Path) -> None:
    seen: list[float] = []
    build_package(project_file, tmp_path / "p.jcmpkg", progress=lambda f, m: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


def test_package_is_never_written_over_the_project(project_file: Path) -> None:
    before = project_file.read_bytes()
    with pytest.raises(UserError, match="over the project"):
        build_package(project_file, project_file)
    assert project_file.read_bytes() == before


def test_recomputation_uses_the_packaged_template_not_the_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jcm_pdd.paths import user_templates_dir

    # Build with a user template whose grid factor differs from the shipped one ...
    shipped = (templates_dir() / "JCM_MN_AM003_ver02.0.toml").read_text(encoding="utf-8")
    custom = user_templates_dir() / "JCM_MN_AM003_ver02.0.toml"
    custom.write_text(shipped.replace('value = "0.797"', 'value = "0.9"', 1), encoding="utf-8")
    project, store = make_project()
    path = save(tmp_path / "p.jcmpdd", project, store)
    result = build_package(path, tmp_path / "p.jcmpkg")
    # ... then verify where only the shipped template exists: the package still proves itself.
    custom.unlink()
    report = verify_package(result.path)
    assert report.verdict is Verdict.VERIFIED, report.summary()
    assert report.bag_info["Total-RE-tCO2e"] != "2794"  # not the shipped template's figure


def test_resealed_index_figures_are_caught(built: Built, tmp_path: Path) -> None:
    def inflate(data: bytes) -> bytes:
        index = json.loads(data)
        index["figures"]["2026"]["ER_rounded"] = "9930"
        return json.dumps(index).encode()

    forged = tmp_path / "forged.jcmpkg"
    reseal(built.package, forged, {bagit.INDEX: inflate})
    report = verify_package(forged)
    assert report.verdict is Verdict.ALTERED
    assert any(
        "ER_rounded 2026 is stated as 9930 but re-computes to 930" in p.message
        for p in report.problems
    ), report.summary()


def test_resealed_docx_c3_table_is_caught(built: Built, tmp_path: Path) -> None:
    index = json.loads(_zip(built.package)[bagit.INDEX])
    member = index["documents"]["pdd_confidential_docx"]
    forged = tmp_path / "forged.jcmpkg"
    reseal(
        built.package, forged, {member: edit_docx_xml("word/document.xml", ">2,791<", ">2,891<")}
    )
    report = verify_package(forged)
    assert report.verdict is Verdict.ALTERED
    bad = [c for c in report.figures if not c.ok]
    assert [(c.source, c.period, c.stated) for c in bad] == [(member, "total", "2891")]


PROPERTY = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(data=st.data())
def test_real_package_byte_flip_is_named(built: Built, tmp_path: Path, data: st.DataObject) -> None:
    extents = member_extents(built.package)
    member = data.draw(st.sampled_from(sorted(extents)), label="member")
    offset, length = extents[member]
    position = data.draw(st.integers(0, length - 1), label="position")
    target = tmp_path / "flipped.jcmpkg"
    shutil.copyfile(built.package, target)
    flip_byte(target, offset + position)
    report = verify_package(target)
    assert report.verdict is not Verdict.VERIFIED
    assert member in report.named_files() or member in report.invalid_reason, report.summary()


@PROPERTY
@given(data=st.data())
def test_real_package_deleted_member_is_named(
    built: Built, tmp_path: Path, data: st.DataObject
) -> None:
    member = data.draw(st.sampled_from(sorted(member_extents(built.package))), label="member")
    target = tmp_path / "deleted.jcmpkg"
    shutil.copyfile(built.package, target)
    without_member(target, member)
    report = verify_package(target)
    assert report.verdict is not Verdict.VERIFIED
    assert member in report.named_files() or member in report.invalid_reason, report.summary()


def test_resealed_workbook_input_is_caught(built: Built, tmp_path: Path) -> None:
    import io

    import openpyxl

    index = json.loads(_zip(built.package)[bagit.INDEX])
    member = index["documents"]["mps_confidential_xlsx"]

    def edit(data: bytes) -> bytes:
        workbook = openpyxl.load_workbook(io.BytesIO(data))
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value == 250.5:  # PV-2's estimated generation in Table 1
                        cell.value = 2505
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()

    clean = verify_package(built.package)
    stated = {c.period for c in clean.figures if c.source == member and c.quantity == "input"}
    assert {"EG_i,p[i=PV-2]", "EF_RE,i[i=PV-1]"} <= stated
    forged = tmp_path / "forged.jcmpkg"
    reseal(built.package, forged, {member: edit})
    report = verify_package(forged)
    bad = [(c.source, c.period, c.stated, c.recomputed) for c in report.figures if not c.ok]
    assert bad == [(member, "EG_i,p[i=PV-2]", "2505", "501/2")]
    assert report.verdict is Verdict.ALTERED


def test_markup_in_project_text_stays_text(tmp_path: Path) -> None:
    project, store = make_project(title='PV <script>alert("x")</script> & <b>more</b>')
    path = save(tmp_path / "p.jcmpdd", project, store)
    members = _zip(build_package(path, tmp_path / "p.jcmpkg").path)
    page = members["data/calculation/trace.html"].decode()
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "default-src 'none'" in page  # and the page may not load or run anything


def test_resealed_index_naming_an_unlisted_project_is_caught(built: Built, tmp_path: Path) -> None:
    def redirect(data: bytes) -> bytes:
        index = json.loads(data)
        index["project"] = "data/../../home/user/other.jcmpdd"
        return json.dumps(index).encode()

    forged = tmp_path / "forged.jcmpkg"
    reseal(built.package, forged, {bagit.INDEX: redirect})
    report = verify_package(forged)
    assert report.verdict is Verdict.ALTERED
    assert any("which manifest-sha256.txt does not list" in p.message for p in report.problems)


def test_resealed_package_without_its_pdd_documents_is_caught(built: Built, tmp_path: Path) -> None:
    index = json.loads(_zip(built.package)[bagit.INDEX])
    docx = {m for m in index["documents"].values() if m.endswith(".docx")}

    def forget(data: bytes) -> bytes:
        found = json.loads(data)
        found["documents"] = {r: m for r, m in found["documents"].items() if m not in docx}
        return json.dumps(found).encode()

    forged = tmp_path / "forged.jcmpkg"
    reseal(built.package, forged, {bagit.INDEX: forget}, drop=docx)
    report = verify_package(forged)
    assert report.verdict is Verdict.ALTERED
    assert any("No PDD (.docx)" in p.message for p in report.problems), report.summary()


def test_oversized_packaged_template_is_not_loaded(built: Built, tmp_path: Path) -> None:
    index = json.loads(_zip(built.package)[bagit.INDEX])
    forged = tmp_path / "forged.jcmpkg"
    reseal(built.package, forged, {index["template"]: lambda d: d + b"#" * (5 * 1024 * 1024)})
    report = verify_package(forged)
    assert report.verdict is Verdict.ALTERED
    assert any("implausibly large for a methodology template" in p.message for p in report.problems)


def test_verify_reads_the_packaged_template_bytes_not_the_users_parse_cache(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A validator's profile holds a TOML parse cache keyed by text hash; a poisoned entry for
    the packaged template's exact text must not change what verification computes."""
    import hashlib

    from jcm_pdd import tomlcache

    home = tmp_path / "validator-home"
    monkeypatch.setenv("JCM_PDD_HOME", str(home))
    with zipfile.ZipFile(built.package) as zf:
        index = json.loads(zf.read("package-index.json"))
        text = zf.read(f"data/{index['template'].removeprefix('data/')}").decode("utf-8")
    poisoned = tomlcache.parse(text)
    for parameter in poisoned["parameters"].values():
        for choice in parameter.get("choices", []):
            choice["value"] = choice["value"] * 2  # every grid emission factor doubled
    folder = tomlcache.cache_dir()
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    key = f"{tomlcache.CACHE_VERSION}\ndecimal\n{text}".encode()
    entry = folder / f"{hashlib.sha256(key).hexdigest()}.json"
    entry.write_text(json.dumps(poisoned, default=tomlcache._encode), encoding="utf-8")
    assert tomlcache.loads(text) == poisoned  # the cache would serve the poisoned data
    report = verify_package(built.package)
    assert report.verdict is Verdict.VERIFIED, report.problems
    assert report.figures and all(check.ok for check in report.figures)


def test_a_folder_as_the_package_file_is_refused_before_any_work(
    project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``package FILE --out FOLDER`` exported every document and then failed renaming onto the
    folder: an internal error (IsADirectoryError)."""
    from jcm_pdd import cli

    folder = tmp_path / "out"
    folder.mkdir()
    assert cli.main(["package", str(project_file), "--out", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "is a folder; give the package's file name" in err and "internal error" not in err
    assert list(folder.iterdir()) == []

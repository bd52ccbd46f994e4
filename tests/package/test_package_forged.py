"""Forged and hostile packages get a verdict, in bounded work (issue 11 items 5-11).

A tamperer who re-makes every checksum can still not hide a document from the figure check
(every payload document is read, listed in the index or not), nor slip in a file the index
does not account for; the package id is printed in every verify output so a validator can
compare it with the id sent by another channel. Hostile indexes (nested 2,000 deep, lone
surrogates) and a PDD with a giant table give ALTERED, not a crash or minutes of parsing.
Names of packaged documents keep their extension and stay unique however long the title.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import time
import zipfile
from pathlib import Path

import pytest
from bags import with_member
from package_support import Built
from projects import make_project, save
from reseal import edit_docx_xml, reseal

from jcm_pdd import cli
from jcm_pdd.errors import UserError
from jcm_pdd.package import bagit, build_package, docreaders, open_package, verify_package
from jcm_pdd.package.producers import safe_file_name, unique_name
from jcm_pdd.package.report import Verdict


def _index(path: Path) -> dict[str, object]:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read(bagit.INDEX))


def _plain_tamper(src: Path, dst: Path, name: str, data: bytes) -> None:
    """Replace one member without re-making any checksum."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, data if info.filename == name else zin.read(info))


def test_a_pdd_dropped_from_the_index_is_still_figure_checked(built: Built, tmp_path: Path) -> None:
    index = _index(built.package)
    documents = index["documents"]
    assert isinstance(documents, dict)
    member = documents["pdd_public_docx"]

    def forget(data: bytes) -> bytes:
        found = json.loads(data)
        found["documents"].pop("pdd_public_docx")
        found["payload"].pop(member)
        return json.dumps(found).encode()

    forged = tmp_path / "forged.jcmpkg"
    edit = edit_docx_xml("word/document.xml", ">2,791<", ">3,791<")
    reseal(built.package, forged, {member: edit, bagit.INDEX: forget})
    report = verify_package(forged)
    assert report.verdict is Verdict.ALTERED
    bad = [(c.source, c.period, c.stated) for c in report.figures if not c.ok]
    assert (member, "total", "3791") in bad
    assert any(
        p.message == f"{member}: a payload file that {bagit.INDEX} does not account for"
        for p in report.problems
    )


def test_a_payload_file_the_index_does_not_account_for_is_altered(
    built: Built, tmp_path: Path
) -> None:
    slipped = tmp_path / "slipped.jcmpkg"
    shutil.copyfile(built.package, slipped)
    with_member(slipped, "data/documents/readme.txt", b"nothing to see")
    forged = tmp_path / "forged.jcmpkg"
    reseal(slipped, forged, {})  # every checksum re-made, the index left as it was
    report = verify_package(forged)
    assert report.verdict is Verdict.ALTERED
    assert [p.files[0] for p in report.problems] == ["data/documents/readme.txt"]


def test_verify_prints_the_package_id_every_time(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = verify_package(built.package)
    assert report.ok
    assert cli.main(["verify", str(built.package)]) == 0
    out = capsys.readouterr().out
    assert f"  Package id: {report.package_id}" in out.splitlines()
    broken = tmp_path / "broken.jcmpkg"
    broken.write_bytes(b"not a zip")
    assert cli.main(["verify", str(broken)]) == 1
    assert "Package id: (none: the package cannot be read)" in capsys.readouterr().out


def test_a_deeply_nested_index_is_altered_not_a_crash(built: Built, tmp_path: Path) -> None:
    forged = tmp_path / "deep.jcmpkg"
    _plain_tamper(built.package, forged, bagit.INDEX, b"[" * 2000 + b"]" * 2000)
    report = verify_package(forged)
    assert report.verdict is Verdict.ALTERED
    assert any(p.message == f"{bagit.INDEX} is not readable JSON" for p in report.problems)
    with pytest.raises(UserError, match="does not say which file is its project"):
        open_package(forged)  # one clear line, never RecursionError


def test_a_lone_surrogate_in_the_index_is_printed_escaped(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = _index(built.package)
    index["project"] = "data/project/\ud800.jcmpdd"
    forged = tmp_path / "surrogate.jcmpkg"
    _plain_tamper(built.package, forged, bagit.INDEX, json.dumps(index).encode())
    assert cli.main(["verify", str(forged)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("ALTERED") and "data/project/\\ud800.jcmpdd" in out and err == ""
    assert cli.main(["verify", "--json", str(forged)]) == 1
    assert '"verdict": "ALTERED"' in capsys.readouterr().out


def test_a_giant_table_in_a_pdd_is_refused_in_bounded_work(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = _index(built.package)
    documents = index["documents"]
    assert isinstance(documents, dict)
    member = documents["pdd_confidential_docx"]
    row = "<w:tr><w:tc><w:p><w:r><w:t>2030</w:t></w:r></w:p></w:tc></w:tr>"
    forged = tmp_path / "rows.jcmpkg"
    edit = edit_docx_xml(
        "word/document.xml", "</w:body>", f"<w:tbl>{row * 30_000}</w:tbl></w:body>"
    )
    reseal(built.package, forged, {member: edit})
    monkeypatch.setattr(docreaders, "MAX_DOCUMENT_XML", 512 * 1024)  # the forged part is ~1.9 MB
    started = time.perf_counter()
    report = verify_package(forged)
    assert time.perf_counter() - started < 30
    assert report.verdict is Verdict.ALTERED
    assert any(
        p.message.startswith(f"{member}: its figures cannot be read (the document's text")
        for p in report.problems
    ), report.summary()


def test_only_the_first_rows_of_a_table_are_kept() -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    row = "<w:tr><w:tc><w:p><w:r><w:t>2030</w:t></w:r></w:p></w:tc></w:tr>"
    nested = f"<w:tr><w:tc><w:tbl>{row}</w:tbl><w:p><w:r><w:t>outer</w:t></w:r></w:p></w:tc></w:tr>"
    xml = f"<w:document {w}><w:body><w:tbl>{nested}{row * 5000}</w:tbl></w:body></w:document>"
    [rows] = list(docreaders._tables(xml.encode()))
    assert len(rows) == docreaders.MAX_TABLE_ROWS
    assert rows[0] == ["outer"] and rows[1] == ["2030"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("x" * 150 + ".xlsx", "x" * 95 + ".xlsx"),
        ("a" * 120 + ".docx", "a" * 95 + ".docx"),
        ("report.final.pdf", "report.final.pdf"),
        ("no-extension" * 20, ("no-extension" * 20)[:100]),
        ("../../etc/passwd", "passwd"),
        ("...", "file"),
    ],
)
def test_safe_file_names_keep_their_extension(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected
    assert len(safe_file_name(name)) <= 100


def test_unique_names_differ_before_the_extension() -> None:
    taken: set[str] = set()
    long = "d" * 95 + ".docx"
    assert unique_name(long, taken) == long
    second = unique_name(long.upper().replace(".DOCX", ".docx"), taken)
    assert second.endswith("-2.docx") and len(second) <= 100


def test_a_long_reference_number_packages_and_every_document_keeps_its_extension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JCM_PDD_HOME", str(tmp_path / "home"))
    project, store = make_project()
    project.reference_number = "MN" + "1" * 90
    source = save(tmp_path / "longref.jcmpdd", project, store)
    old = os.umask(0o027)
    try:
        built = build_package(source, tmp_path / "longref.jcmpkg", round=1)
    finally:
        os.umask(old)
    names = [n for n in _index(built.path)["payload"] if "/documents/" in n]  # type: ignore[union-attr]
    assert len(names) == len(set(names)) == 8
    assert all(n.rsplit(".", 1)[-1] in ("docx", "pdf", "xlsx") for n in names), names
    report = verify_package(built.path)
    assert report.ok, report.summary()
    checked = {c.source for c in report.figures}
    assert sum(1 for n in names if n.endswith(".xlsx") and n in checked) == 2
    # Written with the user's usual permissions (0666 minus the umask), not mkstemp's 0600.
    if os.name == "posix":
        assert stat.S_IMODE(built.path.stat().st_mode) == 0o640


def test_an_index_nested_within_the_parser_but_deeper_than_an_index_is_altered(
    built: Built, tmp_path: Path
) -> None:
    # 300 levels: json.loads reads it, the report's copy (to_dict) would not (fuzzing found it).
    deep: object = "x"
    for _ in range(150):
        deep = {"a": [deep]}
    index = _index(built.package)
    index["notes"] = deep
    forged = tmp_path / "deep.jcmpkg"
    reseal(built.package, forged, {bagit.INDEX: lambda _data: json.dumps(index).encode()})
    report = verify_package(forged)
    assert report.verdict is Verdict.ALTERED
    assert any("nests deeper than 32 levels" in p.message for p in report.problems)
    assert json.loads(report.to_json())["verdict"] == "ALTERED"


@pytest.mark.parametrize(
    ("equation", "message"),
    [
        ("RE * 0 * " + "(" * 12 + "RE / RE + 9" + ")^4" * 12, "grows beyond"),
        ("RE * 0" + " + 0" * 900, "too long a chain of operations"),
    ],
    ids=["power-tower", "flat-chain"],
)
def test_a_forged_template_of_unbounded_work_is_altered_in_seconds(
    built: Built, tmp_path: Path, equation: str, message: str
) -> None:
    index = _index(built.package)
    member = index["template"]
    assert isinstance(member, str)

    def forge(data: bytes) -> bytes:
        text = data.decode("utf-8")
        start = text.index("[parameters.PE]")
        at = text.index('equation = "0"', start)
        return (
            text[:at] + f'equation = "{equation}"' + text[at + len('equation = "0"') :]
        ).encode()

    forged = tmp_path / "forged.jcmpkg"
    reseal(built.package, forged, {member: forge})
    started = time.perf_counter()
    report = verify_package(forged)
    assert time.perf_counter() - started < 20
    assert report.verdict is Verdict.ALTERED
    [problem] = [p for p in report.problems if p.kind == "recompute"]
    assert message in problem.message and member in problem.files
    assert "PE" in problem.message  # the equation is named
    assert "jcmpkg-verify" not in problem.message  # the packaged name, not a temp path

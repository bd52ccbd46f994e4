"""export_set and the CLI: file names, public/confidential pair, draft vs final, progress."""

from __future__ import annotations

import gc
import io
import os
import shutil
from pathlib import Path

import pytest
from docx import Document as read_docx
from export_factory import SECRET_CITY, filled_project
from openpyxl import load_workbook

import jcm_pdd.export as export_module
from jcm_pdd.cli import main
from jcm_pdd.errors import UserError
from jcm_pdd.export import export_set
from jcm_pdd.paths import sample_project_path
from jcm_pdd.storage import save_project


def _all_text(path: Path) -> str:
    word = read_docx(io.BytesIO(path.read_bytes()))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def test_draft_set_writes_public_and_confidential_copies(tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    paths = export_set(
        filled_project(),
        tmp_path,
        formats={"docx", "pdf", "moc"},
        draft=True,
        progress=lambda d, t, m: seen.append((d, t, m)),
    )
    names = sorted(p.name for p in paths)
    assert names == sorted(
        [
            "for_public_use_JCM_MN_F_PDD_ver03.0_MN099_DRAFT.docx",
            "for_public_use_JCM_MN_F_PDD_ver03.0_MN099_DRAFT.pdf",
            "for_public_use_JCM_MN_F_MoC_ver02.0_MN099_DRAFT.docx",
            "JCM_MN_F_PDD_ver03.0_MN099_DRAFT.docx",
            "JCM_MN_F_PDD_ver03.0_MN099_DRAFT.pdf",
            "JCM_MN_F_MoC_ver02.0_MN099_DRAFT.docx",
        ]
    )
    public = _all_text(tmp_path / "for_public_use_JCM_MN_F_PDD_ver03.0_MN099_DRAFT.docx")
    full = _all_text(tmp_path / "JCM_MN_F_PDD_ver03.0_MN099_DRAFT.docx")
    assert SECRET_CITY not in public and "XXX" in public
    assert SECRET_CITY in full
    assert seen[-1][0] == seen[-1][1] and [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    assert not list(tmp_path.glob(".*partial"))


def test_final_export_is_refused_with_the_reasons(tmp_path: Path) -> None:
    project = filled_project()
    project.pdd.methodology.methodology_id = ""  # nothing can be calculated
    with pytest.raises(UserError) as caught:
        export_set(project, tmp_path / "out", formats={"docx"})
    assert "final export is not possible" in caught.value.message
    assert "no methodology" in caught.value.message or "calculat" in caught.value.message
    assert not (tmp_path / "out").exists()


def test_unknown_format_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Unknown export format: odt"):
        export_set(filled_project(), tmp_path, formats={"odt"}, draft=True)


def test_workbook_from_the_project_monitoring_plan(tmp_path: Path) -> None:
    project = filled_project()
    project.monitoring_plan.default_selections = []
    project.monitoring_plan.monitored[0].estimated_value = None
    with pytest.raises(UserError, match="no estimated value"):  # final: refused with the reason
        export_set(project, tmp_path / "final", formats={"xlsx"}, copies={"confidential"})
    draft = export_set(
        project, tmp_path / "draft", formats={"xlsx"}, draft=True, copies={"confidential"}
    )
    sheet = load_workbook(draft[0])["MPS(input)"]
    assert sheet["D8"].value is None and sheet["D8"].fill.fgColor.rgb == "00FFFF99"  # blank input
    assert sheet["A4"].value == "DRAFT - not for submission"
    project = filled_project()
    project.confidential.append("monitoring_plan.monitored.0.estimated_value")
    paths = export_set(project, tmp_path, formats={"xlsx"}, draft=True)
    names = sorted(p.name for p in paths)
    assert names == [
        "Monitoring_Spreadsheet_JCM_MN_AM003_ver02.0_MN099_DRAFT.xlsx",
        "for_public_use_Monitoring_Spreadsheet_JCM_MN_AM003_ver02.0_MN099_DRAFT.xlsx",
    ]
    public = load_workbook(tmp_path / names[1])["MPS(input)"]
    full = load_workbook(tmp_path / names[0])["MPS(input)"]
    assert full["D8"].value == 18500.5 and public["D8"].value == "XXX"
    assert full["B8"].value == public["B8"].value == "EG_i,p [i = PV-1]"
    # values computed from the hidden input are hidden too; the full copy keeps live formulas
    public_calc = load_workbook(tmp_path / names[1])["MPS(calc_process)"]
    full_calc = load_workbook(tmp_path / names[0])["MPS(calc_process)"]
    hidden = {r[0]: r[2] for r in public_calc.iter_rows(values_only=True) if r[0]}
    shown = {r[0]: r[2] for r in full_calc.iter_rows(values_only=True) if r[0]}
    assert hidden["RE_p"] == hidden["ER_p"] == hidden["ER_p (credited)"] == "XXX"
    assert shown["RE_p"] == "=('MPS(input)'!$D$8*'MPS(input)'!$C$15)"  # EG[PV-1] * EF_RE[PV-1]
    assert hidden["PE_p"] == shown["PE_p"] == "=0"


def test_cli_exports_a_project_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "p.jcmpdd"
    save_project(source, filled_project())
    before = source.read_bytes()
    code = main(
        ["export", str(source), "--out", str(tmp_path / "out"), "--format", "docx", "--draft"]
    )
    assert code == 0
    printed = capsys.readouterr().out.split()
    assert len(printed) == 2 and all(Path(p).is_file() for p in printed)
    assert source.read_bytes() == before  # never alters the user's file


def test_cli_export_runs_without_automatic_collection_and_gives_it_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The export command switches the cyclic collector off while it runs (its speed); a
    caller in the same process gets it back on, even after an error; only the ``jcm-pdd``
    process itself (``ends_process``) leaves it off, since it exits right after."""
    source = tmp_path / "p.jcmpdd"
    save_project(source, filled_project())
    seen: list[bool] = []
    real = export_module.export_set

    def spy(*args: object, **kwargs: object) -> list[Path]:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    command = ["export", str(source), "--out", str(tmp_path / "out"), "--format", "docx"]
    # A caller with the collector on (a GUI test earlier in this process leaves it off: the
    # window's gc_guard collects from a timer for as long as the QApplication lives).
    was_on = gc.isenabled()
    gc.enable()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(export_module, "export_set", spy)
        assert main([*command, "--draft"]) == 0
        assert gc.isenabled()
        assert main(command) == 1  # a final export with errors: a UserError
        assert gc.isenabled()
        try:
            assert main([*command, "--draft"], ends_process=True) == 0
            assert not gc.isenabled()
        finally:
            if was_on:
                gc.enable()
    assert seen == [False, False, False]
    capsys.readouterr()


def test_the_export_folder_is_fsynced_once_after_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each exported file's data is fsynced as it is written; the folder (the renames) once,
    when every file is in place."""
    from jcm_pdd import atomic
    from jcm_pdd.export import api

    out = tmp_path / "out"
    synced: list[list[str]] = []
    files: list[int] = []
    real_fsync, real_folder = os.fsync, atomic.fsync_folder
    monkeypatch.setattr(os, "fsync", lambda fd: (files.append(fd), real_fsync(fd))[1])

    def folder(path: Path) -> None:
        synced.append(sorted(p.name for p in Path(path).iterdir()))
        real_folder(path)

    monkeypatch.setattr(atomic, "fsync_folder", folder)
    monkeypatch.setattr(api, "fsync_folder", folder)
    written = export_set(sample_project_path(), out, parallel=False)
    assert len(written) == 8 and len(files) >= 8
    assert synced == [sorted(p.name for p in written)]


def test_a_file_that_cannot_be_written_is_named_and_the_others_are_written(
    tmp_path: Path,
) -> None:
    """The files are written at the same time; the first that fails (in the set's order) is
    the one the error names, the rest are written, each whole."""
    from jcm_pdd.export.api import write_files

    blocked = [tmp_path / "b.docx", tmp_path / "d.pdf"]
    for folder in blocked:
        (folder / "inside").mkdir(parents=True)  # a non-empty folder cannot be replaced
    names = ["a.xlsx", "b.docx", "c.docx", "d.pdf"]
    files = [(tmp_path / name, name.encode() * 1000) for name in names]
    with pytest.raises(UserError, match="Cannot write .*b\\.docx"):
        write_files(tmp_path, files)
    for name in ("a.xlsx", "c.docx"):
        assert (tmp_path / name).read_bytes() == name.encode() * 1000
    assert all(folder.is_dir() for folder in blocked)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)  # no temp file left


def test_cli_final_export_with_errors_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "p.jcmpdd"
    project = filled_project()
    project.pdd.methodology.methodology_id = ""
    save_project(source, project)
    assert main(["export", str(source), "--out", str(tmp_path / "out")]) == 1
    assert "final export is not possible" in capsys.readouterr().err


def test_cli_batch_exports_each_project_into_its_own_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "good.jcmpdd", tmp_path / "bad.jcmpdd"
    shutil.copyfile(sample_project_path(), good)  # complete: exports as final
    broken = filled_project()
    broken.pdd.methodology.methodology_id = ""
    save_project(bad, broken)
    out = tmp_path / "out"
    code = main(["export", str(good), str(bad), "--out", str(out), "--format", "docx"])
    captured = capsys.readouterr()
    assert code == 1  # one project could not be exported as final
    assert f"{bad}: A final export is not possible" in captured.err
    assert "1 of 2 projects were not exported" in captured.err
    assert len(list((out / "good").glob("*.docx"))) == 2
    assert not (out / "bad").exists()


def test_a_final_export_enters_methodology_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One template lookup and one run of the engine feed every document, the workbook and
    the final export's checks (they used to look the template up and calculate again)."""
    import sys

    from jcm_pdd.methodology.registry import Registry

    estimate_module = sys.modules["jcm_pdd.methodology.estimate"]
    calls: dict[str, int] = {"lookup": 0, "calculate": 0}
    lookup, calculate = Registry.get, estimate_module.calculate

    def counted_lookup(self: Registry, *args: object, **kwargs: object) -> object:
        calls["lookup"] += 1
        return lookup(self, *args, **kwargs)  # type: ignore[arg-type]

    def counted_calculate(*args: object, **kwargs: object) -> object:
        calls["calculate"] += 1
        return calculate(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Registry, "get", counted_lookup)
    monkeypatch.setattr(estimate_module, "calculate", counted_calculate)
    files = export_set(sample_project_path(), tmp_path, parallel=False)  # every format, final
    assert len(files) == 8
    assert calls == {"lookup": 1, "calculate": 1}

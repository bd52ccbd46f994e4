"""``jcm-pdd selftest`` from source: every headless check passes on a sound checkout, and a
damaged installation (a data folder gone) fails it with the reason and exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from jcm_pdd import cli, paths


def test_headless_selftest_passes_and_says_what_it_checked(capsys, tmp_path) -> None:
    assert cli.main(["selftest", "--no-gui", "--keep", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for name in ("data folders", "methodology templates", "sample calculation", "package"):
        assert f"ok  {name}" in out
    assert "credited 29957 tCO2e" in out
    assert "ok  monitoring: periods, reports, verification package" in out
    assert "periods credited 911 + 496 tCO2e" in out
    assert "self-test: 7 of 7 checks passed" in out
    exported = sorted(p.suffix for p in (tmp_path / "export").iterdir())
    assert exported == [".docx"] * 4 + [".pdf"] * 2 + [".xlsx"] * 2
    monitoring = sorted(p.suffix for p in (tmp_path / "monitoring").iterdir())
    assert monitoring == [".docx", ".pdf", ".xlsx"]
    assert (tmp_path / "verification.jcmpkg").is_file()


def test_a_damaged_installation_fails_the_selftest(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "resources"
    empty.mkdir()
    monkeypatch.setattr(paths, "resources_dir", lambda: empty)
    assert cli.main(["selftest", "--no-gui"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  data folders" in out and "mongolia-solar-pv.jcmpdd" in out
    assert "checks passed" in out and "7 of 7" not in out


def test_a_registered_sample_without_periods_fails_the_monitoring_check(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # the sample before registration has no monitoring periods: the check must say so
    monkeypatch.setattr(paths, "registered_sample_path", paths.sample_project_path)
    assert cli.main(["selftest", "--no-gui"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  monitoring: periods, reports, verification package" in out
    assert "0 monitoring periods, not 2" in out
    assert "self-test: 6 of 7 checks passed" in out


def test_pdf_font_reader_tells_embedded_from_referenced_fonts() -> None:
    from jcm_pdd.selftest import pdf_fonts

    data = b"<< /BaseFont /AAAAAA+LiberationSans /FontFile2 3 0 R >> << /BaseFont /Helvetica >>"
    assert pdf_fonts(data) == ({"AAAAAA+LiberationSans", "Helvetica"}, 1)

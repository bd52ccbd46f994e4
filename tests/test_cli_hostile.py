"""The command line with hostile or unlucky input: quiet pipes, escaped text, bounded dates.

Issue 11: ``dump | head`` ends quietly (no BrokenPipe "internal error"), project text with
terminal control sequences is shown escaped, a FIFO is refused at once, and far-future dates in
a calculation input are one clear line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jcm_pdd import cli
from jcm_pdd.storage import save_project

sys.path.insert(0, str(Path(__file__).parent / "storage"))
from storage_builders import sample_project


def _saved(tmp_path: Path, title: str = "Solar") -> Path:
    project = sample_project()
    project.pdd.title = title
    path = tmp_path / "p.jcmpdd"
    save_project(path, project)
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="a closed pipe as stdout is a POSIX setup")
@pytest.mark.parametrize("command", ["dump", "info"])
def test_output_into_a_closed_pipe_ends_quietly(tmp_path: Path, command: str) -> None:
    path = _saved(tmp_path)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader (``head``) has gone
    try:
        done = subprocess.run(
            [sys.executable, "-m", "jcm_pdd", command, str(path)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.stderr == b""
    assert done.returncode == 1


def test_info_shows_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _saved(tmp_path, "Solar \x1b]0;PWNED\x07\x1b[2J\x9b31m")
    assert cli.main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Solar \\x1b]0;PWNED\\x07\\x1b[2J\\x9b31m" in out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "\n" in out and "Title:" in out  # lines and layout kept


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
@pytest.mark.parametrize("command", ["info", "verify", "dump", "check"])
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / ("p.jcmpkg" if command == "verify" else "p.jcmpdd")
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "jcm_pdd", command, str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "not a regular file" in done.stdout + done.stderr
    assert "internal error" not in done.stderr


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("lifetime_years = 100000000", "operational lifetime must be a whole number"),
        ("end_year = 9999", "last year of the estimate must be a year from 2000 to 2200"),
        ("lifetime_years = 10\nend_year = -5", "last year of the estimate"),
    ],
)
def test_far_future_dates_are_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    source = tmp_path / "input.toml"
    source.write_text(
        f'methodology = "JCM_MN_AM003"\nstart_date = 2027-04-01\n{line}\n', encoding="utf-8"
    )
    assert cli.main(["calc", str(source)]) == 1
    err = capsys.readouterr().err
    assert message in err and "internal error" not in err
    assert err.count("\n") == 1


def test_a_far_future_start_date_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "input.toml"
    source.write_text(
        'methodology = "JCM_MN_AM003"\nstart_date = 9999-04-01\nlifetime_years = 5\n',
        encoding="utf-8",
    )
    assert cli.main(["calc", str(source)]) == 1
    assert "must fall between 2000 and 2200" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
@pytest.mark.parametrize(
    "command",
    [
        ["calc", "{fifo}.toml"],
        ["templates", "check", "{fifo}.toml"],
        ["review", "show", "{fifo}.jcmreview"],
        ["templates", "list", "--templates", "{folder}"],
    ],
    ids=["calc", "templates-check", "review", "templates-folder"],
)
def test_text_inputs_that_are_pipes_are_refused_not_waited_on(
    tmp_path: Path, command: list[str]
) -> None:
    fifo = tmp_path / "input"
    folder = tmp_path / "templates"
    folder.mkdir()
    os.mkfifo(folder / "JCM_XX_AM001_ver01.0.toml")  # a pipe among the templates
    args = [part.format(fifo=fifo, folder=folder) for part in command]
    if args[-1] != str(folder):
        os.mkfifo(args[-1])
    done = subprocess.run(
        [sys.executable, "-m", "jcm_pdd", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "internal error" not in done.stderr
    if command[0] == "templates" and command[1] == "list":
        assert done.returncode == 0  # the pipe is skipped, the shipped templates listed
    else:
        assert done.returncode == 1 and "not a regular file" in done.stderr


def test_dump_shows_control_characters_as_json_escapes(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    import json
    import zipfile

    path = _saved(tmp_path, "Solar \x9b31m \x7f end")  # C1 and DEL: json.dumps keeps them raw
    assert cli.main(["dump", str(path)]) == 0
    out = capsysbinary.readouterr().out
    assert b"\xc2\x9b" not in out and b"\x7f" not in out
    assert json.loads(out)["pdd"]["title"] == "Solar \x9b31m \x7f end"  # the same JSON
    # A hand-made project.json with a raw escape sequence inside a string (invalid JSON).
    forged = tmp_path / "forged.jcmpdd"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(forged, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "project.json":
                data = data.replace(b"Solar", b"\x1b]0;PWNED\x07\x1b[2J")
            target.writestr(info, data)
    assert cli.main(["dump", str(forged)]) == 0
    out = capsysbinary.readouterr().out
    assert b"\x1b" not in out and b"\\u001b]0;PWNED\\u0007\\u001b[2J" in out


@pytest.mark.parametrize(
    ("command", "name"),
    [(["calc"], "input.toml"), (["review", "show"], "r.jcmreview")],
    ids=["calc", "review"],
)
def test_a_folder_in_place_of_a_text_input_is_named_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], name: str
) -> None:
    """It was "[Errno 22] not a regular file (a pipe, device or socket): '/tmp/...'"."""
    folder = tmp_path / name
    folder.mkdir()
    assert cli.main([*command, str(folder)]) == 1
    err = capsys.readouterr().err
    assert "it is a folder, not a file" in err and "Errno" not in err and "pipe" not in err


def test_a_calculation_input_saved_with_a_byte_order_mark_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "input.toml"
    source.write_bytes(
        b'\xef\xbb\xbfmethodology = "JCM_MN_AM003"\r\nstart_date = 2027-04-01\r\n'
        b"lifetime_years = 5\r\n"
    )
    cli.main(["calc", str(source)])
    err = capsys.readouterr().err
    assert "not valid TOML" not in err  # it was refused at line 1, column 1
    assert "no Solar PV system (index set i) is listed" in err  # read: the input is incomplete


def test_a_version_that_is_not_text_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``version = 1`` ended as an internal error ('int' object has no attribute 'strip')."""
    source = tmp_path / "input.toml"
    source.write_text('methodology = "JCM_MN_AM003"\nversion = 2\n', encoding="utf-8")
    assert cli.main(["calc", str(source)]) == 1
    err = capsys.readouterr().err
    assert 'version must be text such as version = "02.0"' in err and "internal" not in err

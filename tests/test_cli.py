"""The command-line dispatcher: exit codes and one-line errors."""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

import pytest

from jcm_pdd import cli
from jcm_pdd.errors import UserError
from tests.fresh_python import fresh_python


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["no-such-command"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_user_errors_are_one_line_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["info", "/nonexistent/project.jcmpdd"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("jcm-pdd: error:") and "\n" not in err


def _parser_with(handler: Any) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jcm-pdd")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("boom").set_defaults(handler=handler)
    return parser


def test_an_unexpected_exception_is_reported_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(_args: argparse.Namespace) -> int:
        raise KeyError("surprise")

    monkeypatch.setattr(cli, "build_parser", lambda: _parser_with(boom))
    monkeypatch.delenv("JCM_PDD_DEBUG", raising=False)
    assert cli.main(["boom"]) == 1
    err = capsys.readouterr().err
    assert "internal error (KeyError" in err and "Traceback" not in err
    from jcm_pdd.crashlog import log_path

    assert str(log_path()) in err  # the traceback is kept in the crash log, not lost
    log = log_path().read_text(encoding="utf-8")
    assert "jcm-pdd boom" in log and "KeyError: 'surprise'" in log and "Traceback" in log
    monkeypatch.setenv("JCM_PDD_DEBUG", "1")
    with pytest.raises(KeyError):
        cli.main(["boom"])


def test_an_internal_failure_worded_for_the_user_keeps_its_trace(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def render(_args: argparse.Namespace) -> int:
        try:
            raise ZeroDivisionError("inside a renderer")
        except ZeroDivisionError as exc:
            raise UserError("The PDD (PDF) could not be drawn (a bug).") from exc

    monkeypatch.setattr(cli, "build_parser", lambda: _parser_with(render))
    monkeypatch.delenv("JCM_PDD_DEBUG", raising=False)
    assert cli.main(["boom"]) == 1
    assert capsys.readouterr().err == "jcm-pdd: error: The PDD (PDF) could not be drawn (a bug).\n"
    from jcm_pdd.crashlog import log_path

    log = log_path().read_text(encoding="utf-8")
    assert "ZeroDivisionError: inside a renderer" in log and "jcm-pdd boom" in log


def test_user_error_message_is_kept_verbatim(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fail(_args: argparse.Namespace) -> int:
        raise UserError("the methodology JCM_XX_AM999 is not known")

    monkeypatch.setattr(cli, "build_parser", lambda: _parser_with(fail))
    assert cli.main(["boom"]) == 1
    out, err = capsys.readouterr()
    assert err == "jcm-pdd: error: the methodology JCM_XX_AM999 is not known\n"
    assert out == ""


def test_the_command_entry_point_exits_with_the_command_status(tmp_path) -> None:
    """``python -m jcm_pdd`` (like the ``jcm-pdd`` script) ends the process with main()'s code."""

    missing = subprocess.run(
        [sys.executable, "-m", "jcm_pdd", "info", str(tmp_path / "none.jcmpdd")],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 1 and missing.stderr.startswith("jcm-pdd: error:")
    version = subprocess.run(
        [sys.executable, "-m", "jcm_pdd", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and version.stdout.startswith("jcm-pdd ")


def test_a_command_imports_only_its_own_module() -> None:
    """``jcm-pdd COMMAND`` builds only that command's parser (every start paid 10-25 ms for
    all fifteen); the whole parser is still there for ``--help`` and unknown commands."""
    script = (
        "import sys\n"
        "from jcm_pdd import cli\n"
        "from jcm_pdd.paths import sample_project_path\n"
        "assert cli.main(['info', str(sample_project_path())]) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith('jcm_pdd.commands.')))\n"
    )
    assert fresh_python(script).strip().splitlines()[-1] == "['jcm_pdd.commands.info']"
    assert cli.main(["no-such-command"]) == 2  # the whole parser names every command

"""``jcm-pdd FILE`` (how a desktop starts the app for a double-clicked file) means ``open FILE``;
a review file opens its package. Only the refusals are tested here (no window opens); the
windows themselves are in tests/gui/test_open_file_gui.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jcm_pdd import cli
from jcm_pdd.commands.open import target_for
from jcm_pdd.errors import UserError
from jcm_pdd.package.review import Review, package_for_review, save_review
from jcm_pdd.paths import sample_project_path


def test_a_bare_missing_file_is_refused_in_words_not_as_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert cli.main([str(tmp_path / "gone.jcmpdd")]) == 1  # was exit 2: "invalid choice"
    assert "gone.jcmpdd' does not exist" in capsys.readouterr().err


def test_commands_and_options_still_win_over_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert cli.main(["nosuchcommand"]) == 2  # neither a command nor a file: usage error
    assert "invalid choice" in capsys.readouterr().err


def test_a_review_opens_the_package_beside_it(tmp_path: Path) -> None:
    review = save_review(Review(project_title="Darkhan"), tmp_path / "round2.jcmreview")
    package = tmp_path / "round2.jcmpkg"
    package.write_bytes(b"PK")
    assert target_for(review) == review  # the window maps it (and words a missing package)
    assert package_for_review(review) == package


def test_a_review_without_its_package_names_what_is_missing(tmp_path: Path) -> None:
    review = Review(project_title="Darkhan")
    review.record_package(1, "ab" * 32, "round1.jcmpkg")
    path = save_review(review, tmp_path / "darkhan.jcmreview")
    with pytest.raises(UserError, match="'darkhan.jcmpkg', which is not in the same folder"):
        package_for_review(path)
    with pytest.raises(UserError, match="latest round was 'round1.jcmpkg'"):
        package_for_review(path)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="is a folder"):
        target_for(tmp_path)


def test_without_a_console_output_goes_nowhere_and_the_command_still_works() -> None:
    # The windowed Windows app has no stdout/stderr (None): what a command prints is dropped,
    # instead of failing the command halfway.
    script = (
        "import sys; sys.stdout = None; sys.stderr = None\n"
        f"sys.argv = ['jcm-pdd', 'info', {str(sample_project_path())!r}]\n"
        "from jcm_pdd.cli import entry\n"
        "entry()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout == ""

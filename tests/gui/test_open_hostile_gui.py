"""The window's open path with broken, truncated, hostile and newer files of every kind.

Each file is opened as the user would (``open_path``, what File > Open, a recent file and a
double-click run): the window raises nothing, tells the user in one message without a Python
type or traceback, and never changes the file (a package refused keeps the window as it
was). A project that opens and is saved under a new name opens again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from jcm_pdd.package.review import Review, review_for_package, save_review
from jcm_pdd.storage import ProjectLock, load_project
from tests.fuzz.fuzz_harness import rewrite_member
from tests.gui.review_packages import built_rounds, copy_into

PYTHON_WORDS = ("Traceback", "Error:", "KeyError", "TypeError", "<class", "object at 0x")


def _project_json(edit: Callable[[dict], object]) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        def apply(body: bytes) -> bytes:
            project = json.loads(body)
            result = edit(project)
            return json.dumps(project if result is None else result).encode()

        return rewrite_member(data, "project.json", apply)

    return change


PROJECT_CASES: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda d: b"",
    "cut in half": lambda d: d[: len(d) // 2],
    "cut at the end record": lambda d: d[:-10],
    "one byte flipped in the directory": lambda d: d[:-30] + bytes([d[-30] ^ 0xFF]) + d[-29:],
    "project.json a list": _project_json(lambda p: [1, 2]),
    "title a number": _project_json(lambda p: p["pdd"].__setitem__("title", 12)),
    "sites a string": _project_json(lambda p: p["pdd"].__setitem__("sites", "x")),
    "deep nesting": lambda d: rewrite_member(d, "project.json", lambda b: b"[" * 100_000),
    "lone surrogate": _project_json(lambda p: p["pdd"].__setitem__("title", "\ud800")),
}


@pytest.mark.parametrize("case", PROJECT_CASES, ids=list(PROJECT_CASES))
def test_a_broken_project_is_refused_in_one_message(
    window, answers, project_file: Path, tmp_path: Path, case: str
) -> None:
    path = tmp_path / "broken.jcmpdd"
    path.write_bytes(PROJECT_CASES[case](project_file.read_bytes()))
    before = hashlib.sha256(path.read_bytes()).digest()
    assert not window.open_path(path)
    (message,) = answers["asked"]
    assert "broken.jcmpdd" in message and not any(w in message for w in PYTHON_WORDS), message
    assert hashlib.sha256(path.read_bytes()).digest() == before


def test_a_folder_named_like_a_project_is_refused(window, answers, tmp_path: Path) -> None:
    folder = tmp_path / "folder.jcmpdd"
    folder.mkdir()
    assert not window.open_path(folder)
    (message,) = answers["asked"]
    assert "folder" in message and not any(w in message for w in PYTHON_WORDS)


def test_a_newer_project_opens_read_only_and_a_copy_saved_opens_again(
    window, answers, project_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "newer.jcmpdd"
    data = project_file.read_bytes()
    data = rewrite_member(
        data, "manifest.json", lambda b: b.replace(b'"format_version": 2', b'"format_version": 99')
    )
    path.write_bytes(_project_json(lambda p: p.__setitem__("format_version", 99))(data))
    before = hashlib.sha256(path.read_bytes()).digest()
    if not window.open_path(path):  # refused: the message names the newer version
        (message,) = answers["asked"]
        assert "newer" in message and not any(w in message for w in PYTHON_WORDS)
        return
    assert window.session is not None and window.session.read_only
    assert hashlib.sha256(path.read_bytes()).digest() == before


def test_a_project_that_opens_is_saved_and_opens_again(
    window, answers, project_file: Path, tmp_path: Path
) -> None:
    """Hostile but valid text (terminal escapes, a right-to-left override, NFD, CRLF) survives
    a save and a second open unchanged."""
    path = tmp_path / "odd.jcmpdd"
    odd = "Solar \x1b[2J \u202eexe.txt e\u0301 line\r\nnext"
    path.write_bytes(
        _project_json(lambda p: p["pdd"].__setitem__("title", odd))(project_file.read_bytes())
    )
    assert window.open_path(path), answers["asked"]
    again = tmp_path / "again.jcmpdd"
    assert window._save_to(again)  # what Save As does once the dialog named the file
    assert load_project(again).project.pdd.title == odd
    assert window.open_path(again)
    assert window.session.project.pdd.title == odd


def _type_into_title(window, qtbot, text: str) -> None:
    page = window.view.show_section(window.view.section_of_path("pdd.title"))
    edit = page.binding("pdd.title").editor
    edit.setFocus()
    edit.end(False)
    qtbot.keyClicks(edit, text)


def test_a_project_that_cannot_open_leaves_the_open_one_with_its_changes(
    window, answers, project_file: Path, tmp_path: Path, qtbot
) -> None:
    """The file asked for is read before the open document is closed: a refusal neither asks
    about the unsaved changes nor leaves the user on the start page."""
    assert window.open_path(project_file)
    shown = window.session
    _type_into_title(window, qtbot, " v2")
    assert shown.is_dirty
    broken = tmp_path / "broken.jcmpdd"
    broken.write_bytes(project_file.read_bytes()[:-10])
    assert not window.open_path(broken)
    (message,) = answers["asked"]  # the refusal only: no "Save the changes…?" first
    assert "broken.jcmpdd" in message
    assert window.session is shown and shown.is_dirty
    assert shown.project.pdd.title.endswith(" v2")
    assert window.stack.currentWidget() is window.view


def test_cancel_at_the_save_question_keeps_the_document_and_frees_the_other_file(
    window, answers, project_file: Path, tmp_path: Path, qtbot
) -> None:
    other = tmp_path / "other.jcmpdd"
    other.write_bytes(project_file.read_bytes())
    assert window.open_path(project_file)
    shown = window.session
    _type_into_title(window, qtbot, " v2")
    answers["question"] = QMessageBox.StandardButton.Cancel
    assert not window.open_path(other)
    (question,) = answers["asked"]
    assert "Save the changes" in question
    assert window.session is shown and shown.is_dirty
    assert ProjectLock(other).holder() is None  # opened and checked, then let go
    answers["question"] = QMessageBox.StandardButton.Discard  # so the window closes after


PACKAGE_CASES: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda d: b"",
    "cut in half": lambda d: d[: len(d) // 2],
    "not a zip": lambda d: b"%PDF-1.7\n" + d[:100],
    "index a list": lambda d: rewrite_member(d, "package-index.json", lambda b: b"[]"),
}


@pytest.mark.parametrize("case", PACKAGE_CASES, ids=list(PACKAGE_CASES))
def test_a_broken_package_is_refused_and_the_window_keeps_its_document(
    window, answers, project_file: Path, tmp_path: Path, tmp_path_factory, case: str
) -> None:
    good = built_rounds(tmp_path_factory).round1
    path = tmp_path / "broken.jcmpkg"
    path.write_bytes(PACKAGE_CASES[case](good.read_bytes()))
    before = hashlib.sha256(path.read_bytes()).digest()
    assert window.open_path(project_file)
    shown = window.session
    opened = window.open_path(path)
    assert answers["asked"], "the user was told nothing"
    for message in answers["asked"]:
        assert not any(w in message for w in PYTHON_WORDS), message
    if not opened:
        assert window.session is shown
    assert hashlib.sha256(path.read_bytes()).digest() == before


REVIEW_CASES: dict[str, Callable[[bytes], bytes]] = {
    "newer format": lambda b: b.replace(b'"format_version": 1', b'"format_version": 7'),
    "lone surrogate": lambda b: b.replace(b'"Darkhan"', b'"Dark\\ud800han"'),
    "truncated": lambda b: b[: len(b) // 2],
    "findings a string": lambda b: b.replace(b'"findings": []', b'"findings": "x"'),
}


@pytest.mark.parametrize("case", REVIEW_CASES, ids=list(REVIEW_CASES))
def test_a_broken_review_beside_its_package_is_told(
    window, answers, tmp_path: Path, tmp_path_factory, case: str
) -> None:
    package = copy_into(built_rounds(tmp_path_factory).round1, tmp_path / "validator")
    review, review_path = review_for_package(package, 1, "ab" * 32, "Darkhan")
    save_review(review, review_path)
    review_path.write_bytes(REVIEW_CASES[case](review_path.read_bytes()))
    before = hashlib.sha256(review_path.read_bytes()).digest()
    window.open_path(review_path)
    assert answers["asked"], "the user was told nothing"
    for message in answers["asked"]:
        assert not any(w in message for w in PYTHON_WORDS), message
    assert hashlib.sha256(review_path.read_bytes()).digest() == before
    assert isinstance(Review, type)

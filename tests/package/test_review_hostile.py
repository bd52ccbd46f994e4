"""A hostile, damaged or newer review file (``.jcmreview``), through every command that reads it.

Mutations of a real review (the app's own writer, with findings, a response and a sign-off):
each value swapped for another JSON type, a huge number or string, control characters, a
right-to-left override, a lone surrogate escape, deep nesting; truncation at any byte; a future
format version; a byte-order mark; a folder in its place. For each: ``review show`` (text, JSON,
against a package) and ``review export`` end in success or one user-worded line, never an
internal error; the file's bytes are unchanged; and a review that loads saves and loads again.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from package_support import Built

from jcm_pdd import cli
from jcm_pdd.errors import UserError
from jcm_pdd.package.diff import load_side
from jcm_pdd.package.review import Review, load_review, save_review

HOSTILE: list[Any] = [
    None,
    True,
    -1,
    0,
    10**40,
    1.5,
    "",
    "x",
    "\x00\x01\x0b\x1b[2J",
    "\u202eexe.txt",
    "e\u0301 \u00e9",
    "\ufffe\uffff",
    "A" * 20_000,
    "9999-99-99",
    "2026-12-05T22:37:44+99:00",
    [],
    {},
    [1, "a"],
    {"unexpected": 1},
]


@pytest.fixture(scope="module")
def review_bytes(built: Built) -> bytes:
    """A review as the app writes it: findings (one answered), a sign-off, a package round."""
    side = load_side(built.package)
    review = Review(project_title="Rooftop PV in Darkhan")
    review.record_package(1, side.package_id, built.package.name, verdict="VERIFIED")
    review.raise_finding("CAR", "PDD:C.3", "The estimate is not evidenced.", "T. Auditor")
    review.raise_finding("CL", "pdd.sites.0.latitude", "Confirm the coordinates.", "T. Auditor")
    review.respond("CL-01", "Checked on site.")
    review.sign_off("PDD:C.3", side.project, side.figures, reviewer="T. Auditor")
    path = save_review(review, built.folder / "written.jcmreview")
    return path.read_bytes()


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for n, value in enumerate(data[:2]):
            found += _paths(value, (*prefix, n))
    return found


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return data


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _readers(path: Path, package: Path, out: Path) -> list[list[str]]:
    return [
        ["review", "show", str(path)],
        ["review", "show", str(path), "--json"],
        ["review", "show", str(path), "--package", str(package)],
        ["review", "export", str(path), "--out", str(out)],
    ]


def _check_every_reader(
    path: Path, built: Built, capsys: pytest.CaptureFixture[str], tmp: Path
) -> None:
    before = hashlib.sha256(path.read_bytes()).digest()
    out = tmp / "out"
    out.mkdir(exist_ok=True)
    for argv in _readers(path, built.package, out):
        code = cli.main(argv)
        err = capsys.readouterr().err
        assert code in (0, 1), (argv, err)
        if code == 1:
            assert err.startswith("jcm-pdd: error: ") and err.count("\n") == 1, err
            assert "internal error" not in err and "Traceback" not in err, err
    assert hashlib.sha256(path.read_bytes()).digest() == before, "the review was changed"
    try:
        review = load_review(path)
    except UserError:
        return
    again = save_review(review, tmp / "again.jcmreview")  # what the app saves opens again
    assert load_review(again) == review


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_mutated_review_is_read_or_refused_in_words(
    data: st.DataObject,
    review_bytes: bytes,
    built: Built,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    tmp = tmp_path_factory.mktemp("mutated")
    original = json.loads(review_bytes)
    kind = data.draw(st.sampled_from(["value", "value", "value", "truncate", "nest"]))
    if kind == "truncate":
        body = review_bytes[: data.draw(st.integers(0, len(review_bytes) - 1))]
    else:
        place = data.draw(st.sampled_from(_paths(original)))
        value = data.draw(st.sampled_from(HOSTILE)) if kind == "value" else "\x00nested\x00"
        text = json.dumps(_set(original, place, value))
        body = text.replace('"\\u0000nested\\u0000"', _nested(100_000)).encode()
    path = tmp / "mutated.jcmreview"
    path.write_bytes(body)
    _check_every_reader(path, built, capsys, tmp)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda b: b.replace(b'"format_version": 1', b'"format_version": 2'), "newer version"),
        (lambda b: b.replace(b"Confirm", b"\\ud800Confirm"), "not valid Unicode"),
        (lambda b: b"", "not valid JSON"),
        (lambda b: b"[" * 100_000, "not valid JSON"),
        (lambda b: b.replace(b'"round": 1', b'"round": ' + b"9" * 5000, 1), "not valid JSON"),
    ],
    ids=["newer", "lone-surrogate", "empty", "deep", "long-number"],
)
def test_a_review_that_cannot_be_read_says_why(
    review_bytes: bytes,
    built: Built,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    edit: Any,
    message: str,
) -> None:
    """A newer review format was "format_version: Input should be 1"; a lone surrogate loaded
    and then made every save of the review fail (it cannot be written as UTF-8)."""
    path = tmp_path / "r.jcmreview"
    path.write_bytes(edit(review_bytes))
    with pytest.raises(UserError, match=message):
        load_review(path)
    _check_every_reader(path, built, capsys, tmp_path)


def test_a_byte_order_mark_is_not_damage(review_bytes: bytes, tmp_path: Path) -> None:
    """A review opened and saved again in Notepad starts with a BOM; it was "not valid JSON"."""
    path = tmp_path / "r.jcmreview"
    path.write_bytes(b"\xef\xbb\xbf" + review_bytes.replace(b"\n", b"\r\n"))
    assert load_review(path).findings[0].id == "CAR-01"


def test_control_characters_in_findings_still_export(
    review_bytes: bytes, built: Built, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Word and Excel files cannot hold C0 control characters: the export failed as an internal
    error. They are left out of the table; the review keeps them."""
    path = tmp_path / "r.jcmreview"
    path.write_bytes(review_bytes.replace(b"Confirm", b"Con\\u0001fi\\u000brm\\u001b[2J"))
    out = tmp_path / "out"
    out.mkdir()
    assert cli.main(["review", "export", str(path), "--out", str(out)]) == 0, capsys.readouterr()
    import docx
    import openpyxl

    table = docx.Document(str(out / "r-findings.docx")).tables[0]
    assert "Confirm[2J the coordinates." in [c.text for c in table.rows[2].cells]
    sheet = openpyxl.load_workbook(out / "r-findings.xlsx").active
    assert sheet is not None
    assert sheet.cell(3, 4).value == "Confirm[2J the coordinates."
    assert "\x01" in load_review(path).findings[1].text  # the file itself is as it was


def test_a_folder_in_place_of_the_review_is_one_line(
    built: Built, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "r.jcmreview"
    folder.mkdir()
    assert cli.main(["review", "show", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("jcm-pdd: error: ") and "internal error" not in err

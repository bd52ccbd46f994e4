"""A damaged or hand-edited preferences file never stops the app from starting.

The preferences file lives in the user's config folder and is read at every start; the start
page then opens every recent file to show its title. JSON nested deeper than the parser goes
raised RecursionError, and a recent file named with a NUL or a lone surrogate crashed the
start page (ValueError / UnicodeEncodeError from open()).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jcm_pdd.gui.preferences import MAX_RECENT, Preferences
from jcm_pdd.gui.start_page import StartPage

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = ["language", "reviewer_name", "recent_files", "geometry", "window_state"]


@pytest.fixture
def prefs_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JCM_PDD_HOME", str(tmp_path / "home"))
    path = Preferences.file()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _loaded_is_usable(prefs: Preferences) -> None:
    assert prefs.language in ("en", "ja")
    for name in ("reviewer_name", "geometry", "window_state", "review_window_state"):
        assert isinstance(getattr(prefs, name), str)
    assert isinstance(prefs.recent_files, list) and len(prefs.recent_files) <= MAX_RECENT
    for name in prefs.recent_files:
        Path(name).exists()  # raised for a NUL or a lone surrogate before
        name.encode("utf-8")


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(values=st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=5))
def test_any_json_values_give_usable_preferences(prefs_file: Path, values: dict[str, Any]) -> None:
    prefs_file.write_text(json.dumps(values), encoding="utf-8")
    _loaded_is_usable(Preferences.load())


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000,
        b'{"recent_files": ' + b"[" * 100_000,
        b"\xff\xfe{}",
        b"",
        b'{"recent_files": ["' + b"x" * (2 << 20) + b'"]}',
    ],
    ids=["deep", "deep-inside", "utf16", "empty", "huge"],
)
def test_an_unreadable_file_gives_the_defaults(prefs_file: Path, body: bytes) -> None:
    prefs_file.write_bytes(body)
    assert Preferences.load() == Preferences()


def test_a_byte_order_mark_keeps_the_preferences(prefs_file: Path) -> None:
    prefs_file.write_bytes(b'\xef\xbb\xbf{"language": "ja"}\r\n')
    assert Preferences.load().language == "ja"


def test_recent_files_no_file_system_can_name_are_dropped_and_the_start_page_shows(
    prefs_file: Path, tmp_path: Path, window: Any
) -> None:
    real = tmp_path / "kept.jcmpdd"
    names = ["a\x00b.jcmpdd", "\ud800.jcmpkg", "x.jcmreview\x00", str(real)]
    prefs_file.write_text(json.dumps({"recent_files": names}), encoding="utf-8")
    prefs = Preferences.load()
    assert prefs.recent_files == [str(real)]
    page = StartPage(window)
    page.refresh(prefs.recent_files)
    assert page.table.rowCount() == 1

"""ChangeHistory: merge rules, undo/redo, clean index and dirty state."""

from __future__ import annotations

import pytest

from jcm_pdd.session.history import Change, ChangeHistory


def test_consecutive_edits_of_one_field_merge_within_window() -> None:
    h = ChangeHistory(merge_window=2.0)
    assert h.record(Change("pdd.title", "", "S", at=0.0)) is False
    assert h.record(Change("pdd.title", "S", "So", at=0.5)) is True
    assert h.record(Change("pdd.title", "So", "Sol", at=1.0)) is True
    assert len(h.steps) == 1
    assert h.steps[0].old == "" and h.steps[0].new == "Sol"


def test_edits_outside_window_or_of_other_field_do_not_merge() -> None:
    h = ChangeHistory(merge_window=2.0)
    h.record(Change("pdd.title", "", "a", at=0.0))
    h.record(Change("pdd.title", "a", "ab", at=5.0))
    h.record(Change("pdd.description", "", "x", at=5.1))
    assert [s.path for s in h.steps] == ["pdd.title", "pdd.title", "pdd.description"]


def test_row_changes_never_merge() -> None:
    h = ChangeHistory()
    h.record(Change("pdd.sites", [], [1], kind="rows", at=0.0))
    h.record(Change("pdd.sites", [1], [1, 2], kind="rows", at=0.1))
    assert len(h.steps) == 2


def test_undo_redo_and_dirty_state() -> None:
    h = ChangeHistory()
    assert not h.is_dirty and not h.can_undo()
    h.record(Change("a", 1, 2, at=0.0))
    h.record(Change("b", 1, 2, at=0.0))
    assert h.is_dirty
    h.mark_clean()
    assert not h.is_dirty
    assert h.undo().path == "b"
    assert h.is_dirty
    assert h.redo().path == "b"
    assert not h.is_dirty
    with pytest.raises(IndexError):
        h.redo()


def test_no_merge_into_the_saved_step() -> None:
    h = ChangeHistory()
    h.record(Change("pdd.title", "", "a", at=0.0))
    h.mark_clean()
    assert h.record(Change("pdd.title", "a", "ab", at=0.1)) is False
    assert h.is_dirty
    h.undo()
    assert not h.is_dirty  # back at the saved state


def test_new_edit_after_undo_drops_redo_tail_and_unreachable_clean_mark() -> None:
    h = ChangeHistory()
    h.record(Change("a", 0, 1, at=0.0))
    h.record(Change("b", 0, 1, at=10.0))
    h.mark_clean()
    h.undo()
    h.undo()
    h.record(Change("c", 0, 1, at=20.0))
    assert not h.can_redo()
    assert [s.path for s in h.steps] == ["c"]
    h.undo()
    assert h.is_dirty  # the saved state (a and b applied) can no longer be reached


def test_listeners_are_told_of_every_move() -> None:
    h = ChangeHistory()
    calls: list[int] = []
    h.listeners.append(lambda: calls.append(h.index))
    h.record(Change("a", 0, 1, at=0.0))
    h.undo()
    h.redo()
    assert calls == [1, 0, 1]

"""DocumentSession: validated edits, undo/redo on the live project, rows, read-only."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from jcm_pdd.model import Project, Site
from jcm_pdd.session import DocumentSession, ReadOnlyError


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _session() -> tuple[DocumentSession, FakeClock]:
    clock = FakeClock()
    return DocumentSession(Project(), clock=clock), clock


def test_typing_merges_and_undo_restores_value() -> None:
    s, clock = _session()
    for text in ("S", "So", "Sol", "Solar"):
        clock.now += 0.2
        s.set_value("pdd.title", text)
    assert s.project.pdd.title == "Solar"
    assert len(s.history.steps) == 1
    s.undo()
    assert s.project.pdd.title == ""
    s.redo()
    assert s.project.pdd.title == "Solar"


def test_unchanged_value_records_nothing() -> None:
    s, _ = _session()
    assert s.set_value("pdd.title", "") is None
    assert not s.is_dirty


def test_invalid_value_is_refused_and_nothing_recorded() -> None:
    s, _ = _session()
    s.insert_row("pdd.sites")
    steps = len(s.history.steps)
    with pytest.raises(ValidationError):
        s.set_value("pdd.sites.0.latitude", Decimal("123"))
    assert s.project.pdd.sites[0].latitude is None
    assert len(s.history.steps) == steps


def test_rows_insert_remove_undo() -> None:
    s, clock = _session()
    s.insert_row("pdd.sites")
    clock.now += 10
    s.set_value("pdd.sites.0.city", "Darkhan")
    s.insert_row("pdd.sites", row=Site(city="Erdenet"))
    assert [x.city for x in s.project.pdd.sites] == ["Darkhan", "Erdenet"]
    s.remove_row("pdd.sites", 0)
    assert [x.city for x in s.project.pdd.sites] == ["Erdenet"]
    s.undo()
    assert [x.city for x in s.project.pdd.sites] == ["Darkhan", "Erdenet"]
    s.undo()
    s.undo()
    assert s.project.pdd.sites[0].city == ""
    s.undo()
    assert s.project.pdd.sites == []


def test_recorded_steps_are_not_aliased_to_live_rows() -> None:
    s, clock = _session()
    s.insert_row("pdd.sites")
    clock.now += 10
    s.set_value("pdd.sites.0.city", "A")
    s.undo()
    s.undo()
    s.redo()
    assert s.project.pdd.sites[0].city == ""  # the row as it was when inserted


def test_new_row_has_the_table_type() -> None:
    s, _ = _session()
    assert type(s.new_row("monitoring_plan.structure")).__name__ == "StructureRole"
    with pytest.raises(TypeError):
        s.new_row("pdd.title")


def test_read_only_refuses_every_edit() -> None:
    s = DocumentSession(Project(), read_only="locked by another user")
    with pytest.raises(ReadOnlyError):
        s.set_value("pdd.title", "x")
    with pytest.raises(ReadOnlyError):
        s.insert_row("pdd.sites")
    assert s.project == Project()


def test_listeners_revision_and_mark_saved(tmp_path: Path) -> None:
    s, _ = _session()
    seen: list[str] = []
    s.listeners.append(seen.append)
    s.set_value("pdd.title", "x")
    s.undo()
    assert seen == ["pdd.title", "pdd.title"]
    assert s.revision == 2
    s.redo()
    s.mark_saved(tmp_path / "a.jcmpdd")
    assert not s.is_dirty and s.display_name == "a.jcmpdd"

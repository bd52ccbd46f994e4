"""Confidential marks belong to values, not to row numbers (issue 13, item 1).

The issue's reproducers: mark the second E.2 comment, remove the first row: the public copy
must still hide that comment and nothing else; move MoC rows: the alternate signatory's mobile
stays hidden. Marks follow rows through insert, remove, move, undo, redo, copy and paste; a
mark that points at nothing blocks a public export with a clear message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jcm_pdd.checks import run_checks
from jcm_pdd.errors import UserError
from jcm_pdd.export.redact import FieldReader, refuse_dangling_marks
from jcm_pdd.model import Project, StakeholderComment
from jcm_pdd.model.marks import dangling, index_path
from jcm_pdd.paths import sample_project_path
from jcm_pdd.session import DocumentSession
from jcm_pdd.storage import load_project

COMMENTS = "pdd.stakeholder_comments"


def _sample() -> DocumentSession:
    return DocumentSession(load_project(sample_project_path()).project)


def _public(session: DocumentSession) -> FieldReader:
    return FieldReader(session.project, public=True)


def test_removing_the_first_comment_keeps_the_second_one_hidden() -> None:
    s = _sample()
    second = s.project.pdd.stakeholder_comments[1].comment
    first = s.project.pdd.stakeholder_comments[0].comment
    s.toggle_confidential(f"{COMMENTS}.1.comment")
    s.remove_row(COMMENTS, 0)
    reader = _public(s)
    assert s.project.pdd.stakeholder_comments[0].comment == second
    assert reader.text(f"{COMMENTS}.0.comment") == "XXX"  # the marked comment, now row 0
    assert reader.text(f"{COMMENTS}.1.comment") != "XXX"  # the row that slid up is public
    assert not [d for d in run_checks(s.project) if d.code == "confidential.unknown-path"]
    s.undo()
    assert s.project.pdd.stakeholder_comments[0].comment == first
    assert _public(s).text(f"{COMMENTS}.1.comment") == "XXX"
    assert _public(s).text(f"{COMMENTS}.0.comment") == first


def test_moving_moc_rows_keeps_the_alternate_mobile_hidden() -> None:
    s = _sample()
    rows = "moc.other_participants"
    s.toggle_confidential(f"{rows}.1.alternate_signatory.mobile")
    s.set_value(f"{rows}.1.alternate_signatory.mobile", "+976 8800 1234")
    s.move_row(rows, 1, 0)
    assert _public(s).text(f"{rows}.0.alternate_signatory.mobile") == "XXX"
    s.undo()  # the move
    assert _public(s).text(f"{rows}.1.alternate_signatory.mobile") == "XXX"
    s.redo()
    assert _public(s).text(f"{rows}.0.alternate_signatory.mobile") == "XXX"
    assert s.project.moc.other_participants[0].alternate_signatory.mobile == "+976 8800 1234"


def test_inserting_above_a_marked_row_keeps_the_mark_on_it() -> None:
    s = _sample()
    s.toggle_confidential(f"{COMMENTS}.0")  # the whole row
    s.insert_row(COMMENTS, 0)
    reader = _public(s)
    assert reader.text(f"{COMMENTS}.1.stakeholder") == "XXX"
    assert reader.text(f"{COMMENTS}.1.comment") == "XXX"
    assert not reader.hidden(f"{COMMENTS}.0.comment")


def test_removing_a_marked_row_removes_its_mark_and_undo_brings_both_back() -> None:
    s = _sample()
    s.toggle_confidential(f"{COMMENTS}.2.comment")
    marked = s.project.pdd.stakeholder_comments[2].comment
    s.remove_row(COMMENTS, 2)
    assert s.project.confidential == load_project(sample_project_path()).project.confidential
    s.undo()
    assert s.is_confidential(f"{COMMENTS}.2.comment")
    assert _public(s).text(f"{COMMENTS}.2.comment") == "XXX" != marked


def test_copy_and_paste_carries_the_marks_to_new_rows() -> None:
    s = _sample()
    s.toggle_confidential(f"{COMMENTS}.0.comment")
    clip = s.copy_rows(COMMENTS, [0])
    s.paste_rows(COMMENTS, 3, clip)
    comments = s.project.pdd.stakeholder_comments
    assert comments[3].comment == comments[0].comment
    assert comments[3].row_id != comments[0].row_id
    assert _public(s).text(f"{COMMENTS}.3.comment") == "XXX"
    assert _public(s).text(f"{COMMENTS}.0.comment") == "XXX"
    s.undo()
    assert len(s.project.pdd.stakeholder_comments) == 3
    assert not dangling(s.project, s.project.confidential)


def test_inserting_a_copy_of_a_row_gives_it_a_new_identity() -> None:
    s = _sample()
    row = s.project.pdd.stakeholder_comments[0]
    s.insert_row(COMMENTS, 1, row.model_copy())
    ids = [r.row_id for r in s.project.pdd.stakeholder_comments]
    assert len(set(ids)) == len(ids)


def test_toggle_is_an_undoable_edit() -> None:
    s = _sample()
    before = list(s.project.confidential)
    s.toggle_confidential("pdd.title")
    assert s.is_confidential("pdd.title")
    s.toggle_confidential("pdd.title")
    assert s.project.confidential == before
    s.undo()
    assert s.is_confidential("pdd.title")


def test_a_mark_by_row_number_names_the_row_that_is_there_now() -> None:
    project = Project()
    project.pdd.stakeholder_comments = [
        StakeholderComment(comment="public"),
        StakeholderComment(comment="secret"),
    ]
    project.confidential = [f"{COMMENTS}.1.comment"]
    secret_id = project.pdd.stakeholder_comments[1].row_id
    assert project.confidential == [f"{COMMENTS}.@{secret_id}.comment"]
    assert index_path(project, project.confidential[0]) == f"{COMMENTS}.1.comment"


def test_a_dangling_mark_blocks_a_public_export_with_a_clear_message(tmp_path: Path) -> None:
    from jcm_pdd.export import export_set

    project = load_project(sample_project_path()).project
    project.confidential.append(f"{COMMENTS}.@deadbeef.comment")
    [found] = [d for d in run_checks(project) if d.code == "confidential.unknown-path"]
    assert found.severity == "error"
    with pytest.raises(UserError, match="no longer exists") as info:
        refuse_dangling_marks(project)
    assert "Confidential items" in str(info.value)
    with pytest.raises(UserError, match="confidential mark"):
        export_set(project, tmp_path, formats={"xlsx"}, copies={"public"}, draft=True)
    assert not list(tmp_path.iterdir())
    written = export_set(project, tmp_path, formats={"xlsx"}, copies={"confidential"}, draft=True)
    assert written

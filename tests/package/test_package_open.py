"""Opening a package read-only: private temporary folder, nothing written beside the package."""

from __future__ import annotations

import shutil
import stat
import tempfile
from pathlib import Path

import pytest
from bags import flip_byte, member_extents
from package_support import Built

from jcm_pdd.errors import UserError
from jcm_pdd.package import open_package, snapshot_folder
from jcm_pdd.package.report import Verdict


@pytest.fixture
def inbox(built: Built, tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copyfile(built.package, folder / "round1.jcmpkg")
    return folder / "round1.jcmpkg"


def test_open_exposes_project_template_and_report(inbox: Path) -> None:
    before = snapshot_folder(inbox.parent)
    with open_package(inbox) as opened:
        assert opened.verified and opened.round == 1 and len(opened.package_id) == 64
        assert opened.project is not None and opened.project.pdd.title == "Rooftop PV in Darkhan"
        assert opened.template is not None and opened.template.identity.id == "JCM_MN_AM003"
        temp = opened.temp_dir
        assert temp.is_dir() and temp.parent == Path(tempfile.gettempdir())
        assert stat.S_IMODE(temp.stat().st_mode) == 0o700
        pdf = opened.document("pdd_public_pdf")
        assert pdf.parent == temp and pdf.read_bytes().startswith(b"%PDF")
        assert not pdf.stat().st_mode & stat.S_IWUSR  # the validator's copy is read-only
        assert opened.document("pdd_public_pdf") == pdf  # copied once
        with pytest.raises(UserError, match="no file"):
            opened.member_path("data/../../etc/passwd")
        with pytest.raises(UserError, match="no document"):
            opened.document("nonsense")
    assert not temp.exists()
    assert before.changes(snapshot_folder(inbox.parent)) == []


def test_altered_package_opens_with_its_report(inbox: Path) -> None:
    index_docs = member_extents(inbox)
    name = next(n for n in index_docs if n.endswith(".pdf"))
    offset, _ = index_docs[name]
    flip_byte(inbox, offset + 100)
    with open_package(inbox) as opened:
        assert opened.report.verdict is Verdict.ALTERED
        assert name in opened.report.named_files()
        assert opened.project is not None  # the project itself is intact
        with pytest.raises(UserError, match="altered"):
            opened.member_path(name)


def test_snapshot_reports_every_kind_of_change(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("b")
    before = snapshot_folder(tmp_path)
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "sub" / "b.txt").unlink()
    (tmp_path / "c.txt").write_text("c")
    assert before.changes(snapshot_folder(tmp_path)) == [
        "changed: a.txt",
        "added: c.txt",
        "removed: sub/b.txt",
    ]


def test_attachment_copy_by_content_hash(inbox: Path) -> None:
    import hashlib

    from projects import FIGURE_BYTES

    sha = hashlib.sha256(FIGURE_BYTES).hexdigest()
    with open_package(inbox) as opened:
        assert opened.attachment(sha).read_bytes() == FIGURE_BYTES
        with pytest.raises(UserError, match="no such attachment"):
            opened.attachment("0" * 64)


def test_work_folders_are_private_and_removed(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jcm_pdd.package import verify_package

    root = tmp_path / "tmp-root"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    assert verify_package(inbox).verdict is Verdict.VERIFIED
    assert list(root.iterdir()) == []  # the re-computation's copies are gone
    opened = open_package(inbox)
    (work,) = list(root.iterdir())
    assert work == opened.temp_dir and work.name.startswith("jcmpkg-open-")
    assert all(p.parent == work for p in work.rglob("*"))  # flat: no folder from the package
    opened.close()
    assert list(root.iterdir()) == []

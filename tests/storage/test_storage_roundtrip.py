"""Round trip: any valid project saves and loads equal; saving twice is byte-identical."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from model_strategies import projects
from storage_builders import sample_project

from jcm_pdd.model import FORMAT_VERSION, Project
from jcm_pdd.storage import (
    MIMETYPE,
    AttachmentStore,
    ProjectFileError,
    load_project,
    project_json_bytes,
    read_manifest,
    save_project,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_any_valid_project_round_trips(case: tuple[Project, AttachmentStore]) -> None:
    project, store = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.jcmpdd"
        save_project(path, project, store)
        first = _stored_json(path)
        loaded = load_project(path)
        assert loaded.project == project
        assert loaded.read_only_reason is None and loaded.migrated_from is None
        for record in project.attachments:
            assert loaded.attachments.read_bytes(record.sha256) == store.read_bytes(record.sha256)
        # Saving the loaded document again (over the file it came from) gives the same bytes.
        save_project(path, loaded.project, loaded.attachments)
        assert _stored_json(path) == first == project_json_bytes(project)


def _stored_json(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("project.json")


def test_container_layout(tmp_path: Path) -> None:
    store = AttachmentStore()
    project = sample_project(store)
    path = tmp_path / "layout.jcmpdd"
    save_project(path, project, store, summary={"completeness": 0.5})
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos[:3]] == ["mimetype", "manifest.json", "project.json"]
    assert infos[0].compress_type == zipfile.ZIP_STORED
    assert infos[2].compress_type == zipfile.ZIP_DEFLATED
    assert infos[3].filename == f"attachments/{project.attachments[0].sha256}"
    assert infos[3].compress_type == zipfile.ZIP_STORED
    with zipfile.ZipFile(path) as archive:
        assert archive.read("mimetype") == MIMETYPE.encode()
        text = archive.read("project.json").decode()
    assert text.startswith('{\n  "attachments": [')  # pretty-printed, keys sorted
    manifest = read_manifest(path)
    assert manifest.format_version == FORMAT_VERSION
    assert manifest.methodology_id == "JCM_MN_AM003" and manifest.methodology_version == "02.0"
    assert manifest.summary["title"] == "Rooftop solar PV in Ulaanbaatar"
    assert manifest.summary["completeness"] == 0.5
    assert manifest.saved_at.endswith("Z")


def test_read_manifest_does_not_read_attachments(tmp_path: Path) -> None:
    """The start page's read touches only the manifest: a damaged attachment does not matter."""
    store = AttachmentStore()
    project = sample_project(store)
    path = tmp_path / "p.jcmpdd"
    save_project(path, project, store)
    blob = bytearray(path.read_bytes())
    content = store.read_bytes(project.attachments[0].sha256)
    at = blob.index(content[100:140])
    blob[at] ^= 0xFF  # corrupt the attachment's stored bytes
    path.write_bytes(bytes(blob))
    assert read_manifest(path).summary["title"] == project.pdd.title
    with pytest.raises(ProjectFileError, match="checksum"):
        load_project(path)

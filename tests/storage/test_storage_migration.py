"""Format migrations (v0 -> v1 with a backup kept first) and files from newer versions."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pytest
from storage_builders import (
    FIGURE,
    FIGURE_SHA,
    manifest_bytes,
    project_data,
    replace,
    valid_entries,
    write_raw,
)

from jcm_pdd.model import FORMAT_VERSION
from jcm_pdd.paths import migration_backup_dir
from jcm_pdd.storage import MIGRATIONS, ProjectFileError, load_project, save_project
from jcm_pdd.storage.migrations import migrate

V0 = {
    "format_version": 0,
    "title": "Solar PV at schools",
    "description": "Rooftop PV on 12 schools",
    "country": "MN",
    "methodology": "JCM_MN_AM003 ver02.0",
    "start_date": "2024-04-01",
    "sites": [{"name": "S1", "city": "Ulaanbaatar", "lat": "47.9184", "lon": "106.9177"}, {}],
    "participants": {"MN": ["School Energy LLC"], "JP": ["Example Co."]},
    "attachments": [{"sha256": FIGURE_SHA, "filename": "map.png", "mime": "image/png"}],
}


def _v0_file(path: Path) -> Path:
    entries = replace(valid_entries(), "manifest.json", manifest_bytes(0))
    return write_raw(path, replace(entries, "project.json", json.dumps(V0).encode()))


def test_chain_reaches_the_current_format() -> None:
    assert set(MIGRATIONS) == set(range(FORMAT_VERSION))
    assert migrate(dict(V0), 0)["format_version"] == FORMAT_VERSION


def test_v0_file_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = _v0_file(tmp_path / "schools.jcmpdd")
    original = path.read_bytes()
    loaded = load_project(path)
    assert loaded.migrated_from == 0 and loaded.read_only_reason is None
    project = loaded.project
    assert project.pdd.title == "Solar PV at schools"
    assert project.rule_set.partner_country == "MN"
    assert (project.pdd.methodology.methodology_id, project.pdd.methodology.version) == (
        "JCM_MN_AM003",
        "02.0",
    )
    assert project.pdd.sites[0].latitude == Decimal("47.9184")
    assert project.pdd.sites[0].country == "MN"
    assert project.pdd.sites[1].id == "S2"
    assert [(p.country, p.name) for p in project.pdd.participants] == [
        ("MN", "School Energy LLC"),
        ("JP", "Example Co."),
    ]
    assert project.attachments[0].name == "map.png"
    assert loaded.attachments.read_bytes(FIGURE_SHA) == FIGURE
    # The original is kept, byte for byte, in the user data folder; the file itself untouched.
    assert loaded.backup_path is not None
    assert loaded.backup_path.parent == migration_backup_dir()
    assert loaded.backup_path.read_bytes() == original
    assert path.read_bytes() == original
    # Saving writes the current format.
    save_project(path, loaded.project, loaded.attachments)
    again = load_project(path)
    assert again.migrated_from is None and again.manifest.format_version == FORMAT_VERSION
    assert again.project == project


def test_info_style_load_makes_no_backup(tmp_path: Path) -> None:
    path = _v0_file(tmp_path / "schools.jcmpdd")
    loaded = load_project(path, backup_before_migration=False)
    assert loaded.migrated_from == 0 and loaded.backup_path is None
    assert list(migration_backup_dir().iterdir()) == []


def test_newer_readable_file_is_offered_read_only(tmp_path: Path) -> None:
    entries = replace(valid_entries(), "manifest.json", manifest_bytes(FORMAT_VERSION + 1))
    data = project_data(format_version=FORMAT_VERSION + 1)
    path = write_raw(
        tmp_path / "n.jcmpdd", replace(entries, "project.json", json.dumps(data).encode())
    )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    loaded = load_project(path)
    assert loaded.read_only_reason is not None
    assert "made by a newer version of JCM PDD Studio" in loaded.read_only_reason
    assert loaded.project.pdd.title == "Rooftop solar PV in Ulaanbaatar"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_newer_unreadable_file_is_refused_naming_the_fields(tmp_path: Path) -> None:
    entries = replace(valid_entries(), "manifest.json", manifest_bytes(FORMAT_VERSION + 1))
    data = project_data(format_version=FORMAT_VERSION + 1, carbon_links=[1])
    path = write_raw(
        tmp_path / "n.jcmpdd", replace(entries, "project.json", json.dumps(data).encode())
    )
    with pytest.raises(ProjectFileError, match="made by a newer version of JCM PDD Studio") as e:
        load_project(path)
    assert any(line.startswith("carbon_links:") for line in e.value.details)


def test_every_schema_error_is_listed_with_its_path(tmp_path: Path) -> None:
    data = project_data(
        pdd={
            "sites": [{"latitude": "-91", "longitude": "181"}],
            "duration": {"operational_lifetime_years": 0},
        }
    )
    path = write_raw(
        tmp_path / "bad.jcmpdd", replace(valid_entries(), "project.json", json.dumps(data).encode())
    )
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert caught.value.details == [
        "pdd.sites.0.latitude: must be between -90 and 90",
        "pdd.sites.0.longitude: must be between -180 and 180",
        "pdd.duration.operational_lifetime_years: must be more than 0 and at most 100",
    ]


def _strip_row_ids(node: object) -> None:
    if isinstance(node, dict):
        node.pop("row_id", None)
        for value in node.values():
            _strip_row_ids(value)
    elif isinstance(node, list):
        for value in node:
            _strip_row_ids(value)


def test_v1_marks_by_row_number_become_marks_on_the_rows(tmp_path: Path) -> None:
    """Format 1 -> 2 (issue 13): rows get identities, marks by row number name those rows, a
    mark past the last row stays dangling (checks report it); the original is backed up."""
    data = project_data(format_version=1)
    _strip_row_ids(data)
    data["pdd"]["stakeholder_comments"] = [
        {"stakeholder": "A", "comment": "public"},
        {"stakeholder": "B", "comment": "secret"},
    ]
    data["confidential"] = [
        "pdd.stakeholder_comments.1.comment",
        "pdd.sites.0",
        "pdd.title",
        "pdd.stakeholder_comments.7.comment",
    ]
    entries = replace(valid_entries(), "manifest.json", manifest_bytes(1))
    path = write_raw(
        tmp_path / "v1.jcmpdd", replace(entries, "project.json", json.dumps(data).encode())
    )
    original = path.read_bytes()
    loaded = load_project(path)
    assert loaded.migrated_from == 1
    assert loaded.backup_path is not None and loaded.backup_path.read_bytes() == original
    project = loaded.project
    secret, site = project.pdd.stakeholder_comments[1], project.pdd.sites[0]
    assert project.confidential == [
        f"pdd.stakeholder_comments.@{secret.row_id}.comment",
        f"pdd.sites.@{site.row_id}",
        "pdd.title",
        "pdd.stakeholder_comments.7.comment",
    ]
    rows = [project.pdd.sites, project.pdd.stakeholder_comments, project.monitoring_plan.monitored]
    for table in rows:
        assert len({row.row_id for row in table}) == len(table)
    from jcm_pdd.model.marks import dangling

    assert dangling(project, project.confidential) == ["pdd.stakeholder_comments.7.comment"]

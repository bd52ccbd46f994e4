"""Fuzzing: random damage to a valid container never escapes as anything but ProjectFileError."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storage_builders import sample_project

from jcm_pdd.storage import (
    AttachmentStore,
    ProjectFileError,
    load_project,
    read_manifest,
    save_project,
)


def _valid_container() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        store = AttachmentStore()
        path = Path(folder) / "p.jcmpdd"
        save_project(path, sample_project(store), store)
        return path.read_bytes()


VALID = _valid_container()

# Headers and the central directory (start and end of the file) are where damage is
# interesting; the middle is mostly attachment bytes, caught by checksums.
position = st.one_of(
    st.integers(0, 700),
    st.integers(len(VALID) - 500, len(VALID) - 1),
    st.integers(0, len(VALID) - 1),
)
damage = st.tuples(
    st.lists(st.tuples(position, st.integers(0, 255)), min_size=1, max_size=8),
    st.one_of(st.none(), st.integers(0, len(VALID))),
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damage)
def test_damaged_container_fails_cleanly(case: tuple[list[tuple[int, int]], int | None]) -> None:
    edits, cut = case
    blob = bytearray(VALID)
    for position, value in edits:
        blob[position] = value
    if cut is not None:
        del blob[cut:]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.jcmpdd"
        path.write_bytes(bytes(blob))
        digest = hashlib.sha256(blob).hexdigest()
        for reader in (load_project, read_manifest):
            try:
                reader(path)
            except ProjectFileError as exc:
                assert exc.message.startswith("Cannot open “damaged.jcmpdd”: ")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest

"""The hostile corpus: every malformed file gives its own user-worded error and stays unaltered."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hostile_corpus import CASES, Case

from jcm_pdd.storage import ProjectFileError, load_project, read_manifest


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    built = {}
    for number, case in enumerate(CASES):
        path = folder / f"{number:02d}.jcmpdd"
        case.build(path)
        built[case.name] = path
    return built


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_hostile_file_gives_its_user_worded_error(case: Case, corpus: dict[str, Path]) -> None:
    path = corpus[case.name]
    before = _digest(path)
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    message = str(caught.value)
    assert case.expect in message, message
    assert message.startswith(f"Cannot open “{path.name}”: ")
    assert "\n" not in message and "Traceback" not in message
    assert _digest(path) == before  # a failed load never alters the file


def test_messages_are_distinct(corpus: dict[str, Path]) -> None:
    messages: dict[str, str] = {}
    for case in CASES:
        try:
            load_project(corpus[case.name])
        except ProjectFileError as exc:
            messages[case.name] = exc.reason
    # Every file tells the user something different (the same defect in two places, like an
    # absolute path and a drive letter, differs by the entry it names).
    assert len(set(messages.values())) == len(messages)


# Defects of the container or of manifest.json: the start page's cheap read must refuse them.
# (The other cases damage project.json or the attachments, which read_manifest does not open.)
CONTAINER_DEFECTS = {
    "empty", "text file", "truncated", "plain zip", "opendocument", "mimetype not first",
    "mimetype compressed", "no manifest", "manifest not json", "manifest not object",
    "manifest no version", "dotdot", "absolute", "drive letter", "backslash", "symlink",
    "duplicate", "ratio bomb", "declared size bomb", "too many entries", "overlapping entries",
    "encrypted", "patched data", "future zip version", "bzip2", "local name differs",
}  # fmt: skip


def test_read_manifest_refuses_hostile_containers(corpus: dict[str, Path]) -> None:
    """The start page's cheap read runs the same container checks as a full load, in the same
    words, refuses every container or manifest defect and never alters the file."""
    assert CONTAINER_DEFECTS <= {case.name for case in CASES}
    refused = set()
    for case in CASES:
        path = corpus[case.name]
        before = _digest(path)
        try:
            manifest = read_manifest(path)
        except ProjectFileError as exc:
            refused.add(case.name)
            with pytest.raises(ProjectFileError) as full:
                load_project(path)
            assert exc.reason == full.value.reason, case.name
        else:
            assert isinstance(manifest.format_version, int), case.name
        assert _digest(path) == before, case.name
    assert refused == CONTAINER_DEFECTS

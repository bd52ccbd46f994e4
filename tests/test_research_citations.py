"""Every research note the data files and modules cite is in the repository (issue 10, item 10).

Templates, form definitions and a few modules cite the team's research notes as
`methodologies.md §3.4`; those notes live in docs/research/, so each citation can be followed
from a clean clone.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESEARCH = ROOT / "docs" / "research"
CITED = re.compile(r"\b([a-z][a-z-]+\.md)\b")
# Files named in these places that are repository files of their own folder, not research notes.
OWN_DOCS = {"readme.md", "format.md", "provenance.md"}


def _cited_notes() -> dict[str, set[str]]:
    cited: dict[str, set[str]] = {}
    sources = [
        *sorted((ROOT / "forms").rglob("*.toml")),
        *sorted((ROOT / "methodology_templates").glob("*.toml")),
        *sorted((ROOT / "jcm_pdd").rglob("*.py")),
    ]
    for path in sources:
        for name in CITED.findall(path.read_text(encoding="utf-8")):
            if name.lower() not in OWN_DOCS:
                cited.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return cited


def test_data_files_cite_research_notes() -> None:
    # guards the test itself: the templates do cite notes, so an empty scan would be a broken scan
    assert "methodologies-verified.md" in _cited_notes()


def test_every_cited_research_note_is_in_docs_research() -> None:
    missing = {
        name: sorted(files)[:3]
        for name, files in _cited_notes().items()
        if not (RESEARCH / name).is_file()
    }
    assert missing == {}

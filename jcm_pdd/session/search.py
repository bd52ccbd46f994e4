"""Finding text across the whole submission, and the help a field's F1 shows.

``find`` looks through every field and table cell the editor shows (PDD, Monitoring Plan,
Monitoring Structure, MoC) for the text typed in the find bar, in the field's label and in its
value, and returns the places in the order of the submission. ``field_help`` gives a field's
label, its official guidance and, for a Monitoring Plan row or a B.2 criterion, the methodology
paragraph the template cites for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from jcm_pdd.model import Project
from jcm_pdd.model.paths import PathError, get_value
from jcm_pdd.session.formview import FieldView, SectionView, methodology_template
from jcm_pdd.session.labels import field_index, path_label


@dataclass(frozen=True)
class Match:
    path: str  # the field or table cell
    label: str  # where it is, as the form names it
    text: str  # the value found (or the label, when the label matched)


def _value(root: Any, path: str) -> Any:
    try:
        return get_value(root, path)
    except PathError:
        return None


def _places(
    project: Project, sections: Sequence[SectionView]
) -> Iterator[tuple[str, FieldView, Any]]:
    """Every (path, field, value) the editor shows, table cells row by row. A cell's value is
    read from its row (a table of 2,000 rows has 20,000 cells: each walked from the project's
    root was half of a search's time)."""
    for section in sections:
        for view in section.fields:
            if view.kind != "table":
                yield view.path, view, _value(project, view.path)
                continue
            rows = _value(project, view.path)
            for n, row in enumerate(rows if isinstance(rows, list) else ()):
                for column in view.columns:
                    yield f"{view.path}.{n}.{column.path}", column, _value(row, column.path)


def find(
    project: Project, sections: Sequence[SectionView], text: str, language: str = "en"
) -> list[Match]:
    """The places whose value (or label) contains ``text``, case-insensitively (their places
    named with the words of ``language``)."""
    wanted = text.strip().casefold()
    if not wanted:
        return []
    index = field_index(sections)  # once: each match's place is looked up in it
    found: list[Match] = []
    for path, view, value in _places(project, sections):
        shown = "" if value is None else str(value)
        if wanted in shown.casefold():
            found.append(Match(path, path_label(sections, path, language, index), shown))
        elif wanted in view.label.casefold() and not any(p.isdigit() for p in path.split(".")):
            found.append(Match(path, path_label(sections, path, language, index), view.label))
    return found


@dataclass(frozen=True)
class FieldHelp:
    title: str  # where the field is, in the form's words
    guidance: str  # the form's official guidance for it
    citation: str  # the methodology paragraph the template cites ("" when none)


def _field_view(sections: Sequence[SectionView], path: str) -> FieldView | None:
    best: FieldView | None = None
    for section in sections:
        for view in section.fields:
            if path == view.path:
                return view
            if path.startswith(view.path + "."):
                sub = path[len(view.path) + 1 :].split(".", 1)
                column = next((c for c in view.columns if len(sub) > 1 and c.path == sub[1]), None)
                best = column or view
    return best


def field_help(
    project: Project, sections: Sequence[SectionView], path: str, language: str = "en"
) -> FieldHelp:
    """What F1 shows for the field at ``path``."""
    view = _field_view(sections, path)
    guidance = view.guidance if view is not None else ""
    return FieldHelp(
        path_label(sections, path, language), guidance, _citation(project, path, language)
    )


def _used_in(template: Any, key: str, language: str = "en") -> str:
    """Where the methodology's equations use the parameter ``key`` ("" when none does)."""
    import re

    word = re.compile(rf"(?<![\w]){re.escape(key)}(?![\w])")
    refs: list[str] = []
    for other in template.parameters.values():
        equation = getattr(other, "equation", "") or ""
        ref = getattr(other, "equation_ref", "") or ""
        if ref and word.search(equation) and ref not in refs:
            refs.append(ref)
    if not refs:
        return ""
    where = f"{template.identity.id} ver{template.identity.version}"
    if language == "ja":
        return f"{where}、{', '.join(refs)} で使用"
    return f"{where}, used in " + ", ".join(refs)


def _citation(project: Project, path: str, language: str = "en") -> str:
    """The template's citation for a Monitoring Plan row's parameter or a B.2 criterion."""
    template = methodology_template(project)
    if template is None:
        return ""
    parts = path.split(".")
    if parts[0] == "monitoring_plan" and len(parts) > 2 and parts[2].isdigit():
        key = _value(project, ".".join(parts[:3] + ["key"]))
        parameter = template.parameters.get(key) if isinstance(key, str) else None
        if parameter is None:
            return ""
        provenance = getattr(parameter, "provenance", None)
        cited = getattr(provenance, "citation", "") if provenance is not None else ""
        return "; ".join(x for x in (cited, _used_in(template, key, language)) if x)
    if parts[:2] == ["pdd", "eligibility"] and len(parts) > 2 and parts[2].isdigit():
        number = int(parts[2]) + 1
        criterion = next((c for c in template.eligibility if c.number == number), None)
        provenance = getattr(criterion, "provenance", None)
        return getattr(provenance, "citation", "") if provenance is not None else ""
    return ""

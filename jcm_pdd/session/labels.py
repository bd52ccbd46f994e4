"""Human labels for model paths, and the natural order people read numbered rows in.

Every view a person reads (diagnostics, a finding's target, the compare dialog, the validator's
rounds) names a place in the submission as the form does: "A.3 Location of project, including
coordinates, row 1, Latitude", not ``pdd.sites.0.latitude``. ``path_label`` finds the form field
editing a path (``formview``) and adds the row number and column label of a table cell;
``natural_key`` sorts "row 3" before "row 11" and ``pdd.sites.2`` before ``pdd.sites.10``.
The form's own labels stay English (the language of JCM documents); the few words added here
("row 3", "site S1") follow the interface language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from jcm_pdd.session.formview import FieldView, SectionView

_DIGITS = re.compile(r"(\d+)")

# The words this module adds to the form's labels, per interface language.
_WORDS = {
    "en": {"row": "row {0}", "site": ", site {0}", "period": "Monitoring period {0}"},
    "ja": {"row": "{0} 行目", "site": "、サイト {0}", "period": "モニタリング期間 {0}"},
}
# the fields of a monitoring period and of its values (``model.periods``), per language
_PERIOD_FIELDS = {
    "en": {
        "start": "first day",
        "end": "last day",
        "gap_reason": "reason for a gap or overlap",
        "values": "monitored values",
        "value": "value",
        "option": "option",
        "instrument": "measuring instrument",
        "calibration_date": "calibration date",
        "evidence": "evidence",
        "key": "parameter",
        "comments": "comments",
    },
    "ja": {
        "start": "初日",
        "end": "最終日",
        "gap_reason": "空白・重複の理由",
        "values": "モニタリング値",
        "value": "値",
        "option": "オプション",
        "instrument": "計測機器",
        "calibration_date": "校正日",
        "evidence": "証拠書類",
        "key": "パラメータ",
        "comments": "コメント",
    },
}


def _word(language: str, key: str, value: object) -> str:
    return _WORDS.get(language, _WORDS["en"])[key].format(value)


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key ordering the numbers inside ``text`` by value ("row 3" < "row 11")."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in _DIGITS.split(text)
        if part
    )


def _section_name(section: SectionView) -> str:
    return f"{section.number} {section.title}" if section.number else section.title


FieldIndex = dict[str, list[tuple[SectionView, FieldView]]]


def field_index(sections: Sequence[SectionView]) -> FieldIndex:
    """The form's fields by the first part of their path, in form order: a path's field starts
    with the same part, so a look-up reads a handful of fields, not all of them (10,000
    diagnostics of monitoring periods each scanned every field of the forms: 0.8 s)."""
    index: FieldIndex = {}
    for section in sections:
        for view in section.fields:
            index.setdefault(view.path.split(".", 1)[0], []).append((section, view))
    return index


def field_of(index: FieldIndex, path: str) -> tuple[SectionView, FieldView] | None:
    """The field editing ``path`` (the longest field path it is in; the first of equals)."""
    best: tuple[SectionView, FieldView] | None = None
    for section, view in index.get(path.split(".", 1)[0], ()):
        if path == view.path or path.startswith(view.path + "."):
            if best is None or len(view.path) > len(best[1].path):
                best = (section, view)
    return best


def path_label(
    sections: Sequence[SectionView],
    path: str,
    language: str = "en",
    index: FieldIndex | None = None,
) -> str:
    """Where ``path`` is in the submission, in the form's words; the path itself when no form
    field edits it (a person still sees something exact). ``index``: ``field_index(sections)``,
    made once for many paths."""
    if not path:
        return "—"
    found = field_of(index if index is not None else field_index(sections), path)
    if found is None:
        return _period_label(path, language) or path
    section, view = found
    parts = [_section_name(section)]
    if view.label and view.label.casefold() != section.title.casefold():
        parts.append(view.label)
    rest = path[len(view.path) + 1 :].split(".") if path != view.path else []
    if rest and rest[0].isdigit():
        parts.append(_word(language, "row", int(rest[0]) + 1))
        sub = ".".join(rest[1:])
        column = next((c for c in view.columns if c.path == sub), None)
        if column is None and sub:
            column = next((c for c in view.columns if sub.startswith(c.path + ".")), None)
        if column is not None:
            parts.append(column.label)
        elif sub:
            parts.append(sub.replace("_", " "))
    elif rest:
        parts.append(".".join(rest).replace("_", " "))
    return ", ".join(parts)


def _period_label(path: str, language: str) -> str:
    """``Monitoring period 3, row 1, measuring instrument`` for a path inside a monitoring
    period (the periods have no form definition: they come after registration)."""
    parts = path.split(".")
    if parts[:2] != ["monitoring", "periods"] or len(parts) < 3 or not parts[2].isdigit():
        return ""
    names = _PERIOD_FIELDS.get(language, _PERIOD_FIELDS["en"])
    words = [_word(language, "period", int(parts[2]) + 1)]
    rest = parts[3:]
    if rest[:1] == ["values"] and len(rest) > 1 and rest[1].isdigit():
        words.append(_word(language, "row", int(rest[1]) + 1))
        rest = rest[2:]
    if rest:
        words.append(names.get(rest[0], rest[0].replace("_", " ")))
    return ("、" if language == "ja" else ", ").join(words)


def labels_for(
    sections: Sequence[SectionView], paths: Sequence[str], language: str = "en"
) -> dict[str, str]:
    """``path_label`` of many paths at once."""
    index = field_index(sections)
    return {p: path_label(sections, p, language, index) for p in dict.fromkeys(paths)}


def unit_label(project: Any, index: dict[str, str], language: str = "en") -> str:
    """The unit a per-unit Monitoring Plan row is about, as a person names it: the member's
    description (or id) and its site, e.g. "Chiller S1-2, site S1"; "" for a row of no unit."""
    members = {(m.set, m.id): m for m in project.monitoring_plan.index_members}
    parts = []
    for name, member_id in index.items():
        member = members.get((name, member_id))
        text = (member.label or member.id) if member is not None else member_id
        if member is not None and member.site_id:
            text += _word(language, "site", member.site_id)
        parts.append(text)
    return "; ".join(parts)


def unit_tag(project: Any, index: dict[str, str]) -> str:
    """A per-unit row's unit in a few characters for a row header: "S1-2 · S1" (the unit and
    its site); ``unit_label`` gives the full description for its tooltip."""
    members = {(m.set, m.id): m for m in project.monitoring_plan.index_members}
    parts = []
    for name, member_id in index.items():
        member = members.get((name, member_id))
        site = f" · {member.site_id}" if member is not None and member.site_id else ""
        parts.append(f"{member_id}{site}")
    return "; ".join(parts)


def index_set_label(template: Any, name: str) -> str:
    """An index symbol as a person reads it: "PV system (i)" rather than "i"."""
    index_set = template.index_sets.get(name) if template is not None else None
    return f"{index_set.label} ({name})" if index_set is not None else name

"""Comparing two package rounds or two project files: field by field and figure by figure.

``compare(a, b)`` accepts ``.jcmpkg`` packages (verified and opened read-only; their figures
re-computed with *their own* packaged template) or ``.jcmpdd`` project files (figures from the
shipped template registry), in any mix. Fields are compared as model-path leaves
(``pdd.sites.0.latitude: "49.48" -> "49.49"``), each labelled with the form section it belongs
to; figures per period and quantity (``2026 ER: 930 -> 1,020``). ``ProjectDiff`` is what the
GUI shows and what ``jcm-pdd diff A B [--json]`` prints.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from jcm_pdd.errors import UserError
from jcm_pdd.model import Project
from jcm_pdd.package import engine
from jcm_pdd.package.engine import Figures
from jcm_pdd.package.fingerprint import flatten, sections_for
from jcm_pdd.package.review import value_changes

QUANTITY_ORDER = ("RE", "PE", "ER", "RE_rounded", "PE_rounded", "ER_rounded")


@dataclass
class Side:
    label: str
    kind: str  # "package" or "project"
    project: Project
    figures: Figures
    round: int | None = None
    package_id: str = ""
    verdict: str = ""  # for packages: the verification verdict
    note: str = ""  # why figures are missing, if they are


@dataclass(frozen=True)
class FieldChange:
    path: str
    section: str
    old: Any
    new: Any


@dataclass(frozen=True)
class FigureChange:
    period: str
    quantity: str
    old: str | None
    new: str | None


@dataclass
class ProjectDiff:
    a: str
    b: str
    fields: list[FieldChange] = field(default_factory=list)
    figures: list[FigureChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return not self.fields and not self.figures

    def sections(self) -> list[str]:
        """The form sections with at least one changed field, in order of first change."""
        return list(dict.fromkeys(c.section for c in self.fields))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, sort_keys=True)

    def text(self) -> str:
        lines = [f"Comparing {self.a} -> {self.b}"]
        lines += [f"  note: {note}" for note in self.notes]
        if self.identical:
            lines.append("  No differences in fields or figures.")
            return "\n".join(lines)
        if self.fields:
            lines.append(f"Fields ({len(self.fields)} changed):")
            for c in self.fields:
                lines.append(f"  [{c.section}] {c.path}: {_show(c.old)} -> {_show(c.new)}")
        if self.figures:
            lines.append(f"Figures ({len(self.figures)} changed):")
            for f in self.figures:
                lines.append(f"  {f.period} {f.quantity}: {_show(f.old)} -> {_show(f.new)}")
        return "\n".join(lines)


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _section_of(path: str, owners: list[tuple[str, str]]) -> str:
    """The most specific form section whose model paths contain ``path``."""
    best: tuple[int, int, str] | None = None
    for base, key in owners:
        if path == base or path.startswith(base + "."):
            rank = (len(base), key.count("."), key)
            best = rank if best is None or rank > best else best
    return best[2] if best else path.split(".", 1)[0]


def _owners(project: Project) -> list[tuple[str, str]]:
    """(model path, section key) for every field of every form section."""
    return [(base, key) for key, spec in sections_for(project).items() for base in spec.paths]


def load_side(path: Path | str) -> Side:
    path = Path(path)
    if path.suffix.lower() == ".jcmpkg":
        from jcm_pdd.package.opened import open_package

        with open_package(path) as opened:
            assert opened.project is not None
            figures: Figures = {}
            note = ""
            if opened.template is not None:
                try:
                    figures = engine.estimate(opened.project, opened.template).figures
                except UserError as exc:
                    note = f"{path.name}: figures cannot be computed ({exc})"
            return Side(
                path.name,
                "package",
                opened.project,
                figures,
                opened.round,
                opened.package_id,
                str(opened.report.verdict),
                note,
            )
    if not path.is_file():
        raise UserError(f"'{path}' does not exist.")
    project = engine.load_project(path)
    try:
        template = engine.load_template_file(engine.template_file_for(project))
        return Side(path.name, "project", project, engine.estimate(project, template).figures)
    except UserError as exc:
        return Side(path.name, "project", project, {}, note=f"{path.name}: no figures ({exc})")


def compare_sides(a: Side, b: Side) -> ProjectDiff:
    diff = ProjectDiff(a.label, b.label)
    diff.notes += [n for n in (a.note, b.note) if n]
    for side in (a, b):
        if side.verdict and side.verdict != "VERIFIED":
            diff.notes.append(f"{side.label} did not verify ({side.verdict})")
    owners = _owners(b.project)
    for change in value_changes(flatten(a.project), flatten(b.project)):
        diff.fields.append(
            FieldChange(change.path, _section_of(change.path, owners), change.old, change.new)
        )
    periods = sorted(a.figures.keys() | b.figures.keys(), key=lambda p: (p == "total", p))
    for period in periods:
        old, new = a.figures.get(period, {}), b.figures.get(period, {})
        for quantity in sorted(old.keys() | new.keys(), key=_quantity_key):
            x, y = old.get(quantity), new.get(quantity)
            if x is None or y is None or not engine.same_figure(x, y):
                diff.figures.append(FigureChange(period, quantity, x, y))
    return diff


def _quantity_key(quantity: str) -> tuple[int, str]:
    order = QUANTITY_ORDER.index(quantity) if quantity in QUANTITY_ORDER else len(QUANTITY_ORDER)
    return order, quantity


def compare(a: Path | str, b: Path | str) -> ProjectDiff:
    """Compare two packages or project files (any mix); raise ``UserError`` if unreadable."""
    return compare_sides(load_side(a), load_side(b))

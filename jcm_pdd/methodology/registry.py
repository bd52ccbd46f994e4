"""The registry of methodology templates: shipped ones, the user's folder and extra folders.

Folders are read in order — shipped (``paths.templates_dir()``), the user folder
(``paths.user_templates_dir()``), then each ``--templates DIR`` — and a later template with the
same id and version replaces an earlier one (recorded in ``Registry.shadowed``). A broken file
does not stop the others from loading: its problems are kept in ``Registry.errors``. Parsed
templates are cached by (path, size, mtime) so reopening the registry is cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jcm_pdd.errors import UserError
from jcm_pdd.methodology.errors import Problem, TemplateError
from jcm_pdd.methodology.loader import load_file
from jcm_pdd.methodology.schema import Template

_CACHE: dict[Path, tuple[int, int, Template]] = {}


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def load_cached(path: Path) -> Template:
    """Load a template file, reusing the parse while the file is unchanged."""
    resolved = path.resolve()
    stat = resolved.stat()
    cached = _CACHE.get(resolved)
    if cached and cached[0] == stat.st_size and cached[1] == stat.st_mtime_ns:
        return cached[2]
    template = load_file(path)
    _CACHE[resolved] = (stat.st_size, stat.st_mtime_ns, template)
    return template


def template_files(folder: Path) -> list[Path]:
    """The ``*.toml`` template files of a folder (not recursive), sorted by name."""
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


@dataclass
class Registry:
    templates: dict[tuple[str, str], Template] = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)
    shadowed: list[str] = field(default_factory=list)

    def add(self, template: Template) -> None:
        key = (template.identity.id, template.identity.version)
        if key in self.templates:
            self.shadowed.append(f"{self.templates[key].path} replaced by {template.path}")
        self.templates[key] = template

    def all(self) -> list[Template]:
        """Every template, sorted by id then version."""
        return sorted(
            self.templates.values(),
            key=lambda t: (t.identity.id, _version_key(t.identity.version)),
        )

    def for_country(self, country: str) -> list[Template]:
        code = country.strip().upper()
        return [t for t in self.all() if t.identity.host_country == code]

    def versions(self, methodology_id: str) -> list[Template]:
        wanted = normalise_id(methodology_id)
        return [t for t in self.all() if t.identity.id == wanted]

    def get(self, methodology_id: str, version: str | None = None) -> Template:
        """A template by id (``JCM_MN_AM003`` or ``MN_AM003``) and version (latest valid if
        omitted; ``ver02.0``/``2.0``/``02.0`` all accepted). Raises ``UserError``."""
        found = self.versions(methodology_id)
        if not found:
            known = ", ".join(sorted({t.identity.id for t in self.all()})) or "none"
            raise UserError(f"unknown methodology '{methodology_id}' (available: {known})")
        if version:
            wanted = normalise_version(version)
            for template in found:
                if template.identity.version == wanted:
                    return template
            have = ", ".join(t.identity.version for t in found)
            raise UserError(f"{found[0].identity.id} has no version {version} (available: {have})")
        valid = [t for t in found if t.identity.status == "valid"]
        return (valid or found)[-1]


def normalise_id(methodology_id: str) -> str:
    text = methodology_id.strip().upper()
    if "_VER" in text:
        text = text[: text.index("_VER")]
    return text if text.startswith("JCM_") else f"JCM_{text}"


def normalise_version(version: str) -> str:
    text = version.strip().lower().removeprefix("ver").removeprefix("v")
    major, _, minor = text.partition(".")
    if major.isdigit() and (minor or "0").isdigit():
        return f"{int(major):02d}.{int(minor or 0)}"
    return text


def default_dirs() -> list[Path]:
    from jcm_pdd import paths

    return [paths.templates_dir(), paths.user_templates_dir()]


def load_registry(extra_dirs: Iterable[Path | str] = ()) -> Registry:
    """Shipped templates, the user's templates folder, then ``extra_dirs`` (later wins)."""
    registry = Registry()
    folders = [*default_dirs(), *(Path(d) for d in extra_dirs)]
    for folder in folders:
        for path in template_files(folder):
            try:
                registry.add(load_cached(path))
            except TemplateError as exc:
                registry.errors.extend(exc.problems)
            except OSError as exc:
                registry.errors.append(Problem(str(path), 1, "", f"cannot read: {exc}", "toml"))
    return registry

"""The registry of form definitions, keyed by (partner country, form type, version).

``load_forms()`` reads every definition under ``jcm_pdd.paths.forms_dir()`` once and validates
it; ``FormRegistry.get(country, form_type)`` returns the latest version unless one is named.
A partner country without its own files falls back to ``DEFAULT_COUNTRY`` (documented in
``forms/README.md``): the form family is shared by all Joint Committees, so its definition is
the best available stand-in, and ``resolve`` says when a fallback was used so the GUI can
tell the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jcm_pdd.errors import UserError
from jcm_pdd.forms.countries import CountryTable, load_countries
from jcm_pdd.forms.loader import (
    country_files,
    file_key,
    load_bases,
    load_definition_file,
    load_submission,
    read_toml,
)
from jcm_pdd.forms.schema import FormDefinition, FormType, Submission
from jcm_pdd.model import Project
from jcm_pdd.paths import forms_dir

# Mongolia's forms are the best-sourced of the family (PDD form ver03.0 and MoC ver02.0 are
# both confirmed by the Mongolian JC's own list), so they stand in for countries without files.
DEFAULT_COUNTRY = "MN"


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class Resolution:
    """Which definition serves a request, and whether it is a stand-in."""

    definition: FormDefinition
    requested_country: str
    requested_version: str | None
    country_fallback: bool  # the country has no files of this form type
    version_fallback: bool  # the requested version is not shipped; the latest is used


class FormRegistry:
    """All form definitions, the submission index and the country table.

    Definition files are found (and keyed by their names) when the registry is created; each
    is read and validated the first time it is asked for, so opening a Mongolian project
    reads four files, not every country's. ``definitions()`` validates them all."""

    def __init__(
        self,
        files: dict[tuple[str, str], dict[str, Path]],
        bases: dict[str, dict[str, Any]],
        submission: Submission,
        countries: CountryTable,
        root: Path,
    ) -> None:
        self._files = files
        self._bases = bases
        self._loaded: dict[Path, FormDefinition] = {}
        self.submission = submission
        self.countries = countries
        self.root = root

    def _definition(self, file: Path) -> FormDefinition:
        found = self._loaded.get(file)
        if found is None:
            found = self._loaded[file] = load_definition_file(file, self._bases)
        return found

    def definitions(self) -> list[FormDefinition]:
        """Every definition (all are read and validated)."""
        return [self._definition(f) for versions in self._files.values() for f in versions.values()]

    def read_files(self) -> None:
        """Read every definition file (its TOML, not yet its content; fast through the parse
        cache): the app's start-up check, so an unreadable file stops it once, named. Content
        is validated when a definition is first used (``definitions()`` validates all)."""
        for versions in self._files.values():
            for file in versions.values():
                read_toml(file)

    def country_codes(self) -> list[str]:
        """Countries that ship their own form files."""
        return sorted({country for country, _ in self._files})

    def has_country(self, country: str, form_type: FormType | None = None) -> bool:
        return any(c == country and (form_type is None or t == form_type) for c, t in self._files)

    def versions(self, country: str, form_type: FormType) -> list[str]:
        """Shipped versions, oldest first."""
        return sorted(self._files.get((country, form_type), {}), key=version_key)

    def resolve(self, country: str, form_type: FormType, version: str | None = None) -> Resolution:
        code = country.upper()
        country_fallback = not self.has_country(code, form_type)
        used = DEFAULT_COUNTRY if country_fallback else code
        versions = self._files.get((used, form_type))
        if not versions:
            raise UserError(
                f"No {form_type} form definition is installed (not even for {DEFAULT_COUNTRY})."
            )
        version_fallback = bool(version) and version not in versions
        chosen = version if version and not version_fallback else max(versions, key=version_key)
        definition = self._definition(versions[chosen])
        return Resolution(definition, code, version, country_fallback, version_fallback)

    def get(self, country: str, form_type: FormType, version: str | None = None) -> FormDefinition:
        """The form for ``country`` (fallback: ``DEFAULT_COUNTRY``); the latest version unless
        ``version`` names a shipped one. Use ``resolve`` to learn whether a fallback happened."""
        return self.resolve(country, form_type, version).definition

    def project_versions(self, project: Project) -> dict[FormType, str | None]:
        rules = project.rule_set
        return {
            "PDD": rules.pdd_form_version or None,
            "MPS": None,
            "MSS": None,
            "MoC": rules.moc_form_version or None,
            "MRS": None,
        }

    def resolve_for_project(self, project: Project) -> list[Resolution]:
        """One resolution per submission document, in navigator order."""
        wanted = self.project_versions(project)
        country = project.rule_set.partner_country or DEFAULT_COUNTRY
        return [
            self.resolve(country, doc.form_type, wanted[doc.form_type])
            for doc in self.submission.documents
        ]

    def fill_rule_set(self, project: Project) -> None:
        """Give a new project the latest PDD and MoC form versions of its partner country
        (only where the rule set names none), so its page headers and checks are complete."""
        rules = project.rule_set
        country = rules.partner_country or DEFAULT_COUNTRY
        if not rules.pdd_form_version:
            rules.pdd_form_version = self.get(country, "PDD").version
        if not rules.moc_form_version:
            rules.moc_form_version = self.get(country, "MoC").version

    def for_project(self, project: Project) -> list[FormDefinition]:
        """The forms of the project's submission (PDD, MPS, MSS, MoC), in navigator order."""
        return [r.definition for r in self.resolve_for_project(project)]


def load_forms(root: Path | None = None) -> FormRegistry:
    """The registry of ``root`` (default: the shipped ``forms/``); raises ``FormDefinitionError``.

    Files are found and their names checked now; each definition is validated when first
    used (``definitions()`` validates all). Without ``root`` the shipped folder is read once
    per process and the registry is cached (definitions are immutable)."""
    if root is None:
        return _load_default()
    return _load(root)


def check_forms(root: Path | None = None) -> FormRegistry:
    """Read and validate every definition of ``root`` (default: the shipped ``forms/``) now.

    ``forms/`` is mandatory: the editors, the exporters and the sign-off fingerprints all come
    from it, and none has a hand-written substitute. The desktop app calls this at start-up so
    an unreadable definition stops it once, naming the file, instead of failing later in one
    editor. Raises ``FormDefinitionError`` (a ``UserError``)."""
    registry = load_forms(root)
    registry.definitions()
    return registry


@lru_cache(maxsize=1)
def _load_default() -> FormRegistry:
    return _load(forms_dir())


def _load(root: Path) -> FormRegistry:
    if not root.is_dir():
        raise UserError(f"The form definitions folder {root} does not exist.")
    files: dict[tuple[str, str], dict[str, Path]] = {}
    for file in country_files(root):
        form_type, version = file_key(file)
        files.setdefault((file.parent.name, form_type), {})[version] = file
    return FormRegistry(files, load_bases(root), load_submission(root), load_countries(root), root)

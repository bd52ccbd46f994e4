"""The registry of methodology templates: shipped ones, the user's folder and extra folders.

Folders are read in order — shipped (``paths.templates_dir()``), the user folder
(``paths.user_templates_dir()``), then each ``--templates DIR`` — and a later template with the
same id and version replaces an earlier one (recorded in ``Registry.shadowed``). A broken file
does not stop the others from loading: its problems are kept in ``Registry.errors``. Parsed
templates are cached by (path, size, mtime) so reopening the registry is cheap.

Validation is lazy. Opening the registry reads each file's id and version only (through the
JSON parse cache); ``get`` and ``versions`` validate and lint the files of the methodology
asked for, which is all that calculating one project needs (the app's figures, an export, a
check). Everything else (``all``, ``for_country``, ``templates``, ``errors``, ``shadowed``)
validates every file first, in folder order, with the same outcome as validating all at once:
the last valid file of an id and version wins and every broken file is reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jcm_pdd import textfile, tomlcache
from jcm_pdd.errors import UserError
from jcm_pdd.methodology.errors import Problem, TemplateError
from jcm_pdd.methodology.loader import MAX_TEMPLATE_BYTES, load_file
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


Key = tuple[str, str]  # (methodology id, version)


@dataclass
class Registry:
    _files: list[Path] = field(default_factory=list)  # in folder order: later ones win
    _by_key: dict[Key, list[Path]] = field(default_factory=dict)  # from each file's identity
    _templates: dict[Key, Template] = field(default_factory=dict)
    _errors: list[Problem] = field(default_factory=list)
    _shadowed: list[str] = field(default_factory=list)
    _complete: bool = True  # every file validated (a registry built with add() only)

    def add(self, template: Template) -> None:
        key = (template.identity.id, template.identity.version)
        if key in self._templates:
            self._shadowed.append(f"{self._templates[key].path} replaced by {template.path}")
        self._templates[key] = template

    def add_file(self, path: Path) -> None:
        """Note a template file; it is validated when its methodology is first asked for."""
        self._files.append(path)
        key = _peek_key(path)
        if key is not None:
            self._by_key.setdefault(key, []).append(path)
        self._complete = False

    @property
    def templates(self) -> dict[Key, Template]:
        self._validate_all()
        return self._templates

    @property
    def errors(self) -> list[Problem]:
        self._validate_all()
        return self._errors

    @property
    def shadowed(self) -> list[str]:
        self._validate_all()
        return self._shadowed

    def _validate_all(self) -> None:
        if self._complete:
            return
        self._templates, self._errors, self._shadowed = {}, [], []
        for path in self._files:
            template = _load(path, self._errors)
            if template is not None:
                self.add(template)
        self._complete = True

    def _of_id(self, wanted: str) -> list[Template]:
        """The templates of one methodology id, validating only its files."""
        if self._complete:
            return [t for t in self._templates.values() if t.identity.id == wanted]
        found: list[Template] = []
        for (methodology_id, _version), paths in self._by_key.items():
            if methodology_id != wanted:
                continue
            for path in reversed(paths):  # the last valid file wins, as in _validate_all
                # (a broken file's problems are reported, in folder order, by _validate_all)
                template = _load(path, [])
                if template is not None and template.identity.id == wanted:
                    found.append(template)
                    break
        return found

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
        return sorted(self._of_id(wanted), key=lambda t: _version_key(t.identity.version))

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
            registry.add_file(path)
    return registry


def _load(path: Path, errors: list[Problem]) -> Template | None:
    """The validated template of ``path``, or None with its problems added to ``errors``."""
    try:
        return load_cached(path)
    except TemplateError as exc:
        errors.extend(exc.problems)
    except OSError as exc:
        errors.append(Problem(str(path), 1, "", f"cannot read: {textfile.why(exc)}", "toml"))
    return None


def _peek_key(path: Path) -> Key | None:
    """A file's (id, version) as written, without validating it; None if it has none.

    Validation keeps strings as they are (no coercion, no stripping), so a file that validates
    has exactly this key; a file without string id and version cannot validate at all.
    """
    try:
        stat = path.stat()
    except OSError:
        return None
    seen = _PEEKED.get(path)
    if seen and seen[0] == stat.st_size and seen[1] == stat.st_mtime_ns:
        return seen[2]
    key = _read_key(path) if stat.st_size <= MAX_TEMPLATE_BYTES else None
    _PEEKED[path] = (stat.st_size, stat.st_mtime_ns, key)
    return key


_PEEKED: dict[Path, tuple[int, int, Key | None]] = {}  # by (size, mtime), like _CACHE


def _read_key(path: Path) -> Key | None:
    try:
        identity = tomlcache.loads(textfile.read_text(path).removeprefix("\ufeff")).get("identity")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(identity, dict):
        return None
    methodology_id, version = identity.get("id"), identity.get("version")
    if isinstance(methodology_id, str) and isinstance(version, str):
        return methodology_id, version
    return None

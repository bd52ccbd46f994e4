"""Reading form definitions from TOML files, merging country files onto shared bases, validating.

Layout of the ``forms/`` folder (see ``forms/README.md``)::

    forms/_base/PDD.toml            shared definition of a form type (sections and fields)
    forms/MN/PDD_ver03.0.toml       one country's form: country, form_type, version, code,
                                    "base", text variables and targeted overrides
    forms/submission.toml           the documents of a submission, in navigator order
    forms/countries.toml            partner countries: names and rough bounding boxes

A country file names its keys explicitly (``country``, ``form_type``, ``version``) and the
file name must agree with them, so a copied file cannot silently stand in for another form.
Every problem is reported as a ``FormDefinitionError`` naming the file and the field.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from jcm_pdd import textfile, tomlcache
from jcm_pdd.errors import UserError
from jcm_pdd.forms.schema import FORM_TYPES, FormDefinition, FormType, Submission
from jcm_pdd.model import Project
from jcm_pdd.model.paths import pattern_exists
from jcm_pdd.storage.schema_errors import message

BASE_FOLDER = "_base"
_FILE_NAME = re.compile(r"^(?P<form_type>[A-Za-z]+)_ver(?P<version>\d{2}\.\d)\.toml$")
_VARIABLE = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_COUNTRY_KEYS = {"base", "vars", "overrides"}


class FormDefinitionError(UserError):
    """A form definition file that cannot be used; names the file and, if known, the field.

    Raised ``from None``: a damaged definition is a file to mend, not a bug, and the command
    line and the background jobs keep a crash-log entry for a UserError raised from another
    exception (its message already says all the parser said)."""

    def __init__(self, file: Path, problem: str, where: str = "") -> None:
        self.file = file
        self.where = where
        self.problem = problem
        location = f" ({where})" if where else ""
        super().__init__(f"Form definition {file.name}{location}: {problem}")


def read_toml(file: Path) -> dict[str, Any]:
    """The parsed file; through the JSON parse cache, as every start of the app reads them all."""
    try:
        # never waiting on a pipe in the folder; a byte-order mark (Notepad) is not TOML
        text = textfile.read_text(file).removeprefix("\ufeff")
        return tomlcache.loads(text, decimal=False)
    except tomllib.TOMLDecodeError as exc:
        raise FormDefinitionError(file, f"not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise FormDefinitionError(file, f"is not UTF-8 text: {exc.reason}") from None
    except OSError as exc:
        raise FormDefinitionError(file, f"cannot be read: {exc.strerror or exc}") from None


def _describe_location(data: dict[str, Any], loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into words: section 'A.3', field 'pdd.sites', ..."""
    words: list[str] = []
    node: Any = data
    for step in loc:
        if isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            if isinstance(node, dict):
                name = node.get("id") or node.get("path") or node.get("subpath") or str(step)
                kind = {"sections": "section", "fields": "field", "columns": "column"}.get(
                    words[-1] if words else "", "item"
                )
                if words:
                    words[-1] = f"{kind} '{name}'"
                continue
        if isinstance(node, dict) and isinstance(step, str):
            node = node.get(step)
        words.append(str(step))
    return ", ".join(words)


def _apply_overrides(data: dict[str, Any], overrides: list[Any], file: Path) -> None:
    """Apply ``[[overrides]]`` entries: ``target`` is a section id, a field key, or
    ``field/column``; the remaining keys replace the target's keys."""
    for number, entry in enumerate(overrides, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("target"), str):
            raise FormDefinitionError(
                file, "needs a 'target' (section id or field)", f"override {number}"
            )
        changes = {k: v for k, v in entry.items() if k != "target"}
        target = _find_target(data, entry["target"])
        if target is None:
            raise FormDefinitionError(
                file,
                f"no section, field or column '{entry['target']}' to override",
                f"override {number}",
            )
        target.update(changes)


def _find_target(data: dict[str, Any], target: str) -> dict[str, Any] | None:
    field_key, _, column_key = target.partition("/")
    for section in data.get("sections", []):
        if not column_key and section.get("id") == target:
            return section  # type: ignore[no-any-return]
        for form_field in section.get("fields", []):
            if (form_field.get("id") or form_field.get("path")) != field_key:
                continue
            if not column_key:
                return form_field  # type: ignore[no-any-return]
            for column in form_field.get("columns", []):
                if (column.get("id") or column.get("subpath")) == column_key:
                    return column  # type: ignore[no-any-return]
    return None


def _substitute(node: Any, variables: dict[str, str], file: Path) -> Any:
    if isinstance(node, str):

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in variables:
                raise FormDefinitionError(
                    file, f"uses the undefined text variable '{{{{{name}}}}}'"
                )
            return variables[name]

        return _VARIABLE.sub(replace, node)
    if isinstance(node, list):
        return [_substitute(item, variables, file) for item in node]
    if isinstance(node, dict):
        return {key: _substitute(value, variables, file) for key, value in node.items()}
    return node


def merge_country_file(
    file: Path, data: dict[str, Any], bases: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """The full definition data of a country file: its base, then its own keys and overrides.

    Text variables are substituted first; that builds fresh containers, so the shared base
    is never modified and no deep copy is needed."""
    variables = data.get("vars", {})
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        raise FormDefinitionError(file, "'vars' must map names to text", "vars")
    own = {k: v for k, v in data.items() if k not in _COUNTRY_KEYS}
    base_name = data.get("base")
    if base_name is None:
        merged = own
    elif not isinstance(base_name, str) or base_name not in bases:
        known = ", ".join(sorted(bases)) or "none"
        raise FormDefinitionError(
            file, f"names base '{base_name}', which does not exist (known: {known})", "base"
        )
    else:
        merged = {**bases[base_name], **own}
    overrides = data.get("overrides", [])
    if not isinstance(overrides, list):
        raise FormDefinitionError(
            file, "'overrides' must be a list of [[overrides]] tables", "overrides"
        )
    result: dict[str, Any] = _substitute(merged, variables, file)
    _apply_overrides(result, _substitute(overrides, variables, file), file)
    return result


# pydantic's error types a form definition words differently from a project file
_FORM_WORDS = {
    "extra_forbidden": "is not a key a form definition knows (misspelt?)",
    "dict_type": "must be a table of keys",
    "model_type": "must be a table of keys",
    "model_attributes_type": "must be a table of keys",
}


def schema_error(
    file: Path,
    data: dict[str, Any],
    exc: ValidationError,
    root: type[BaseModel],
    where: str | None = None,
) -> FormDefinitionError:
    """The first of ``exc``'s problems in a user's words ("is required", "must be text"; as
    ``storage.schema_errors`` words a project's), where it is (``where``, else the section and
    field it names), and how many more there are."""
    first = exc.errors(include_url=False)[0]
    if where is None:
        where = _describe_location(data, tuple(first["loc"]))
    more = f" (and {exc.error_count() - 1} more problem(s))" if exc.error_count() > 1 else ""
    return FormDefinitionError(file, message(first, root, _FORM_WORDS) + more, where)


def validate_definition(file: Path, data: dict[str, Any]) -> FormDefinition:
    """Validate merged data against the schema, the file name and the document model."""
    try:
        definition = FormDefinition.model_validate(data)
    except ValidationError as exc:
        raise schema_error(file, data, exc, FormDefinition) from None
    _check_file_name(file, definition)
    _check_model_paths(file, definition)
    definition._source_file = file
    return definition


def file_key(file: Path) -> tuple[FormType, str]:
    """(form type, version) from a country file's name, e.g. ``PDD_ver03.0.toml``."""
    match = _FILE_NAME.match(file.name)
    if match is None or match.group("form_type") not in FORM_TYPES:
        raise FormDefinitionError(
            file,
            f"is not named <form type>_ver<NN.N>.toml with a form type of {', '.join(FORM_TYPES)}",
        )
    return match.group("form_type"), match.group("version")  # type: ignore[return-value]


def _check_file_name(file: Path, definition: FormDefinition) -> None:
    match = _FILE_NAME.match(file.name)
    expected = f"{definition.form_type}_ver{definition.version}.toml"
    if match is None or file.name != expected or file.parent.name != definition.country:
        raise FormDefinitionError(
            file,
            f"declares {definition.country} {definition.form_type} ver{definition.version}, "
            f"so it must be named {definition.country}/{expected}",
        )


def _check_model_paths(file: Path, definition: FormDefinition) -> None:
    for section, form_field in definition.fields():
        where = f"section '{section.id}', field '{form_field.key}'"
        if not pattern_exists(Project, form_field.path):
            raise FormDefinitionError(
                file, f"path '{form_field.path}' is not in the document model", where
            )
        for column, pattern in zip(form_field.columns, form_field.column_patterns(), strict=True):
            if not pattern_exists(Project, pattern):
                raise FormDefinitionError(
                    file,
                    f"column path '{pattern}' is not in the document model",
                    f"{where}, column '{column.key}'",
                )
        subpaths = {c.subpath for c in form_field.columns}
        for hints in [form_field.export, *(c.export for c in form_field.columns)]:
            for named in (hints.group_by, hints.combine_with):
                if named and named not in subpaths:
                    raise FormDefinitionError(
                        file, f"export hint names unknown column '{named}'", where
                    )
        condition = form_field.applies_when
        if condition is not None and not pattern_exists(Project, condition.path):
            raise FormDefinitionError(
                file, f"condition path '{condition.path}' is not in the document model", where
            )


def load_bases(forms_root: Path) -> dict[str, dict[str, Any]]:
    bases: dict[str, dict[str, Any]] = {}
    folder = forms_root / BASE_FOLDER
    if folder.is_dir():
        for file in sorted(folder.glob("*.toml")):
            bases[file.stem] = read_toml(file)
    return bases


def load_definition_file(file: Path, bases: dict[str, dict[str, Any]]) -> FormDefinition:
    data = read_toml(file)
    merged = merge_country_file(file, data, bases)
    try:
        return validate_definition(file, merged)
    except FormDefinitionError as exc:
        base = data.get("base")
        if exc.file != file or not isinstance(base, str):
            raise
        # Most of a country file's content is its base's: a problem found in the merged data
        # may be in either file, so the message names both (not only the country file).
        built_on = f"{exc.problem} (the definition is built on {BASE_FOLDER}/{base}.toml: the "
        raise FormDefinitionError(
            file, built_on + "problem is in one of the two files)", exc.where
        ) from None


def country_files(forms_root: Path) -> list[Path]:
    """Every country form file: ``forms/<CC>/<TYPE>_ver<NN.N>.toml``, sorted."""
    files: list[Path] = []
    for folder in sorted(forms_root.iterdir()):
        if folder.is_dir() and re.fullmatch(r"[A-Z]{2}", folder.name):
            files.extend(sorted(folder.glob("*.toml")))
    return files


def load_submission(forms_root: Path) -> Submission:
    file = forms_root / "submission.toml"
    if not file.exists():
        raise FormDefinitionError(file, "is missing; the navigator needs the list of documents")
    data = read_toml(file)
    try:
        return Submission.model_validate(data)
    except ValidationError as exc:
        raise schema_error(file, data, exc, Submission) from None

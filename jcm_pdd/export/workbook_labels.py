"""Titles and column headers of the Monitoring Plan workbook, from the MPS/MSS form definitions.

The workbook's sheet titles, table titles and lettered column headers come from ``forms/``
(MPS and MSS definitions of the partner country), like the PDD's headings, so a corrected label
is a data change. ``forms/`` is the one source, as for the PDD and MoC layouts: when it cannot
be read, or a table lacks the columns the workbook's cells and formulas are laid out for, the
export stops with a message naming the problem instead of printing other labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from jcm_pdd.errors import UserError
from jcm_pdd.forms import FormDefinition, Section

# Not a form heading: the calculation sheet is the workbook's own (the MPS has none).
CALC_TITLE = (
    "Monitoring Plan Sheet (Calculation Process Sheet) [Attachment to Project Design Document]"
)
# The values the workbook can put in a column of Table 1 / Table 2, by the column's subpath.
# The form decides the order (the body is laid out column by column from the definition); a
# definition naming another value, or leaving one out, stops the export with the reason.
TABLE1_SUBPATHS = frozenset(
    {
        "monitoring_point",
        "symbol",
        "description",
        "estimated_value",
        "unit",
        "option",
        "source_of_data",
        "measurement_methods",
        "frequency",
        "comments",
    }
)
TABLE2_SUBPATHS = frozenset(
    {"symbol", "description", "value", "unit", "source_of_data", "comments"}
)
MSS_SUBPATHS = frozenset({"responsible", "role", "organisation"})


@dataclass(frozen=True)
class WorkbookLabels:
    input_title: str
    mss_title: str
    table1_title: str
    table1: tuple[str, ...]  # "(a) Label" headers in the form's order
    table1_paths: tuple[str, ...]  # the subpath of each of those columns, same order
    table2_title: str
    table2: tuple[str, ...]
    table2_paths: tuple[str, ...]
    table3_title: str
    defaults_title: str
    mss_columns: tuple[tuple[str, str], ...]  # MSS columns in the form's order: (sub-path, header)
    calc_title: str = CALC_TITLE


class Unusable(Exception):
    """A definition that does not fit the workbook; the message says what is wrong."""


@contextmanager
def forms_fit_or_stop(what: str, definitions: str) -> Iterator[None]:
    """Turn a form definition that cannot be used for ``what`` (a workbook) into the user's
    one-line ``UserError``: it does not fit, it is invalid, or forms/ cannot be read."""
    try:
        yield
    except Unusable as exc:
        raise UserError(
            f"{what} cannot be drawn: its form definition in forms/ does not fit it ({exc})."
        ) from None
    except UserError as exc:  # includes FormDefinitionError: names the file and the problem
        raise UserError(
            f"{what} cannot be drawn: its form {definitions} in forms/ cannot be used "
            f"({exc.message})."
        ) from None
    except OSError as exc:  # forms/ missing or unreadable
        raise UserError(
            f"{what} cannot be drawn: the form definitions folder (forms/) cannot be read "
            f"({exc.strerror or exc}). Reinstall JCM PDD Studio or restore the folder."
        ) from None


def section(definition: FormDefinition, section_id: str) -> Section:
    found = next((s for s in definition.sections if s.id == section_id), None)
    if found is None:
        raise Unusable(f"{definition.form_type} has no section '{section_id}'")
    return found


def _lettered(
    definition: FormDefinition, section_id: str, known: frozenset[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the "(a) Label" headers, their subpaths) of the section's table, in the form's order;
    the subpaths must be exactly ``known`` (each value the workbook has, once)."""
    table = section(definition, section_id)
    columns = [c for c in table.fields[0].columns if c.on_form and c.letter] if table.fields else []
    paths = [c.subpath for c in columns]
    if sorted(paths) != sorted(known):
        unknown = sorted(set(paths) - known)
        missing = sorted(known - set(paths))
        raise Unusable(
            f"{definition.form_type} {section_id} has the lettered columns {paths}"
            + (f"; the workbook has no value for {unknown}" if unknown else "")
            + (f"; it lacks {missing}" if missing else "")
            + ("; a column is repeated" if len(paths) != len(set(paths)) else "")
        )
    return tuple(f"{c.letter} {c.label}" for c in columns), tuple(paths)


def _mss_columns(definition: FormDefinition) -> tuple[tuple[str, str], ...]:
    structure = section(definition, "structure")
    found = (
        tuple((c.subpath, c.label) for c in structure.fields[0].columns if c.on_form)
        if structure.fields
        else ()
    )
    if {path for path, _ in found} != MSS_SUBPATHS:
        raise Unusable(f"MSS structure columns are {[p for p, _ in found]}")
    return found


def labels_for(country: str) -> WorkbookLabels:
    """The labels of the MPS and MSS forms of ``country`` (UserError if they cannot be used)."""
    from jcm_pdd.forms import load_forms

    with forms_fit_or_stop("The Monitoring Plan workbook", "definitions"):
        registry = load_forms()
        mps = registry.get(country or "MN", "MPS")
        mss = registry.get(country or "MN", "MSS")
        table1, table1_paths = _lettered(mps, "T1", TABLE1_SUBPATHS)
        table2, table2_paths = _lettered(mps, "T2", TABLE2_SUBPATHS)
        return WorkbookLabels(
            input_title=mps.title,
            mss_title=mss.title,
            table1_title=section(mps, "T1").heading,
            table1=table1,
            table1_paths=table1_paths,
            table2_title=section(mps, "T2").heading,
            table2=table2,
            table2_paths=table2_paths,
            table3_title=section(mps, "T3").heading,
            defaults_title=section(mps, "defaults").heading,
            mss_columns=_mss_columns(mss),
        )

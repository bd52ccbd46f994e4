"""Form definitions: the official JCM forms as data, loaded from the top-level ``forms/`` folder.

Public API::

    registry = load_forms()                          # validated, cached
    check_forms()                                    # every definition now (selftest)
    pdd = registry.get("MN", "PDD")                  # latest version; fallback DEFAULT_COUNTRY
    forms = registry.for_project(project)            # [PDD, MPS, MSS, MoC] in navigator order
    registry.submission.documents                    # the navigator's document list
    registry.countries.match("Mongolia")             # names, codes and rough bounding boxes
    resolve_choices(field, registry.countries, template=t, parameter_key="EF_RE")
    registry.fill_rule_set(project)                  # latest PDD/MoC form versions if unset

The editor and the exporters are generated from ``FormDefinition`` objects; see
``jcm_pdd.forms.schema`` for their shape and ``forms/README.md`` for the file format.
"""

from jcm_pdd.forms.choices import resolve_choices
from jcm_pdd.forms.countries import Bounds, Country, CountryTable
from jcm_pdd.forms.loader import FormDefinitionError
from jcm_pdd.forms.registry import (
    DEFAULT_COUNTRY,
    FormRegistry,
    Resolution,
    check_forms,
    load_forms,
)
from jcm_pdd.forms.schema import (
    FORM_TYPES,
    Choice,
    ChoiceSource,
    Column,
    Condition,
    ExportHints,
    FieldType,
    FormDefinition,
    FormField,
    FormType,
    Provenance,
    Section,
    Submission,
    SubmissionDocument,
)

__all__ = [
    "DEFAULT_COUNTRY",
    "FORM_TYPES",
    "Bounds",
    "Choice",
    "ChoiceSource",
    "Column",
    "Condition",
    "Country",
    "CountryTable",
    "ExportHints",
    "check_forms",
    "FieldType",
    "FormDefinition",
    "FormDefinitionError",
    "FormField",
    "FormRegistry",
    "FormType",
    "Provenance",
    "Resolution",
    "Section",
    "Submission",
    "SubmissionDocument",
    "load_forms",
    "resolve_choices",
]

"""A diagnostic: one completeness or consistency problem, with where it is and how bad it is.

Severities follow professional tax-preparation software: an ``error`` blocks
a final export, a ``warning`` should be looked at, an ``info`` needs no action but tells a
validator something (e.g. an unverified default value in use). ``location`` is a model path
(``pdd.sites.1.latitude``) so the GUI can jump to the field; ``key`` names the message in the
catalogues (resources/messages/checks.<language>.toml) and ``params`` carries the values its
words need, so ``messages.text(diagnostic, "ja")`` gives it in Japanese; ``message`` is English.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from jcm_pdd.checks.messages import render


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    location: str  # model path of the field ("" for the whole document)
    message: str
    params: dict[str, str] = field(default_factory=dict, hash=False, compare=True)
    form_type: str = ""  # PDD, MPS, MSS or MoC: where the navigator shows it
    section: str = ""  # section id in that form, e.g. "A.5"
    key: str = ""  # the message's key in the catalogues ("" for the code itself)

    @property
    def path(self) -> str:
        return self.location

    def with_place(self, form_type: str, section: str) -> Diagnostic:
        return Diagnostic(
            self.code,
            self.severity,
            self.location,
            self.message,
            self.params,
            form_type,
            section,
            self.key,
        )


@dataclass(frozen=True)
class CodeInfo:
    severity: Severity
    summary: str


def _e(summary: str) -> CodeInfo:
    return CodeInfo(Severity.ERROR, summary)


def _w(summary: str) -> CodeInfo:
    return CodeInfo(Severity.WARNING, summary)


def _i(summary: str) -> CodeInfo:
    return CodeInfo(Severity.INFO, summary)


# Every diagnostic code, its severity and what it means (for documentation and GUI filters).
CATALOG: dict[str, CodeInfo] = {
    "required.field": _e("a required field of the form is empty"),
    "required.rows": _e("a required table has too few rows"),
    "required.column": _e("a required cell of a table row is empty"),
    "dates.lifetime": _e("the expected operational lifetime is not a positive number of years"),
    "dates.estimate-before-start": _e("the last year of the C.3 estimate is before the start year"),
    "dates.estimate-beyond-lifetime": _w("the C.3 estimate runs past the operational lifetime"),
    "dates.revision-future": _e("a revision of the PDD is dated in the future"),
    "dates.revision-order": _w("revision dates are not in chronological order"),
    "dates.moc-future": _w("the MoC date of submission is in the future"),
    "geo.site-id-duplicate": _e("two sites share one Site ID"),
    "geo.out-of-range": _e("a latitude or longitude is outside the valid range"),
    "geo.unknown-country": _w("a site's country is not a known JCM partner country"),
    "geo.site-country": _e("a site is in another country than the partner country"),
    "geo.outside-country": _w("a site's coordinates fall outside the country's rough bounds"),
    "methodology.host-country": _e("the methodology belongs to another partner country"),
    "methodology.template-missing": _w("no methodology template is available for B.1"),
    "methodology.mismatch": _e("B.1 names another methodology or version than the template"),
    "methodology.status": _e("the methodology version is not valid in its rule set"),
    "methodology.acknowledgement": _e(
        "the methodology template is not read from the approved document and the user has not "
        "acknowledged it"
    ),
    "monitoring.estimate": _e("a monitored parameter has no estimated value"),
    "monitoring.source": _e("a monitored parameter has no source of data"),
    "monitoring.frequency": _e("a monitored parameter has no monitoring frequency"),
    "monitoring.methods": _e("a monitored parameter has no measurement methods"),
    "monitoring.option-missing": _e("no monitoring option is chosen where the template offers one"),
    "monitoring.option-not-allowed": _e("the monitoring option is not allowed by the template"),
    "monitoring.parameter-missing": _e("a parameter of the methodology has no row in the plan"),
    "monitoring.parameter-unknown": _e("a plan row names a parameter the methodology lacks"),
    "monitoring.unit-duplicate": _e("a project unit ID is listed twice"),
    "monitoring.unit-site": _w("a project unit names a site that A.3 does not list"),
    "monitoring.point-duplicate": _w("two monitoring rows share a monitoring point number"),
    "monitoring.override-reason": _e("a default value is overridden without a reason"),
    "monitoring.choice-unknown": _e("a default selection names a case the template lacks"),
    "monitoring.override-not-allowed": _e("a default the methodology fixes is overridden"),
    "period.dates": _e("a monitoring period has no start or end date, or ends before it starts"),
    "period.overlap": _e("two monitoring periods overlap and no reason is stated"),
    "period.gap": _e("days between two monitoring periods are in none, and no reason is stated"),
    "period.before-operation": _w("a monitoring period begins before the start of operation"),
    "period.value-missing": _e("a parameter of Monitoring Plan Table 1 has no value in a period"),
    "period.value-unplanned": _e("a period has a value of a parameter or unit the plan lacks"),
    "period.value-duplicate": _e("a period gives one parameter of one unit twice"),
    "period.value-bounds": _e("a monitored value is outside what the methodology allows"),
    "period.option": _e("a value is monitored by another option than the plan's"),
    "period.calibration": _w("a value the project measures has no instrument or calibration date"),
    "period.calibration-after": _w("a measuring instrument was calibrated after the period"),
    "period.evidence-missing": _e("a value's evidence file is not attached to the project"),
    "eligibility.explanation": _e("an eligibility criterion has no explanation"),
    "eligibility.criteria": _e("the B.2 criteria differ from the methodology's"),
    "eligibility.check-failed": _e("an eligibility check of the template fails"),
    "text.placeholder": _e("a text the methodology template gives only in part is not completed"),
    "calc.total": _e("the C.3 total differs from the sum of the years"),
    "calc.error": _e("the emission reductions cannot be calculated yet"),
    "defaults.unverified": _w("a default value JCM PDD Studio could not verify is in use"),
    "defaults.draft": _i("a default value taken from a draft of the methodology is in use"),
    "defaults.overridden": _i("a methodology default value is overridden"),
    "moc.former-name": _e("the focal point changes its name but gives no former name"),
    "moc.same-signatories": _e("MoC Section 2 leaves the signatories question unanswered"),
    "moc.alternate-signatory": _w("the focal point has no alternate authorised signatory"),
    "moc.participant-missing": _w("a project participant of A.4 is missing from the MoC"),
    "moc.participant-extra": _w("an MoC participant is not listed in A.4"),
    "confidential.unknown-path": _e("a confidentiality flag points at a field that does not exist"),
    "attachments.missing": _e("a field points at an attachment that is not stored"),
    "attachments.field-unknown": _w("an attachment supports a field that does not exist"),
    "forms.fallback": _i("the partner country has no form of its own; a default form is used"),
    "forms.unavailable": _e("the form definitions cannot be loaded; required fields unchecked"),
    "forms.unconfirmed": _w(
        "the form's code and version are not confirmed against the official form"
    ),
    "forms.version": _w("the form version named in the project is not installed"),
}


def make(code: str, location: str, *, key: str = "", **params: object) -> Diagnostic:
    """A diagnostic worded by the catalogues (``key``: ``<code>.<variant>``, default the code);
    its severity comes from ``CATALOG`` (one place decides severities)."""
    info = CATALOG[code]
    shown = {k: str(v) for k, v in params.items()}
    message = render(key or code, shown)
    return Diagnostic(code, info.severity, location, message, shown, key=key)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """Whether a final export must be refused."""
    return any(d.severity is Severity.ERROR for d in diagnostics)

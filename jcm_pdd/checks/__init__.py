"""Completeness and consistency diagnostics of a JCM submission (no Qt).

Public API::

    run_checks(project, forms=None, template=None, estimate=None, *,
               eligibility=None, today=None, resolve=True) -> list[Diagnostic]
    has_errors(diagnostics) -> bool          # a final export is refused while this is true
    blocking_errors(project) -> list[Diagnostic]   # what blocks a final export or a package
    blocking_lines(errors) -> list[str]      # one refusal line per blocking error
    Diagnostic(code, severity, location, message, params, form_type, section, key)
        .location (= .path) is a model path, e.g. "pdd.sites.1.latitude"; form_type/section
        ("PDD", "A.3") say where the navigator shows it; .message is English; .key (or the
        code when "") names the words in resources/messages/checks.<language>.toml.
    message_text(diagnostic, language="en") -> str   # "en" or "ja"; LANGUAGES
    Severity.ERROR / WARNING / INFO;  CATALOG: code -> CodeInfo(severity, summary)

Rules live one topic per module (required, dates, geo, monitoring, consistency,
template_rules, calc_rules) and take a ``CheckContext``; ``runner.RULES`` lists them in order.
"""

from jcm_pdd.checks.context import CheckContext
from jcm_pdd.checks.diagnostic import CATALOG, CodeInfo, Diagnostic, Severity, has_errors
from jcm_pdd.checks.gate import blocking_errors, blocking_lines
from jcm_pdd.checks.messages import LANGUAGES
from jcm_pdd.checks.messages import text as message_text
from jcm_pdd.checks.runner import RULES, run_checks

__all__ = [
    "CATALOG",
    "LANGUAGES",
    "RULES",
    "CheckContext",
    "CodeInfo",
    "Diagnostic",
    "Severity",
    "blocking_errors",
    "blocking_lines",
    "has_errors",
    "message_text",
    "run_checks",
]

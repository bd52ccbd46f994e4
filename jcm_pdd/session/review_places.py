"""How a review's places read to a person: a finding's target and a sign-off's section.

A finding or a sign-off is stored under a key: a form section (``PDD:A.3``), a monitoring
period (``MRS:period 2``) or a model path (``pdd.sites``). ``review show`` and the app's
findings and sign-off panels name it the same way: a form section by its heading as the form
names it ("PDD A.3. Location of project…"), a monitoring period in the interface language
("Monitoring period 2 (01/01/2027 - 31/12/2027)"), a model path in the form's words
(``labels.path_label``), a figure by its year and quantity ("2026 — Emission reductions
ER, tCO2e (rounded down)", ``figure_names``); failing those, the words stored when it was
raised or signed, and the key itself only where no label is known (a person still sees
something exact).
"""

from __future__ import annotations

from jcm_pdd.model import Project
from jcm_pdd.session.figure_names import figure_name
from jcm_pdd.session.labels import field_index, path_label


class PlaceNames:
    """Names of review places against ``project`` (``None``: only the stored words are known)."""

    def __init__(self, project: Project | None, language: str = "en") -> None:
        from jcm_pdd.package.fingerprint import sections_for
        from jcm_pdd.session.formview import form_view

        self.project = project
        self.language = language
        self.titles: dict[str, str] = {}
        if project is None:
            return
        self.titles = {key: spec.title for key, spec in sections_for(project).items()}
        self.sections = form_view(project)
        self.index = field_index(self.sections)

    def name(self, key: str, stored: str = "") -> str:
        """``key`` in the form's words; ``stored`` (the words saved with it) when none are
        found, and the key only when nothing else is known."""
        fallback = stored or key
        figure = figure_name(key, self.language)
        if figure:
            return figure
        if self.project is None:
            return fallback
        if key in self.titles:
            return self.titles[key]
        period = self._period(key)
        if period:
            return period
        label = path_label(self.sections, key, self.language, self.index)
        return fallback if label == key else label

    def _period(self, key: str) -> str:
        from jcm_pdd.package.fingerprint import PERIOD_PREFIX

        number = key.removeprefix(PERIOD_PREFIX)
        assert self.project is not None
        periods = self.project.monitoring.periods
        if not key.startswith(PERIOD_PREFIX) or not number.isdigit():
            return ""
        if not 1 <= int(number) <= len(periods):
            return ""
        period = periods[int(number) - 1]
        words = path_label(self.sections, f"monitoring.periods.{int(number) - 1}", self.language)
        if period.start and period.end:
            words += f" ({period.start:%d/%m/%Y} - {period.end:%d/%m/%Y})"
        return words

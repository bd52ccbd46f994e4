"""Build the neutral ``Document`` of the Monitoring Report from a ``MonitoringCalc``.

JCM monitoring is reported through the Monitoring Report Sheet (MRS) of the registered
Monitoring Spreadsheet; this document carries the same content for reading and signing: the
project and its monitoring periods, the monitored values (MRS(input) Table 1) with their
measuring equipment, calibration and evidence files, how each parameter is measured, the
values fixed ex ante and the default values (Table 2, default list), the ex-post calculation of
emission reductions per period (Table 3, with the equations) beside the ex-ante estimate of PDD
C.3 per calendar year, and the monitoring structure (MSS). Every value is read through a
``FieldReader``; in the public copy confidential values read "XXX", and figures calculated from
them are withheld by the rule of ``export.withheld`` (``monitoring_source.period_hidden``).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from jcm_pdd.export.document import Block, DataTable, Document, Heading, KeyValueTable, Paragraph
from jcm_pdd.export.monitoring_source import MonitoringCalc, PeriodFigures
from jcm_pdd.export.redact import REDACTED, FieldReader
from jcm_pdd.export.workbook_style import combos, symbol_text
from jcm_pdd.methodology.engine import analysis, round_value
from jcm_pdd.methodology.fmt import format_fraction, whole
from jcm_pdd.methodology.typeset import equation_runs, plain

AttachmentLoader = Callable[[str], bytes | None]
TITLE = "Monitoring Report"
WITHHELD_NOTE = (
    "Figures shown as XXX are calculated from values that are confidential; they are given in "
    "the full version of this document."
)
SHARE_NOTE = (
    "Actual emission reductions per calendar year: a period that crosses a year is shared "
    "between the years by days; each year is rounded like a row of PDD C.3. Credits are issued "
    "per period, so the credited total is the sum of the periods' credited emission reductions."
)


def _date(value: object) -> str:
    import datetime as dt

    return value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else ""


def _span(figures: PeriodFigures) -> str:
    period = figures.period
    return f"{_date(period.start)} - {_date(period.end)}"


def _exact(value: Fraction) -> str:
    return format_fraction(value, 6, grouping=True)


class _Builder:
    def __init__(self, calc: MonitoringCalc, public: bool, draft: bool) -> None:
        self.calc = calc
        self.t = calc.template
        self.project = calc.project
        self.reader = FieldReader(calc.project, public=public)
        self.public = public
        self.draft = draft
        self.members = {k: list(v) for k, v in calc.plan.members.items()}
        self.names = calc.attachment_names(self.reader)
        self._units: dict[tuple[str, tuple[str, ...]], str] | None = None

    def text(self, path: str) -> str:
        return self.reader.text(path)

    # -- cover ------------------------------------------------------------------------------
    def cover(self) -> list[Block]:
        project = self.project
        participants = "\n".join(
            f"{self.text(f'{p}.name')} ({self.text(f'{p}.country')})"
            for p in (f"pdd.participants.{n}" for n in range(len(project.pdd.participants)))
        )
        method = project.pdd.methodology
        periods = "\n".join(
            f"{f.label}: {_span(f)} ({f.actual.days if f.actual else '-'} days)"
            for f in self.calc.periods
        )
        credited = self._credited_total()
        return [
            Heading(TITLE, level=1),
            KeyValueTable(
                (
                    ("Title of the JCM project", self.text("pdd.title")),
                    ("Reference number", self.text("reference_number")),
                    ("Partner country", self._country()),
                    ("Project participants", participants),
                    (
                        "Applied methodology",
                        f"{method.methodology_id} ver{method.version.removeprefix('ver')}"
                        if method.methodology_id
                        else "",
                    ),
                    ("Monitoring Spreadsheet", self.t.identity.full_id),
                    ("Monitoring period(s)", periods),
                    ("Emission reductions in the monitoring period(s)", credited),
                )
            ),
        ]

    def _country(self) -> str:
        """The partner country by name, as the forms print it (its code if unknown)."""
        from jcm_pdd.forms.countries import load_countries
        from jcm_pdd.paths import forms_dir

        code = self.text("rule_set.partner_country")
        found = [c for c in load_countries(forms_dir()).countries if c.code == code]
        return found[0].name if found else code

    def _credited_total(self) -> str:
        periods = self.calc.periods
        if any(f.withheld for f in periods):
            return REDACTED
        if any(f.actual is None for f in periods):
            return "Not calculated: a period's monitored values are incomplete."
        total = sum(f.actual.credited for f in periods if f.actual is not None)
        return f"{whole(total)} tCO2e"

    # -- A. monitored values ----------------------------------------------------------------
    def monitored(self) -> list[Block]:
        out: list[Block] = [Heading("A. Parameters monitored ex post", level=2)]
        for figures in self.calc.periods:
            out.append(Heading(f"A.{figures.number + 1} {figures.label}: {_span(figures)}", 3))
            rows = []
            for key, param in self.t.parameters.items():
                if param.role != "monitored":
                    continue
                for index in combos(param, self.members):
                    rows.append(self._value_row(figures, key, index))
            out.append(
                DataTable(
                    columns=(
                        "Parameter",
                        "Monitored value",
                        "Option",
                        "Measuring equipment, last calibration",
                        "Evidence",
                    ),
                    rows=tuple(rows),
                    widths=(1.5, 1.5, 1.1, 2.3, 2.2),
                    numeric=frozenset({1}),
                )
            )
            if figures.period.imports:
                out.append(Paragraph("Monitored data imported from files:", style="label"))
                out.append(self._imports(figures))
            reason = self.text(f"monitoring.periods.{figures.number}.gap_reason")
            comments = self.text(f"monitoring.periods.{figures.number}.comments")
            for label, said in (("Gap or overlap", reason), ("Comments", comments)):
                if said:
                    out.append(Paragraph(f"{label}: {said}"))
        return out

    def _value_row(
        self, figures: PeriodFigures, key: str, index: tuple[str, ...]
    ) -> tuple[str, ...]:
        param = self.t.parameters[key]
        entry = self.calc.value_of(figures.number, key, dict(zip(param.index, index, strict=True)))
        unit = self._plan_unit(key, index) or param.unit
        if entry is None:
            missing = "[to be completed]" if self.draft else ""
            return (symbol_text(param, index), f"{missing} {unit}".strip(), "", "", "")
        path = self.calc.value_path(figures.number, entry)
        value = self.text(f"{path}.value")
        if key in figures.hidden:
            value = REDACTED
        elif value and entry.value is not None:
            value = format_fraction(Fraction(entry.value), 10, grouping=True)
        evidence = (
            REDACTED
            if self.reader.hidden(f"{path}.evidence")
            else "\n".join(
                f"{self.names.get(h, 'file')}\nSHA-256 {h[:12]}…" for h in entry.evidence
            )
        )
        option = self.text(f"{path}.option")
        calibrated = self.text(f"{path}.calibration_date")
        equipment = "\n".join(
            x
            for x in (
                self.text(f"{path}.instrument"),
                f"calibrated {calibrated}" if calibrated else "",
            )
            if x
        )
        return (
            symbol_text(param, index),
            f"{value} {unit}".strip(),
            f"Option {option}" if option and option != REDACTED else option,
            equipment,
            evidence,
        )

    def _plan_unit(self, key: str, index: tuple[str, ...]) -> str:
        if self._units is None:  # indexed once: many units x many periods look it up
            self._units = {}
            for n, row in enumerate(self.project.monitoring_plan.monitored):
                if row.key in self.t.parameters:
                    sets = self.t.parameters[row.key].index
                    at = (row.key, tuple(row.index.get(s, "") for s in sets))
                    self._units.setdefault(at, self.text(f"monitoring_plan.monitored.{n}.unit"))
        return self._units.get((key, index), "")

    def _imports(self, figures: PeriodFigures) -> DataTable:
        base = f"monitoring.periods.{figures.number}.imports"
        rows = []
        for n, record in enumerate(figures.period.imports):
            digest = (
                REDACTED if self.reader.hidden(f"{base}.{n}.sha256") else f"{record.sha256[:16]}…"
            )
            rows.append(
                (
                    f"{self.text(f'{base}.{n}.file_name')}\nSHA-256 {digest}",
                    f"{record.rows:,}",
                    self.text(f"{base}.{n}.imported_on"),
                    # the totals it gave are the period's values: hidden with any of them
                    self.text(f"{base}.{n}.summary") if not figures.hidden else REDACTED,
                )
            )
        return DataTable(
            columns=("File", "Rows", "Imported", "What it gave"),
            rows=tuple(rows),
            widths=(2.6, 0.8, 1.3, 3.9),
            numeric=frozenset({1}),
        )

    def methods(self) -> list[Block]:
        rows = []
        for n, row in enumerate(self.project.monitoring_plan.monitored):
            param = self.t.parameters.get(row.key)
            if param is None:
                continue
            base = f"monitoring_plan.monitored.{n}"
            index = tuple(row.index.get(s, "") for s in param.index)
            rows.append(
                (
                    self.text(f"{base}.monitoring_point"),
                    symbol_text(param, index),
                    self.text(f"{base}.source_of_data"),
                    self.text(f"{base}.measurement_methods"),
                    self.text(f"{base}.frequency"),
                )
            )
        if not rows:
            return []
        return [
            Heading("B. Measurement methods and procedures (Monitoring Plan)", level=2),
            DataTable(
                columns=("No.", "Parameter", "Source of data", "Measurement methods", "Frequency"),
                rows=tuple(rows),
                widths=(0.6, 1.35, 1.1, 3.6, 1.45),
            ),
        ]

    # -- C. fixed and default values --------------------------------------------------------
    def fixed(self) -> list[Block]:
        from jcm_pdd.export.draft_inputs import lenient_resolve

        _members, values, sources = lenient_resolve(self.t, self.calc.plan)
        rows = []
        for key, param in self.t.parameters.items():
            if param.role not in ("fixed_ex_ante", "default"):
                continue
            for index in combos(param, self.members):
                found = values.get(key)
                value = found.get(index) if isinstance(found, dict) else found
                shown = "" if value is None else format_fraction(Fraction(value), 10)
                source = sources.get((key, index))
                cite = source.citation if source and param.role == "default" else ""
                cite = cite or param.source_of_data
                if (key, index) in self.calc.plan_hidden:
                    shown = cite = REDACTED
                rows.append((symbol_text(param, index), param.description, shown, param.unit, cite))
        if not rows:
            return []
        return [
            Heading("C. Parameters fixed ex ante and default values", level=2),
            DataTable(
                columns=("Parameter", "Description", "Value", "Unit", "Source"),
                rows=tuple(rows),
                widths=(1.35, 2.45, 0.9, 1.0, 2.3),
                numeric=frozenset({2}),
            ),
        ]

    # -- D. emission reductions -------------------------------------------------------------
    def reductions(self) -> list[Block]:
        out: list[Block] = [
            Heading("D. Ex-post calculation of CO2 emission reductions", level=2),
            Heading("D.1 Emission reductions per monitoring period", level=3),
        ]
        rows = []
        for figures in self.calc.periods:
            actual = figures.actual
            if actual is None:
                rows.append((figures.label, _span(figures), "", "", "", "", figures.problem))
                continue
            show = (lambda _v: REDACTED) if figures.withheld else _exact
            rows.append(
                (
                    figures.label,
                    _span(figures),
                    str(actual.days),
                    show(actual.result.re),
                    show(actual.result.pe),
                    show(actual.result.er),
                    REDACTED if figures.withheld else whole(actual.credited),
                )
            )
        out.append(
            DataTable(
                columns=(
                    "Period",
                    "Dates",
                    "Days",
                    "RE_p (tCO2e)",
                    "PE_p (tCO2e)",
                    "ER_p (tCO2e)",
                    "Credited ER (tCO2e)",
                ),
                rows=tuple(rows),
                total=("Total", "", "", "", "", "", self._credited_total().removesuffix(" tCO2e"))
                if len(rows) > 1
                else None,
                widths=(0.85, 1.4, 0.7, 1.35, 1.0, 1.35, 1.2),
                numeric=frozenset({2, 3, 4, 5, 6}),
            )
        )
        mode = self.t.rounding.emission_reductions
        out.append(
            Paragraph(
                f"RE_p, PE_p and ER_p are calculated exactly from the monitored values "
                f"(shown to six decimals); the credited ER of each period is ER_p rounded "
                f"{'down' if mode == 'floor' else 'by the rule ' + mode} to whole tCO2e.",
                style="note",
            )
        )
        if any(f.withheld for f in self.calc.periods):
            out.append(Paragraph(WITHHELD_NOTE, style="note"))
        out.extend(self.equations())
        out.extend(self.comparison())
        return out

    def equations(self) -> list[Block]:
        info = analysis(self.t)
        symbols = {k: p.symbol for k, p in self.t.parameters.items()}
        rows = []
        for key in info.order:
            param = self.t.parameters[key]
            if param.role != "calculated" or key not in info.equations:
                continue
            runs = equation_runs(param.symbol, info.equations[key], symbols, param.equation_ref)
            rows.append((plain(runs), param.unit, param.equation_ref))
        return [
            Heading("D.2 Equations applied (" + self.t.identity.full_id + ")", level=3),
            DataTable(
                columns=("Equation", "Unit", "Reference"),
                rows=tuple(rows),
                widths=(4.4, 1.0, 2.0),
            ),
        ]

    def comparison(self) -> list[Block]:
        compared = self.calc.comparison
        head = Heading("D.3 Actual emission reductions beside the PDD estimate (C.3)", level=3)
        if compared is None:
            return [head, Paragraph("The ex-ante estimate (PDD C.3) cannot be calculated.")]
        withheld = any(f.withheld for f in self.calc.periods)
        estimate = self.calc.estimate
        c3_days = {r.year: r.days for r in estimate.c3.rows} if estimate is not None else {}
        monitored = [y for y in compared.years if y.monitored_days]
        rounding = self.t.rounding.emission_reductions

        def same_days(year: int, estimated: int | None, days: int) -> int | None:
            """The C.3 row's ER pro rata for the monitored days of its year."""
            if estimated is None or not c3_days.get(year):
                return None
            return round_value(
                Fraction(estimated * min(days, c3_days[year]), c3_days[year]), rounding
            )

        pro_rata = [same_days(y.year, y.estimated_er, y.monitored_days) for y in monitored]
        rows = tuple(
            (
                str(y.year),
                "-" if y.estimated_er is None else whole(y.estimated_er),
                "-" if share is None else whole(share),
                REDACTED if withheld else ("-" if y.actual_er is None else whole(y.actual_er)),
                str(y.monitored_days),
            )
            for y, share in zip(monitored, pro_rata, strict=True)
        )
        actual = sum(y.actual_er or 0 for y in monitored)
        return [
            head,
            DataTable(
                columns=(
                    "Year",
                    "Estimated ER, PDD C.3 (tCO2e)",
                    "Estimated for the monitored days (tCO2e)",
                    "Actual ER (tCO2e)",
                    "Monitored days",
                ),
                rows=rows,
                total=(
                    "Monitored",
                    "",
                    whole(sum(x or 0 for x in pro_rata)),
                    REDACTED if withheld else whole(actual),
                    str(sum(y.monitored_days for y in monitored)),
                ),
                widths=(1.05, 1.4, 1.5, 1.3, 1.1),
                numeric=frozenset({1, 2, 3, 4}),
            ),
            Paragraph(
                SHARE_NOTE + " The estimate for the monitored days is the year's C.3 figure "
                "times the monitored days over the days C.3 counts in that year. PDD C.3 "
                f"estimates {whole(compared.estimated_total)} tCO2e over the whole operational "
                "lifetime.",
                style="note",
            ),
        ]

    # -- E. monitoring structure ------------------------------------------------------------
    def structure(self) -> list[Block]:
        plan = self.project.monitoring_plan
        rows = tuple(
            (
                self.text(f"monitoring_plan.structure.{n}.responsible"),
                self.text(f"monitoring_plan.structure.{n}.organisation"),
                self.text(f"monitoring_plan.structure.{n}.role"),
            )
            for n in range(len(plan.structure))
        )
        out: list[Block] = [Heading("E. Monitoring structure", level=2)]
        if rows:
            out.append(
                DataTable(
                    columns=("Responsible personnel", "Organisation", "Role"),
                    rows=rows,
                    widths=(2.0, 2.0, 3.0),
                )
            )
        note = self.text("monitoring_plan.structure_note")
        if note:
            out.append(Paragraph(note))
        return out


def build_report(
    calc: MonitoringCalc,
    *,
    public: bool,
    draft: bool,
    load_attachment: AttachmentLoader | None = None,
) -> Document:
    """The Monitoring Report of ``calc``'s periods as a neutral document (``calc`` built for
    the same copy: ``monitoring_calc(project, numbers, public=public)``)."""
    del load_attachment  # the report prints no attachment's content, only its name and hash
    builder = _Builder(calc, public, draft)
    ref = builder.text("reference_number")
    header = f"{TITLE} {ref}".strip() if ref != REDACTED else TITLE
    doc = Document(
        title=TITLE,
        header_text=header,
        footer_text=f"{TITLE} - {calc.template.identity.full_id}",
        draft=draft,
        subject=builder.text("pdd.title"),
        author="; ".join(
            name
            for n in range(len(calc.project.pdd.participants))
            if (name := builder.text(f"pdd.participants.{n}.name")) and name != REDACTED
        ),
    )
    for part in (
        builder.cover(),
        builder.monitored(),
        builder.methods(),
        builder.fixed(),
        builder.reductions(),
        builder.structure(),
    ):
        doc.add(*part)
    return doc

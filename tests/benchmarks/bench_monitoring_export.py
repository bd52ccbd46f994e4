"""Monitoring Report exports of a large project (issue 17). Run:
python tests/benchmarks/bench_monitoring_export.py

MN_AM003 with 300 PV systems and 120 monthly periods, every value entered (the project of
``bench_monitoring``). Prints, best of three (the machine is shared and noisy):
- the MRS workbook and the Monitoring Report (Word and PDF) of one period, as a user exports a
  period's report
- the MRS workbook of all 120 periods (36,000 Table 1 rows, 120 formula columns)
- the longest formula of that workbook (Excel refuses formulas over 8,192 characters)
"""

from __future__ import annotations

import io
import time
from decimal import Decimal

from bench_monitoring import UNITS, project

from jcm_pdd.export.build_mrs import mrs_workbook
from jcm_pdd.export.build_report import build_report
from jcm_pdd.export.monitoring_source import monitoring_calc
from jcm_pdd.model import MonitoredValue, Project


def filled() -> Project:
    made = project(UNITS)
    for number, period in enumerate(made.monitoring.periods):
        period.values = [
            MonitoredValue(
                key="EG", index={"i": f"PV-{n}"}, value=Decimal(f"{n}.{number:03d}"), option="C"
            )
            for n in range(1, UNITS + 1)
        ]
    return made


def best(action: object, runs: int = 3) -> tuple[float, object]:
    assert callable(action)
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    from jcm_pdd.export.render_docx import render_docx
    from jcm_pdd.export.render_pdf import render_pdf

    made = filled()

    def one_period() -> int:
        calc = monitoring_calc(made, [57])
        book = mrs_workbook(calc, public=False, draft=False)
        doc = build_report(calc, public=False, draft=False)
        return len(book) + len(render_docx(doc)) + len(render_pdf(doc))

    took, _ = best(one_period)
    print(f"{UNITS} units, one period: MRS workbook + Monitoring Report .docx + .pdf {took:.2f} s")

    def all_periods() -> bytes:
        return mrs_workbook(monitoring_calc(made), public=False, draft=False)

    took, data = best(all_periods, runs=2)
    assert isinstance(data, bytes)
    print(f"{UNITS} units x 120 periods: MRS workbook {took:.1f} s, {len(data) / 1e6:.1f} MB")
    from openpyxl import load_workbook

    longest = max(
        len(str(c.value))
        for ws in load_workbook(io.BytesIO(data))
        for row in ws.iter_rows()
        for c in row
        if str(c.value).startswith("=")
    )
    print(f"longest formula: {longest} characters (Excel's limit 8,192)")


if __name__ == "__main__":
    main()

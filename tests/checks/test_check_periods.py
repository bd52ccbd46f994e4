"""Monitoring periods in ``check`` and in the submission gate (issue 17).

``check`` lists the periods' diagnostics with the PDD's, in English and Japanese. Which block
what: the PDD's final export and its validation package are never blocked by a period; a
verification package is blocked by the errors of the periods it covers (a value missing, a gap
or an overlap without a stated reason, ...), never by warnings (calibration, instrument).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from jcm_pdd.checks import Severity, blocking_errors, message_text, run_checks
from jcm_pdd.cli import main
from jcm_pdd.model import Project
from jcm_pdd.paths import sample_project_path
from jcm_pdd.storage import load_project, save_project
from tests.monitoring.periods_support import period, sample

D = dt.date


def _monitored() -> Project:
    project = sample()
    project.monitoring.periods += [
        period(D(2027, 4, 1), D(2027, 12, 31), EG__PV_1="1", EG__PV_2="2"),
        period(D(2028, 1, 10), D(2028, 12, 31), EG__PV_1="1"),  # a gap, and PV-2 missing
    ]
    project.monitoring.periods[0].values[0].instrument = ""  # a warning only
    return project


def test_check_lists_the_periods_diagnostics_with_their_severity() -> None:
    found = {(d.code, d.location, d.severity) for d in run_checks(_monitored())}
    assert ("period.gap", "monitoring.periods.1.start", Severity.ERROR) in found
    assert ("period.value-missing", "monitoring.periods.1.values", Severity.ERROR) in found
    assert (
        "period.calibration",
        "monitoring.periods.0.values.0.instrument",
        Severity.WARNING,
    ) in found


def test_the_periods_diagnostics_read_in_japanese() -> None:
    gap = next(d for d in run_checks(_monitored()) if d.code == "period.gap")
    assert gap.message == (
        "9 day(s) between period 1 (01/04/2027 - 31/12/2027) and period 2 (10/01/2028 - "
        "31/12/2028) are in no monitoring period; correct the dates or state why"
    )
    assert message_text(gap, "ja") == (
        "モニタリング期間 1 (01/04/2027 - 31/12/2027) とモニタリング期間 2 (10/01/2028 - "
        "31/12/2028) の間の 9 日はどのモニタリング期間にも含まれていません。日付を直すか、"
        "理由を記入してください。"
    )


def test_the_pdd_gate_ignores_periods_and_the_verification_gate_blocks_covered_ones() -> None:
    project = _monitored()
    assert not [d for d in blocking_errors(project) if d.code.startswith("period.")]
    assert blocking_errors(project, periods=[0]) == blocking_errors(project)  # warnings only
    covered = {(d.code, d.location) for d in blocking_errors(project, periods=[1])}
    assert covered >= {
        ("period.gap", "monitoring.periods.1.start"),
        ("period.value-missing", "monitoring.periods.1.values"),
    }
    project.monitoring.periods[1].gap_reason = "plant shut down for repair, 01-09/01/2028"
    codes = {d.code for d in blocking_errors(project, periods=[1])}
    assert "period.gap" not in codes and "period.value-missing" in codes


def test_cli_check_prints_the_periods(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "monitored.jcmpdd"
    save_project(path, _monitored(), load_project(sample_project_path()).attachments)
    main(["check", str(path), "--json"])
    found = json.loads(capsys.readouterr().out)
    items = found if isinstance(found, list) else found.get("diagnostics", [])
    assert any(item["code"] == "period.gap" and item["severity"] == "error" for item in items)

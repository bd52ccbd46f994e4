"""Speed of the diagnostics (issue 4: the panel updates as the user types).
Run: python tests/benchmarks/bench_checks.py

Prints, best of several runs (the machine is shared and noisy):
- loading and validating every form definition, and only the four a project needs (what the
  app does at start: definitions are validated when first used)
- run_checks on the bundled sample: all rules, with and without the engine-dependent ones
- run_checks on the sample grown to 300 PV systems (rows, default selections, members)
The keystroke budget of the editor is 30 ms on the sample and 100 ms on a 300-unit project;
the diagnostics are one part of it (the GUI may pass its own estimate to avoid computing twice).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from jcm_pdd.checks import run_checks
from jcm_pdd.forms.registry import _load
from jcm_pdd.model import IndexMember, Project
from jcm_pdd.paths import forms_dir, sample_project_path
from jcm_pdd.storage import load_project


def best_ms(action: Callable[[], object], runs: int = 10) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings) * 1000


def grown(project: Project, units: int) -> Project:
    big = project.model_copy(deep=True)
    plan = big.monitoring_plan
    row, selection = plan.monitored[0], plan.default_selections[0]
    plan.index_members = [IndexMember(set="i", id=f"PV-{n}", site_id="S1") for n in range(units)]
    plan.monitored = [
        row.model_copy(update={"index": {"i": f"PV-{n}"}, "monitoring_point": f"({n + 1})"})
        for n in range(units)
    ]
    plan.default_selections = [
        selection.model_copy(update={"index": {"i": f"PV-{n}"}}) for n in range(units)
    ]
    return big


def main() -> None:
    sample = load_project(sample_project_path()).project
    big = grown(sample, 300)
    assert run_checks(sample) == [] and run_checks(big) == []  # the figures are of clean runs
    every = best_ms(lambda: _load(forms_dir()).definitions(), 5)
    print(f"load + validate all 28 definitions  {every:8.1f} ms")
    needed = best_ms(lambda: _load(forms_dir()).for_project(sample), 5)
    print(f"load the 4 forms of the sample      {needed:8.1f} ms")
    print(f"run_checks sample, all rules        {best_ms(lambda: run_checks(sample)):8.1f} ms")
    no_engine = best_ms(lambda: run_checks(sample, resolve=False))
    print(f"run_checks sample, no engine        {no_engine:8.1f} ms")
    print(f"run_checks 300 units, all rules     {best_ms(lambda: run_checks(big), 5):8.1f} ms")
    big_no_engine = best_ms(lambda: run_checks(big, resolve=False), 5)
    print(f"run_checks 300 units, no engine     {big_no_engine:8.1f} ms")


if __name__ == "__main__":
    main()

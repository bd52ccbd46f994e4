"""Speed of the methodology engine (issue 3 targets). Run: python tests/benchmarks/bench_engine.py

Prints, best of several runs (the machine is shared and noisy):
- full recompute of a sample-sized project (inputs from the project, calculation with trace,
  C.3 estimate over the lifetime)                                      target < 2 ms
- 1,000 units x 30 years (estimate with trace; and 30 separate period calculations) < 100 ms
- loading and checking every shipped template (parse, lint, worked examples; cold) < 200 ms
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from decimal import Decimal

from jcm_pdd import tomlcache
from jcm_pdd.methodology import (
    calculate,
    estimate_project,
    inputs_from_project,
    load_registry,
    new_project_from_template,
    parse_template,
    run_examples,
)
from jcm_pdd.methodology import registry as registry_module
from jcm_pdd.model import DefaultSelection, IndexMember, MonitoredParameter, Project
from jcm_pdd.paths import sample_project_path, templates_dir

_real_cache_dir = tomlcache.cache_dir


def best_ms(fn: Callable[[], object], repeat: int = 7, number: int = 1) -> float:
    """Best wall-clock time per call in ms (the machine is shared: best of ``repeat``)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number)
    return min(times) * 1000


def best_cpu_ms(fn: Callable[[], object], repeat: int = 7, number: int = 1) -> float:
    """Best process CPU time per call in ms (less sensitive to other processes)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(number):
            fn()
        times.append((time.process_time() - start) / number)
    return min(times) * 1000


def report(label: str, fn: Callable[[], object], target: str = "", **kw: int) -> None:
    wall, cpu = best_ms(fn, **kw), best_cpu_ms(fn, **kw)
    print(
        f"{label}: {wall:.2f} ms wall, {cpu:.2f} ms CPU"
        + (f"   (target {target})" if target else "")
    )


def pv_project(units: int, years: int) -> Project:
    template = load_registry().get("JCM_MN_AM003")
    project = new_project_from_template(template)
    plan = project.monitoring_plan
    plan.index_members = [IndexMember(set="i", id=f"PV-{n}") for n in range(1, units + 1)]
    plan.monitored = [
        MonitoredParameter(key="EG", index={"i": f"PV-{n}"}, estimated_value=Decimal("1418.17"))
        for n in range(1, units + 1)
    ]
    plan.default_selections = [
        DefaultSelection(
            key="EF_RE",
            index={"i": f"PV-{n}"},
            choice="national_grid" if n % 3 else "captive_or_off_grid",
        )
        for n in range(1, units + 1)
    ]
    project.pdd.duration.start_date = dt.date(2019, 12, 27)
    project.pdd.duration.operational_lifetime_years = years
    return project


def sample_project() -> tuple[Project, str]:
    path = sample_project_path()
    if path.exists():
        try:
            from jcm_pdd.storage import load_project

            project = load_project(path, backup_before_migration=False).project
            estimate_project(project, load_registry())
            return project, f"bundled sample {path.name}"
        except Exception as exc:  # fall back to a synthetic sample
            print(f"(bundled sample not usable: {exc})")
    return pv_project(3, 15), "synthetic sample: MN_AM003, 3 PV systems, 15 years"


def cold_check_all(disk_cache: bool = True) -> int:
    """Parse, lint and run the examples of every shipped template, without the in-process
    cache; ``disk_cache=False`` also bypasses the JSON copy of the TOML (a first start)."""
    registry_module._CACHE.clear()
    tomlcache.cache_dir = _real_cache_dir if disk_cache else (lambda: None)
    count = 0
    for path in sorted(templates_dir().glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        template = parse_template(text, str(path))
        assert not run_examples(template, text), path
        count += 1
    return count


def main() -> None:
    registry = load_registry()
    project, label = sample_project()
    report(
        f"full recompute of the sample project ({label})",
        lambda: estimate_project(project, registry),
        "< 2 ms",
        repeat=20,
        number=20,
    )

    big = pv_project(1000, 30)
    template = registry.get("JCM_MN_AM003")
    report(
        "1,000 units x 30 years, C.3 estimate from the project, with trace",
        lambda: estimate_project(big, registry),
        "< 100 ms",
        repeat=7,
    )
    inputs = inputs_from_project(big, template)
    report(
        "1,000 units x 30 separate period calculations, no trace",
        lambda: [calculate(template, inputs, trace=False) for _ in range(30)],
        repeat=3,
    )

    count = cold_check_all(disk_cache=False)
    report(
        f"load and check every shipped template ({count}, with worked examples), first start",
        lambda: cold_check_all(disk_cache=False),
        "< 200 ms",
        repeat=5,
    )
    cold_check_all()
    report(
        "load and check every shipped template, later starts (JSON parse cache)",
        cold_check_all,
        "< 200 ms",
        repeat=5,
    )
    registry_module._CACHE.clear()
    report("load_registry(), in-process cache warm", load_registry, repeat=5)


if __name__ == "__main__":
    main()

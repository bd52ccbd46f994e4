"""Plausible sizes for a project's content, judged on its JSON before the model is built.

A project file of 3 MB can list a million empty table rows (``{},`` is three bytes); building
the model and running the checks over them took 50 s and 2 GB before running out of memory.
No real PDD comes near the ceilings here (a daily monitoring table over ten years has 3,650
rows), so anything beyond them is refused with the place named, in bounded time: the walk is
iterative and stops at the first breach. The loader refuses such a file and the saver refuses
to write one (a file the app saved must always open again).

After registration a project also records its monitoring periods, which grow with units x
periods x parameters: 300 units monitored monthly for 10 years with 5 parameters each are
180,000 monitored values (about 12 JSON values each). They have budgets of their own, sized
for that scale and still bounded: at most ``MAX_MONITORED_VALUES`` monitored values in all
periods together (each becomes a model object, so this bounds the model built from the file)
and ``MAX_MONITORING_VALUES`` JSON values under ``monitoring``; the rest of the project keeps
``MAX_VALUES``. ``project.json`` itself stays within the container's 64 MB, which such a
project (about 40 MB) fits.
"""

from __future__ import annotations

from typing import Any

MAX_ROWS = 20_000  # items in any one list (table rows, sites, attachments ...)
MAX_VALUES = 1_000_000  # JSON values outside the monitoring periods (the sample has about 2,000)
MAX_MONITORED_VALUES = 200_000  # monitored values in all periods (300 x 120 x 5 = 180,000)
MAX_MONITORING_VALUES = 4_000_000  # JSON values under "monitoring" (20 per monitored value)

_MONITORING = "monitoring"

# a node on the walk: (value, its parent node or None, its key or index, in monitoring?)
_Node = tuple[Any, Any, str | int, bool]


def _path(node: _Node) -> str:
    """``monitoring.periods[3].values`` of a node (made only when a limit is breached)."""
    parts: list[str] = []
    while node[1] is not None:
        key = node[2]
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
        node = node[1]
    return "".join(reversed(parts)).lstrip(".")


def _monitored_count(data: Any) -> int:
    """Monitored values in all periods, counted before the walk (a quick refusal)."""
    monitoring = data.get(_MONITORING) if isinstance(data, dict) else None
    periods = monitoring.get("periods") if isinstance(monitoring, dict) else None
    if not isinstance(periods, list):
        return 0
    return sum(
        len(values)
        for period in periods
        if isinstance(period, dict) and isinstance(values := period.get("values"), list)
    )


def size_problem(data: Any) -> str | None:
    """What is implausibly large in ``data`` (JSON-shaped), in words, or None."""
    if _monitored_count(data) > MAX_MONITORED_VALUES:
        return (
            f"its monitoring periods hold more than {MAX_MONITORED_VALUES:,} monitored values "
            "in all (300 units monitored monthly for 10 years with 5 parameters each are 180,000)"
        )
    counts = [1, 0]  # outside (the top value so far) and inside the monitoring periods
    stack: list[_Node] = [(data, None, "", False)]
    while stack:
        node = stack.pop()
        value, _, _, inside = node
        if type(value) is dict:
            top = node[1] is None
            nested = [
                (item, node, key, inside or (top and key == _MONITORING))
                for key, item in value.items()
                if type(item) is dict or type(item) is list
            ]
        elif type(value) is list:
            if len(value) > MAX_ROWS:
                return (
                    f"“{_path(node) or 'the project'}” has {len(value):,} rows (at most "
                    f"{MAX_ROWS:,} are allowed)"
                )
            nested = [
                (item, node, n, inside)
                for n, item in enumerate(value)
                if type(item) is dict or type(item) is list
            ]
        else:
            continue
        scalars = len(value) - len(nested)
        counts[inside] += scalars
        for child in nested:  # "monitoring" itself counts as the document's
            counts[child[3] and inside] += 1
        if counts[0] > MAX_VALUES:
            return f"it holds more than {MAX_VALUES:,} values in all, far more than any project"
        if counts[1] > MAX_MONITORING_VALUES:
            return (
                f"its monitoring periods hold more than {MAX_MONITORING_VALUES:,} values in all, "
                "far more than any project"
            )
        stack.extend(nested)
    return None

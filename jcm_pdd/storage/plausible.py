"""Plausible sizes for a project's content, judged on its JSON before the model is built.

A project file of 3 MB can list a million empty table rows (``{},`` is three bytes); building
the model and running the checks over them took 50 s and 2 GB before running out of memory.
No real PDD comes near the ceilings here (a daily monitoring table over ten years has 3,650
rows), so anything beyond them is refused with the place named, in bounded time: the walk is
iterative and stops at the first breach. The loader refuses such a file and the saver refuses
to write one (a file the app saved must always open again).
"""

from __future__ import annotations

from typing import Any

MAX_ROWS = 20_000  # items in any one list (table rows, sites, attachments ...)
MAX_VALUES = 1_000_000  # JSON values in the whole project (the sample has about 2,000)


def size_problem(data: Any) -> str | None:
    """What is implausibly large in ``data`` (JSON-shaped), in words, or None."""
    count = 0
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, where = stack.pop()
        count += 1
        if count > MAX_VALUES:
            return f"it holds more than {MAX_VALUES:,} values in all, far more than any project"
        if isinstance(value, dict):
            stack.extend(
                (item, f"{where}.{key}" if where else str(key)) for key, item in value.items()
            )
        elif isinstance(value, list):
            if len(value) > MAX_ROWS:
                return (
                    f"“{where or 'the project'}” has {len(value):,} rows (at most {MAX_ROWS:,} are "
                    "allowed)"
                )
            stack.extend((item, f"{where}[{n}]") for n, item in enumerate(value))
    return None

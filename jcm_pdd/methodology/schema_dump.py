"""Write ``methodology_templates/schema.json`` from the pydantic template model.

Run ``python -m jcm_pdd.methodology.schema_dump [OUT]``; a test checks the shipped file is current.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from jcm_pdd.methodology.schema import json_schema


def render() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args:
        out = Path(args[0])
    else:
        from jcm_pdd.paths import templates_dir

        out = templates_dir() / "schema.json"
    out.write_text(render(), encoding="utf-8")
    print(out)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

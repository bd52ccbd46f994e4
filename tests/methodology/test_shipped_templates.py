"""Every template in methodology_templates/ loads cleanly and its worked examples pass.

Parametrised over the folder, so templates added later are tested automatically.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jcm_pdd.methodology import load_registry, parse_template, run_examples
from jcm_pdd.methodology.schema_dump import render
from jcm_pdd.paths import templates_dir

FILES = sorted(templates_dir().glob("*.toml"))


def test_there_are_shipped_templates() -> None:
    assert len(FILES) >= 2


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_template_loads_and_examples_pass(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    template = parse_template(text, str(path))
    assert path.name == f"{template.identity.full_id}.toml", "file name must be <id>_ver<NN.N>.toml"
    assert template.examples, "every shipped template needs at least one worked example"
    problems = run_examples(template, text)
    assert not problems, "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_unverified_values_are_visible(path: Path) -> None:
    """A default without a verified source must say so (status is never missing)."""
    template = parse_template(path.read_text(encoding="utf-8"), str(path))
    for key, param in template.parameters.items():
        if param.role == "default":
            provs = (
                [param.provenance] if param.provenance else [c.provenance for c in param.choices]
            )
            assert provs and all(p is not None and p.status for p in provs), key


def _shape(schema: Any) -> Any:
    """The parts of a JSON Schema that follow from our model: definitions, their properties and
    required lists. Leaf details (how a Decimal is spelled) vary between pydantic releases."""
    defs = schema.get("$defs", {})
    return {
        name: (sorted(body.get("properties", {})), sorted(body.get("required", [])))
        for name, body in [("<root>", schema), *defs.items()]
    }


def test_schema_json_is_current() -> None:
    shipped = json.loads((templates_dir() / "schema.json").read_text(encoding="utf-8"))
    assert _shape(shipped) == _shape(json.loads(render())), (
        "run: python -m jcm_pdd.methodology.schema_dump"
    )


def test_registry_loads_every_shipped_template_without_errors() -> None:
    registry = load_registry()
    assert not registry.errors, "\n".join(str(p) for p in registry.errors)
    assert len(registry.all()) == len(FILES)


def test_mn_am003_verified_defaults() -> None:
    template = load_registry().get("JCM_MN_AM003", "02.0")
    choices = {
        c.name: (str(c.value), c.provenance.status) for c in template.parameters["EF_RE"].choices
    }
    assert choices == {
        "national_grid": ("0.797", "verified"),
        "captive_or_off_grid": ("0.533", "verified"),
    }


def test_format_md_skeleton_is_a_valid_template() -> None:
    """The skeleton in FORMAT.md parses and lints cleanly, so the spec cannot drift."""
    text = (templates_dir() / "FORMAT.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in text.split("```toml\n")[1:]]
    skeleton = next(b for b in blocks if b.startswith("format_version = 1"))
    template = parse_template(skeleton, "FORMAT.md")
    assert set(template.equations) == {"RE", "PE", "ER"}

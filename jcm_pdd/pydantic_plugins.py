"""Documents are validated by pydantic alone: its third-party plugins are never loaded.

Pydantic loads plugins, at the first model class it builds, from every installed distribution
that declares the ``pydantic`` entry point group; a plugin then sees, and may change, how each
project, template and form definition is validated. An auditor's copy of a project must read
the same on every machine, whatever else is installed beside the app, so this process has no
pydantic plugins. ``PYDANTIC_DISABLE_PLUGINS`` would say the same, but pydantic's plugin loader
imports ``importlib.metadata`` before it reads that variable: about 4 ms of the frozen app's
start (more in a virtual environment, where the loader also lists every distribution). So the
loader module is provided here, before any model class exists, with the one function pydantic
calls. If a pydantic release asks it for more, the first model class fails to build with an
ImportError naming this module: the app does not start and its tests fail, never silently."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable
from typing import Any

LOADER = "pydantic.plugin._loader"


def get_plugins() -> Iterable[Any]:
    """Pydantic's question at each model class it builds: which plugins? None."""
    return ()


def install() -> None:
    """Provide the loader unless pydantic has loaded its own already (then plugins may be on:
    another program imported pydantic first and built models; this process is not the app's)."""
    if LOADER in sys.modules:
        return
    loader = types.ModuleType(LOADER, __doc__)
    loader.get_plugins = get_plugins  # type: ignore[attr-defined]
    sys.modules[LOADER] = loader

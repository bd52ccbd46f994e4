"""Only jcm_pdd.gui may import PySide6: every other module imports with PySide6 blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import jcm_pdd


def _non_gui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(jcm_pdd.__path__, prefix="jcm_pdd."):
        if info.name == "jcm_pdd.gui" or info.name.startswith("jcm_pdd.gui."):
            continue
        if info.name == "jcm_pdd.__main__":
            continue
        names.append(info.name)
    return names


def test_every_core_module_imports_without_pyside6() -> None:
    modules = _non_gui_modules()
    assert "jcm_pdd.model" in modules and "jcm_pdd.cli" in modules
    script = (
        "import sys, importlib\n"
        "sys.modules['PySide6'] = None\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = [m for m in sys.modules if m.startswith('PySide6') and sys.modules[m]]\n"
        "assert not loaded, loaded\n"
        "print('ok', len(" + repr(modules) + "))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_cli_help_does_not_load_qt() -> None:
    script = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        "from jcm_pdd.cli import main\n"
        "raise SystemExit(main(['--help']))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "COMMAND" in result.stdout


def test_cli_parser_loads_no_heavy_library() -> None:
    """Building the command line imports no document model, engine or renderer: each command
    imports what it needs when it runs, so ``jcm-pdd --help`` answers at once and ``jcm-pdd
    export`` forks its render worker before the heavy imports (see jcm_pdd/export/worker.py)."""
    script = (
        "import sys\n"
        "from jcm_pdd.cli import build_parser\n"
        "build_parser()\n"
        "heavy = ('pydantic', 'PySide6', 'docx', 'reportlab', 'openpyxl', 'jcm_pdd.model',\n"
        "         'jcm_pdd.methodology', 'jcm_pdd.storage', 'jcm_pdd.forms', 'jcm_pdd.checks')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"

"""The built wheel works on its own: installed into a fresh venv, run away from the checkout.

Builds the wheel (``python -m build --wheel``; ``pip wheel`` if ``build`` is unavailable),
installs it with ``--no-deps`` into a new, isolated virtual environment that is given the
dependencies of the environment running the tests (the README's venv: a ``.pth`` file names its
site-packages, so PySide6 and friends are not downloaded again; the base interpreter's own
packages are never seen, because on a clean machine it has none), then, from a temporary working
folder, checks that ``jcm_pdd`` is imported from the venv (not from this checkout) and that the
data folders ``forms/``, ``methodology_templates/`` and ``resources/`` resolve inside the
installed package, and runs CLI commands that read each of them: ``jcm-pdd info`` on the
bundled sample project, ``jcm-pdd templates list`` and ``jcm-pdd forms``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _run(cmd: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _build_wheel(out: Path) -> Path:
    attempts = [
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)],
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(REPO)],
    ]
    errors = []
    for cmd in attempts:
        result = _run(cmd, cwd=out)
        wheels = sorted(out.glob("jcm_pdd_studio-*.whl"))
        if result.returncode == 0 and wheels:
            return wheels[-1]
        errors.append(result.stderr[-600:])
    if any(
        "hatchling" in e and ("No matching distribution" in e or "Could not" in e) for e in errors
    ):
        pytest.skip("the build backend (hatchling) cannot be obtained: no package index reachable")
    raise AssertionError("wheel build failed:\n" + "\n---\n".join(errors))


def _share_dependencies(python: Path) -> None:
    """Let the new venv import this environment's dependencies, after its own packages.

    A plain directory line in a ``.pth`` file is appended to ``sys.path`` without running that
    directory's own ``.pth`` files, so this checkout's editable install (a ``.pth`` there) stays
    invisible and ``jcm_pdd`` can only come from the installed wheel."""
    ours = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
    probe = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    theirs = Path(_run([str(python), "-c", probe], cwd=REPO).stdout.strip())
    assert theirs.is_dir(), f"no site-packages in the new venv: {theirs}"
    (theirs / "_test_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(work)
    env_dir = work / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=True, clear=True).create(env_dir)
    bindir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    python = bindir / ("python.exe" if sys.platform == "win32" else "python")
    _share_dependencies(python)
    result = _run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--ignore-installed",
            "--no-index",
            str(wheel),
        ],
        cwd=work,
    )
    assert result.returncode == 0, result.stderr
    outside = work / "elsewhere"  # not the checkout: '' on sys.path must not find jcm_pdd
    outside.mkdir()
    return bindir, outside


def test_package_and_data_come_from_the_venv(installed: tuple[Path, Path]) -> None:
    bindir, outside = installed
    python = bindir / ("python.exe" if sys.platform == "win32" else "python")
    probe = (
        "import json, jcm_pdd, jcm_pdd.paths as p;"
        "print(json.dumps({'module': jcm_pdd.__file__, 'sample': str(p.sample_project_path()),"
        "'data': {n: str(p.data_dir(n)) for n in ('forms','methodology_templates','resources')},"
        "'deps': {m.__name__: m.__file__ for m in (__import__('pydantic'),"
        " __import__('platformdirs'))}}))"
    )
    result = _run([str(python), "-c", probe], cwd=outside)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    venv_root = bindir.parent.resolve()
    assert Path(found["module"]).resolve().is_relative_to(venv_root), found["module"]
    # Dependencies come from the environment running the tests, never the base interpreter's
    # own site-packages (a clean machine's base Python has none of them).
    ours = {Path(sysconfig.get_paths()[k]).resolve() for k in ("purelib", "platlib")}
    for name, file in found["deps"].items():
        assert any(Path(file).resolve().is_relative_to(d) for d in ours), (name, file)
    for name, folder in found["data"].items():
        path = Path(folder).resolve()
        assert path.is_relative_to(venv_root) and path.name == name, (name, folder)
        assert not path.is_relative_to(REPO)
        assert any(path.iterdir()), f"{name} is empty in the wheel"


def test_cli_reads_the_data_folders(installed: tuple[Path, Path]) -> None:
    bindir, outside = installed
    cli = str(bindir / ("jcm-pdd.exe" if sys.platform == "win32" else "jcm-pdd"))
    python = str(bindir / ("python.exe" if sys.platform == "win32" else "python"))
    sample = _run(
        [python, "-c", "import jcm_pdd.paths as p; print(p.sample_project_path())"], cwd=outside
    ).stdout.strip()
    assert Path(sample).is_file(), f"the bundled sample project is missing from the wheel: {sample}"
    info = _run([cli, "info", sample], cwd=outside)
    assert info.returncode == 0, info.stderr
    assert "Methodology:     JCM_MN_AM003" in info.stdout and "Country:         MN" in info.stdout
    templates = _run([cli, "templates", "list"], cwd=outside)
    assert templates.returncode == 0, templates.stderr
    assert "JCM_MN_AM003" in templates.stdout
    forms = _run([cli, "forms"], cwd=outside)
    assert forms.returncode == 0, forms.stderr
    assert "MN" in forms.stdout

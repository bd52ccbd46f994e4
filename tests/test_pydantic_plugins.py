"""No pydantic plugin sees a document: an installed distribution that declares one (entry point
group ``pydantic``) is loaded by pydantic in any other program, never in this one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PLUGIN = """
from pathlib import Path
Path(__file__).with_name("loaded").write_text("yes")


class Spy:
    def new_schema_validator(self, *args, **kwargs):
        return None, None, None


plugin = Spy()
"""

# A model built by pydantic alone (the control: the plugin is found and loaded), or after
# jcm_pdd, whose documents are then validated.
PLAIN = "import pydantic\nclass M(pydantic.BaseModel):\n    x: int\nM(x=1)\n"
APP = (
    "import sys, jcm_pdd.model\n"
    "from jcm_pdd.model.project import Project\n"
    "Project.model_validate({})\n"
    "print('importlib.metadata' in sys.modules)\n"
)


def run(script: str, site: Path) -> str:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def installed_plugin(site: Path) -> Path:
    (site / "spyplugin.py").write_text(PLUGIN)
    info = site / "spyplugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: spyplugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pydantic]\nspy = spyplugin:plugin\n")
    return site / "loaded"


def test_a_pydantic_plugin_installed_beside_the_app_is_never_loaded(tmp_path: Path) -> None:
    marker = installed_plugin(tmp_path)
    run(PLAIN, tmp_path)
    assert marker.exists(), "the control failed: pydantic did not load the plugin"
    marker.unlink()
    metadata_imported = run(APP, tmp_path)
    assert not marker.exists()
    # nor is the plugin machinery's import of importlib.metadata paid at start
    assert metadata_imported == "False"

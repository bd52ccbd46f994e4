"""What a start on a project does not do (import discipline, not a timing test): no exporter,
no Word/PDF/workbook library, no package or review module, no QtCharts, and neither the
methodology engine nor the checks before the window is drawn with the sample open; and the form
definitions it no longer validates up front (only the project's own) still refuse a broken file
with its name."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from jcm_pdd.forms import load_forms
from jcm_pdd.gui import mainwindow
from jcm_pdd.paths import forms_dir
from jcm_pdd.storage.lock import lock_path

# The window opened on the sample, one pass of its event loop (the moment it is drawn and
# takes input; the figures and the diagnostics follow), then the Qt classes PySide6 has built
# (it builds each on first use) and the modules loaded so far.
START = """
import json, sys
from PySide6 import QtWidgets
from PySide6.QtCore import QTimer
from jcm_pdd.gui.application import application, build_window
from jcm_pdd.paths import sample_project_path
app = application()
window = build_window(sample_project_path(), recover=False)
assert window.view is not None, "the sample did not open"
QTimer.singleShot(0, app.quit)
app.exec()
print(json.dumps(sorted(k for k, v in vars(QtWidgets).items() if isinstance(v, type))))
print(json.dumps(sorted(sys.modules)))
"""

NOT_AT_START = (
    "docx",
    "reportlab",
    "openpyxl",
    "jcm_pdd.export",
    "jcm_pdd.package",
    "jcm_pdd.gui.package_window",
    "jcm_pdd.gui.participant",
    "jcm_pdd.gui.review_docks",
    "jcm_pdd.gui.export_dialog",
    "PySide6.QtCharts",
    # after registration: the Monitoring page loads when it is first shown
    "jcm_pdd.gui.monitoring_page",
    "jcm_pdd.session.monitoring",
    "jcm_pdd.monitoring",
    # the recovery dialog: only after a crash left recovery copies
    "jcm_pdd.gui.recovery_dialog",
    # the table editor and its cell editors: with the first page that has a table (the sample
    # opens on its cover page, which has none); the attachments page when it is shown; difflib
    # when the Diagnostics list is filled again (it updates the lines that changed)
    "jcm_pdd.gui.table_editor",
    "jcm_pdd.gui.cell_delegates",
    "jcm_pdd.gui.table_window",
    "jcm_pdd.gui.attachments",
    "difflib",
    # the find bar and the search: when the find bar is first opened (Ctrl+F)
    "jcm_pdd.gui.find_bar",
    "jcm_pdd.session.search",
    # The engine and the checks load once the window is drawn (figures, then diagnostics).
    "jcm_pdd.methodology",
    "jcm_pdd.checks",
    # pydantic's plugin loader imports it (jcm_pdd/pydantic_plugins.py provides the loader)
    "importlib.metadata",
)


def test_opening_the_sample_loads_no_exporter_package_or_chart_module(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JCM_PDD_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", START], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert "jcm_pdd.gui.document_view" in loaded  # the editor is there (the probe is sound)
    early = [m for m in loaded if any(m == n or m.startswith(n + ".") for n in NOT_AT_START)]
    assert early == []
    # QStyle's class with its enums (about 4 ms, built when first used): the Diagnostics list's
    # icons and Severity column, and the banner's icon, take it when first shown, not at start.
    built = json.loads(done.stdout.strip().splitlines()[-2])
    assert "QMainWindow" in built and "QWizard" not in built  # (the classes are built lazily)
    assert "QStyle" not in built


# ``jcm-pdd open --sample`` as the desktop starts it (the probe quits once the figures show),
# noting whether automatic garbage collection was on when the start's largest import began,
# which command modules it read and which event filters it put on the whole application.
OPEN_COMMAND = """
import gc, sys
seen = {}
class Watch:
    def find_spec(self, name, path=None, target=None):
        if name == "pydantic" and name not in seen:
            seen[name] = gc.isenabled()
        return None
sys.meta_path.insert(0, Watch())
from PySide6.QtCore import QCoreApplication, QObject
app_wide = []  # Python event filters on the application: they see every event of every widget
install = QObject.installEventFilter
def installing(self, handler):
    if isinstance(self, QCoreApplication):
        app_wide.append(type(handler).__name__)
    return install(self, handler)
QObject.installEventFilter = installing
from jcm_pdd import cli
code = cli.main(["open", "--sample"])
print(sorted(m for m in sys.modules if m.startswith("jcm_pdd.commands.")))
print(app_wide)
print(code, seen)
"""


def test_the_start_runs_without_automatic_garbage_collection_or_other_commands(
    tmp_path: Path,
) -> None:
    # The app collects from a timer on the GUI thread (gui/gc_guard.py); switched off only
    # with the window, the collector ran about a hundred times during the start's imports.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JCM_PDD_HOME": str(tmp_path),
        "JCM_PDD_STARTUP_PROBE": "1",
    }
    done = subprocess.run(
        [sys.executable, "-c", OPEN_COMMAND], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    commands, filters, outcome = done.stdout.strip().splitlines()[-3:]
    assert outcome == "0 {'pydantic': False}"
    assert commands == "['jcm_pdd.commands.open']"  # no other command's module or parser
    # The macOS file-open handler filters every event of the app: about 20 ms of a start's CPU
    # (gui/application.py); only macOS sends the event it waits for.
    assert filters == ("['FileOpenHandler']" if sys.platform == "darwin" else "[]")


def test_a_project_whose_form_definition_is_broken_is_refused_naming_the_file(
    window,
    answers,
    project_file: Path,
    tmp_path: Path,
    monkeypatch,
) -> None:
    broken = tmp_path / "forms"
    shutil.copytree(forms_dir(), broken)
    pdd = broken / "MN" / "PDD_ver03.0.toml"
    pdd.write_text(pdd.read_text(encoding="utf-8") + "\n[[sections]]\nid = 7\n", encoding="utf-8")
    registry = load_forms(broken)  # the folder still reads: only the definition is broken
    monkeypatch.setattr(mainwindow, "load_forms", lambda: registry)

    assert not window.open_path(project_file)
    assert any("PDD_ver03.0.toml" in text for text in answers["asked"]), answers["asked"]
    assert window.session is None
    assert not lock_path(project_file).exists()  # released: not left "in use"

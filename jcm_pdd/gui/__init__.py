"""The desktop app (PySide6): the only package that imports Qt.

``application.run_app`` is the entry point; ``mainwindow`` holds the window chrome; editors are
generated from ``jcm_pdd.session.formview`` by ``section_editor``/``fields``/``table_editor``;
``controller`` wraps a headless ``DocumentSession`` in a QUndoStack. Heavy modules (QtCharts,
exporters) are imported only when first needed, to keep start-up lean.

Import order matters for start-up time. Once PySide6 is imported, its import hook reads the
source text of every module imported after it, to look for the word "PySide6" (PYSIDE-2029,
``shibokensupport.feature._mod_uses_pyside`` calls ``inspect.getsource``). For the ~250 modules
of pydantic, the document model, the forms and the session that costs over 100 ms at every
start. So this package loads the headless core the window needs to show a project first, before
any module of it touches Qt. The methodology engine and the checks are not among them: the
window is drawn with the project open before the figures and the diagnostics are computed, and
they load then. The frozen app keeps the same order: its run-time hook for PySide6 is the
app's own (``packaging/hooks/rthooks/``), which, unlike PyInstaller's, does not import QtCore
before the app's first line (there each lookup fails, the bundle holding no source: about
12 ms of a start).
"""

import jcm_pdd.forms
import jcm_pdd.session
import jcm_pdd.session.diagnostics
import jcm_pdd.session.figures
import jcm_pdd.session.formview
import jcm_pdd.session.io  # noqa: F401

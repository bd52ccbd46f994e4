"""The desktop app (PySide6): the only package that imports Qt.

``application.run_app`` is the entry point; ``mainwindow`` holds the window chrome; editors are
generated from ``jcm_pdd.session.formview`` by ``section_editor``/``fields``/``table_editor``;
``controller`` wraps a headless ``DocumentSession`` in a QUndoStack. Heavy modules (QtCharts,
exporters) are imported only when first needed, to keep start-up lean.

Import order matters for start-up time. Once PySide6 is imported, its import hook reads the
source text of every module imported after it, to look for the word "PySide6" (PYSIDE-2029,
``shibokensupport.feature._mod_uses_pyside`` calls ``inspect.getsource``). For the ~250 modules
of pydantic, the document model, the forms and the engine that costs over 100 ms at every start.
So this package loads the headless core it always needs first, before any module of it touches
Qt. (Importing them is no extra work: the window needs every one of them to open a project.)
"""

import jcm_pdd.checks
import jcm_pdd.forms
import jcm_pdd.methodology
import jcm_pdd.session
import jcm_pdd.session.diagnostics
import jcm_pdd.session.figures
import jcm_pdd.session.formview
import jcm_pdd.session.io  # noqa: F401

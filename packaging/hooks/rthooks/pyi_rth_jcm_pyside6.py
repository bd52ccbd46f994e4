"""PySide6's run-time hook in the frozen app, in place of PyInstaller's (``../rthooks.dat``).

It runs before the app's first line and tells Qt where its plugins are in the bundle (platform
integration, image formats, SVG icons). PyInstaller's own hook for PySide6 does that too, and
also imports QtCore there to give Qt an embedded ``qt.conf`` with its prefix; PySide6's PyPI
wheels make that same ``qt.conf`` themselves when QtCore loads, so the step changes nothing for
this app, but the early QtCore did cost every start: once QtCore is loaded, PySide6's import
hook (its ``__feature__`` support) looks for the source text of every module imported after
it, and in the bundle none has its source: each of the app's ~240 modules failed the lookup.
Without it the app imports QtCore itself, after its headless modules (``jcm_pdd/gui/
__init__.py``): 12-15 ms of CPU less to the window (frozen builds started in turn under Xvfb).
The rest of PyInstaller's hook concerns QML (QML2_IMPORT_PATH) and QtNetwork's OpenSSL
libraries (PATH, DYLD_LIBRARY_PATH), none of which the bundle holds (``packaging/lean.py``).
``jcm-pdd selftest`` on the build checks what this must give: the SVG icons, both Japanese
translation files (Qt's through the prefix PySide6 sets) and the window drawn.
"""

import os
import sys

# The wheel's layout: Qt beside the bindings on Windows, in a Qt/ folder elsewhere.
_qt = os.path.join(sys._MEIPASS, "PySide6")  # type: ignore[attr-defined]
if not sys.platform.startswith("win"):
    _qt = os.path.join(_qt, "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
del _qt

"""What the frozen app leaves out, shared by ``jcm_pdd.spec`` and the cold-start benchmark's bare
window (so both are frozen the same way). Plain data and two filters; no PyInstaller import.

Why each group goes (the app is a QtWidgets program that never touches the network):
- Python bindings never imported: QML/Quick, QtOpenGL(Widgets), QtNetwork, QtDBus. (The C++
  ``libQt6OpenGL``/``libQt6DBus`` stay: QtCharts and the xcb platform plugin link them.)
- Qt libraries only those bindings or dropped plugins use: QML/Quick/VirtualKeyboard (~17 MB),
  QtNetwork, the EGLFS device integration.
- Plugins for kiosk/embedded platforms (EGLFS, VNC, linuxfb, KMS, evdev input), TLS and
  network-information backends, the virtual keyboard, and the GTK3 platform theme (it alone
  drags in GTK, Cairo, Pango and ATK from the build machine; Qt's own style is used instead).
- Qt translations other than the languages the app offers (English is Qt's source language).
- Linux system libraries that must be the *target's own* (see README "What the Linux bundle
  relies on"): ``libstdc++``/``libgcc_s`` (the build machine's copy needs its glibc, 2.36 on
  Debian 12, while Qt itself needs only 2.34; and graphics drivers loaded into the process need
  the system's newest copy), fontconfig/freetype (they must read the system's font
  configuration), and the X11/GL client libraries that talk to the system's own server and
  drivers.
"""

from __future__ import annotations

import re

LANGUAGES = ("ja",)  # Qt translations kept: the app's interface languages other than English

EXCLUDED_MODULES = [
    "tkinter",
    "pytest",
    "hypothesis",
    "_pytest",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtVirtualKeyboard",
    # Pillow's AVIF codec (4.8 MB with its library) and Tk bridge; lxml's parts python-docx
    # and openpyxl never import. (A figure must be PNG or JPEG to go into a Word file anyway.)
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    # Nothing in the app or its libraries starts processes (only asyncio's unused
    # ProcessPoolExecutor would): bundled, multiprocessing brings PyInstaller's runtime hook,
    # which imports it on every start (about 6 ms of CPU before the window).
    "multiprocessing",
]

_DROPPED_LIBS = re.compile(
    r"(libQt6(Qml|Quick|VirtualKeyboard|Network|EglFS|EglFsKms|WlShell)[A-Za-z]*"
    r"|Qt6?(Qml|Quick|VirtualKeyboard|Network)[A-Za-z]*\.(dll|framework))",
)
_DROPPED_PLUGINS = re.compile(
    r"plugins[/\\]("
    r"egldeviceintegrations|generic|networkinformation|tls|qmltooling"
    r"|platforms[/\\](lib)?q(eglfs|linuxfb|minimalegl|vnc|vkkhrdisplay)"
    r"|platforminputcontexts[/\\](lib)?qtvirtualkeyboard"
    r"|platformthemes[/\\](lib)?qgtk3"
    r")"
)
# The target's own copies are needed (module docstring); matched on the file name only.
_SYSTEM_LIBS = re.compile(
    r"^(libstdc\+\+|libgcc_s|libfontconfig|libfreetype|libX11|libX11-xcb|libxcb|libGL|libEGL"
    r"|libGLX|libGLdispatch|libOpenGL|libdrm|libgbm|libwayland-(client|cursor|egl))\.so"
)


def _name(dest: str) -> str:
    return re.split(r"[/\\]", dest)[-1]


def keep_binary(dest: str, system_libs: bool) -> bool:
    """Whether a collected binary (its destination path in the bundle) stays."""
    if _DROPPED_LIBS.search(dest) or _DROPPED_PLUGINS.search(dest):
        return False
    return not (system_libs and _SYSTEM_LIBS.match(_name(dest)))


_QT_TRANSLATION = re.compile(r"translations[/\\](qt[a-z]*)_([a-zA-Z_]+)\.qm$")


def keep_data(dest: str) -> bool:
    """Whether a collected data file stays: Qt translations only for ``LANGUAGES``."""
    found = _QT_TRANSLATION.search(dest)
    if found and "PySide6" in dest:
        return found.group(2) in LANGUAGES and found.group(1) in ("qt", "qtbase")
    return True


def lean(toc: list[tuple[str, str, str]], system_libs: bool) -> list[tuple[str, str, str]]:
    """Filter PyInstaller's (dest, source, kind) entries."""
    return [
        entry
        for entry in toc
        if (keep_binary(entry[0], system_libs) if entry[2] == "BINARY" else keep_data(entry[0]))
    ]


# The size budget CI holds every build to (packaging/check_bundle.py): the unpacked one-folder
# app and the compressed download, in MB (10**6 bytes).
BUDGET_UNPACKED_MB = 200
BUDGET_DOWNLOAD_MB = 60

"""Interface language: installs the app's Qt translation (resources/translations/jcm_pdd_<lang>.qm)
and Qt's own (standard buttons) for the chosen language. English is the source language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from jcm_pdd.paths import resources_dir

LANGUAGES = {"en": "English", "ja": "日本語"}
_installed: list[QTranslator] = []


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def install_language(language: str) -> bool:
    """Switch the interface language for windows built from now on; True if loaded."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return True
    ours = QTranslator(app)
    loaded = ours.load(f"jcm_pdd_{language}", translations_dir())
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded


def current_language() -> str:
    """The interface language installed last ("en" or "ja"), for core text made in it."""
    name = QLocale().name().split("_", 1)[0]
    return name if name in LANGUAGES else "en"

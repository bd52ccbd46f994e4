"""Every interface string in jcm_pdd/gui is in the Japanese catalogue with a finished
translation, and the compiled .qm holds exactly those translations (it was recompiled).

Update after adding strings: ``pyside6-lupdate jcm_pdd/gui/*.py -ts
resources/translations/jcm_pdd_ja.ts -no-obsolete``, add the Japanese to
``resources/translations/fill_ja.py`` and run it, then ``pyside6-lrelease
resources/translations/jcm_pdd_ja.ts -qm resources/translations/jcm_pdd_ja.qm``.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

from jcm_pdd.paths import resources_dir

GUI = Path(__file__).resolve().parents[2] / "jcm_pdd" / "gui"
TS = resources_dir() / "translations" / "jcm_pdd_ja.ts"
QM = resources_dir() / "translations" / "jcm_pdd_ja.qm"


def _source_strings() -> dict[str, str]:
    """Literal strings passed to tr(), self.tr() or QCoreApplication.translate(), by module."""
    found: dict[str, str] = {}
    for module in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            position = {"tr": 0, "translate": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(arg.value, module.name)
    return found


def _catalogue() -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) of every message in the .ts."""
    rows = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            rows.append(
                (
                    name,
                    message.findtext("source") or "",
                    translation.text or "",
                    translation.get("type"),
                )
            )
    return rows


def test_every_interface_string_has_a_japanese_translation() -> None:
    strings = _source_strings()
    assert len(strings) > 250, "the extraction finds the interface's strings"
    translated = {source for _c, source, text, kind in _catalogue() if text and kind is None}
    missing = sorted(
        f"{module}: {text!r}" for text, module in strings.items() if text not in translated
    )
    assert not missing, "run lupdate, fill_ja.py and lrelease (see this module):\n" + "\n".join(
        missing
    )


def test_the_compiled_catalogue_matches_its_source(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = [
        source
        for context, source, text, kind in _catalogue()
        if kind is None and translator.translate(context, source) != text
    ]
    assert not stale, f"the .qm is older than the .ts; run pyside6-lrelease: {stale[:5]}"


def test_a_review_round_has_one_japanese_name() -> None:
    """The banner, the round's dock and the findings say 第 N 回 / 審査回; the package dialog
    said ラウンド for the same thing, which reads as another notion."""
    rounds = [
        (message.findtext("source") or "", message.findtext("translation") or "")
        for message in ET.parse(TS).getroot().iter("message")
        if " round" in f" {(message.findtext('source') or '').lower()}"
    ]
    assert rounds, "the catalogue names review rounds"
    assert [source for source, japanese in rounds if "ラウンド" in japanese] == []


def test_every_japanese_translation_is_of_a_string_the_interface_has() -> None:
    """fill_ja.py holds no translation of a string the interface no longer has: such entries
    pile up when a string moves or is reworded (the figure names moved to
    ``session/figure_names``, which words them in both languages itself) and then read as the
    place to change a text that is worded elsewhere. Checked against the GUI code's strings,
    not the catalogue, which is regenerated only now and then."""
    from translations_support import japanese_texts

    japanese = japanese_texts()
    in_code = {
        node.value
        for module in GUI.glob("*.py")
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert len(japanese) > 250
    assert sorted(set(japanese) - in_code) == []


def test_validation_and_verification_keep_their_japanese_names() -> None:
    """JCM's validation (of the PDD) and verification (of monitoring periods) are two steps
    with two kinds of package; 検証 names verification only (the start page called a
    validation package 検証パッケージ)."""
    import re

    from translations_support import japanese_texts

    texts = japanese_texts()
    validation = {en: ja for en, ja in texts.items() if re.search(r"\bvalidation\b", en, re.I)}
    verification = {en: ja for en, ja in texts.items() if re.search(r"\bverification\b", en, re.I)}
    assert len(validation) > 5 and len(verification) > 3
    assert [en for en, ja in validation.items() if "検証" in ja] == []
    assert [en for en, ja in verification.items() if "検証" not in ja] == []

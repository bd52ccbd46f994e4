"""The installers' data agree with the app and its files: the MIME magic rules recognise real
project, package and review files without their extension; the desktop entry, the MIME types,
the AppStream metadata and the app's desktop file name use one id; the lean filter keeps what
the app needs and drops what it never loads."""

from __future__ import annotations

import configparser
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from jcm_pdd.package import build_package
from jcm_pdd.package.review import Review, save_review
from jcm_pdd.paths import sample_project_path

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"
LINUX = PACKAGING / "linux"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
APP_ID = "org.jcmpdd.PddStudio"
sys.path.insert(0, str(PACKAGING))
import lean  # noqa: E402


def _unescape(value: str) -> bytes:
    return value.encode("latin-1").decode("unicode_escape").encode("latin-1")


def _matches(rule: ET.Element, data: bytes) -> bool:
    """shared-mime-info string matching: offset "N" or a range "N:M"; nested rules AND."""
    value = _unescape(rule.attrib["value"])
    start, _, end = rule.attrib["offset"].partition(":")
    first, last = int(start), int(end or start)
    hit = any(data[o : o + len(value)] == value for o in range(first, last + 1))
    children = rule.findall("m:match", NS)
    return hit and (not children or any(_matches(c, data) for c in children))


def _recognised_as(data: bytes) -> list[str]:
    root = ET.parse(LINUX / f"{APP_ID}.xml").getroot()
    return [
        t.attrib["type"]
        for t in root.findall("m:mime-type", NS)
        for magic in t.findall("m:magic", NS)
        if any(_matches(rule, data) for rule in magic.findall("m:match", NS))
    ]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("mime")
    package = build_package(sample_project_path(), folder / "s.jcmpkg").path
    review = save_review(Review(project_title="Darkhan"), folder / "s.jcmreview")
    return {
        "application/vnd.jcm-pdd+zip": sample_project_path().read_bytes()[:4096],
        "application/vnd.jcm-pdd.package+zip": Path(package).read_bytes()[:4096],
        "application/vnd.jcm-pdd.review+json": Path(review).read_bytes()[:4096],
    }


def test_each_file_type_is_recognised_by_its_content_alone(files: dict[str, bytes]) -> None:
    for mime, data in files.items():
        assert _recognised_as(data) == [mime]
    assert _recognised_as(b"PK\x03\x04" + b"\0" * 26 + b"word/document.xml") == []


def test_desktop_entry_mime_types_and_appstream_share_one_id() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    declared = ET.parse(LINUX / f"{APP_ID}.xml").getroot().findall("m:mime-type", NS)
    assert desktop["MimeType"].rstrip(";").split(";") == [t.attrib["type"] for t in declared]
    assert desktop["Icon"] == APP_ID and desktop["Exec"] == "jcm-pdd %f"
    meta = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == f"{APP_ID}.desktop"
    provided = [m.text for m in meta.iter("mediatype")]
    assert provided == [t.attrib["type"] for t in declared]


def test_lean_filter_keeps_what_the_app_loads_and_drops_the_rest() -> None:
    kept = [
        "PySide6/Qt/lib/libQt6Charts.so.6",
        "PySide6/Qt/lib/libQt6OpenGL.so.6",  # QtCharts links it
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "libxcb-cursor.so.0",
    ]
    dropped = [
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "libstdc++.so.6",
        "libgcc_s.so.1",
        "libfontconfig.so.1",
    ]
    assert all(lean.keep_binary(p, system_libs=True) for p in kept)
    assert not any(lean.keep_binary(p, system_libs=True) for p in dropped)
    assert lean.keep_binary("libstdc++.so.6", system_libs=False)  # only Linux leaves it out
    assert lean.keep_data("PySide6/Qt/translations/qtbase_ja.qm")
    assert not lean.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not lean.keep_data("PySide6/Qt/translations/qtdeclarative_ja.qm")


def test_the_pyside6_run_time_hook_is_ours_and_leaves_qtcore_to_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyInstaller takes PySide6's run-time hook from packaging/hooks (the spec's hookspath),
    and that hook imports nothing of Qt: QtCore loads when the app imports it, after its
    headless modules. It points Qt at the bundle's plugins, as PyInstaller's own did."""
    import ast
    import os
    import runpy

    hooks = PACKAGING / "hooks"
    table = ast.literal_eval((hooks / "rthooks.dat").read_text(encoding="utf-8"))
    assert list(table) == ["PySide6"]
    (name,) = table["PySide6"]
    hook = hooks / "rthooks" / name
    assert 'hookspath=[str(Path(SPECPATH) / "hooks")]' in (PACKAGING / "jcm_pdd.spec").read_text()
    imported = {
        alias.name
        for node in ast.walk(ast.parse(hook.read_text(encoding="utf-8")))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module)])
    }
    assert imported == {"os", "sys"}
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delenv("QT_PLUGIN_PATH", raising=False)  # (put back after the test)
    runpy.run_path(str(hook))
    qt = tmp_path / "PySide6" if sys.platform.startswith("win") else tmp_path / "PySide6" / "Qt"
    assert os.environ["QT_PLUGIN_PATH"] == str(qt / "plugins")

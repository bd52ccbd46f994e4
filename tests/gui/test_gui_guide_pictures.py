"""The user guide's pictures are screenshots of the app taken by this test (at 1366x768, in
English for the English guide and in Japanese for the Japanese one), so they show the app as it
is: ``JCM_REGEN_GUIDE=1`` writes them into ``resources/guide/images`` (``images/ja`` for the
Japanese guide). ``JCM_PDD_SCREENSHOTS`` keeps the same views at 1366x768 and
1920x1080, in English and Japanese, for review."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from scenes import SCENES, export_open_folder, keep, start_page

from jcm_pdd.gui.i18n import install_language
from jcm_pdd.paths import resources_dir

IMAGES = resources_dir() / "guide" / "images"
GUIDE_PICTURES = {
    "table1": "table1.png",
    "b2_paragraph_cell": "b2_paragraph_cell.png",
    "find_bar": "find_bar.png",
    "export_refusal": "export_refusal.png",
}


@pytest.fixture(params=["en", "ja"])
def guide_language(request: pytest.FixtureRequest, window) -> Iterator[Path]:
    """The window in the guide's language; the folder its pictures live in."""
    language = request.param
    if language != "en":
        assert install_language(language)
        window.prefs.language = language
        window.retranslate()
    try:
        yield IMAGES / language if language != "en" else IMAGES
    finally:
        if language != "en":
            install_language("en")
            window.prefs.language = "en"
            window.retranslate()


@pytest.mark.parametrize("scene", sorted(GUIDE_PICTURES))
def test_guide_picture(window, qtbot, scene: str, guide_language: Path) -> None:
    window.resize(1366, 768)
    pixmap = SCENES[scene](window)
    assert not pixmap.isNull() and pixmap.width() > 500
    if os.environ.get("JCM_REGEN_GUIDE"):
        keep(pixmap, guide_language / GUIDE_PICTURES[scene])
    assert (guide_language / GUIDE_PICTURES[scene]).is_file()


def test_guide_picture_of_the_start_page(
    window, qtbot, tmp_path: Path, guide_language: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recent project lies in a user's Documents folder (a home folder made in the test's
    temporary folder), so the picture shows the folder as a user sees it: ~/Documents/…"""
    from jcm_pdd.storage import save_project
    from tests.gui.conftest import filled_project

    home = tmp_path / "home" / "mina"
    monkeypatch.setenv("HOME", str(home))
    project_file = home / "Documents" / "JCM projects" / "solar.jcmpdd"
    project_file.parent.mkdir(parents=True)
    save_project(project_file, filled_project())
    window.resize(1366, 768)
    assert window.open_path(project_file)
    pixmap = start_page(window)
    if sys.platform != "win32":  # the Folder column shortens the home folder there
        folder = window.start_page.table.item(0, window.start_page.table.columnCount() - 1)
        assert folder.text() == "~/Documents/JCM projects"
    if os.environ.get("JCM_REGEN_GUIDE"):
        keep(pixmap, guide_language / "start_page.png")
    assert (guide_language / "start_page.png").is_file()


def test_each_guide_shows_pictures_of_its_language() -> None:
    """The Japanese guide shows the Japanese app, the English guide the English one."""
    guide = resources_dir() / "guide"
    for language, folder in (("en", "../images/"), ("ja", "../images/ja/")):
        html = (guide / language / "index.html").read_text(encoding="utf-8")
        pictures = re.findall(r'<img src="([^"]+)"', html)
        assert pictures and all(p.startswith(folder) for p in pictures), (language, pictures)
        assert all((guide / language / p).resolve().is_file() for p in pictures), language


@pytest.mark.skipif(
    not os.environ.get("JCM_PDD_SCREENSHOTS"),
    reason="review screenshots are taken only when JCM_PDD_SCREENSHOTS names a folder",
)
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("language", ["en", "ja"])
def test_review_screenshots(window, qtbot, tmp_path: Path, size, language: str) -> None:
    folder = Path(os.environ["JCM_PDD_SCREENSHOTS"])
    install_language(language)
    window.prefs.language = language
    window.retranslate()
    try:
        window.resize(*size)
        tag = f"{language}_{size[0]}x{size[1]}"
        for name, scene in SCENES.items():
            keep(scene(window), folder / f"{name}_{tag}.png")
        keep(export_open_folder(window, tmp_path / "out"), folder / f"export_open_folder_{tag}.png")
    finally:
        install_language("en")
        window.prefs.language = "en"
        window.retranslate()

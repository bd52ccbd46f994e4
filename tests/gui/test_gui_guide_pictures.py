"""The user guide's pictures are screenshots of the app taken by this test (at 1366x768, in
English), so they show the app as it is: ``JCM_REGEN_GUIDE=1`` writes them into
``resources/guide/images``. ``JCM_PDD_SCREENSHOTS`` keeps the same views at 1366x768 and
1920x1080, in English and Japanese, for review."""

from __future__ import annotations

import os
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


@pytest.mark.parametrize("scene", sorted(GUIDE_PICTURES))
def test_guide_picture(window, qtbot, scene: str) -> None:
    window.resize(1366, 768)
    pixmap = SCENES[scene](window)
    assert not pixmap.isNull() and pixmap.width() > 500
    if os.environ.get("JCM_REGEN_GUIDE"):
        keep(pixmap, IMAGES / GUIDE_PICTURES[scene])
    assert (IMAGES / GUIDE_PICTURES[scene]).is_file()


def test_guide_picture_of_the_start_page(window, qtbot, project_file: Path) -> None:
    window.resize(1366, 768)
    assert window.open_path(project_file)
    pixmap = start_page(window)
    if os.environ.get("JCM_REGEN_GUIDE"):
        keep(pixmap, IMAGES / "start_page.png")
    assert (IMAGES / "start_page.png").is_file()


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

"""Render the app icon (resources/icons/app.svg) for every platform's installer.

    python packaging/make_icons.py OUT_DIR

Writes ``hicolor/<N>x<N>/apps/org.jcmpdd.PddStudio.png`` for the freedesktop sizes (16 to 512)
plus ``hicolor/scalable/apps/org.jcmpdd.PddStudio.svg``, the same icon for the three document
MIME types under ``mimetypes/``, ``jcm-pdd.ico`` (Windows: 16 to 256) and ``jcm-pdd.icns``
(macOS). Qt draws the SVG (the same renderer the app uses); Pillow writes ICO and ICNS.
Run in the build environment (PySide6 and Pillow are app dependencies).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "app.svg"
APP_ID = "org.jcmpdd.PddStudio"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# freedesktop icon names of the MIME types in packaging/linux/org.jcmpdd.PddStudio.xml
MIME_ICONS = (
    "application-vnd.jcm-pdd+zip",
    "application-vnd.jcm-pdd.package+zip",
    "application-vnd.jcm-pdd.review+json",
)


def render(size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise SystemExit(f"cannot write {out}")


def main(out: Path) -> None:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    hicolor = out / "hicolor"
    for size in SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        render(size, png)
        for name in MIME_ICONS:
            target = hicolor / f"{size}x{size}" / "mimetypes" / f"{name}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(png, target)
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    for name in MIME_ICONS:
        target = hicolor / "scalable" / "mimetypes" / f"{name}.svg"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SOURCE, target)
    from PIL import Image

    big = Image.open(hicolor / "512x512" / "apps" / f"{APP_ID}.png")
    big.save(out / "jcm-pdd.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    big.save(out / "jcm-pdd.icns")
    del app
    print(f"icons written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "icons"))

"""Draw the C.2 figure of the bundled sample (PV systems, meters, grids, monitoring points).

Run once by hand when the figure should change; the PNG it writes is committed beside the
sample's JSON source and read by ``build_sample.py``. Uses Pillow, which reportlab (a runtime
dependency) already requires, so no new dependency is added.

    python resources/samples/make_figure.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "mongolia-solar-pv-figure.png"

WIDTH, HEIGHT = 1400, 860
INK = (30, 30, 30)
PV = (255, 236, 170)
GRID = (210, 228, 250)
DIESEL = (250, 214, 204)
LOAD = (226, 240, 222)
POINT = (200, 30, 30)
BOUNDARY = (90, 90, 200)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _box(
    draw: ImageDraw.ImageDraw,
    xy: tuple[int, int, int, int],
    fill: tuple[int, int, int],
    lines: list[str],
) -> None:
    draw.rounded_rectangle(xy, radius=10, fill=fill, outline=INK, width=2)
    font = _font(22)
    x0, y0, x1, y1 = xy
    total = len(lines) * 27
    y = (y0 + y1) // 2 - total // 2
    for line in lines:
        width = draw.textlength(line, font=font)
        draw.text(((x0 + x1) / 2 - width / 2, y), line, fill=INK, font=font)
        y += 27


def _arrow(draw: ImageDraw.ImageDraw, start: tuple[int, int], end: tuple[int, int]) -> None:
    draw.line([start, end], fill=INK, width=3)
    (x0, y0), (x1, y1) = start, end
    if x0 == x1:  # vertical
        sign = 1 if y1 > y0 else -1
        draw.polygon([(x1, y1), (x1 - 8, y1 - 14 * sign), (x1 + 8, y1 - 14 * sign)], fill=INK)
    else:
        sign = 1 if x1 > x0 else -1
        draw.polygon([(x1, y1), (x1 - 14 * sign, y1 - 8), (x1 - 14 * sign, y1 + 8)], fill=INK)


def _meter(draw: ImageDraw.ImageDraw, centre: tuple[int, int], number: int) -> None:
    x, y = centre
    draw.rectangle((x - 58, y - 26, x + 58, y + 26), fill="white", outline=INK, width=2)
    width = draw.textlength("kWh meter", font=_font(18))
    draw.text((x - width / 2, y - 9), "kWh meter", fill=INK, font=_font(18))
    draw.ellipse((x + 30, y - 48, x + 66, y - 12), fill=POINT, outline=POINT)
    label = f"({number})"
    width = draw.textlength(label, font=_font(18))
    draw.text((x + 48 - width / 2, y - 41), label, fill="white", font=_font(18))


def _site(
    draw: ImageDraw.ImageDraw, left: int, title: str, pv: list[str], number: int, captive: bool
) -> None:
    draw.rectangle((left, 90, left + 640, 690), outline=BOUNDARY, width=3)
    draw.text((left + 14, 100), title, fill=BOUNDARY, font=_font(22))
    _box(draw, (left + 40, 150, left + 300, 250), PV, pv)
    _box(draw, (left + 40, 320, left + 300, 390), (245, 245, 245), ["Inverters (DC/AC)"])
    _arrow(draw, (left + 170, 250), (left + 170, 320))
    _arrow(draw, (left + 170, 390), (left + 170, 455))
    _meter(draw, (left + 170, 485), number)
    _arrow(draw, (left + 170, 511), (left + 170, 575))
    load = ["Building distribution", "board and loads"]
    if captive:
        load = ["Factory internal grid", "and loads"]
    _box(draw, (left + 40, 575, left + 300, 665), LOAD, load)
    grid = ["National grid (CES)", "displaced electricity"]
    _box(draw, (left + 380, 575, left + 620, 665), GRID, grid)
    draw.line([(left + 300, 620), (left + 380, 620)], fill=INK, width=3)
    if captive:
        diesel = ["Captive diesel", "generator (backup)"]
        _box(draw, (left + 380, 430, left + 620, 520), DIESEL, diesel)
        draw.line(
            [(left + 300, 600), (left + 340, 600), (left + 340, 475), (left + 380, 475)],
            fill=INK,
            width=3,
        )


def draw_figure() -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    draw.text(
        (40, 24),
        "C.2  Emission sources and monitoring points (sample project)",
        fill=INK,
        font=_font(28),
    )
    _site(draw, 40, "Site (1) Ulaanbaatar - PV-1", ["PV-1 rooftop array", "800 kWp"], 1, False)
    _site(draw, 720, "Site (2) Darkhan - PV-2", ["PV-2 rooftop array", "1,200 kWp"], 2, True)
    font = _font(21)
    draw.ellipse((40, 716, 70, 746), fill=POINT)
    draw.text(
        (82, 718),
        "Monitoring point: EG_i,p, AC output of PV system i (Option C)",
        fill=INK,
        font=font,
    )
    draw.rectangle((40, 760, 70, 784), fill=GRID, outline=INK)
    draw.rectangle((74, 760, 104, 784), fill=DIESEL, outline=INK)
    legend = (
        "Reference emission sources: grid electricity (EF_RE 0.797 tCO2/MWh) and captive\n"
        "electricity (EF_RE 0.533 tCO2/MWh) displaced. Project emissions: none (PV generation)."
    )
    draw.multiline_text((116, 760), legend, fill=INK, font=font, spacing=8)
    draw.rectangle((1240, 716, 1270, 746), outline=BOUNDARY, width=3)
    draw.text((1280, 718), "Boundary", fill=INK, font=font)
    return image


def main() -> None:
    draw_figure().save(OUTPUT, format="PNG", optimize=True)
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()

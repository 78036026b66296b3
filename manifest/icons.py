"""Draws Regrets' two Teams icons: a calendar page crossed out with an X.

Run once with Pillow installed (`.venv/bin/python -m manifest.icons`); the PNGs are
committed, so neither packaging nor the tests need Pillow. Teams wants a 192×192 full
colour icon and a 32×32 outline icon that is white on a transparent background.
Shapes are drawn at four times the size and scaled down, which gives smooth edges; the
outline icon takes its smoothness from alpha only, so every pixel stays pure white.
"""

from __future__ import annotations

from pathlib import Path

ACCENT = (196, 49, 75)  # #C4314B, the manifest's accentColor
WHITE = (255, 255, 255)
DARK = (122, 20, 40)  # the colour icon's header band
SCALE = 4
HERE = Path(__file__).resolve().parent / "appPackage"


def _calendar(draw, size: int, *, fill, ink, stroke: int, header_fill=None, rings=None) -> None:
    """A calendar page (binding rings, header band) with an X across the body."""
    s = size
    left, top, right, bottom = 0.17 * s, 0.22 * s, 0.83 * s, 0.84 * s
    radius = 0.07 * s
    header = top + 0.15 * s
    if header_fill is not None:
        draw.rounded_rectangle((left, top, right, bottom), radius=radius, fill=header_fill)
        draw.rectangle((left, header, right, bottom - radius), fill=fill)
        draw.rounded_rectangle((left, header, right, bottom), radius=radius, fill=fill)
    else:
        draw.rounded_rectangle((left, top, right, bottom), radius=radius, fill=fill, outline=ink, width=stroke)
        draw.rectangle((left + stroke / 2, header - stroke / 2, right - stroke / 2, header + stroke / 2), fill=ink)
    ring_w, ring_h = 0.06 * s, 0.14 * s
    for cx in (0.36 * s, 0.64 * s):
        draw.rounded_rectangle(
            (cx - ring_w / 2, top - ring_h / 2, cx + ring_w / 2, top + ring_h / 2), radius=ring_w / 2, fill=rings or ink
        )
    # The X sits in the page body, under the header band.
    pad = 0.14 * s
    x0, y0, x1, y1 = left + pad, header + 0.09 * s, right - pad, bottom - 0.09 * s
    cross = max(stroke, int(0.085 * s))
    draw.line((x0, y0, x1, y1), fill=ink, width=cross)
    draw.line((x0, y1, x1, y0), fill=ink, width=cross)


def color_icon():
    from PIL import Image, ImageDraw

    big = 192 * SCALE
    image = Image.new("RGB", (big, big), ACCENT)
    # The symbol is drawn in accent on a white page: the page reads as "calendar", the X as "no".
    _calendar(ImageDraw.Draw(image), big, fill=WHITE, ink=ACCENT, stroke=int(0.05 * big), header_fill=DARK, rings=WHITE)
    return image.resize((192, 192), Image.LANCZOS)


def outline_icon():
    from PIL import Image, ImageDraw

    big = 32 * SCALE
    mask = Image.new("L", (big, big), 0)
    _calendar(ImageDraw.Draw(mask), big, fill=None, ink=255, stroke=int(0.08 * big))
    alpha = mask.resize((32, 32), Image.LANCZOS)
    image = Image.new("RGBA", (32, 32), (*WHITE, 0))
    image.putalpha(alpha)
    return image


def main() -> None:
    color_icon().save(HERE / "color.png", optimize=True)
    outline_icon().save(HERE / "outline.png", optimize=True)
    print(f"wrote {HERE / 'color.png'} and {HERE / 'outline.png'}")


if __name__ == "__main__":
    main()

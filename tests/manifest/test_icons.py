"""The committed Teams icons meet Teams' rules: sizes, colour, white-on-transparent outline."""

from __future__ import annotations

import json

from manifest.package import APP_PACKAGE, TEMPLATE
from tests.manifest.png import read_png


def test_the_colour_icon_is_a_192_pixel_square():
    icon = read_png(APP_PACKAGE / "color.png")
    assert (icon.width, icon.height) == (192, 192)


def test_the_colour_icon_is_opaque_full_colour_on_the_accent_colour():
    icon = read_png(APP_PACKAGE / "color.png")
    accent = json.loads(TEMPLATE.read_text(encoding="utf-8"))["accentColor"]
    rgb = tuple(int(accent[i : i + 2], 16) for i in (1, 3, 5))
    assert all(alpha == 255 for *_, alpha in icon.pixels)
    corners = [icon.pixels[0], icon.pixels[191], icon.pixels[-192], icon.pixels[-1]]
    assert all(pixel[:3] == rgb for pixel in corners)
    # A symbol is drawn on the background: more than one colour, and not just greys.
    colours = {pixel[:3] for pixel in icon.pixels}
    assert len(colours) > 10
    assert any(len(set(colour)) > 1 for colour in colours)


def test_the_outline_icon_is_a_32_pixel_square_with_an_alpha_channel():
    icon = read_png(APP_PACKAGE / "outline.png")
    assert (icon.width, icon.height) == (32, 32)
    assert icon.has_alpha_channel


def test_every_outline_pixel_is_white_or_fully_transparent():
    icon = read_png(APP_PACKAGE / "outline.png")
    offenders = [
        (i % 32, i // 32, pixel)
        for i, pixel in enumerate(icon.pixels)
        if pixel[3] != 0 and pixel[:3] != (255, 255, 255)
    ]
    assert offenders == []


def test_the_outline_icon_draws_a_symbol_on_a_transparent_background():
    icon = read_png(APP_PACKAGE / "outline.png")
    opaque = sum(1 for pixel in icon.pixels if pixel[3] == 255)
    transparent = sum(1 for pixel in icon.pixels if pixel[3] == 0)
    assert icon.pixels[0][3] == 0 and icon.pixels[-1][3] == 0
    assert opaque > 100
    assert transparent > 300

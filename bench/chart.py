"""`latency.png`: turns/s and p50/p99 latency of each run, drawn without a plotting library.

A PNG is a signature, an IHDR chunk, zlib-compressed scanlines and IEND; the chart is a
few rectangles on an RGB canvas, labelled in a 3x5 pixel font scaled up.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

# 3x5 glyphs, rows top to bottom, "1" = ink.
FONT = {
    "0": "111101101101111",
    "1": "010110010010111",
    "2": "111001111100111",
    "3": "111001111001111",
    "4": "101101111001001",
    "5": "111100111001111",
    "6": "111100111101111",
    "7": "111001010010010",
    "8": "111101111101111",
    "9": "111101111001111",
    "A": "010101111101101",
    "B": "110101110101110",
    "C": "011100100100011",
    "D": "110101101101110",
    "E": "111100110100111",
    "F": "111100110100100",
    "G": "011100101101011",
    "H": "101101111101101",
    "I": "111010010010111",
    "J": "001001001101010",
    "K": "101101110101101",
    "L": "100100100100111",
    "M": "101111111101101",
    "N": "110101101101101",
    "O": "010101101101010",
    "P": "110101110100100",
    "Q": "010101101110011",
    "R": "110101110101101",
    "S": "011100010001110",
    "T": "111010010010010",
    "U": "101101101101111",
    "V": "101101101101010",
    "W": "101101111111101",
    "X": "101101010101101",
    "Y": "101101010010010",
    "Z": "111001010100111",
    " ": "000000000000000",
    ".": "000000000000010",
    "-": "000000111000000",
    "/": "001001010100100",
    "%": "101001010100101",
    ":": "000010000010000",
    "(": "010100100100010",
    ")": "010001001001010",
}

WHITE, INK, GRID = (255, 255, 255), (40, 40, 40), (225, 225, 225)
COLORS = {
    "echo-stock": (214, 96, 77),
    "echo-stock-token-100ms": (244, 165, 130),
    "echo-floor": (146, 197, 222),
    "regrets": (33, 102, 172),
    "regrets-token-100ms": (67, 147, 195),
}


class Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(WHITE) * width * height)

    def rect(self, x0: int, y0: int, x1: int, y1: int, color: tuple[int, int, int]) -> None:
        x0, x1 = max(0, min(x0, x1)), min(self.width, max(x0, x1))
        y0, y1 = max(0, min(y0, y1)), min(self.height, max(y0, y1))
        row = bytes(color) * (x1 - x0)
        for y in range(y0, y1):
            start = (y * self.width + x0) * 3
            self.pixels[start : start + len(row)] = row

    def text(self, x: int, y: int, text: str, scale: int = 2, color: tuple[int, int, int] = INK) -> None:
        for char in text.upper():
            glyph = FONT.get(char, FONT[" "])
            for i, bit in enumerate(glyph):
                if bit == "1":
                    gx, gy = x + (i % 3) * scale, y + (i // 3) * scale
                    self.rect(gx, gy, gx + scale, gy + scale, color)
            x += 4 * scale

    def png(self) -> bytes:
        raw = b"".join(
            b"\x00" + bytes(self.pixels[y * self.width * 3 : (y + 1) * self.width * 3]) for y in range(self.height)
        )

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
        )


def _panel(
    canvas: Canvas, x: int, y: int, w: int, h: int, title: str, bars: list[tuple[str, float, tuple[int, int, int]]]
) -> None:
    canvas.text(x, y, title, 2)
    top, bottom = y + 24, y + h - 40
    peak = max((v for _, v, _ in bars), default=1.0) or 1.0
    for i in range(5):
        gy = bottom - (bottom - top) * i // 4
        canvas.rect(x, gy, x + w, gy + 1, GRID)
    slot = w // max(1, len(bars))
    for i, (label, value, color) in enumerate(bars):
        bx = x + i * slot + slot // 6
        bh = int((bottom - top) * value / peak)
        canvas.rect(bx, bottom - bh, bx + slot * 2 // 3, bottom, color)
        canvas.text(bx, bottom - bh - 14, f"{value:.0f}", 2)
        canvas.text(bx, bottom + 6, label[:7], 1)
        canvas.text(bx, bottom + 14, label[7:14], 1)
        canvas.text(bx, bottom + 22, label[14:21], 1)


def latency_chart(result: dict[str, Any], path: Path) -> None:
    runs = result["runs"]
    canvas = Canvas(1000, 360)
    color = [COLORS.get(r["name"], (120, 120, 120)) for r in runs]
    _panel(
        canvas,
        20,
        16,
        300,
        320,
        "TURNS/S",
        [(r["name"], r["turns_per_s"], c) for r, c in zip(runs, color, strict=True)],
    )
    _panel(canvas, 350, 16, 300, 320, "P50 MS", [(r["name"], r["p50_ms"], c) for r, c in zip(runs, color, strict=True)])
    _panel(canvas, 680, 16, 300, 320, "P99 MS", [(r["name"], r["p99_ms"], c) for r, c in zip(runs, color, strict=True)])
    path.write_bytes(canvas.png())

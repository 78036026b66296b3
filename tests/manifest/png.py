"""A small PNG reader for the icon tests (no Pillow): header fields and RGBA pixels.

Handles what Teams icons use: 8-bit greyscale, RGB, palette, grey+alpha and RGBA,
non-interlaced, with the five scanline filters of the PNG specification.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
ALPHA_TYPES = {4, 6}


@dataclass(frozen=True)
class Png:
    width: int
    height: int
    bit_depth: int
    color_type: int
    pixels: list[tuple[int, int, int, int]]  # RGBA, row by row

    @property
    def has_alpha_channel(self) -> bool:
        return self.color_type in ALPHA_TYPES


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _unfilter(data: bytes, width: int, height: int, bpp: int) -> list[bytearray]:
    stride = width * bpp
    rows: list[bytearray] = []
    previous = bytearray(stride)
    offset = 0
    for _ in range(height):
        kind = data[offset]
        row = bytearray(data[offset + 1 : offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = row[i - bpp] if i >= bpp else 0
            up = previous[i]
            up_left = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                row[i] = (row[i] + _paeth(left, up, up_left)) & 0xFF
            elif kind != 0:
                raise ValueError(f"unknown PNG filter {kind}")
        rows.append(row)
        previous = row
    return rows


def read_png(path: Path) -> Png:
    data = path.read_bytes()
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a PNG")
    offset = len(SIGNATURE)
    header = None
    idat = bytearray()
    palette: list[tuple[int, int, int]] = []
    transparency = b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise ValueError(f"{path}: bad CRC in {kind!r} chunk")
        offset += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = [tuple(body[i : i + 3]) for i in range(0, len(body), 3)]
        elif kind == b"tRNS":
            transparency = body
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError(f"{path}: no IHDR chunk")
    width, height, depth, color_type, _, _, interlace = header
    if depth != 8 or interlace != 0 or color_type not in CHANNELS:
        raise ValueError(f"{path}: unsupported PNG (depth {depth}, colour type {color_type}, interlace {interlace})")
    bpp = CHANNELS[color_type]
    rows = _unfilter(zlib.decompress(bytes(idat)), width, height, bpp)
    pixels: list[tuple[int, int, int, int]] = []
    for row in rows:
        for x in range(width):
            px = row[x * bpp : (x + 1) * bpp]
            if color_type == 0:
                pixels.append((px[0], px[0], px[0], 255))
            elif color_type == 2:
                pixels.append((px[0], px[1], px[2], 255))
            elif color_type == 3:
                r, g, b = palette[px[0]]
                alpha = transparency[px[0]] if px[0] < len(transparency) else 255
                pixels.append((r, g, b, alpha))
            elif color_type == 4:
                pixels.append((px[0], px[0], px[0], px[1]))
            else:
                pixels.append((px[0], px[1], px[2], px[3]))
    return Png(width, height, depth, color_type, pixels)

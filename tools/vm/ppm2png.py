#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
"""ppm2png.py [--require-content] IN.ppm OUT.png: convert qemu's screendump (binary
PPM, P6, maxval 255) to PNG with nothing but the standard library.
--require-content: write nothing and exit 3 if the image is one flat colour."""
import struct
import sys
import zlib


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:   # magic, width, height, maxval; comments start with '#'
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or int(fields[3]) != 255:
        sys.exit(f"ppm2png.py: {path}: not an 8-bit binary PPM")
    width, height = int(fields[1]), int(fields[2])
    pixels = data[pos + 1:pos + 1 + width * height * 3]
    return width, height, pixels


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def write_png(path, width, height, pixels):
    stride = width * 3
    raw = b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def flat(pixels):
    return pixels.count(pixels[:3]) * 3 == len(pixels)


if __name__ == "__main__":
    args = sys.argv[1:]
    require = args[:1] == ["--require-content"]
    if require:
        args = args[1:]
    if len(args) != 2:
        sys.exit(__doc__)
    w, h, px = read_ppm(args[0])
    if require and flat(px):
        sys.exit(3)
    write_png(args[1], w, h, px)

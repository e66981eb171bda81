# SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers
"""image.py: screenshots as the X server has them -- xwd's dump read
without any image library, written out as PNG with zlib -- and the
terminal's cell grid found in them."""

import struct
import zlib


class Image:
    """An RGB image: rows of (r, g, b) tuples, read from an xwd dump."""

    def __init__(self, width, height, pixels):
        self.width = width
        self.height = height
        self.pixels = pixels  # a bytes of width * height * 3

    def at(self, x, y):
        i = (y * self.width + x) * 3
        p = self.pixels
        return (p[i], p[i + 1], p[i + 2])

    def row(self, y):
        return self.pixels[y * self.width * 3:(y + 1) * self.width * 3]

    def save_png(self, path):
        raw = bytearray()
        stride = self.width * 3
        for y in range(self.height):
            raw.append(0)
            raw += self.pixels[y * stride:(y + 1) * stride]

        def chunk(kind, data):
            c = struct.pack(">I", len(data)) + kind + data
            return c + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)

        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n")
            f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", self.width, self.height,
                                               8, 2, 0, 0, 0)))
            f.write(chunk(b"IDAT", zlib.compress(bytes(raw), 6)))
            f.write(chunk(b"IEND", b""))


def read_xwd(data):
    """An Image from the bytes of an xwd dump (ZPixmap, 24 or 32 bits a
    pixel, TrueColor): what a 24-bit Xvfb gives."""
    h = struct.unpack(">25I", data[:100])
    header_size, version, fmt = h[0], h[1], h[2]
    width, height = h[4], h[5]
    byte_order, bpp, bpl = h[7], h[11], h[12]
    masks = h[14:17]
    ncolors = h[19]
    if version != 7 or fmt != 2 or bpp not in (24, 32):
        raise ValueError("xwd: an image this script cannot read (version %d, "
                         "format %d, %d bits a pixel)" % (version, fmt, bpp))
    off = header_size + ncolors * 12
    body = data[off:off + bpl * height]
    shifts = []
    for m in masks:
        s = 0
        while m and not m & 1:
            m >>= 1
            s += 1
        shifts.append(s)
    step = bpp // 8
    out = bytearray(width * height * 3)
    endian = "little" if byte_order == 0 else "big"
    if step == 4 and endian == "little" and shifts == [16, 8, 0]:
        # The common case, fast: B G R X bytes.
        for y in range(height):
            line = body[y * bpl:y * bpl + width * 4]
            o = y * width * 3
            out[o:o + width * 3:3] = line[2::4]
            out[o + 1:o + width * 3:3] = line[1::4]
            out[o + 2:o + width * 3:3] = line[0::4]
    else:
        for y in range(height):
            for x in range(width):
                i = y * bpl + x * step
                v = int.from_bytes(body[i:i + step], endian)
                o = (y * width + x) * 3
                for k in range(3):
                    out[o + k] = (v & masks[k]) >> shifts[k]
    return Image(width, height, bytes(out))


# ------------------------------------------------------------ the cell grid

def distance(a, b):
    return max(abs(a[0] - b[0]), abs(a[1] - b[1]), abs(a[2] - b[2]))


def common_colour(img, step=3):
    """The most frequent colour: the terminal's default background."""
    counts = {}
    p = img.pixels
    for i in range(0, len(p) - 2, 3 * step):
        k = p[i:i + 3]
        counts[k] = counts.get(k, 0) + 1
    best = max(counts, key=counts.get)
    return tuple(best)


class Grid:
    """Where the cells are: the top left of cell (0, 0), a cell's size."""

    def __init__(self, x0, y0, cw, ch, rows, cols, bg):
        self.x0, self.y0, self.cw, self.ch = x0, y0, cw, ch
        self.rows, self.cols, self.bg = rows, cols, bg

    def centre(self, r, c):
        return (self.x0 + c * self.cw + self.cw // 2, self.y0 + r * self.ch + self.ch // 2)

    def __repr__(self):
        return "grid %dx%d cells of %dx%d px from (%d, %d)" % (
            self.cols, self.rows, self.cw, self.ch, self.x0, self.y0)


def find_grid(img, rows, cols):
    """The grid, from the status line: the program draws its last row on
    a colour of its own (reverse video or a grey) across every column, so
    the lowest band of pixel rows mostly not the default background is that
    row, its left and right ends those of the screen.  Returns a Grid, or
    a string saying why none was found."""
    bg = common_colour(img)
    w = img.width
    nondefault = []
    for y in range(img.height):
        line = img.row(y)
        n = 0
        for x in range(0, w * 3, 3):
            if distance(line[x:x + 3], bg) > 40:
                n += 1
        nondefault.append(n)
    # The lowest band at least 6 px high (a window's border is a line).
    bottom = top = None
    y = img.height - 1
    while y >= 0:
        if nondefault[y] >= w // 2:
            b = y
            while y > 0 and nondefault[y - 1] >= w // 2:
                y -= 1
            if b - y + 1 >= 6:
                bottom, top = b, y
                break
        y -= 1
    if bottom is None:
        return "no status line (no band of pixel rows off the background %s)" % (bg,)
    ch = bottom - top + 1
    # Columns off the background at the band's top or bottom pixel row,
    # where glyphs seldom reach (a reverse-video glyph is background).
    xs = [x for x in range(w)
          if distance(img.at(x, top), bg) > 40 or distance(img.at(x, bottom), bg) > 40]
    # The longest run of them: a window's border is not the screen.
    runs, start = [], None
    for i, x in enumerate(xs):
        if start is None:
            start = x
        if i + 1 == len(xs) or xs[i + 1] != x + 1:
            runs.append((start, x))
            start = None
    x0, x1 = max(runs, key=lambda r: r[1] - r[0])
    span = x1 - x0 + 1
    cw = round(span / cols)
    if cw <= 0 or abs(span - cw * cols) > 1:
        return "the status line spans %d px, not %d columns of whole pixels" % (span, cols)
    y0 = bottom + 1 - rows * ch
    if y0 < 0:
        return "a status line %d px high makes %d rows taller than the window" % (ch, rows)
    return Grid(x0, y0, cw, ch, rows, cols, bg)


class Cells:
    """Each cell's background (the commonest colour of its top two pixel
    rows) and ink (pixels far from it, in the cell but its outermost pixel
    columns and those two rows, where a neighbour's glyph may reach: mlterm
    draws a glyph unclipped, so the foot of a "|" above can stay there)."""

    INK = 48  # a pixel this far from the cell's background is ink (a dim
              # label of the cloud, grey on black, is not far)

    def __init__(self, img, grid):
        self.grid = grid
        self.bg = [[None] * grid.cols for _ in range(grid.rows)]
        self.ink = [[0] * grid.cols for _ in range(grid.rows)]
        cw, ch = grid.cw, grid.ch
        for r in range(grid.rows):
            ys = range(grid.y0 + r * ch, grid.y0 + (r + 1) * ch)
            lines = [img.row(y) for y in ys]
            for c in range(grid.cols):
                x = grid.x0 + c * cw
                # The background from the cell's top pixel rows, above
                # the glyphs (a dense glyph has more ink than background).
                px = []
                for line in lines[:2]:
                    seg = line[x * 3:(x + cw) * 3]
                    px.extend(seg[i:i + 3] for i in range(0, len(seg), 3))
                counts = {}
                for p in px:
                    counts[p] = counts.get(p, 0) + 1
                mode = max(counts, key=counts.get)
                self.bg[r][c] = tuple(mode)
                n = 0
                for line in lines[2:]:
                    seg = line[(x + 1) * 3:(x + cw - 1) * 3]
                    for i in range(0, len(seg), 3):
                        if distance(seg[i:i + 3], mode) > self.INK:
                            n += 1
                self.ink[r][c] = n

    def inked(self, r, c, least=2):
        return self.ink[r][c] >= least

    def lit(self, r, c):
        return distance(self.bg[r][c], self.grid.bg) > 40

# SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers
"""checks.py: what a terminal drew against what the layout says (an
expect.Screen from the libvterm harness): on the screenshot's pixels, and
on the terminal's own idea of its screen where it gives one.  Each check
returns (ok, detail)."""

import image


def _cells(exp, img):
    grid = image.find_grid(img, exp.rows, exp.cols)
    if isinstance(grid, str):
        return None, grid
    return image.Cells(img, grid), None


def grid_check(exp, img):
    """The terminal is rows x cols: its status line spans exactly that many
    cells of whole pixels."""
    cells, why = _cells(exp, img)
    if cells is None:
        return False, why, None
    return True, repr(cells.grid), cells


def highlights(exp, cells):
    """The cells on a colour (the current tab, the current language in the
    switcher, the status line, a focused tag) are those the layout lights,
    and no others."""
    bad = []
    for r in range(exp.rows):
        for c in range(exp.cols):
            want = exp.cell[r][c].lit
            if exp.cell[r][c].width == 0 and c > 0:
                want = exp.cell[r][c - 1].lit
            if want != cells.lit(r, c):
                bad.append((r, c, want))
    if not bad:
        n = sum(1 for r in range(exp.rows) for c in range(exp.cols) if exp.cell[r][c].lit)
        return True, "%d lit cells, each where the layout has one" % n
    return False, "%d cells differ, e.g. %s" % (len(bad), ", ".join(
        "row %d col %d %s" % (r, c, "should be lit" if w else "lit, should not be")
        for r, c, w in bad[:6]))


def _ink_span(cells, r):
    first = last = None
    for c in range(cells.grid.cols):
        if cells.inked(r, c):
            if first is None:
                first = c
            last = c
    return None if first is None else (first, last)


# xterm's 16 colours, then its 6x6x6 cube and grey ramp: what an index
# the program asks for looks like in every terminal here.
_BASIC = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238),
          (205, 0, 205), (0, 205, 205), (229, 229, 229), (127, 127, 127),
          (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255),
          (0, 255, 255), (255, 255, 255)]


def colour_rgb(fg):
    """The colour of an index or "#rrggbb"; None for the default."""
    if fg is None:
        return None
    if isinstance(fg, str) and fg.startswith("#"):
        return tuple(int(fg[i:i + 2], 16) for i in (1, 3, 5))
    fg = int(fg)
    if fg < 16:
        return _BASIC[fg]
    if fg < 232:
        n = fg - 16
        level = [0, 95, 135, 175, 215, 255]
        return (level[n // 36], level[n // 6 % 6], level[n % 6])
    g = 8 + 10 * (fg - 232)
    return (g, g, g)


# theme.c's cloud shades on a dark background and, in the same order, on
# a light one: the harness answers no OSC 11, so its screen has the first
# where a terminal that says it is light (xterm, black on white) gets the
# second.
_LIGHT_SHADE = dict(zip(
    (239, 242, 245, 248, 252, 22, 28, 34, 41, 48, 94, 136, 178, 220, 228, 226),
    (252, 249, 246, 243, 240, 151, 114, 71, 28, 22, 223, 179, 172, 130, 94, 166)))


def _faint(exp, cells, r, c):
    """A glyph in a colour near its cell's background (the cloud's
    farthest shade, in either table): its thin strokes, smoothed by the
    font, may stay under the ink threshold, so whether it shows as ink is
    not a test."""
    fg = exp.cell[r][c].fg
    bg = cells.bg[r][c]
    if fg is None or bg is None:
        return False
    shades = [colour_rgb(fg)]
    if not str(fg).startswith("#") and int(fg) in _LIGHT_SHADE:
        shades.append(colour_rgb(_LIGHT_SHADE[int(fg)]))
    return any(image.distance(rgb, bg) < 2 * cells.INK for rgb in shades)


def _strong_span(exp, cells, r):
    """glyph_span of row r without its faint glyphs."""
    first = last = None
    for c in range(exp.cols):
        cell = exp.cell[r][c]
        if cell.width == 0 or not cell.inked or _faint(exp, cells, r, c):
            continue
        if first is None:
            first = c
        last = c + (1 if cell.width == 2 else 0)
    return None if first is None else (first, last)


def rows_in_place(exp, cells):
    """Every row's first and last glyph are drawn in the cells the layout
    puts them in: a character drawn wider or narrower than the program
    counted shifts the rest of its row, and the row's ends with it (a wide
    glyph may leave its right half without ink: "、" is drawn on the left).
    A faint glyph at a row's end may show or not: the ink must then start
    between it and the first glyph that must show (and end likewise)."""
    bad = []
    for r in range(exp.rows):
        want = exp.glyph_span(r)
        strong = _strong_span(exp, cells, r)
        got = _ink_span(cells, r)
        if want is None or got is None:
            if want != got and not (got is None and strong is None):
                bad.append((r, want, got))
            continue
        wf, wl = want
        sf, sl = strong if strong is not None else (wl, wf)
        lastcell = exp.cell[r][wl - 1] if wl > 0 else None
        slack = 1 if lastcell is not None and lastcell.width == 2 else 0
        if not (wf <= got[0] <= max(wf, sf)) or not (min(wl, sl) - slack <= got[1] <= wl):
            bad.append((r, want, got))
    if not bad:
        return True, "all %d rows" % exp.rows
    return False, "; ".join("row %d: the layout has glyphs in columns %s, the terminal "
                            "drew ink in %s" % (r, "%d-%d" % w if w else "none",
                                                "%d-%d" % g if g else "none")
                            for r, w, g in bad[:6])


def no_stray_ink(exp, cells, allowed=0):
    """No ink in a cell the layout leaves blank: a glyph drawn beyond its
    cells (a wide glyph over three, a narrow one over two) or text shifted
    shows there."""
    bad = []
    for r in range(exp.rows):
        for c in range(exp.cols):
            cell = exp.cell[r][c]
            covered = cell.inked or (cell.width == 0 and c > 0 and exp.cell[r][c - 1].inked)
            if not covered and cells.inked(r, c, 3):
                bad.append((r, c, cells.ink[r][c]))
    if len(bad) <= allowed:
        return True, "%d stray" % len(bad)
    return False, "%d blank cells have ink, e.g. %s" % (len(bad), ", ".join(
        "row %d col %d (%d px)" % b for b in bad[:8]))


def own_screen(exp, rows, positions):
    """The terminal's own text of each row is the layout's; with
    positions (xterm marks a wide character's right half), every
    character in the layout's column, and the lit cells the same."""
    if rows is None:
        return False, "the terminal gave no screen"
    bad = []
    for r in range(exp.rows):
        text, lit = rows[r] if r < len(rows) else ("", None)
        if positions:
            cells = list(text)
            for c in range(exp.cols):
                want = exp.cell[r][c]
                got = cells[c] if c < len(cells) else " "
                if want.width == 0:
                    ok = got == "\uffff"
                else:
                    ok = got == want.ch or (got in " \x00" and want.ch.isspace())
                if not ok:
                    bad.append("row %d col %d: %r, the layout has %r" % (
                        r, c, got, want.ch if want.width else "(right half)"))
                    break
            if lit is not None:
                for c in range(min(len(lit), exp.cols)):
                    want = exp.cell[r][c].lit or (exp.cell[r][c].width == 0 and c > 0
                                                  and exp.cell[r][c - 1].lit)
                    if lit[c] != want:
                        bad.append("row %d col %d: %s in the terminal, %s in the layout" % (
                            r, c, "lit" if lit[c] else "unlit", "lit" if want else "unlit"))
                        break
        else:
            if text.replace("\uffff", "").rstrip() != exp.text[r].rstrip():
                bad.append("row %d: %r, the layout has %r" % (r, text.rstrip()[:60],
                                                              exp.text[r].rstrip()[:60]))
    if not bad:
        return True, "%d rows" % exp.rows
    return False, "; ".join(bad[:4])

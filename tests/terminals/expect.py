# SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers
"""expect.py: what the program should draw, cell by cell -- the same
command run in the tests' libvterm harness (tests/vtshot -a), its
annotated dump read back as cells -- and the facts of the tests' bundle
(tests/fixture) that the real-terminal tests drive it with."""

import os
import re
import subprocess
import unicodedata


def char_width(ch):
    """Columns a character takes in the harness (libvterm): wide for East
    Asian Wide and Fullwidth, none for combining marks, else one."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Me", "Mn", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class Cell:
    __slots__ = ("ch", "width", "bold", "underline", "reverse", "fg", "bg")

    def __init__(self):
        self.ch = " "
        self.width = 1  # 2: a wide character's left half; 0: its right half
        self.bold = self.underline = self.reverse = False
        self.fg = self.bg = None  # a colour's index or "#rrggbb"; None: default

    @property
    def lit(self):
        """Drawn on a colour other than the default background."""
        return self.reverse or self.bg is not None

    @property
    def inked(self):
        """Something is drawn in the cell: a visible glyph or an underline."""
        return self.underline or (self.width != 0 and not self.ch.isspace())


class Screen:
    """rows x cols cells, as the harness had them."""

    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.cell = [[Cell() for _ in range(cols)] for _ in range(rows)]
        self.text = [""] * rows
        self.mouse = 0

    def row_text(self, r):
        """Row r as text: a wide character once, blanks kept but trailing."""
        return self.text[r]

    def glyph_span(self, r):
        """The first and last column of row r with a visible glyph, as
        (first, last) with a wide glyph's both columns; None if none."""
        first = last = None
        for c in range(self.cols):
            cell = self.cell[r][c]
            if cell.width == 0 or not cell.inked:
                continue
            if first is None:
                first = c
            last = c + (1 if cell.width == 2 else 0)
        return None if first is None else (first, last)

    def find(self, text, rows=None):
        """Where text starts, as (row, col), each place it is found."""
        found = []
        for r in (range(self.rows) if rows is None else rows):
            line, cols = self._cols_of_row(r)
            start = 0
            while True:
                i = line.find(text, start)
                if i < 0:
                    break
                found.append((r, cols[i]))
                start = i + 1
        return found

    def _cols_of_row(self, r):
        chars, cols = [], []
        for c in range(self.cols):
            cell = self.cell[r][c]
            if cell.width == 0:
                continue
            chars.append(cell.ch)
            cols.append(c)
        return "".join(chars), cols


_RUN = re.compile(r"^r(\d+) c(\d+)-(\d+)((?: [a-z-]+(?:=[#0-9a-z]+)?)*) \|(.*)\|$")


def parse_annotated(text):
    """A Screen from vtshot -a's output: the frame of rows, then one line
    a styled run ("r0 c70-73 bold fg=231 bg=29 | JP |")."""
    lines = text.split("\n")
    head = re.match(r"^\+-- (\d+)x(\d+),.*?mouse (\d+)", lines[0])
    if not head:
        raise ValueError("vtshot: no frame in its output:\n" + text[:400])
    rows, cols = int(head.group(1)), int(head.group(2))
    s = Screen(rows, cols)
    s.mouse = int(head.group(3))
    body = lines[3:3 + rows]
    for r, line in enumerate(body):
        if not line.startswith("%02d|" % r):
            raise ValueError("vtshot: row %d is not where expected: %r" % (r, line))
        line = line[3:]
        s.text[r] = line.rstrip()
        c = 0
        for ch in line:
            w = char_width(ch)
            if w == 0 or c >= cols:
                continue
            cell = s.cell[r][c]
            cell.ch, cell.width = ch, w
            if w == 2 and c + 1 < cols:
                right = s.cell[r][c + 1]
                right.ch, right.width = "", 0
            c += w
    for line in lines[3 + rows:]:
        m = _RUN.match(line)
        if not m:
            continue
        r, c0, c1 = int(m.group(1)), int(m.group(2)), int(m.group(3))
        words = m.group(4).split()
        for c in range(c0, c1 + 1):
            cell = s.cell[r][c]
            for w in words:
                if w == "bold":
                    cell.bold = True
                elif w.endswith("underline"):
                    cell.underline = True
                elif w == "reverse":
                    cell.reverse = True
                elif w.startswith("fg="):
                    cell.fg = w[3:]
                elif w.startswith("bg="):
                    cell.bg = w[3:]
    return s


class Harness:
    """Runs the program in tests/vtshot and keeps what it drew."""

    def __init__(self, vtshot, program, data_dir):
        self.vtshot, self.program, self.data_dir = vtshot, program, data_dir
        self.cache = {}

    def screen(self, term, rows, cols, args, actions):
        """The screen after actions (vtshot's own: ["-k", "?"], ["-R",
        "20x60"], ...), with TERM=term."""
        key = (term, rows, cols, tuple(args), tuple(actions))
        if key not in self.cache:
            cmd = [self.vtshot, "-a", "-t", "5000", "-e", "TERM=" + term,
                   "-r", str(rows), "-c", str(cols), "-p", "200"]
            cmd += list(actions)
            cmd += ["-p", "100", "--", self.program, "--data-dir", self.data_dir]
            cmd += list(args)
            out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 timeout=60)
            if out.returncode != 0:
                raise RuntimeError("vtshot failed (%d): %s\n%s" % (
                    out.returncode, " ".join(cmd), out.stderr.decode(errors="replace")))
            self.cache[key] = parse_annotated(out.stdout.decode("utf-8", "replace"))
        return self.cache[key]


# ------------------------------------------------------------ the fixture

LANGS = ("en", "ko", "ja", "zh")


class Fixture:
    """What the tests need of tests/fixture: page titles, the switcher's
    labels, the tags -- read from its files as tests/screen.c does (a page
    starts "  - id:", its title is "    title:", a tag is a flow mapping
    on a "  - {" line)."""

    def __init__(self, data_dir):
        self.pages = {}   # lang -> [title]
        self.label = {}   # lang -> "EN"
        self.tags = {}    # lang -> [(label, page id, block id or None)]
        self.page_ids = []
        for lang in LANGS:
            pages, tags, ids = [], [], []
            in_pages = False
            with open(os.path.join(data_dir, lang + ".yaml"), encoding="utf-8") as f:
                for line in f:
                    line = line.rstrip("\n")
                    if line.startswith("label:"):
                        self.label[lang] = _scalar(line[6:])
                    elif line.startswith("pages:"):
                        in_pages = True
                    elif line.startswith("tags:"):
                        in_pages = False
                    elif in_pages and line.startswith("  - id:"):
                        ids.append(_scalar(line[7:]))
                    elif in_pages and line.startswith("    title:"):
                        pages.append(_scalar(line[10:]))
                    elif line.startswith("  - {"):
                        tags.append(_tag(line))
            self.pages[lang], self.tags[lang] = pages, tags
            if lang == "en":
                self.page_ids = ids
        self.npages = len(self.page_ids)

    def tab_key(self, i):
        """The key of tab i (npages: the Cloud)."""
        return str(i + 1)


def _scalar(s):
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"'":
        s = s[1:-1]
    return s


def _tag(line):
    body = line.strip()[3:].rstrip("}")
    fields = {}
    for part in re.split(r",\s*(?=[a-z]+:)", body):
        k, _, v = part.partition(":")
        fields[k.strip()] = _scalar(v)
    return (fields.get("label", ""), fields.get("page"), fields.get("block"))


def sgr_click(row, col, button=0):
    """The bytes of a click (press and release) at a cell, as a terminal in
    SGR mouse mode (1006) reports it; 0-based row and col."""
    return "\\e[<%d;%d;%dM\\e[<%d;%d;%dm" % (button, col + 1, row + 1, button, col + 1, row + 1)


def sgr_wheel(row, col, down=True):
    """A notch of the wheel at a cell, in SGR mode."""
    return "\\e[<%d;%d;%dM" % (65 if down else 64, col + 1, row + 1)

#!/usr/bin/env python3
# SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers
"""gen-bundle.py: a synthetic content bundle K times the real one.

    gen-bundle.py [-k K] [-s SRCDIR] OUTDIR

Reads the real bundle (SRCDIR/{en,ko,ja,zh}.yaml, default: data/ next to
this script's directory) as text -- no YAML library, and not through
iclei-tui, the program under test -- and writes OUTDIR/LL.yaml for every
language present, in which every page holds its real blocks K times over:
copy r >= 2 of a block gets the id ID-rR (links and tags keep pointing at
the originals, which still exist).  Pages, tags and everything else stay as
they are, so each page -- the longest one included -- is K times longer,
every language keeps the same structure, and `iclei-tui --check` passes.

The real files are written in one regular layout (see data/*.yaml): pages
at "  - id:", their blocks at "      - KIND:", block keys at 8 columns.  The
generator relies on that layout and stops with an error if it is not
found, rather than write a bundle that is not K times the real one.
"""
import argparse
import os
import re
import sys

LANGS = ("en", "ko", "ja", "zh")
PAGE_RE = re.compile(r"^  - id: ")
BLOCK_RE = re.compile(r"^      - ")
ID_RE = re.compile(r"^(      - |        )id: ([a-z][a-z0-9_-]*)\s*$")


def die(msg):
    sys.stderr.write("gen-bundle: %s\n" % msg)
    sys.exit(1)


def groups(lines, start, path, before, none, lead=None):
    """lines cut into groups, each from a line that start matches up to the
    next.  A line before the first group is an error (before), unless it is
    blank and lead (a list) takes it; no group at all is an error (none)."""
    out, cur = [], None
    for line in lines:
        if start.match(line):
            cur = [line]
            out.append(cur)
        elif cur is not None:
            cur.append(line)
        elif lead is not None and not line.strip():
            lead.append(line)
        else:
            die("%s: %s" % (path, before))
    if not out:
        die("%s: %s" % (path, none))
    return out


def split_pages(lines, path):
    """The lines before the pages, a list of pages, the lines after."""
    try:
        start = lines.index("pages:\n") + 1
    except ValueError:
        die("%s: no 'pages:' line at column 0" % path)
    end = start
    while end < len(lines) and (lines[end].startswith(" ")
                                or lines[end].strip() == ""):
        end += 1
    head, body, tail = lines[:start], lines[start:end], lines[end:]
    pages = groups(body, PAGE_RE, path, "text before the first page",
                   "no page found", lead=head)
    return head, pages, tail


def split_blocks(page, path):
    """A page's header (through 'blocks:'), its blocks, its trailing blanks."""
    try:
        at = page.index("    blocks:\n") + 1
    except ValueError:
        die("%s: a page without a '    blocks:' line" % path)
    header, rest = page[:at], page[at:]
    trail = []
    while rest and rest[-1].strip() == "":
        trail.insert(0, rest.pop())
    blocks = groups(rest, BLOCK_RE, path,
                    "text between 'blocks:' and the first block",
                    "a page without blocks")
    return header, blocks, trail


def renumber(block, r):
    out = []
    for line in block:
        m = ID_RE.match(line)
        if m and r > 1:
            line = "%sid: %s-r%d\n" % (m.group(1), m.group(2), r)
        out.append(line)
    return out


def scale(text, k, path):
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    head, pages, tail = split_pages(lines, path)
    out = ["# Synthetic bundle: %d x the real content (bench/gen-bundle.py).\n"
           % k]
    out += head
    for page in pages:
        header, blocks, trail = split_blocks(page, path)
        out += header
        for r in range(1, k + 1):
            for b in blocks:
                out += renumber(b, r)
        out += trail
    out += tail
    return "".join(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-k", type=int, default=10, help="times the real content")
    ap.add_argument("-s", dest="src", default=os.path.join(here, "..", "data"),
                    help="the real bundle's directory")
    ap.add_argument("outdir")
    a = ap.parse_args()
    if a.k < 1:
        die("-k must be at least 1")
    os.makedirs(a.outdir, exist_ok=True)
    done = 0
    for lang in LANGS:
        src = os.path.join(a.src, lang + ".yaml")
        if not os.path.exists(src):
            continue
        with open(src, encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(a.outdir, lang + ".yaml"), "w",
                  encoding="utf-8") as f:
            f.write(scale(text, a.k, src))
        done += 1
    if done == 0:
        die("no bundle file in %s" % a.src)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers
"""man-render.py: how a man page comes out on a terminal of a given width.

    man-render.py [--tool man|mandoc] [--width N]... [--verbatim LINE]... PAGE...

For each page, renderer and width, prints TAP lines without numbers
(tests/man-width.test numbers them):

  - the renderer wrote nothing on standard error (troff's "can't break
    line", "cannot adjust line", mandoc's complaints);
  - no line is wider than the width, counted in terminal columns (East
    Asian Wide and Fullwidth characters take two); a --verbatim LINE, an
    example's line that has to stay one line (a configuration line in a
    format with no continuation lines), may be wider below 80 columns,
    and must fit at 80 like any other;
  - no bold or italic word (an option, a key, a value, a file name) is
    split at the end of a line: neither hyphenated by groff nor broken
    at its own hyphen by mandoc;
  - no line starts with a closing CJK mark (、。，）」 and the like, a
    small kana, the long vowel mark) or ends with an opening one (（「):
    the Japanese and Chinese rules for where a line may not break.

"man" is man-db's man(1), run as a reader runs it (MANWIDTH=N man -l
PAGE), so with its own groff options; "mandoc" is mandoc -Tutf8
-Owidth=N.  Bold and italic are read from the overstrikes (X\\bX, _\\bX)
or SGR escapes the renderer leaves in.
"""
import os
import re
import subprocess
import sys
import unicodedata

PLAIN, BOLD, ITALIC = 0, 1, 2
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def columns(ch):
    if unicodedata.combining(ch) or ch in "\u200b\u200d":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def cells(line):
    """A rendered line as (character, attribute) pairs."""
    out, attr, i = [], PLAIN, 0
    while i < len(line):
        m = SGR.match(line, i)
        if m:
            for code in (m.group(1) or "0").split(";"):
                if code in ("0", "", "22", "24", "23"):
                    attr = PLAIN
                elif code == "1":
                    attr = BOLD
                elif code in ("3", "4"):
                    attr = ITALIC
            i = m.end()
            continue
        ch = line[i]
        if ch == "\b" and out and i + 1 < len(line):
            prev, _ = out.pop()
            nxt = line[i + 1]
            out.append((nxt, ITALIC if prev == "_" else BOLD))
            i += 2
            continue
        if ch == "\t":
            width = sum(columns(c) for c, _ in out)
            out.extend([(" ", PLAIN)] * (8 - width % 8))
        else:
            out.append((ch, attr))
        i += 1
    return out


def render(tool, page, width):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("MAN", "GROFF")) and k not in ("PAGER", "LESS")}
    env["LC_ALL"] = "C.UTF-8"
    if tool == "man":
        env["MANWIDTH"] = str(width)
        env["MAN_KEEP_FORMATTING"] = "1"
        cmd = ["man", "-l", page]
    else:
        cmd = ["mandoc", "-Tutf8", "-Owidth=%d" % width, page]
    p = subprocess.run(cmd, capture_output=True, env=env)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


# Where a line may not break in Japanese and Chinese text (kinsoku).
CLOSING = set("、。，．・：；？！）〕］｝〉》」』】ー々"
              "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
OPENING = set("（〔［｛〈《「『【")


def bad_cjk_break(text):
    """A line that starts or ends where CJK text may not break, or None."""
    t = text.strip()
    if t and (t[0] in CLOSING or t[-1] in OPENING):
        return t
    return None


def split_literal(line):
    """The end of a line that splits a bold or italic word, or None."""
    c = [x for x in line if x[0] != " "] if line and line[-1][0] == " " else line
    if len(c) < 2:
        return None
    (last, attr), (before, _) = c[-1], c[-2]
    if last in "-\u2010" and attr != PLAIN and before.isalnum():
        return "".join(ch for ch, _ in line).strip()
    return None


def check(tool, page, width, name, verbatim=()):
    rc, out, err = render(tool, page, width)
    what = f"{name}, {tool}, width {width}"
    yield rc == 0 and not err.strip(), f"{what}: nothing on standard error", \
        err.strip() or f"exit status {rc}"
    lines = [cells(l) for l in out.split("\n")]
    wide = [(sum(columns(c) for c, _ in l), "".join(c for c, _ in l).rstrip())
            for l in lines]
    over = [(w, t) for w, t in wide
            if w > width and not (width < 80 and t.strip() in verbatim)]
    yield not over, f"{what}: no line wider than {width} columns", \
        "\n".join(f"{w} columns: {t}" for w, t in over[:8])
    split = [s for s in map(split_literal, lines) if s]
    yield not split, f"{what}: no option, key or name split at a line's end", \
        "\n".join(split[:8])
    bad = [b for b in (bad_cjk_break(t) for _, t in wide) if b]
    yield not bad, f"{what}: no line starts with a closing or ends with an " \
        "opening CJK mark", "\n".join(bad[:8])


def main(argv):
    tools, widths, pages, verbatim = [], [], [], set()
    it = iter(argv)
    for a in it:
        if a == "--tool":
            tools.append(next(it))
        elif a == "--width":
            widths.append(int(next(it)))
        elif a == "--verbatim":
            verbatim.add(next(it).strip())
        else:
            pages.append(a)
    top = os.environ.get("top_srcdir", "")
    for page in pages:
        name = os.path.relpath(page, top) if top else page
        for tool in tools or ["man", "mandoc"]:
            for width in widths or [40, 60, 80]:
                for ok, what, why in check(tool, page, width, name, verbatim):
                    print(("ok" if ok else "not ok") + " - " + what)
                    if not ok:
                        for l in why.split("\n"):
                            print("# " + l)


if __name__ == "__main__":
    main(sys.argv[1:])

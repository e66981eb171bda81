#!/usr/bin/env python3
# SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers
"""man-drift.py: do the translated man pages say what the English one says?

    man-drift.py ENGLISH TRANSLATION...

The words differ, so the structure is compared, section by section (the
sections are matched by their place, as their titles are translated):

  - the same number of sections (.SH), and in each the same number of
    subsections (.SS), in the same order;
  - the same item tags (.TP) in the same order in each section and
    subsection, compared by their bold words: the options and their
    values, the keys, the environment variables, the exit statuses;
  - the same bold words in each section: every key, option, value and
    name the English text sets in bold (Ctrl-P in a sentence, --dump in
    ENVIRONMENT) is in the translation, and nothing else is;
  - the same long options (--name) anywhere in each section;
  - the same examples (.EX ... .EE), character for character.

Prints TAP lines without numbers (tests/man-drift.test numbers them).
"""
import os
import re
import sys

ESCAPES = [("\\-", "-"), ("\\(ua", "↑"), ("\\(da", "↓"), ("\\(<-", "←"),
           ("\\(->", "→"), ("\\(en", "–"), ("\\(aq", "'"), ("\\(bu", "•"),
           ("\\(cq", "’"), ("\\(lq", "“"), ("\\(rq", "”"), ("\\~", " "),
           ("\\ ", " "), ("\\&", ""), ("\\%", ""), ("\\c", ""), ("\\*:", " ")]
# The fonts of a font-alternating macro's arguments, in turn.
ALTERNATING = {".BR": "BR", ".RB": "RB", ".BI": "BI", ".IB": "IB",
               ".IR": "IR", ".RI": "RI"}


def unescape(s):
    for esc, ch in ESCAPES:
        s = s.replace(esc, ch)
    return s


def args(rest):
    return [a[1:-1] if a.startswith('"') else a
            for a in re.findall(r'"[^"]*"|\S+', rest)]


def runs(line):
    """A text or macro line as (font, text) runs; font is B, I or R."""
    out = []

    def inline(text, font):
        # \fB, \fI, \fR and \fP inside a run
        prev = font
        for part in re.split(r"(\\f[BIRP])", text):
            if re.fullmatch(r"\\f[BIRP]", part):
                new = part[2]
                font, prev = (prev, font) if new == "P" else (new, font)
            elif part:
                out.append((font, unescape(part)))

    if line.startswith("."):
        name, _, rest = line.partition(" ")
        if name in ALTERNATING:
            fonts = ALTERNATING[name]
            for i, a in enumerate(args(rest)):
                inline(a, fonts[i % 2])
        elif name in (".B", ".I"):
            inline(rest, name[1])
        elif name in (".SH", ".SS"):
            inline(rest, "B")
        return out
    inline(line, "R")
    return out


def bold_words(rs):
    text = "".join(t if f == "B" else " " for f, t in rs)
    return [w for w in re.split(r"\s+", text) if w]


def parse(path):
    """The page as sections: each a dict of what is compared."""
    lines = open(path, encoding="utf-8").read().split("\n")
    sections = []
    cur = None
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith('.\\"') or line.startswith(".de ") or line == "..":
            continue
        if line.startswith(".SH"):
            cur = {"title": line[4:], "items": [], "bold": set(),
                   "options": set(), "examples": []}
            sections.append(cur)
            continue
        if cur is None:
            continue
        if line.startswith(".SS"):
            cur["items"].append(("subsection", len(
                [x for x in cur["items"] if x[0] == "subsection"]) + 1))
            continue
        if line.startswith(".TP"):
            if i < len(lines):
                tag = lines[i]
                i += 1
                words = bold_words(runs(tag))
                cur["items"].append(("tag", " ".join(words)))
                cur["bold"].update(words)
                cur["options"].update(re.findall(r"--[a-z][a-z-]*", unescape(tag)))
            continue
        if line.startswith(".EX"):
            while i < len(lines) and not lines[i].startswith(".EE"):
                cur["examples"].append(unescape(lines[i]))
                i += 1
            continue
        cur["bold"].update(bold_words(runs(line)))
        cur["options"].update(re.findall(r"--[a-z][a-z-]*", unescape(line)))
    return sections


def tap(ok, what, why=""):
    print(("ok" if ok else "not ok") + " - " + what)
    if not ok and why:
        for l in why.split("\n"):
            print("# " + l)


def compare(en, tr, name):
    tap(len(en) == len(tr), f"{name}: {len(en)} sections (.SH), as in English",
        f"English: {' | '.join(s['title'] for s in en)}\n"
        f"{name}: {' | '.join(s['title'] for s in tr)}")
    for k, (e, t) in enumerate(zip(en, tr), 1):
        what = f"{name}: section {k} ({e['title']} / {t['title']})"
        e_items, t_items = e["items"], t["items"]
        if e_items == t_items:
            tap(True, f"{what}: the same subsections and item tags")
        else:
            first = next((j for j, (a, b) in enumerate(zip(e_items, t_items)) if a != b),
                         min(len(e_items), len(t_items)))
            tap(False, f"{what}: the same subsections and item tags",
                f"{len(e_items)} in English, {len(t_items)} here; the first "
                f"difference, at item {first + 1}: English "
                f"{e_items[first] if first < len(e_items) else 'nothing'}, here "
                f"{t_items[first] if first < len(t_items) else 'nothing'}")
        missing = sorted(e["bold"] - t["bold"])
        extra = sorted(t["bold"] - e["bold"])
        tap(not missing and not extra, f"{what}: the same bold words",
            (f"missing: {' '.join(missing)}\n" if missing else "") +
            (f"not in English: {' '.join(extra)}" if extra else ""))
        missing = sorted(e["options"] - t["options"])
        extra = sorted(t["options"] - e["options"])
        tap(not missing and not extra, f"{what}: the same long options",
            (f"missing: {' '.join(missing)}\n" if missing else "") +
            (f"not in English: {' '.join(extra)}" if extra else ""))
        if e["examples"] or t["examples"]:
            tap(e["examples"] == t["examples"], f"{what}: the same examples",
                "English:\n" + "\n".join(e["examples"]) + "\nhere:\n" +
                "\n".join(t["examples"]))


def main(argv):
    english, *translations = argv
    en = parse(english)
    top = os.environ.get("top_srcdir", "")
    for path in translations:
        name = os.path.relpath(path, top) if top else path
        compare(en, parse(path), name)


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/env python3
# SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers
"""hostile-gen.py OUTDIR: write hostile bundles for tests/hostile.test.

Each case is OUTDIR/NAME/en.yaml (so that OUTDIR/NAME also works as a data
directory), and a line of the manifest OUTDIR/manifest:

    NAME GROUP EXPECT LINE

GROUP   the TAP line the case is reported under;
EXPECT  refuse      -- exit 1, one line FILE:LINE:COLUMN: MESSAGE on stderr;
        refuse-file -- exit 1, one line FILE: MESSAGE (or a positioned one);
        any         -- refused with a position, or accepted (exit 0) and
                       rendered safely by --dump;
        valid       -- accepted, and --dump works;
LINE    the line the error must point at, or - when any line will do.

Files that are not bundles (directories, FIFOs, symlink loops, unreadable
files) are made by the shell script itself.  Standard library only.
"""

import os
import sys

OUT = sys.argv[1]
manifest = []

# ------------------------------------------------------------ the shape

# A small valid bundle with every kind of text field.  Each field's value
# is a placeholder, replaced by plain text or by the hostile value; the
# number is the line the field is on (the first line is 1).
TEMPLATE = """\
# iclei-tui hostile test case: {case}
lang: en
name: {name}
label: {label}
title: {title}
pages:
  - id: home
    title: {ptitle}
    blocks:
      - heading: {heading}
        id: top
      - paragraph: {paragraph}
      - list:
          - {item}
          - Second item
      - quote: {quote}
        by: {by}
        role: {role}
      - link: {link}
        page: home
        block: top
tags:
  - {{label: {tlabel}, weight: 5, page: home, block: top}}
"""

FIELDS = {          # field -> (line, plain default)
    "name": (3, "English"),
    "label": (4, "EN"),
    "title": (5, "Hostile Site"),
    "ptitle": (8, "Home"),
    "heading": (10, "A heading"),
    "paragraph": (12, "A paragraph of plain text."),
    "item": (14, "First item"),
    "quote": (16, "Something someone said."),
    "by": (17, "Someone"),
    "role": (18, "Their role"),
    "link": (19, "Back to the top"),
    "tlabel": (23, "Tag"),
}


def bundle(case, **over):
    vals = {k: v[1] for k, v in FIELDS.items()}
    vals.update(over)
    return TEMPLATE.format(case=case, **vals).encode("utf-8")


def put(name, group, expect, line, data):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "en.yaml"), "wb") as f:
        f.write(data)
    manifest.append(f"{name} {group} {expect} {line}")


# ------------------------------------------------------------ escapes

# Double-quoted YAML escapes that make a control, bidi or invisible
# character: iclei-tui-bundle(5) refuses every one of them in a text.
ESCAPES = [
    ("esc-csi", r"\e[31m"),
    ("x1b-clear", r"\x1b[2J\x1b[H"),
    ("csi-8bit", r"\u009b31m"),
    ("csi-8bit-x", r"\x9b31m"),
    ("osc52", r"\e]52;c;aGVsbG8=\a"),
    ("osc8", r"\e]8;;http://evil.example/\e\\click\e]8;;\e\\"),
    ("title-osc", r"\e]0;pwned\x07"),
    ("dcs", r"\eP+q\e\\"),
    ("bel", r"\x07"),
    ("bel-a", r"\a"),
    ("backspace", r"\b\b\b"),
    ("vt-ff", r"\v\f"),
    ("del", r"\x7f"),
    ("nul", r"\0"),
    ("cr", r"\r"),
    ("cr-overwrite", r"safe\rEVIL"),
    ("tab", r"\t"),
    ("nel-u", r"\u0085"),
    ("nel-N", r"\N"),
    ("c1-u0080", r"\u0080"),
    ("c1-u009f", r"\u009f"),
    ("ls-L", r"\L"),
    ("ps-P", r"\P"),
]
for cp in list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)) + \
        [0x200E, 0x200F, 0x061C, 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB]:
    ESCAPES.append((f"u{cp:04x}", rf"\u{cp:04x}"))
ESCAPES.append(("U0000202e", r"\U0000202e"))
# Surrogates and beyond U+10FFFF: no character at all.
ESCAPES += [
    ("surrogate-hi", r"\ud800"),
    ("surrogate-lo", r"\udfff"),
    ("surrogate-pair", r"\ud83d\ude00"),
    ("surrogate-U", r"\U0000d800"),
    ("beyond-10ffff", r"\U00110000"),
]

for ename, esc in ESCAPES:
    for field, (line, _) in FIELDS.items():
        value = '"Hello ' + esc + ' world"'
        put(f"escape-{ename}-{field}", f"escape:{ename}", "refuse", line,
            bundle(f"{ename} in {field}", **{field: value}))

# Escapes in the places an error message quotes: keys, ids, a weight, the
# language.  Refused, and the message must show them harmlessly.
for ename, esc in [("esc-csi", r"\e[31m"), ("csi-8bit", r"\u009b31m"),
                   ("osc52", r"\e]52;c;aGVsbG8=\a"), ("bel", r"\a"),
                   ("u202e", r"\u202e"), ("u2066", r"\u2066"),
                   ("ufeff", r"\ufeff"), ("nul", r"\0"), ("cr", r"\r")]:
    q = '"x' + esc + 'y"'
    vals = {k: v[1] for k, v in FIELDS.items()}
    cases = {
        "key": (4, TEMPLATE.replace("label: {label}", q + ": 1\nlabel: {label}")),
        "lang": (2, TEMPLATE.replace("lang: en", "lang: " + q)),
        "page-id": (7, TEMPLATE.replace("- id: home", "- id: " + q)),
        "block-id": (11, TEMPLATE.replace("id: top", "id: " + q)),
        "link-page": (20, TEMPLATE.replace("page: home\n        block",
                                            "page: " + q + "\n        block")),
        "tag-weight": (23, TEMPLATE.replace("weight: 5", "weight: " + q)),
        "tag-block": (23, TEMPLATE.replace("block: top}", "block: " + q + "}")),
    }
    for where, (line, tpl) in cases.items():
        text = tpl.format(case=f"{ename} in {where}", **vals)
        put(f"quoted-{ename}-{where}", f"quoted:{ename}", "refuse", line,
            text.encode("utf-8"))

# ------------------------------------------------------------ raw bytes

RAW = [
    ("esc", b"\x1b[31m"),
    ("c1-csi", b"\xc2\x9b" + b"31m"),
    ("c1-80", b"\xc2\x80"),
    ("del", b"\x7f"),
    ("bel", b"\x07"),
    ("nul", b"\x00"),
    ("cr-alone", b"safe\rEVIL"),
    ("ff-byte", b"\xff"),
    ("fe-byte", b"\xfe"),
    ("overlong-nul", b"\xc0\x80"),
    ("overlong-slash", b"\xe0\x80\xaf"),
    ("surrogate", b"\xed\xa0\x80"),
    ("truncated", b"\xe2\x82"),
    ("lone-continuation", b"\x9b"),
    ("beyond-10ffff", b"\xf4\x90\x80\x80"),
    ("five-byte", b"\xf8\x88\x80\x80\x80"),
    ("nel", b"\xc2\x85"),
    ("ls", b"\xe2\x80\xa8"),
    ("bidi-rlo", b"\xe2\x80\xae"),
    ("bidi-fsi", b"\xe2\x81\xa8"),
    ("lrm", b"\xe2\x80\x8e"),
    ("alm", b"\xd8\x9c"),
    ("bom", b"\xef\xbb\xbf"),
]
RAW_FIELDS = {      # where -> (line, how the value is written)
    "title-plain": ("title", lambda r: b"Hello " + r + b" world"),
    "ptitle-dq": ("ptitle", lambda r: b'"Hello ' + r + b' world"'),
    "paragraph-sq": ("paragraph", lambda r: b"'Hello " + r + b" world'"),
    "item-plain": ("item", lambda r: b"Hello " + r + b" world"),
    "by-plain": ("by", lambda r: b"Hello " + r + b" world"),
    "tlabel-flow": ("tlabel", lambda r: b"Hello " + r + b" world"),
}
MARK = "\uE000"     # a private-use placeholder, replaced by the raw bytes

for rname, raw in RAW:
    # A lone CR is a line break to YAML: folded away in a quoted or plain
    # text (accepted, and no CR is left), or a syntax error.
    expect = "any" if rname == "cr-alone" else "refuse"
    for where, (field, wrap) in RAW_FIELDS.items():
        line = FIELDS[field][0] if expect == "refuse" else "-"
        data = bundle(f"raw {rname} in {where}", **{field: MARK})
        data = data.replace(MARK.encode("utf-8"), wrap(raw))
        put(f"raw-{rname}-{where}", f"raw:{rname}", expect, line, data)
    # In a literal block scalar (the line breaks are kept): line 13.
    data = bundle(f"raw {rname} in a literal block", paragraph="|\n          " + MARK)
    data = data.replace(MARK.encode("utf-8"), b"Hello " + raw + b" world")
    put(f"raw-{rname}-literal", f"raw:{rname}", expect,
        13 if expect == "refuse" else "-", data)
    # In a comment: nothing of a comment is shown, but libyaml reads its
    # bytes; refused (controls, bad UTF-8) or accepted and never shown.
    data = bundle(f"raw {rname} in a comment", paragraph=MARK)
    data = data.replace(MARK.encode("utf-8"),
                        b"A paragraph. # a comment " + raw + b" end")
    put(f"raw-{rname}-comment", f"raw:{rname}", "any",
        12 if expect == "refuse" else "-", data)
    # In a key: the message quotes the key.
    data = bundle(f"raw {rname} in a key", label=MARK)
    data = data.replace(MARK.encode("utf-8"), b"EN\nk" + raw + b"y: 1")
    put(f"raw-{rname}-key", f"raw:{rname}", expect,
        5 if expect == "refuse" else "-", data)

# Truncated at the very end of the file, no newline after it.
data = bundle("truncated UTF-8 at end of file").rstrip(b"\n") + b"\n# x \xe2\x82"
put("raw-truncated-eof", "raw:truncated-eof", "refuse", 24, data)

# A lone CR (not followed by LF) is a line break to YAML 1.1, but not to
# grep, editors or iclei-tui-bundle(5) ("Lines may end in LF or CR LF"):
# it can hide a key inside what everything else shows as a comment, just
# as NEL, LS and PS can, which the loader refuses.  Refused, at the CR.
put("cr-hidden-key", "cr:lone-cr", "refuse", 3,
    bundle("a key hidden behind a CR").replace(
        b"name: English\n", b"# only a comment\rname: English\n", 1))
# A whole file with old Mac (CR) line endings: refusing it too would be
# consistent, accepting it is safe; if refused, the error is on line 1.
put("cr-line-endings", "cr:lone-cr", "any", 1,
    bundle("CR line endings").replace(b"\n", b"\r"))

# ------------------------------------------------------------ scale

def words(nbytes):
    """About nbytes of ASCII words, no line longer than 70 bytes."""
    w = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do "
         "eiusmod tempor incididunt ut labore et dolore magna aliqua ").split()
    out, n, i = [], 0, 0
    while n < nbytes:
        s = w[i % len(w)]
        out.append(s)
        n += len(s) + 1
        i += 1
    return " ".join(out)


MiB = 1 << 20

# A 1 MiB paragraph, written as a folded block scalar.
text = words(MiB)
lines, cur = [], []
for wd in text.split(" "):
    cur.append(wd)
    if sum(len(x) + 1 for x in cur) > 70:
        lines.append(" ".join(cur))
        cur = []
lines.append(" ".join(cur))
body = "\n".join("          " + ln for ln in lines)
put("scale-1mib-paragraph", "scale:1mib-paragraph", "valid", "-",
    bundle("1 MiB paragraph", paragraph=">-\n" + body))

# One 1 MiB word (no break opportunity): split between characters.
put("scale-1mib-word", "scale:1mib-word", "valid", "-",
    bundle("1 MiB word", paragraph="x" * MiB))

# 10,000 tags.
tags = "".join(f"  - {{label: Tag number {i}, weight: {i % 10 + 1}, page: home"
               + (", block: top" if i % 2 else "") + "}\n"
               for i in range(10000))
data = bundle("10,000 tags")
data = data[:data.index(b"tags:\n") + 6] + tags.encode()
put("scale-10k-tags", "scale:10k-tags", "valid", "-", data)

# 10,000 pages, each linking to the next; the tags lead to the last.
pages = []
for i in range(10000):
    nxt = f"p{(i + 1) % 10000}"
    pages.append(f"""\
  - id: p{i}
    title: Page {i}
    blocks:
      - heading: Heading of page {i}
        id: top
      - paragraph: Paragraph of page {i}.
      - link: Next page
        page: {nxt}
        block: top
""")
data = ("# 10,000 pages\nlang: en\nname: English\nlabel: EN\ntitle: Many Pages\n"
        "pages:\n" + "".join(pages)
        + "tags:\n  - {label: Last, weight: 3, page: p9999, block: top}\n")
put("scale-10k-pages", "scale:10k-pages", "valid", "-", data.encode())

# 10,000 blocks in one page, and a list of 10,000 items.
blocks = "".join(f"      - paragraph: Paragraph {i}.\n        id: b{i}\n"
                 for i in range(10000))
data = bundle("10,000 blocks").replace(
    b"    blocks:\n", b"    blocks:\n" + blocks.encode(), 1)
put("scale-10k-blocks", "scale:10k-blocks", "valid", "-", data)
items = "".join(f"          - Item {i}\n" for i in range(10000))
data = bundle("10,000 list items").replace(
    b"      - list:\n", b"      - list:\n" + items.encode(), 1)
put("scale-10k-items", "scale:10k-items", "valid", "-", data)

# Text that is hard to lay out, not to check: 100,000 wide characters
# (one line of them is split at any width, odd ones too), 100,000
# combining marks on one letter (a single character), 500,000 spaces
# between two words, 100,000 line feeds.  All valid.
put("unicode-wide", "unicode:wide", "valid", "-",
    bundle("wide characters", paragraph='"' + "\u4e00\u3042" * 50000 + '"'))
put("unicode-combining", "unicode:combining", "valid", "-",
    bundle("combining marks", paragraph="a" + "\u0301" * 100000 + " b"))
put("unicode-spaces", "unicode:spaces", "valid", "-",
    bundle("spaces", paragraph='"a' + " " * 500000 + 'b"'))
put("unicode-line-feeds", "unicode:line-feeds", "valid", "-",
    bundle("line feeds", paragraph='"a' + "\\n" * 100000 + 'b"'))

# 10,000 duplicate page ids: refused at the first duplicate, quickly.
dups = "".join("  - id: same\n    title: T\n    blocks:\n      - paragraph: P\n"
               for _ in range(10000))
data = ("lang: en\nname: English\nlabel: EN\ntitle: Dups\npages:\n" + dups)
put("scale-10k-duplicate-pages", "scale:duplicates", "refuse", 10, data.encode())

# Nesting 10,000 deep, in the styles the brief of bad-bundles leaves out.
N = 10000
head = "lang: en\nname: English\nlabel: EN\ntitle: Deep\n"
put("nest-block-seq", "nesting:block-seq", "refuse", 6,
    (head + "pages:\n  " + "- " * N + "x\n").encode())
put("nest-flow-map", "nesting:flow-map", "refuse", 5,
    (head + "tags: " + "{a: " * N + "b" + "}" * N + "\n").encode())
put("nest-flow-mixed", "nesting:flow-mixed", "refuse", 5,
    (head + "pages: " + "[{a: " * (N // 2) + "b" + "}]" * (N // 2) + "\n").encode())
put("nest-unclosed", "nesting:unclosed", "refuse", 5,
    (head + "pages: " + "[" * N + "\n").encode())
put("nest-in-key", "nesting:in-key", "refuse", 5,
    (head + "? " + "[" * N + "x" + "]" * N + "\n: y\n").encode())
# A block mapping nested by indentation (deep enough, small enough).
deep = "".join(" " * (i + 1) + f"k{i}:\n" for i in range(40))
put("nest-block-map", "nesting:block-map", "refuse", "-", (head + "pages:\n" + deep).encode())

# ------------------------------------------------------------ aliases

laughs = ["lang: en", "name: English", "label: EN", "title: Lol",
          'lol0: &lol0 "lol"']
for i in range(1, 10):
    laughs.append(f"lol{i}: &lol{i} [" + ",".join([f"*lol{i - 1}"] * 10) + "]")
put("alias-billion-laughs", "aliases", "refuse", 5,
    ("\n".join(laughs) + "\n").encode())
# The same bomb inside a valid-shaped bundle, anchors in the tags.
b = bundle("billion laughs in tags").decode()
b = b.replace("tags:\n", "tags:\n  - &a {label: L, weight: 1, page: home}\n"
              + "".join(f"  - *a\n" for _ in range(1000)), 1)
put("alias-in-tags", "aliases", "refuse", 23, b.encode())
put("alias-merge-key", "aliases", "refuse", 3,
    bundle("merge key", name="&n English").decode()
    .replace("label: EN", "<<: *n\nlabel: EN").encode())
put("alias-text", "aliases", "refuse", 3,
    bundle("alias as a text", name="&n English", label="*n"))
put("alias-undefined", "aliases", "refuse", 3,
    bundle("undefined alias", name="*nowhere"))
put("alias-self", "aliases", "refuse", 3,
    bundle("anchor on a list holding its own alias", name="&a [*a]"))

# ------------------------------------------------------------ odd files

put("only-bom", "odd:bom", "refuse", 1, b"\xef\xbb\xbf")
put("only-bom-newline", "odd:bom", "refuse", 1, b"\xef\xbb\xbf\n")
put("two-boms", "odd:bom", "any", "-",
    b"\xef\xbb\xbf\xef\xbb\xbf" + bundle("two BOMs"))
put("bom-then-valid", "odd:bom", "valid", "-", b"\xef\xbb\xbf" + bundle("BOM"))
put("only-newlines", "odd:blank", "refuse", 1, b"\n" * 100000)
put("only-spaces", "odd:blank", "refuse", 1, b" " * 100000)
put("crlf-valid", "odd:crlf", "valid", "-", bundle("CRLF").replace(b"\n", b"\r\n"))
put("utf32le", "odd:encoding", "refuse", "-",
    b"\xff\xfe\x00\x00" + "lang: en\n".encode("utf-32-le"))
put("utf32be", "odd:encoding", "refuse", "-",
    b"\x00\x00\xfe\xff" + "lang: en\n".encode("utf-32-be"))
put("utf16be-nobom", "odd:encoding", "refuse", "-", "lang: en\n".encode("utf-16-be"))

# Exactly at the size limit: a valid bundle padded with a comment.
LIMIT = 16 * MiB
base = bundle("exactly 16 MiB")
pad = LIMIT - len(base) - 3
put("size-at-limit", "size", "valid", "-",
    base + b"#" + b"p" * pad + b"\n\n")
# One byte over, with real content (not sparse), and 17 MiB.
put("size-over-by-one", "size", "refuse-file", "-",
    base + b"#" + b"p" * (pad + 1) + b"\n\n")
put("size-17mib", "size", "refuse-file", "-",
    base + b"#" + b"p" * (17 * MiB - len(base)) + b"\n")
# Within the limit once a BOM is dropped is still too large on disk.
put("size-bom-over", "size", "refuse-file", "-",
    b"\xef\xbb\xbf" + base + b"#" + b"p" * (pad - 2) + b"\n\n")

with open(os.path.join(OUT, "manifest"), "w") as f:
    f.write("\n".join(manifest) + "\n")

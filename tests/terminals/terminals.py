# SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers
"""terminals.py: how to start each terminal emulator at 80x24 with a
CJK-capable font, and how to make it tell its own idea of the screen where
it has a way to (xterm prints it, kitty answers remote control, urxvt
pipes it to a command).

A terminal here: a name, the Debian package, the program, the command
line that starts it running `inside` (a list, inside.py and its state
directory), and optionally own_screen(session) -> list of rows as the
terminal has them, or None."""

import os
import subprocess
import time

# Latin from a monospace font, CJK (and Hangul, kana) from Noto's: the set
# a reader of all four languages would configure.
LATIN = "DejaVu Sans Mono"
CJK = {"en": "Noto Sans Mono CJK JP", "ja": "Noto Sans Mono CJK JP",
       "ko": "Noto Sans Mono CJK KR", "zh": "Noto Sans Mono CJK SC"}
PIXELS = 12  # font size in pixels (9 points at Xvfb's 96 dpi)


class Terminal:
    name = None
    package = None
    program = None
    term = None           # the TERM it sets (for notes only: read from inside)
    dump = None           # how own_screen works, for the notes

    def __init__(self):
        pass

    def available(self):
        from shutil import which
        return which(self.program) is not None

    def argv(self, inside, state, lang, home):
        raise NotImplementedError

    def env(self, state, home):
        return {}

    def own_screen(self, session):
        return None

    def known(self, lang):
        """Why this terminal is known to draw lang's screens otherwise
        than the layout (its own bug), or None."""
        return None

    def printed(self, session, key):
        """What the terminal prints to STATE/print.txt on that key (its
        print command was set to write there), or None."""
        out = os.path.join(session.state, "print.txt")
        if os.path.exists(out):
            os.unlink(out)
        session.key(key)
        if not self.wait_file(out):
            return None
        with open(out, encoding="utf-8", errors="replace") as f:
            return f.read()

    def wait_file(self, path, timeout=5.0):
        end = time.time() + timeout
        last = -1
        while time.time() < end:
            if os.path.exists(path):
                n = os.path.getsize(path)
                if n > 0 and n == last:
                    return True
                last = n
            time.sleep(0.1)
        return os.path.exists(path) and os.path.getsize(path) > 0


def _strip_sgr(line):
    """A printed line without its escape sequences, and which characters
    were drawn on a background: (text, [lit per character])."""
    out, lit = [], []
    i, cur_lit = 0, False
    while i < len(line):
        ch = line[i]
        if ch == "\033":
            j = i + 1
            if j < len(line) and line[j] == "[":
                k = j + 1
                while k < len(line) and not line[k].isalpha():
                    k += 1
                if k < len(line) and line[k] == "m":
                    params = [p for p in line[j + 1:k].split(";") if p != ""] or ["0"]
                    cur_lit = _sgr_lit(params, cur_lit)
                i = k + 1
            elif j < len(line) and line[j] == "#":
                i = j + 2
            else:
                i = j + 1
            continue
        if ch in "\r\n":
            i += 1
            continue
        out.append(ch)
        lit.append(cur_lit)
        i += 1
    return "".join(out), lit


def _sgr_lit(params, lit):
    """Whether the background is set after these SGR parameters."""
    i = 0
    reverse = bg = None
    state = lit
    while i < len(params):
        p = params[i]
        try:
            n = int(p)
        except ValueError:
            n = -1
        if n == 0:
            state = False
            reverse = bg = False
        elif n == 7:
            reverse = True
        elif n == 27:
            reverse = False
        elif 40 <= n <= 47 or 100 <= n <= 107:
            bg = True
        elif n == 49:
            bg = False
        elif n == 48:
            bg = True
            i += 2 if i + 1 < len(params) and params[i + 1] == "5" else 4
        elif n in (38, 58):
            i += 2 if i + 1 < len(params) and params[i + 1] == "5" else 4
        i += 1
    if reverse or bg:
        return True
    if reverse is False and bg is False:
        return False
    return state


class XTerm(Terminal):
    name = "xterm"
    package = "xterm"
    program = "xterm"
    dump = "print() bound to F12, printerCommand to a file, printAttributes 2"
    extra = []

    def argv(self, inside, state, lang, home):
        # faceName alone with Noto's CJK font gives cells as wide as a
        # CJK glyph (xterm takes the font's widest advance): Latin from
        # DejaVu, the double-width glyphs from faceNameDoublesize.
        return ["xterm", "-geometry", "80x24", "-u8", "-fa", LATIN, "-fd", CJK[lang],
                "-fs", "9", "-bg", "white", "-fg", "black", "-b", "2",
                "-xrm", "XTerm*printerCommand: cat > %s/print.txt" % state,
                "-xrm", "XTerm*printAttributes: 2",
                "-xrm", "XTerm*VT100.translations: #override <Key>F12: print()"] \
            + self.extra + ["-e"] + inside

    def own_screen(self, session):
        text = self.printed(session, "F12")
        if text is None:
            return None
        rows = []
        for line in text.split("\n"):
            if line == "" and len(rows) >= session.rows:
                break
            plain, lit = _strip_sgr(line)
            rows.append((plain, lit))
        return rows[:session.rows]


class XTermCJK(XTerm):
    """xterm as a CJK reader may set it: ambiguous characters wide."""
    name = "xterm-cjk"
    extra = ["-cjk_width"]


class URxvt(Terminal):
    name = "urxvt"
    package = "rxvt-unicode"
    program = "urxvt"
    dump = "Print key, print-pipe to a file"

    def argv(self, inside, state, lang, home):
        font = "xft:%s:pixelsize=%d,xft:%s:pixelsize=%d" % (LATIN, PIXELS, CJK[lang], PIXELS)
        return ["urxvt", "-geometry", "80x24", "-fn", font, "-bg", "white", "-fg", "black",
                "+sb", "-b", "2", "-print-pipe", "cat > %s/print.txt" % state, "-e"] + inside

    def own_screen(self, session):
        text = self.printed(session, "Print")
        if text is None:
            return None
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return [(_strip_sgr(l)[0], None) for l in lines[:session.rows]]


class MLTerm(Terminal):
    name = "mlterm"
    package = "mlterm"
    program = "mlterm"

    def argv(self, inside, state, lang, home):
        d = os.path.join(home, ".mlterm")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "main"), "w") as f:
            f.write("fontsize = %d\ntype_engine = xft\nfg_color = black\nbg_color = white\n"
                    "use_scrollbar = false\nscrollbar_mode = none\n" % PIXELS)
        with open(os.path.join(d, "aafont"), "w") as f:
            f.write("DEFAULT = %s\nISO10646_UCS4_1 = %s\nISO10646_UCS4_1_FULLWIDTH = %s\n"
                    % (CJK[lang], CJK[lang], CJK[lang]))
        return ["mlterm", "-g", "80x24", "-e"] + inside

    def known(self, lang):
        # Seen in every run: after a screen with Korean, Japanese or
        # Chinese text, mlterm 3.9.0 leaves characters the program erased
        # (ncurses' ech/el over wide cells, the same terminfo capabilities
        # as xterm-256color, which xterm and libvterm erase) on the screen,
        # and leaves out some bullets.  Its own screen cannot be read to
        # tell more.  English screens are right.
        if lang == "en":
            return None
        return "mlterm 3.9.0 leaves erased wide characters on the screen"


class St(Terminal):
    name = "st"
    package = "stterm"
    program = "st"

    def argv(self, inside, state, lang, home):
        return ["st", "-g", "80x24", "-f", "%s:pixelsize=%d" % (LATIN, PIXELS), "-e"] + inside


class XfceTerminal(Terminal):
    name = "xfce4-terminal"
    package = "xfce4-terminal"
    program = "xfce4-terminal"

    def argv(self, inside, state, lang, home):
        return ["xfce4-terminal", "--disable-server", "--hide-menubar", "--hide-toolbar",
                "--hide-scrollbar", "--geometry", "80x24", "--font", "%s 9" % LATIN,
                "-x"] + inside


class Kitty(Terminal):
    name = "kitty"
    package = "kitty"
    program = "kitty"
    dump = "remote control: kitty @ get-text"

    def argv(self, inside, state, lang, home):
        self.sock = "unix:%s/kitty.sock" % state
        return ["kitty", "--config", "NONE", "--listen-on", self.sock,
                "-o", "allow_remote_control=yes", "-o", "font_family=%s" % LATIN,
                "-o", "font_size=9", "-o", "initial_window_width=80c",
                "-o", "initial_window_height=24c", "-o", "remember_window_size=no",
                "-o", "background=#ffffff", "-o", "foreground=#000000",
                "-o", "window_padding_width=2", "-o", "enable_audio_bell=no",
                "-o", "symbol_map=U+1100-U+11FF,U+2E80-U+9FFF,U+AC00-U+D7AF,U+F900-U+FAFF,"
                "U+FE30-U+FE4F,U+FF00-U+FFEF %s" % CJK[lang]] + inside

    def env(self, state, home):
        return {"LIBGL_ALWAYS_SOFTWARE": "1", "KITTY_DISABLE_WAYLAND": "1"}

    def own_screen(self, session):
        try:
            out = subprocess.run(["kitty", "@", "--to", self.sock, "get-text", "--extent",
                                  "screen", "--ansi"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, timeout=10, env=session.xenv)
        except (OSError, subprocess.TimeoutExpired):
            return None
        if out.returncode != 0:
            return None
        lines = out.stdout.decode("utf-8", "replace").split("\n")
        return [_strip_sgr(l) for l in lines[:session.rows]]


class Alacritty(Terminal):
    name = "alacritty"
    package = "alacritty"
    program = "alacritty"

    def argv(self, inside, state, lang, home):
        conf = os.path.join(home, "alacritty.yml")
        with open(conf, "w") as f:
            f.write("window:\n  dimensions:\n    columns: 80\n    lines: 24\n"
                    "  padding:\n    x: 2\n    y: 2\n"
                    "font:\n  normal:\n    family: %s\n  size: 9\n"
                    "colors:\n  primary:\n    background: '#ffffff'\n"
                    "    foreground: '#000000'\n" % LATIN)
        return ["alacritty", "--config-file", conf, "-e"] + inside

    def env(self, state, home):
        return {"LIBGL_ALWAYS_SOFTWARE": "1", "WINIT_UNIX_BACKEND": "x11"}


ALL = [XTerm, URxvt, MLTerm, St, XfceTerminal, Kitty, Alacritty, XTermCJK]

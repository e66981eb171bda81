# SPDX-License-Identifier: ISC; Copyright (c) 2026 the iclei-tui developers
"""inside.py STATE-DIR: what runs inside the terminal under test.

  1. notes the terminal's environment and size (STATE/env.json);
  2. if STATE/probe.txt lists characters, asks the terminal how wide it
     draws each (a cursor position report after each one), into
     STATE/widths.json -- the terminal's own width table;
  3. writes a line to the main screen, runs the program (STATE/argv.json),
     notes its exit status;
  4. then asks the terminal about its modes (DECRQM: cursor, alternate
     screen, mouse reporting) and the line discipline is compared with the
     one before (STATE/after.json); then reads what the terminal sends for
     a while (STATE/listening ... STATE/stop): the driver clicks and types
     there, and with the mouse reporting off only the typed key comes;
  5. waits for STATE/done (or a minute) and exits.

Only the standard library: it runs under whatever python3 the machine has.
"""

import json
import re
import os
import select
import subprocess
import sys
import termios
import time

STATE = sys.argv[1]
FD = sys.stdin.fileno()


def path(name):
    return os.path.join(STATE, name)


def put(name, obj):
    tmp = path(name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False)
    os.rename(tmp, path(name))


def write(s):
    os.write(sys.stdout.fileno(), s.encode("utf-8"))


def raw():
    attrs = termios.tcgetattr(FD)
    new = list(attrs)
    new[3] &= ~(termios.ICANON | termios.ECHO)
    new[6] = list(new[6])
    new[6][termios.VMIN] = 0
    new[6][termios.VTIME] = 0
    termios.tcsetattr(FD, termios.TCSANOW, new)
    return attrs


def read_for(seconds, until=None):
    """What the terminal sends for that long, or until until(data)."""
    data = b""
    end = time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([FD], [], [], 0.05)
        if r:
            chunk = os.read(FD, 4096)
            if chunk:
                data += chunk
        if until is not None and until(data):
            break
    return data


def probe(chars):
    """The column after each character, by cursor position reports: its
    width as the terminal draws it."""
    widths = {}
    saved = raw()
    try:
        for i in range(0, len(chars), 64):
            batch = chars[i:i + 64]
            write("".join("\r%s\033[6n" % ch for ch in batch))
            data = read_for(10, lambda d, n=len(batch): d.count(b"R") >= n)
            cols = [int(c) - 1 for _, c in re.findall(rb"\033\[(\d+);(\d+)R", data)]
            for ch, col in zip(batch, cols):
                widths[ch] = col
            write("\r\033[2K")
    finally:
        termios.tcsetattr(FD, termios.TCSANOW, saved)
    return widths


def modes():
    """DECRQM answers for the modes a full-screen program sets: 1 set,
    2 reset, 0 unknown; None when the terminal does not answer."""
    asked = (25, 1049, 1000, 1002, 1003, 1006)
    saved = raw()
    try:
        write("".join("\033[?%d$p" % m for m in asked))
        data = read_for(1.0, lambda d: d.count(b"$y") >= len(asked))
    finally:
        termios.tcsetattr(FD, termios.TCSANOW, saved)
    out = {}
    for m in asked:
        key = b"\033[?%d;" % m
        i = data.find(key)
        if i >= 0:
            try:
                out[str(m)] = int(data[i + len(key):].split(b"$")[0])
            except ValueError:
                pass
    return out, data


def main():
    size = os.get_terminal_size(FD)
    put("env.json", {"TERM": os.environ.get("TERM", ""),
                     "COLORTERM": os.environ.get("COLORTERM", ""),
                     "rows": size.lines, "cols": size.columns,
                     "WINDOWID": os.environ.get("WINDOWID", ""),
                     "pid": os.getpid()})
    if os.path.exists(path("probe.txt")):
        with open(path("probe.txt"), encoding="utf-8") as f:
            chars = [c for c in f.read() if not c.isspace()]
        put("widths.json", probe(chars))

    with open(path("argv.json"), encoding="utf-8") as f:
        argv = json.load(f)
    write("\033[H\033[2J\033[3Jterminals: before iclei-tui\r\n")
    before = termios.tcgetattr(FD)
    put("started", {"time": time.time()})
    status = subprocess.call(argv)
    after = termios.tcgetattr(FD)
    write("terminals: after iclei-tui, status %d\r\n" % status)
    answered, reply = modes()
    put("after.json", {"status": status, "termios_same": before == after,
                       "modes": answered, "reply": reply.decode("latin-1")})

    saved = raw()
    try:
        put("listening", {})
        got = b""
        end = time.time() + 30
        while time.time() < end and not os.path.exists(path("stop")):
            got += read_for(0.1)
        got += read_for(0.2)
    finally:
        termios.tcsetattr(FD, termios.TCSANOW, saved)
    put("input.json", {"bytes": got.decode("latin-1")})
    end = time.time() + 60
    while time.time() < end and not os.path.exists(path("done")):
        time.sleep(0.1)


if __name__ == "__main__":
    main()

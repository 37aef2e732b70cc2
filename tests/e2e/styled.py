#!/usr/bin/env python3
"""styled.py ATTR: from a `tmux capture-pane -p -e` screen on standard
input, print the text painted with ATTR, one run a line (a run that goes
on at the start of the next row continues the same line, so a wrapped
passage comes out whole).  ATTR is a comma-separated list of: ul
(underline), rev (reverse), bold, dim, italic, fg=N, bg=N (N an SGR
colour: 0-7 for the basic ones, as 30+N and 40+N; 8-15 for the bright
ones; 16-255 as 38;5;N).

Used by the end-to-end tests to check that a highlight sits on exactly
the characters it should.
"""
import re
import sys

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def apply(codes, st):
    """Update the state dict st with the SGR parameters codes."""
    nums = [int(c) if c else 0 for c in codes.split(";")] if codes else [0]
    i = 0
    while i < len(nums):
        n = nums[i]
        if n == 0:
            st.clear()
        elif n in (1, 2, 3, 4, 7):
            st[{1: "bold", 2: "dim", 3: "italic", 4: "ul", 7: "rev"}[n]] = 1
        elif n == 22:
            st.pop("bold", None)
            st.pop("dim", None)
        elif n in (23, 24, 27):
            st.pop({23: "italic", 24: "ul", 27: "rev"}[n], None)
        elif 30 <= n <= 37:
            st["fg"] = n - 30
        elif 90 <= n <= 97:
            st["fg"] = n - 90 + 8
        elif 40 <= n <= 47:
            st["bg"] = n - 40
        elif 100 <= n <= 107:
            st["bg"] = n - 100 + 8
        elif n == 39:
            st.pop("fg", None)
        elif n == 49:
            st.pop("bg", None)
        elif n in (38, 48) and i + 2 < len(nums) and nums[i + 1] == 5:
            st["fg" if n == 38 else "bg"] = nums[i + 2]
            i += 2
        i += 1


def matches(st, want):
    """Does the state st have every attribute of want ("ul,fg=1")?"""
    for w in want.split(","):
        if "=" in w:
            key, val = w.split("=", 1)
            if st.get(key) != int(val):
                return False
        elif w not in st:
            return False
    return True


def line_runs(line, want):
    """The runs of line painted with want: (first, last, text), columns
    of the first and last character."""
    runs, st, col, cur = [], {}, 0, None
    pos = 0
    for m in list(SGR.finditer(line)) + [None]:
        end = m.start() if m else len(line)
        for ch in line[pos:end]:
            if matches(st, want):
                if cur is None:
                    cur = [col, col, ""]
                    runs.append(cur)
                cur[1] = col
                cur[2] += ch
            else:
                cur = None
            col += 1
        if m:
            apply(m.group(1), st)
            pos = m.end()
    return runs, col


def main():
    want = sys.argv[1]
    out, prev_ends_row = [], False
    for line in sys.stdin.read().split("\n"):
        runs, width = line_runs(line, want)
        plain = SGR.sub("", line)
        first = len(plain) - len(plain.lstrip(" "))
        last = len(plain.rstrip(" ")) - 1
        for i, (a, b, text) in enumerate(runs):
            # A run that ends a row and one that starts the next: one
            # passage, wrapped.
            if i == 0 and prev_ends_row and a <= first:
                out[-1] += " " + text
            else:
                out.append(text)
        prev_ends_row = bool(runs) and runs[-1][1] >= last
    for text in out:
        text = re.sub(r"\s+", " ", text).strip()
        if text:
            print(text)


main()

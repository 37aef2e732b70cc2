#!/usr/bin/env python3
"""Build the gold annotation TSVs from hand-written mention lists.

For every article NAME (the tuning set: sample-articles/NAME.txt and
tests/data/tuning/NAME.txt; the held-out sets: tests/data/heldout4/NAME.txt,
tests/data/heldout5/NAME.txt and tests/data/heldout8/NAME.txt)
there are two hand-written source files in tests/data/gold/src/:

  NAME.ents    one mention per line, in document order:
                   TYPE<TAB>mention text
               Spaces in the mention match any run of spaces/line breaks, so
               a name broken across a hard-wrapped line is written with one
               space.  Each mention is searched for from the end of the
               previous one (whole words only), so a repeated name maps to
               its successive occurrences.  A line "skip<TAB>text" moves the
               cursor past the next occurrence of text without emitting a
               mention (to step over a look-alike that is not an entity).

  NAME.quotes  one passage per line, in document order:
                   SPEAKER<TAB>first words[<TAB>last words]
               The opening mark must come right before the first words (only
               spaces may sit between, as in French « spaced » guillemets).
               Without last words the passage ends at the first matching
               closing mark; with them (needed for multi-paragraph quotes) it
               ends at the first matching closing mark after the last words.

Output: tests/data/gold/NAME.entities.tsv and NAME.quotes.tsv with 0-based
byte offsets [START, END) into the file's bytes.  The script re-checks every
line it writes (bytes[START:END] with \\n and \\t turned into spaces == TEXT),
that spans are sorted and do not overlap, that every quotation mark of the
article lies inside a passage, and prints a coverage report of
capitalised words and digits that no entity covers, for review by eye.

Usage: python3 tests/data/gold/make_gold.py [--report] [NAME ...]
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
ARTICLE_DIRS = [os.path.join(ROOT, "sample-articles"),
                os.path.join(ROOT, "tests", "data", "tuning"),
                os.path.join(ROOT, "tests", "data", "heldout4"),
                os.path.join(ROOT, "tests", "data", "heldout5"),
                os.path.join(ROOT, "tests", "data", "heldout13"),
                os.path.join(ROOT, "tests", "data", "heldout16"),
                os.path.join(ROOT, "tests", "data", "heldout17")]
SRC = os.path.join(HERE, "src")

TYPES = {"PERSON", "ORG", "PLACE", "DATE", "TIME", "MONEY", "PERCENT",
         "EMAIL", "URL", "HANDLE", "HASHTAG"}
# opening mark -> closing mark
PAIRS = {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c",
         "\u2039": "\u203a"}


class GoldError(Exception):
    pass


def flat(s):
    return s.replace("\n", " ").replace("\t", " ")


def mention_regex(mention):
    parts = [re.escape(p) for p in mention.split(" ")]
    body = r"[ \n]+".join(parts)
    pre = r"(?<![\w@#])" if re.match(r"\w", mention) else ""
    post = r"(?!\w)" if re.search(r"\w$", mention) else ""
    return re.compile(pre + body + post)


class Article:
    def __init__(self, name, path):
        self.name = name
        self.path = path
        with open(path, "rb") as f:
            self.raw = f.read()
        self.text = self.raw.decode("utf-8")
        # character index -> byte offset
        self.boff = [0] * (len(self.text) + 1)
        b = 0
        for i, ch in enumerate(self.text):
            self.boff[i] = b
            b += len(ch.encode("utf-8"))
        self.boff[len(self.text)] = b

    def span_line(self, s, e, label):
        bs, be = self.boff[s], self.boff[e]
        text = flat(self.raw[bs:be].decode("utf-8"))
        return (bs, be, label, text)


def read_src(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append((n, line.split("\t")))
    return rows


def build_entities(art):
    src = os.path.join(SRC, art.name + ".ents")
    out = []
    pos = 0
    for n, cols in read_src(src):
        if len(cols) != 2:
            raise GoldError(f"{src}:{n}: want TYPE<TAB>mention")
        typ, mention = cols
        m = mention_regex(mention).search(art.text, pos)
        if not m:
            raise GoldError(f"{src}:{n}: {mention!r} not found after char {pos}")
        pos = m.end()
        if typ == "skip":
            continue
        if typ not in TYPES:
            raise GoldError(f"{src}:{n}: bad type {typ!r}")
        out.append(art.span_line(m.start(), m.end(), typ))
    return out


def find_close(art, open_ch, start, src, n):
    close = PAIRS[open_ch]
    i = art.text.find(close, start)
    if i < 0:
        raise GoldError(f"{src}:{n}: no closing {close!r}")
    return i + 1


def build_quotes(art):
    src = os.path.join(SRC, art.name + ".quotes")
    out = []
    pos = 0
    for n, cols in read_src(src):
        if len(cols) not in (2, 3):
            raise GoldError(f"{src}:{n}: want SPEAKER<TAB>first[<TAB>last]")
        speaker, first = cols[0], cols[1]
        last = cols[2] if len(cols) == 3 else None
        m = mention_regex(first).search(art.text, pos)
        if not m:
            raise GoldError(f"{src}:{n}: {first!r} not found after char {pos}")
        s = m.start() - 1
        while s >= 0 and art.text[s] in " \u00a0\u202f":
            s -= 1
        if s < 0 or art.text[s] not in PAIRS:
            raise GoldError(f"{src}:{n}: no opening mark before {first!r}")
        open_ch = art.text[s]
        if last is None:
            e = find_close(art, open_ch, m.end(), src, n)
            if "\n\n" in art.text[s:e]:
                raise GoldError(f"{src}:{n}: quote crosses a paragraph; give last words")
        else:
            lm = mention_regex(last).search(art.text, m.start())
            if not lm:
                raise GoldError(f"{src}:{n}: last words {last!r} not found")
            e = find_close(art, open_ch, lm.end(), src, n)
            if e - lm.end() > 4:
                raise GoldError(f"{src}:{n}: closing mark far after {last!r}")
            # every paragraph of a multi-paragraph quote must open with the mark
            for para in art.text[s:e].split("\n\n"):
                if para[:1] != open_ch:
                    raise GoldError(f"{src}:{n}: paragraph does not reopen: {para[:30]!r}")
        pos = e
        out.append(art.span_line(s, e, speaker))
    return out


def check_marks(art, quotes):
    """Every outer quotation mark must lie inside a passage: a mark outside
    all of them is a quote the hand list forgot."""
    inside = bytearray(len(art.raw))
    for bs, be, _, _ in quotes:
        inside[bs:be] = b"\x01" * (be - bs)
    marks = set(PAIRS) | set(PAIRS.values())
    for i, ch in enumerate(art.text):
        if ch in marks and not inside[art.boff[i]]:
            near = flat(art.text[max(0, i - 30):i + 30])
            raise GoldError(f"{art.name}: quotation mark at byte {art.boff[i]} "
                            f"is in no passage: {near!r}")


def verify(art, rows, what):
    prev_end = -1
    for bs, be, label, text in rows:
        if flat(art.raw[bs:be].decode("utf-8")) != text:
            raise GoldError(f"{art.name} {what}: text mismatch at {bs}")
        if bs < prev_end:
            raise GoldError(f"{art.name} {what}: overlap/unsorted at {bs}: {text!r}")
        if not text.strip() or text != text.strip():
            raise GoldError(f"{art.name} {what}: bad edges at {bs}: {text!r}")
        prev_end = be


def write_tsv(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for bs, be, label, text in rows:
            f.write(f"{bs}\t{be}\t{label}\t{text}\n")


def report(art, ents):
    covered = bytearray(len(art.raw))
    for bs, be, _, _ in ents:
        for i in range(bs, be):
            covered[i] = 1
    print(f"--- {art.name}: uncovered capitalised words / numbers")
    seen = []
    for m in re.finditer(r"[^\W\d_][\w'’.-]*|\d[\d,.:]*", art.text):
        w = m.group()
        if not (w[0].isupper() or w[0].isdigit() or not w[0].isascii()):
            continue
        bs = art.boff[m.start()]
        if covered[bs]:
            continue
        seen.append(w)
    print("   " + " | ".join(seen))


def articles(names):
    found = {}
    for d in ARTICLE_DIRS:
        if not os.path.isdir(d):
            continue
        for fn in sorted(os.listdir(d)):
            if fn.endswith(".txt"):
                found[fn[:-4]] = os.path.join(d, fn)
    if names:
        return [(n, found[n]) for n in names]
    return sorted(found.items())


def main(argv):
    show = "--report" in argv
    names = [a for a in argv if not a.startswith("--")]
    status = 0
    for name, path in articles(names):
        art = Article(name, path)
        try:
            ents = build_entities(art)
            quotes = build_quotes(art)
            verify(art, ents, "entities")
            verify(art, quotes, "quotes")
            check_marks(art, quotes)
        except GoldError as e:
            print(f"error: {e}", file=sys.stderr)
            status = 1
            continue
        write_tsv(os.path.join(HERE, name + ".entities.tsv"), ents)
        write_tsv(os.path.join(HERE, name + ".quotes.tsv"), quotes)
        print(f"{name}: {len(ents)} entities, {len(quotes)} quotes")
        if show:
            report(art, ents)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

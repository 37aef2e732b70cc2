#!/usr/bin/env python3
"""Inputs for tests/stress/run.sh: an article, and sidecars or imports
of a given size, written in artread's own formats.

  gen.py article FILE WORDS
  gen.py sidecar ARTICLE N            (N annotations; to ARTICLE's sidecar)
  gen.py bodies ARTICLE N             (one annotation with N comment bodies)
  gen.py brat ARTICLE N FILE          (N text-bound lines)
  gen.py config FILE N                (a config.ini with N keys)
  gen.py badconfig FILE N             (a config.ini of N bad lines)
  gen.py rules FILE N                 (a rule file with N rules)
  gen.py lines FILE BYTES             (an article, one paragraph a line)
  gen.py capitals FILE WORDS [RUN]    (capitalised words, RUN to a run)
  gen.py rewrite ARTICLE WORDS        (the same article, other words)
"""
import hashlib
import json
import sys
import uuid

WORDS = ("council harbour bridge vote budget mayor critics delegation "
         "spending parks tuesday approve campaign result city").split()
OTHER = ("garden tomato weather rain sunshine greenhouse soil compost "
         "seedling harvest").split()


def article(path, nwords, words=WORDS):
    with open(path, "w", encoding="utf-8") as f:
        f.write("Stress test article\n\n")
        for i in range(nwords):
            f.write(words[i % len(words)])
            f.write("\n\n" if i % 60 == 59 else " ")


def header(text, name):
    return {"type": "artread-annotations", "version": 2,
            "article": {"name": name,
                        "sha256": hashlib.sha256(text).hexdigest(),
                        "size": len(text)}}


def annotation(text, sha, start, end, bodies):
    return {"id": "urn:uuid:" + str(uuid.uuid4()), "type": "Annotation",
            "created": "2024-05-01T12:00:00.000Z",
            "modified": "2024-05-01T12:00:00.000Z",
            "body": bodies,
            "target": {"selector": [
                {"type": "TextPositionSelector", "unit": "byte",
                 "start": start, "end": end},
                {"type": "TextQuoteSelector",
                 "exact": text[start:end].decode(),
                 "prefix": text[max(0, start - 32):start].decode(),
                 "suffix": text[end:end + 32].decode()}]},
            "artread": {"anchor": "exact", "version": sha}}


def words_at(text):
    """(start, end) of every word of the body."""
    spans, i, n = [], text.index(b"\n\n") + 2, len(text)
    while i < n:
        while i < n and text[i] in b" \n":
            i += 1
        j = i
        while j < n and text[j] not in b" \n":
            j += 1
        if j > i:
            spans.append((i, j))
        i = j
    return spans


def sidecar(path, count, bodies_for):
    text = open(path, "rb").read()
    sha = hashlib.sha256(text).hexdigest()
    spans = words_at(text)
    with open(path + ".annotations.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps(header(text, path.split("/")[-1]),
                           separators=(",", ":")) + "\n")
        for k in range(count):
            s, e = spans[k % len(spans)]
            f.write(json.dumps(annotation(text, sha, s, e, bodies_for(k)),
                               separators=(",", ":"),
                               ensure_ascii=False) + "\n")


def tag(k):
    return [{"type": "TextualBody", "purpose": "tagging",
             "value": "tag%d" % (k % 7)},
            {"type": "TextualBody", "purpose": "commenting",
             "value": "note number %d" % k}]


def brat(path, count, out):
    text = open(path, "rb").read()
    spans = words_at(text)
    with open(out, "w", encoding="utf-8") as f:
        for k in range(count):
            s, e = spans[k % len(spans)]
            f.write("T%d\ttag%d %d %d\t%s\n" % (k + 1, k % 5, s, e,
                                               text[s:e].decode()))


def config(path, count):
    with open(path, "w", encoding="utf-8") as f:
        f.write("[general]\n")
        for k in range(count):
            f.write("key%07d = value\n" % k)


def badconfig(path, count):
    with open(path, "w", encoding="utf-8") as f:
        f.write("[general]\n")
        f.write("not a setting\n" * count)


def rules(path, count):
    with open(path, "w", encoding="utf-8") as f:
        for k in range(count):
            f.write("[rule.r%d]\ntype = ORG\npattern = zq%dzq\n" % (k, k))


def lines(path, size):
    """Paragraphs one a line (no blank line): a match may look far."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("Stress test article\n")
        n, i = 0, 0
        while n < size:
            w = "x" + WORDS[i % len(WORDS)]
            f.write(w + ("\n" if i % 90 == 89 else " "))
            n += len(w) + 1
            i += 1


CAPS = "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel".split()


def capitals(path, count, run):
    """count capitalised words in runs of run, joined by "and"."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("Stress test article\n\nThey said ")
        for k in range(count):
            f.write(CAPS[(k * 7 + k // 8) % len(CAPS)])
            f.write(" and " if k % run == run - 1 else " ")
        f.write("Holdings Inc. today.\n")


def main():
    what = sys.argv[1]
    if what == "article":
        article(sys.argv[2], int(sys.argv[3]))
    elif what == "sidecar":
        sidecar(sys.argv[2], int(sys.argv[3]), tag)
    elif what == "bodies":
        n = int(sys.argv[3])
        many = [{"type": "TextualBody", "purpose": "commenting",
                 "value": "comment %d: " % i + "x" * 140} for i in range(n)]
        sidecar(sys.argv[2], 1, lambda k: many)
    elif what == "brat":
        brat(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif what == "config":
        config(sys.argv[2], int(sys.argv[3]))
    elif what == "badconfig":
        badconfig(sys.argv[2], int(sys.argv[3]))
    elif what == "rules":
        rules(sys.argv[2], int(sys.argv[3]))
    elif what == "lines":
        lines(sys.argv[2], int(sys.argv[3]))
    elif what == "capitals":
        n = int(sys.argv[3])
        capitals(sys.argv[2], n, int(sys.argv[4]) if len(sys.argv) > 4 else n)
    elif what == "rewrite":
        article(sys.argv[2], int(sys.argv[3]), OTHER)
    else:
        sys.exit("gen.py: unknown input " + what)


main()

#!/usr/bin/env python3
"""Inputs for tests/stress/run.sh: an article, and sidecars or imports
of a given size, written in artread's own formats.

  gen.py article FILE WORDS
  gen.py sidecar ARTICLE N            (N annotations; to ARTICLE's sidecar)
  gen.py bodies ARTICLE N             (one annotation with N comment bodies)
  gen.py brat ARTICLE N FILE          (N text-bound lines)
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
    elif what == "rewrite":
        article(sys.argv[2], int(sys.argv[3]), OTHER)
    else:
        sys.exit("gen.py: unknown input " + what)


main()

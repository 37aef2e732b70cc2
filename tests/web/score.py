#!/usr/bin/env python3
"""score.py: make eval-extract's scorer.

    score.py FIXTURE_DIR ARTREAD.jsonl [READABILITY.jsonl]

Body: word-level precision, recall and F1 of each extractor's body against
NAME.expected.txt, as multisets of words (lower case; runs of letters and
digits; each CJK character a word; artread's "[Caption: ...]" marker and
list and quote markers are not words).  Metadata: exact match of title,
byline, published (and for artread modified, site and url) against
NAME.expected.json, counted on the pages that declare the field.
artread's values are compared exactly; Readability gives the byline as
one string and the date as written, so its byline counts when its names
are the expected ones and its date when it is the same instant.
Exit status 1 when artread's mean F1 is below Readability's or a
declared field is wrong (with --check)."""
import json, re, sys, unicodedata
from collections import Counter
from datetime import datetime
from pathlib import Path

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
WORD = re.compile(r"\w+")

def words(text):
    text = re.sub(r"(?m)^\[Caption: (.*)\]$", r"\1", text or "")
    out = []
    for w in WORD.findall(text.lower()):
        if CJK.search(w):
            buf = ""
            for ch in w:
                if CJK.match(ch):
                    if buf: out.append(buf); buf = ""
                    out.append(ch)
                else:
                    buf += ch
            if buf: out.append(buf)
        else:
            out.append(w)
    return Counter(out)

def prf(got, want):
    g, w = words(got), words(want)
    common = sum((g & w).values())
    p = common / sum(g.values()) if g else 0.0
    r = common / sum(w.values()) if w else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f

def names(s):
    if s is None: return []
    if isinstance(s, list): return s
    s = re.sub(r"^\s*(by|By|BY)\s+", "", s.strip())
    return [n.strip() for n in re.split(r",|;| and | & ", s) if n.strip()]

def instant(s):
    if not s: return None
    try:
        d = datetime.fromisoformat(s.replace("Z", "+00:00"))
        return d.isoformat()
    except ValueError:
        return s

def norm(s):
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", s).strip()) if s else s

def load(path):
    """NAME -> fields; artread's lines hold --extract --json's object."""
    out = {}
    for o in map(json.loads, open(path, encoding="utf-8")):
        if "article" in o:
            o = dict(o["article"], name=o["name"], body=o["article"]["text"])
        out[o["name"]] = o
    return out

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    fixdir, ours = Path(args[0]), load(args[1])
    ref = load(args[2]) if len(args) > 2 else {}
    pages = sorted(p.name for p in fixdir.glob("*.html"))
    fields = ["title", "byline", "published", "modified", "site", "url"]
    meta_ok = Counter(); meta_n = Counter(); ref_ok = Counter(); ref_n = Counter()
    tot = [0.0] * 6; wrong = []
    hdr = f"{'page':<26} {'artread P/R/F1':>20} {'Readability P/R/F1':>20}  meta (artread | Readability)"
    print(hdr); print("-" * len(hdr))
    for page in pages:
        stem = page[:-5]
        want = (fixdir / f"{stem}.expected.txt").read_text(encoding="utf-8")
        exp = json.loads((fixdir / f"{stem}.expected.json").read_text(encoding="utf-8"))
        o = ours.get(page, {}); r = ref.get(page)
        a = prf(o.get("body", ""), want)
        b = prf(r["body"], want) if r else (0, 0, 0)
        for i, v in enumerate(a + b): tot[i] += v
        marks = []
        for f in fields:
            if exp.get(f) in (None, []): continue
            meta_n[f] += 1
            ok = (o.get(f) == exp[f]) if f != "title" else norm(o.get(f)) == norm(exp[f])
            meta_ok[f] += ok
            if not ok: wrong.append(f"{page}: {f} is {o.get(f)!r}, expected {exp[f]!r}")
            mark = f[0].upper() if ok else "-"
            if r and f in ("title", "byline", "published"):
                ref_n[f] += 1
                if f == "title": rok = norm(r.get("title")) == norm(exp[f])
                elif f == "byline": rok = names(r.get("byline")) == exp[f]
                else: rok = instant(r.get("published")) == instant(exp[f])
                ref_ok[f] += rok
                mark += "/" + (f[0].upper() if rok else "-")
            marks.append(mark)
        print(f"{stem:<26} {a[0]:6.3f} {a[1]:6.3f} {a[2]:6.3f} "
              f"{b[0]:6.3f} {b[1]:6.3f} {b[2]:6.3f}  {' '.join(marks)}")
    n = len(pages)
    print("-" * len(hdr))
    print(f"{'mean over ' + str(n) + ' pages':<26} {tot[0]/n:6.3f} {tot[1]/n:6.3f} {tot[2]/n:6.3f} "
          f"{tot[3]/n:6.3f} {tot[4]/n:6.3f} {tot[5]/n:6.3f}")
    print()
    print("metadata exact (pages that declare it):")
    for f in fields:
        line = f"  {f:<10} artread {meta_ok[f]}/{meta_n[f]}"
        if ref_n[f]: line += f"   Readability {ref_ok[f]}/{ref_n[f]}"
        print(line)
    for w in wrong: print("  wrong: " + w)
    if check and (wrong or (ref and tot[2] < tot[5])):
        sys.exit(1)

main()

#!/usr/bin/env python3
"""Check folio's JSON for a web page against what the page states, line by line:
   title: T / subtitle: S / date: D / author: A / lang: L   the metadata
   para: P / heading: H / caption: C / quote: Q / item: I / ordered: I / code: C / credit: C
                                              a body block of that type starting with the text
   emphasis: T / strong: T                    a span of that kind over text T (bytes of the block's text)
   link: T -> HREF                            a link span over T to HREF
   nolink: T                                  no link span over T
   image: PATH                                a picture block of that file
   removed-image: SRC                         a picture listed as removed (remote, damaged, outside)
   absent: S                                  no body block contains S (it went to removed)
   gone: S                                    S is nowhere in the output (hidden, script)
Usage: check_html.py PAGE.expect OUTPUT.json"""
import json
import sys

TYPES = {"para": "paragraph", "heading": "heading", "caption": "caption", "quote": "quote",
         "item": "list_item", "ordered": "list_item", "code": "code", "credit": "credit", "note": "note"}


def main():
    expect, out = sys.argv[1], sys.argv[2]
    raw = open(out, encoding="utf-8").read()
    doc = json.loads(raw)
    meta, blocks = doc["meta"], doc["blocks"]
    bad = []
    for line in open(expect, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        key, _, want = line.partition(": ")
        if key in ("title", "date", "lang", "subtitle"):
            ok = meta.get(key) == want
        elif key == "author":
            ok = want in (meta.get("authors") or [])
        elif key in TYPES:
            ok = any(b["type"] == TYPES[key] and b["text"].startswith(want) and
                     (key != "ordered" or b.get("ordered")) for b in blocks)
        elif key in ("emphasis", "strong", "link", "nolink"):
            text, _, href = want.partition(" -> ")
            kind = "link" if key == "nolink" else key
            found = [s for b in blocks for s in b.get("spans", [])
                     if s["kind"] == kind and b["text"].encode()[s["start"]:s["start"] + s["length"]].decode() == text
                     and (not href or s.get("href") == href)]
            ok = not found if key == "nolink" else bool(found)
        elif key == "image":
            ok = any(b["type"] == "image" and b.get("src") == want for b in blocks)
        elif key == "removed-image":
            ok = any(r["reason"] == "image" and r["text"] == want for r in doc["removed"])
        elif key == "absent":
            ok = not any(want in b["text"] for b in blocks)
        elif key == "gone":
            ok = want not in raw
        else:
            ok = False
            want = "unknown key " + key
        if not ok:
            bad.append(line)
    for line in bad:
        print("  %s: not so: %s" % (expect, line))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Check `folio --to json` output against the contract in README.md:
the schema, and "nothing is lost": every non-blank input line appears
inside a block's text, a meta value, or whole in `removed`.

Usage: check_json.py INPUT.txt OUTPUT.json
"""
import json
import re
import sys
import unicodedata

TYPES = {"heading", "paragraph", "quote", "caption", "note", "credit", "list_item", "code", "image"}


def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    return re.sub(r"[\s\ufeff\u200b\u200c\u200d\u2060\u00ad]+", "", s)  # the reader drops these


def main():
    txt, js = sys.argv[1], sys.argv[2]
    doc = json.load(open(js, encoding="utf-8"))
    errors = []
    if doc.get("folio") != 1:
        errors.append('"folio" is not 1')
    meta = doc.get("meta", {})
    for key in ("title", "subtitle", "authors", "contributors", "date", "source", "lang", "summary"):
        if key not in meta:
            errors.append("meta.%s missing" % key)
    if meta.get("date") is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", meta["date"]):
        errors.append("meta.date not YYYY-MM-DD: %r" % meta["date"])
    last = 0
    for b in doc.get("blocks", []):
        if b.get("type") not in TYPES:
            errors.append("unknown block type %r" % b.get("type"))
        if b.get("type") == "heading" and b.get("level") not in (1, 2, 3):
            errors.append("heading without level at line %s" % b.get("line"))
        if not isinstance(b.get("line"), int) or b["line"] < last:
            errors.append("block lines out of order at %r" % b.get("line"))
        last = b.get("line", last)
    pool = [b.get("text", "") for b in doc.get("blocks", [])]
    pool += [e.get("text", "") for e in doc.get("removed", [])]
    for v in meta.values():
        pool += [x for x in v if isinstance(x, str)] if isinstance(v, list) else [v] if isinstance(v, str) else []
    for c in meta.get("contributors", []):
        if not (isinstance(c, dict) and isinstance(c.get("name"), str) and isinstance(c.get("role"), str)):
            errors.append("meta.contributors entry is not {name, role}: %r" % (c,))
    hay = "\x00".join(norm(p) for p in pool)
    with open(txt, encoding="utf-8", errors="replace") as f:
        for no, line in enumerate(f.read().splitlines(), 1):
            n = norm(line)
            if n and n not in hay:
                errors.append("line %d lost: %s" % (no, line.strip()[:60]))
    for e in errors[:10]:
        print("%s: %s" % (txt, e))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()

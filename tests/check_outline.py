#!/usr/bin/env python3
"""Check folio's outlines against the document model (JSON).

Usage: check_outline.py MODEL.json OUTLINE.txt OUTLINE.md OUTLINE.opml [--sections N]
- no line of the plain outline is wider than 80 columns (East Asian width);
- every heading appears, in order; with --sections N there are exactly N
  numbered top-level sections ("1." ... "N.");
- a sentence of each paragraph (its key sentence, after a run-in label) starts a bullet;
- no dropped line (boilerplate, related, navigation) is there;
- pandoc reads the Markdown and the OPML back with the same headings in order.
"""
import json
import re
import subprocess
import sys
import unicodedata

from checklib import DATE_LABEL, OPENING, typographic_fold


def width(s, cjk=False):
    """Columns in a terminal; in a CJK document ambiguous characters
    (“ ” · — …) count two, as a Chinese or Japanese terminal shows them."""
    w = 0
    wide = "WFA" if cjk else "WF"
    for ch in s:
        # marks over or under a letter take no column (Mn, Me), format
        # characters neither; a spacing mark (Mc) takes one, as wcwidth says
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in wide else 1
    return w


def is_cjk_char(ch):
    return unicodedata.east_asian_width(ch) in "WF" and ch.isalpha()


def norm(s):
    return re.sub(r"[\s>\-\u00ad]+", "", unicodedata.normalize("NFKC", typographic_fold(s)))


def in_order(hay, needles):
    pos, missing = 0, []
    for n in needles:
        at = hay.find(n, pos)
        if at < 0:
            missing.append(n)
        else:
            pos = at + len(n)
    return missing


def main():
    model = json.load(open(sys.argv[1], encoding="utf-8"))
    plain = open(sys.argv[2], encoding="utf-8").read()
    md, opml = sys.argv[3], sys.argv[4]
    sections = int(sys.argv[6]) if len(sys.argv) > 6 and sys.argv[5] == "--sections" else None
    errors = []
    cjk = model["meta"]["lang"] in ("zh", "ja", "ko")
    for no, line in enumerate(plain.splitlines(), 1):
        if width(line, cjk) > 80:
            errors.append("line %d is %d columns wide" % (no, width(line, cjk)))
    # Markdown joins a paragraph's lines with a space: never a break inside CJK text
    md_lines = open(md, encoding="utf-8").read().splitlines()
    for no in range(1, len(md_lines)):
        prev, line = md_lines[no - 1].rstrip(), md_lines[no]
        if prev and line[:1] == " " and line.strip() and is_cjk_char(prev[-1]) and is_cjk_char(line.strip()[0]):
            errors.append("Markdown line %d breaks inside CJK text" % (no + 1))
    flat = norm(plain)
    heads = [norm(b["text"]) for b in model["blocks"] if b["type"] == "heading"]
    heads = [h for h in heads if not re.fullmatch(r"\d+", h)]  # bare "1" is shown as "1."
    errors += ["heading missing or out of order: %s" % h for h in in_order(flat, heads)]
    if sections is not None:
        got = re.findall(r"^(\d+)\. ", plain, re.M)
        if got != [str(i) for i in range(1, sections + 1)]:
            errors.append("numbered sections %r, want 1..%d" % (got, sections))
    for b in model["blocks"]:
        if b["type"] in ("paragraph", "quote"):
            # the key sentence (after a run-in label) is one of the paragraph's sentences:
            # the start of some sentence of it is there
            text = b["text"][len(b.get("label", "")):]
            cuts = [0] + [m.end() for m in re.finditer(r"[.!?。！？…][”’\"」』)）]*\s*", text)]
            starts = [norm(text[c:])[:6] for c in cuts if norm(text[c:])]
            start = starts[0] if starts else ""
            if start and not any(s in flat for s in starts):
                errors.append("key sentence missing (line %d): %s" % (b["line"], b["text"][:40]))
    meta = model["meta"]
    shown = {norm(meta.get("title") or "")} | {norm(a) for a in meta.get("authors", [])}
    for r in model["removed"]:
        t = norm(r["text"])
        if t in shown:
            continue  # a second copy of the title or a byline: shown in the header
        if r["reason"] in ("boilerplate", "related", "navigation") and len(t) >= 12 and t in flat:
            errors.append("dropped line in the outline (line %d): %s" % (r["line"], r["text"][:40]))
    # the text before the first heading has a node of its own, before section 1
    blocks = model["blocks"]
    if any(b["type"] == "heading" for b in blocks) and blocks[0]["type"] != "heading":
        label = OPENING.get(model["meta"]["lang"], "Opening")
        lines = plain.splitlines()
        first = next((i for i, l in enumerate(lines) if re.match(r"\d+\. |\S", l) and i > 1 and l != label), None)
        if label not in lines or (first is not None and lines.index(label) > first):
            errors.append("the opening text has no node %r before the first section" % label)
    # the OPML's metadata labels speak the document's language
    label = DATE_LABEL.get(meta["lang"], "Date: ")
    if meta.get("date") and 'text="%s%s"' % (label, meta["date"]) not in open(opml, encoding="utf-8").read():
        errors.append("OPML date node is not labelled %r" % label)
    for path, fmt in ((md, "markdown"), (opml, "opml")):
        out = subprocess.run(["pandoc", "-f", fmt, "-t", "plain", "--wrap=none", path],
                             capture_output=True, text=True)
        if out.returncode:
            errors.append("pandoc -f %s failed: %s" % (fmt, out.stderr[:100]))
        errors += ["pandoc -f %s: heading missing or out of order: %s" % (fmt, h)
                   for h in in_order(norm(out.stdout), heads)]
    for e in errors[:8]:
        print("%s: %s" % (sys.argv[2], e))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Check an EPUB made by folio against its document model (JSON):
- pandoc reads it back (-f epub -t plain) and every heading, paragraph, quote
  and list item of the model appears in order (white space ignored);
- the table of contents (nav.xhtml and toc.ncx) lists the title page, the
  opening text (when the body does not start with a heading), then exactly
  the headings.

Usage: check_epub.py MODEL.json BOOK.epub
"""
import json
import re
import subprocess
import sys
import unicodedata
import zipfile
from xml.etree import ElementTree as ET

from checklib import OPENING, blocks_in_order, typographic_fold


def norm(s):
    s = unicodedata.normalize("NFKC", typographic_fold(s))
    return re.sub(r"[\s\u00ad\u200b]+", "", s)


def main():
    model = json.load(open(sys.argv[1], encoding="utf-8"))
    book = sys.argv[2]
    errors = []
    out = subprocess.run(["pandoc", "-f", "epub", "-t", "plain", "--wrap=none", book],
                         capture_output=True, text=True)
    if out.returncode != 0:
        errors.append("pandoc could not read it: " + out.stderr.strip()[:200])
    text = norm(out.stdout)
    # pandoc escapes nothing in plain text, but renders list markers and quotes
    errors += blocks_in_order(model["blocks"], text, norm, ("heading", "paragraph", "quote", "list_item"))
    headings = [b["text"] for b in model["blocks"] if b["type"] == "heading"]
    with zipfile.ZipFile(book) as z:
        names = z.namelist()
        if names[0] != "mimetype" or z.getinfo("mimetype").compress_type != zipfile.ZIP_STORED:
            errors.append("mimetype is not the first, stored entry")
        ns = {"x": "http://www.w3.org/1999/xhtml", "e": "http://www.idpf.org/2007/ops"}
        nav = ET.fromstring(z.read("OEBPS/nav.xhtml"))
        toc = [n for n in nav.iter("{http://www.w3.org/1999/xhtml}nav")
               if n.get("{http://www.idpf.org/2007/ops}type") == "toc"][0]
        entries = ["".join(a.itertext()) for a in toc.iter("{http://www.w3.org/1999/xhtml}a")]
        ncx = ET.fromstring(z.read("OEBPS/toc.ncx"))
        # a quote that repeats a paragraph (a pull quote) is an aside a screen reader skips
        def bare(t):
            return t.strip('"\u201c\u201d\u300c\u300d')
        paras = [b["text"] for b in model["blocks"] if b["type"] == "paragraph"]
        pulls = sum(1 for b in model["blocks"] if b["type"] == "quote" and len(bare(b["text"])) >= 20
                    and any(bare(b["text"]) in p for p in paras))
        xhtml = "".join(z.read(n).decode() for n in names if n.startswith("OEBPS/text_"))
        if xhtml.count('role="doc-pullquote" aria-hidden="true"') != pulls:
            errors.append("%d pull quotes marked, %d in the model" % (xhtml.count('role="doc-pullquote"'), pulls))
        # contributors: dc:contributor each, its MARC role refining it
        opf = ET.fromstring(z.read("OEBPS/content.opf"))
        dc, opfns = "{http://purl.org/dc/elements/1.1/}", "{http://www.idpf.org/2007/opf}"
        roles = {m.get("refines")[1:]: m.text for m in opf.iter(opfns + "meta") if m.get("property") == "role"}
        got = [(c.text, roles.get(c.get("id"))) for c in opf.iter(dc + "contributor")]
        want_c = [(c["name"], c["role"]) for c in model["meta"].get("contributors", [])]
        if got != want_c:
            errors.append("OPF contributors %r, the model's %r" % (got, want_c))
        ncx_entries = [t.text for t in ncx.iter("{http://www.daisy.org/z3986/2005/ncx/}text")][1:]
    # the title page first, then the opening text when the body does not
    # start with a heading, then the headings
    opening = OPENING.get(model["meta"]["lang"], "Opening")
    blocks = model["blocks"]
    want = [model["meta"]["title"]] + ([opening] if blocks and blocks[0]["type"] != "heading" else []) + headings
    # compared as text (full-width CJK punctuation and curled quotes are the
    # writers' typography, not a change of the text)
    same = lambda a, b: [norm(x or "") for x in a] == [norm(x or "") for x in b]
    if not same(entries, want):
        errors.append("nav lists %r, headings are %r" % (entries[:5], want[:5]))
    if not same(ncx_entries, want):
        errors.append("NCX lists %r, headings are %r" % (ncx_entries[:5], want[:5]))
    for e in errors[:8]:
        print("%s: %s" % (book, e))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Check a PDF made by folio against its document model (JSON), with poppler
and qpdf:
- qpdf --check passes; pdffonts lists every font embedded, subset, with a
  Unicode map; pdftotext prints no warning;
- the text (white space removed) contains every body block in order;
- pdftotext -bbox-layout: no word outside the page's text area (margins, with
  the running header and footer), no line starting with a closing mark or
  ending with an opening one;
- every page ends with its footer, "page N of M" in the document's language;
- a hyphen at the end of a line either was in the text or splits a word of
  the text (hyphenation), and with --min-hyphens N at least N words were
  hyphenated;
- bookmarks = headings + 1; pdfinfo shows the title.

Usage: check_pdf.py MODEL.json FILE.pdf [--max-kb N] [--min-hyphens N]
"""
import json
import re
import subprocess
import sys
import unicodedata
from xml.etree import ElementTree as ET

from checklib import blocks_in_order, typographic_fold

RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
CLOSING = set("，。、；：？！）】》」』”’,.;:?!)]}")
OPENING = set("（【《「『“‘([{")


def norm(s):
    # pdftotext joins a line that ends in a hyphen ("Indo-" + "Pacific") without
    # it, so hyphens are folded on both sides.
    # and the direction marks it puts around a right-to-left line's parts go.
    return re.sub(r"[\s\-\u2010\u2011\u200e\u200f\u202a-\u202e\u2066-\u2069]+", "",
                  unicodedata.normalize("NFKC", typographic_fold(s)))


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def main():
    model = json.load(open(sys.argv[1], encoding="utf-8"))
    pdf = sys.argv[2]
    opts = dict(zip(sys.argv[3::2], sys.argv[4::2]))
    max_kb = int(opts["--max-kb"]) if "--max-kb" in opts else None
    min_hyphens = int(opts.get("--min-hyphens", 0))
    errors = []
    q = run(["qpdf", "--check", pdf])
    if q.returncode != 0:
        errors.append("qpdf --check: " + (q.stdout + q.stderr).strip()[-200:])
    fonts = run(["pdffonts", pdf])
    if fonts.stderr.strip():
        errors.append("pdffonts warned: " + fonts.stderr.strip()[:200])
    for line in fonts.stdout.splitlines()[2:]:
        cols = line.split()
        if cols[-5:-2] != ["yes", "yes", "yes"]:
            errors.append("font not embedded+subset+unicode: " + line)
    t = run(["pdftotext", "-enc", "UTF-8", pdf, "-"])
    if t.stderr.strip():
        errors.append("pdftotext warned: " + t.stderr.strip()[:200])
    # Page furniture interrupts paragraphs that cross pages: drop the footer
    # "page N of M" and the running header (the title, maybe shortened).
    title_n = norm(model["meta"]["title"] or "Untitled")
    footer = re.compile(r"page(\d+)of(\d+)|第(\d+)[页頁],共(\d+)[页頁]|(\d+)/(\d+)ページ|(\d+)/(\d+)쪽|"
                        r"(?:صفحة|עמוד|страница|Seite|página|pagina|page)(\d+)\D{1,6}(\d+)|"
                        r"(\d+)(?:من|מתוך)(\d+)(?:صفحة|עמוד)")
    lang = model["meta"]["lang"]
    want_word = {"zh": "第", "ja": "ページ", "ko": "쪽", "ar": "صفحة", "he": "עמוד", "ru": "страница",
                 "de": "Seite", "es": "página", "pt": "página", "it": "pagina", "nl": "pagina",
                 "fr": "page"}.get(lang, "page")
    kept = []
    pages = [p for p in t.stdout.split("\f") if p.strip()]
    for page_no, page in enumerate(pages, 1):
        lines = [norm(line) for line in page.splitlines() if line.strip()]
        m = footer.fullmatch(lines[-1]) if lines else None
        nums = [int(g) for g in m.groups() if g] if m else []
        if nums != [page_no, len(pages)] or want_word not in lines[-1]:
            errors.append("page %d: footer %r, expected page %d of %d in %s" %
                          (page_no, lines[-1] if lines else "", page_no, len(pages), lang))
        for line in page.splitlines():
            ln = norm(line)
            if footer.fullmatch(ln):
                continue
            if ln and ln.rstrip("…") and title_n.startswith(ln.rstrip("…")) and len(ln) > 3:
                continue
            kept.append(line)
    errors += blocks_in_order(model["blocks"], norm("\n".join(kept)), norm)
    bb = run(["pdftotext", "-bbox-layout", pdf, "-"])
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", bb.stdout).replace(' xmlns="http://www.w3.org/1999/xhtml"', ""))
    for page_no, page in enumerate(root.iter("page"), 1):
        w, h = float(page.get("width")), float(page.get("height"))
        margin = 36.0 if w < 500 else 54.0  # A5 has narrower margins
        for line in page.iter("line"):
            words = list(line.iter("word"))
            if not words:
                continue
            for word in words:
                x1, y1, x2, y2 = (float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
                if x1 < margin - 1 or x2 > w - margin + 1 or y1 < 20 or y2 > h - 20:
                    errors.append("page %d: word outside the text area: %r at %.0f,%.0f-%.0f,%.0f"
                                  % (page_no, word.text, x1, y1, x2, y2))
            first, last = (words[0].text or " ")[0], (words[-1].text or " ")[-1]
            if any(RTL.search(wd.text or "") for wd in words):
                # right to left: the line starts with its rightmost word, which
                # pdftotext gives as drawn (its letters reversed)
                first, last = (words[-1].text or " ")[::-1][0], (words[0].text or " ")[::-1][-1]
            if first in CLOSING:
                errors.append("page %d: a line starts with %r: %s" % (page_no, first, words[0].text))
            if last in OPENING:
                errors.append("page %d: a line ends with %r: %s" % (page_no, last, words[-1].text))
    # Line-final hyphens, in drawing order (-raw): "main-" + "tained".
    meta = model["meta"]
    source = " ".join([b["text"] for b in model["blocks"]] + [meta.get("title") or "", meta.get("summary") or ""])
    raw = [line for line in run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"]).stdout.replace("\f", "\n").splitlines()
           if not footer.fullmatch(norm(line)) and not (norm(line).rstrip("…") and len(norm(line)) > 3 and
                                                        title_n.startswith(norm(line).rstrip("…")))]
    inserted = 0
    for line, after in zip(raw, raw[1:]):
        m = re.search(r"([^\W\d_]+)-$", line)
        n = re.match(r"\s*([^\W\d_]+)", after)
        if not m or not n:
            continue
        head, tail = m.group(1), n.group(1)
        if head + "-" + tail in source:
            continue  # the text's own hyphen
        if not re.search(r"\b%s%s\b" % (re.escape(head), re.escape(tail)), source):
            errors.append("a line-final hyphen splits no word of the text: %s- %s" % (head, tail))
        inserted += 1
    if inserted < min_hyphens:
        errors.append("%d words hyphenated, expected at least %d" % (inserted, min_hyphens))
    js = run(["qpdf", "--json", "--json-key=outlines", pdf])
    try:
        outlines = json.loads(js.stdout).get("outlines", [])
    except ValueError:
        outlines = []
    count = 0
    stack = list(outlines)
    while stack:
        o = stack.pop()
        count += 1
        stack += o.get("kids", [])
    headings = sum(1 for b in model["blocks"] if b["type"] == "heading")
    if count != headings + 1:
        errors.append("bookmarks %d, headings + 1 = %d" % (count, headings + 1))
    info = run(["pdfinfo", pdf]).stdout
    title = model["meta"]["title"] or "Untitled"
    if "Title:" not in info or norm(title) not in norm(info):
        errors.append("pdfinfo does not show the title")
    if max_kb:
        import os
        kb = os.path.getsize(pdf) / 1024
        if kb > max_kb:
            errors.append("%.0f KB, more than %d KB" % (kb, max_kb))
    for e in errors[:8]:
        print("%s: %s" % (pdf, e))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Typography of a folio PDF, measured on pdfminer's per-character boxes
(issue 14's measures):
- CJK text: no ASCII , : ; ? ! ( ) between two CJK characters (unless
  --keep-ascii, as --no-cjk-punct makes); the quote marks “ ” ‘ ’ of CJK
  lines come from the CJK face; two adjacent CJK punctuation marks (a stop or
  closing bracket before another or an opening bracket; two opening
  brackets) take at most 1.5 em together; between Han or kana and a Latin letter or digit a
  gap of 0.2 to 0.3 em (more on a justified line, by its stretch);
- justified lines (the last line of a paragraph aside): no gap over 0.12 em
  between two CJK characters beyond the line's even stretch (a space the
  text has between them aside); no word space
  stretched past three times the face's space (greedy filling went to four);
- no paragraph ends with a line of one CJK character; no Japanese line starts
  with a small kana or the prolonged sound mark;
- every page but the last is at least 85% full, unless the next page opens
  with a block that keeps its lines together (a heading, a picture).

Usage: check_typo.py FILE.pdf LANG [--keep-ascii]
"""
import collections
import re
import sys

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar

CLOSING = set("，。、；：？！）》」』】”’〉〕")  # stops and closing brackets (not dashes, ellipses)
OPENING = set("（《「『【“‘〈〔")
SMALL_KANA = set("ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶーゝゞヽヾ々")
QUOTES = set("“”‘’")


def is_cjk(ch):
    if len(ch) != 1:  # a ligature's glyph stands for its letters ("fi")
        return False
    o = ord(ch)
    return 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFF65 \
        or 0x3000 <= o <= 0x303F


def is_han_kana(ch):
    if len(ch) != 1:
        return False
    o = ord(ch)
    return 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF


def is_latin(ch):
    return ch.isascii() and ch.isalnum()


def pages(path):
    """Each page: its height and its lines (characters by baseline, left to right)."""
    for page in extract_pages(path, laparams=None):
        rows = collections.defaultdict(list)

        def walk(o):
            if isinstance(o, LTChar):
                rows[round(o.y0 * 2) / 2].append(o)
            elif hasattr(o, "__iter__"):
                for x in o:
                    walk(x)
        walk(page)
        lines = []
        for y in sorted(rows, reverse=True):  # a baseline's characters, split where a column gap parts them
            row = sorted(rows[y], key=lambda c: c.x0)
            start = 0
            for k in range(1, len(row) + 1):
                if k == len(row) or row[k].x0 - row[k - 1].x1 > 1.5 * row[k].size:
                    lines.append(row[start:k])
                    start = k
        yield page.height, page.width, lines


def text_of(line):
    return "".join(c.get_text() for c in line)


def main():
    path, lang = sys.argv[1], sys.argv[2]
    keep_ascii = "--keep-ascii" in sys.argv
    cjk_doc = lang.startswith(("zh", "ja"))
    problems = []
    all_pages = list(pages(path))
    body_right = max((l[-1].x1 for _, _, ls in all_pages for l in ls if len(l) > 3), default=0)
    fills = []
    for pno, (height, width, lines) in enumerate(all_pages, 1):
        body = [l for l in lines if 50 < l[0].y0 < height - 45]  # running header and footer aside
        for i, line in enumerate(body):
            t = text_of(line)
            em = max(c.size for c in line)
            justified = line[-1].x1 > body_right - 0.6 and i + 1 < len(body)
            if cjk_doc and not keep_ascii and re.search(r"[\u3040-\u30ff\u3400-\u9fff][,:;?!()][\u3040-\u30ff\u3400-\u9fff]", t):
                problems.append("page %d: ASCII punctuation between CJK characters: %s" % (pno, t[:40]))
            if cjk_doc and any(is_han_kana(ch) for ch in t):
                for c in line:
                    if c.get_text() in QUOTES and not re.search("CJK|Droid|Fallback|Song|Ming|Mincho|Hei|Kai",
                                                                  c.fontname, re.I):
                        problems.append("page %d: quote mark from %s in a CJK line" % (pno, c.fontname))
            if lang.startswith("ja") and i > 0 and t[:1] in SMALL_KANA and any(is_han_kana(ch) for ch in text_of(body[i - 1])):
                problems.append("page %d: a line starts with %s" % (pno, t[:1]))
            letters = [ch for ch in t if ch not in CLOSING]
            if cjk_doc and i > 0 and len(letters) == 1 and is_han_kana(letters[0]) and \
                    body[i - 1][-1].x1 > body_right - 0.6 and abs(line[0].x0 - body[i - 1][0].x0) < 1:
                problems.append("page %d: a paragraph ends with one character: %s" % (pno, t))
            check_gaps(line, em, justified, pno, problems)
        fills.append(fill_of(body, height))
    for pno in range(1, len(all_pages)):
        nxt = all_pages[pno][2]
        if fills[pno - 1] < 0.85 and not opens_with_block(nxt, all_pages[pno][0]):
            problems.append("page %d is %.0f%% full" % (pno, 100 * fills[pno - 1]))
    # --ligatures: a text in a face with the standard ligatures (Noto Serif)
    # sets ff/fi/fl as one glyph each, and they read back as their letters
    chars = [c for _, _, ls in all_pages for l in ls for c in l]
    text = "".join(c.get_text() for c in chars)
    if "--ligatures" in sys.argv and re.search("f[fil]", text) and \
            not any(c.get_text() in ("ff", "fi", "fl", "ffi", "ffl") for c in chars):
        problems.append("no ligature set for ff, fi or fl")
    for p in problems:
        print("%s: %s" % (path, p))
    return 1 if problems else 0


def check_gaps(line, em, justified, pno, problems):
    pairs = list(zip(line, line[1:]))
    # a gap of a space's width or more between two CJK characters is a space the text has ("记者 李明")
    cjk_gaps = [(b.x0 - a.x1) / em for a, b in pairs
                if is_han_kana(a.get_text()) and is_han_kana(b.get_text()) and (b.x0 - a.x1) / em < 0.2]
    even = sorted(cjk_gaps)[len(cjk_gaps) // 2] if cjk_gaps else 0.0  # the line's stretch between characters
    spaces = []
    for a, b in pairs:
        ta, tb = a.get_text(), b.get_text()
        gap = (b.x0 - a.x1) / em
        pair = (ta in CLOSING and (tb in CLOSING or tb in OPENING)) or (ta in OPENING and tb in OPENING)
        if pair and (b.x1 - a.x0) / em > 1.5 + 2 * even + 0.03:
            problems.append("page %d: %s%s take %.2f em" % (pno, ta, tb, (b.x1 - a.x0) / em))
        if (is_han_kana(ta) and is_latin(tb)) or (is_latin(ta) and is_han_kana(tb)):
            if gap < 0.18 or gap > 0.32 + even:
                problems.append("page %d: Han-Latin gap %.2f em at %s%s" % (pno, gap, ta, tb))
        if ta.isascii() and tb.isascii() and ta.isalnum() and tb.isalnum() and gap > 0.15:
            spaces.append(gap)
    if justified and len(cjk_gaps) > 3 and max(cjk_gaps) - even > 0.12:
        problems.append("page %d: a CJK gap of %.2f em on a justified line" % (pno, max(cjk_gaps)))
    if justified and spaces and max(spaces) > 3 * 0.26 + 0.05:
        problems.append("page %d: a word space of %.2f em" % (pno, max(spaces)))


def fill_of(body, height):
    if not body:
        return 1.0
    top = max(l[0].y1 for l in body)
    bottom = min(l[0].y0 for l in body)
    return (top - bottom) / (top - 60)


def opens_with_block(lines, height):
    """Does the page open with a heading (larger type) or a picture (text
    starting well below the top)?"""
    body = [l for l in lines if 50 < l[0].y0 < height - 45]
    if not body:
        return True
    first = body[0]
    sizes = collections.Counter(round(c.size) for l in body for c in l)
    common = sizes.most_common(1)[0][0]
    return round(max(c.size for c in first)) > common or first[0].y1 < height - 120


if __name__ == "__main__":
    sys.exit(main())

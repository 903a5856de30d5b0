#!/usr/bin/env python3
"""Run-in labels of a folio PDF: every paragraph of the model (JSON) with a
run-in label ("导语：", a text's run-in head "Task gating ") starts a line of
the PDF set in a bold face up to the label's end, the text after it not
(also where that line ends in a hyphen: a copy of the text is drawn).

Usage: check_labels.py MODEL.json FILE.pdf   (exit 1 and a line a fault)
"""
import json
import sys
import unicodedata

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine


def lines(pdf):
    for page in extract_pages(pdf):
        stack = [page]
        while stack:
            o = stack.pop()
            if isinstance(o, LTTextLine):
                yield [c for c in o if isinstance(c, LTChar)]
            elif isinstance(o, LTTextContainer) or hasattr(o, "__iter__"):
                stack.extend(o)


def main():
    model, pdf = sys.argv[1], sys.argv[2]
    labels = [b["label"].strip() for b in json.load(open(model))["blocks"] if b.get("label")]
    if not labels:
        print("check_labels: %s has no run-in label" % model)
        return 1
    found = {}
    for chars in lines(pdf):
        chars = [c for c in chars if c.get_text().strip()]  # pdfminer's spaces are no glyphs
        text = unicodedata.normalize("NFKC", "".join(c.get_text() for c in chars))
        for label in labels:
            bare = unicodedata.normalize("NFKC", "".join(label.split()))  # (the PDF sets "：" for ":")
            if label in found or not text.startswith(bare):
                continue
            head, after = chars[:len(bare)], chars[len(bare):len(bare) + 3]
            # (a CJK face has no bold of its own: folio strokes it, which
            # pdfminer does not report; its characters pass)
            found[label] = all("Bold" in c.fontname or "CJK" in c.fontname for c in head) and \
                all("Bold" not in c.fontname for c in after)
    bad = [l for l in labels if not found.get(l)]
    for l in bad:
        print("check_labels: %r is not a bold run-in label at a line's start in %s" % (l, pdf))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

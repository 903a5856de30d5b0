"""Headings in a row stay together: a page of N paragraphs, then a part's heading over a
chapter's, for N = 1..40 (so that the pair falls at a page's foot for some N); the part's
heading must never be the last line of a page.  Usage: check_keep.py FOLIO TMPDIR"""
import os
import subprocess
import sys

PARA = ("<p>The harbour has found new work since the trawlers left, and the town has changed "
        "with it in ways nobody who lived there twenty years ago expected.</p>\n")


def main():
    folio, tmp = sys.argv[1], sys.argv[2]
    page, pdf = os.path.join(tmp, "keep.html"), os.path.join(tmp, "keep.pdf")
    bad = []
    for n in range(1, 41):
        with open(page, "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour</title>'
                    "</head><body><article><h1>Harbour</h1>\n" + PARA * n +
                    "<h2>Part One</h2>\n<h2>The Quays</h2>\n" + PARA * 3 + "</article></body></html>")
        subprocess.run([folio, page, "-t", "pdf", "-o", pdf], check=True)
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        for p in text.split("\f"):
            lines = [l.strip() for l in p.split("\n") if l.strip()][:-1]  # the footer aside
            if lines and lines[-1] == "Part One":
                bad.append(n)
    if bad:
        print("a heading last on its page, over the next heading, after %s paragraphs" % bad)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

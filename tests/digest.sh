#!/bin/sh
# Several inputs into one book (a digest): three articles into one EPUB
# (epubcheck 0/0/0, pandoc reads every article's headings back in order, the
# table of contents nests articles and their sections), one PDF whose
# bookmarks are the articles under the collection's title, one outline; and
# the refusals (no -o for a book, an input as the output, --author).
. "$(dirname "$0")/common.sh"
if [ -d "$corpus" ]; then
  arts="$corpus/06.txt $corpus/00.txt tests/samples/en-harbour.txt"
else
  arts="tests/samples/en-harbour.txt tests/samples/zh-library.txt tests/golden/news-en.txt"
fi
./folio $arts --title "Weekly reading" -o "$tmp/d.epub" &&
./folio $arts --title "Weekly reading" -o "$tmp/d.pdf" &&
./folio $arts --title "Weekly reading" -t json -o "$tmp/d.json" &&
./folio $arts --title "Weekly reading" -t outline -o "$tmp/d.txt" || { echo "FAIL digest: conversion"; exit 1; }
for a in $arts; do ./folio "$a" -t json -o "$tmp/$(basename "$a" .txt).one.json" || exit 1; done
check "epubcheck" sh -c "java -cp /usr/bin/epubcheck tests/EpubCheckAll.java '$tmp/d.epub' | grep -q '^ok '"
check "pandoc read-back and nav" python3 tests/check_epub.py "$tmp/d.json" "$tmp/d.epub"
check "articles and sections" python3 - "$tmp" $arts <<'PY'
import json, os, subprocess, sys, unicodedata, zipfile
sys.path.insert(0, "tests")
from checklib import typographic_fold
tmp, arts = sys.argv[1], sys.argv[2:]


def norm(t):  # the writers' typography (full-width CJK marks, curled quotes) is not a change of text
    return unicodedata.normalize("NFKC", typographic_fold(t))
ones = [json.load(open(os.path.join(tmp, os.path.basename(a)[:-4] + ".one.json"))) for a in arts]
d = json.load(open(os.path.join(tmp, "d.json")))
ok = d["meta"]["title"] == "Weekly reading"
# the digest: each article's title as a level-1 heading, its headings one level down
want = []
for one in ones:
    want.append((1, one["meta"]["title"]))
    want += [(b["level"] + 1, b["text"]) for b in one["blocks"] if b["type"] == "heading"]
got = [(b["level"], b["text"]) for b in d["blocks"] if b["type"] == "heading"]
if got != want:
    print("headings differ:", got[:4], want[:4]); ok = False
# every article's contributors, each once
want_c = []
for one in ones:
    for c in one["meta"]["contributors"]:
        if c not in want_c:
            want_c.append(c)
if d["meta"]["contributors"] != want_c:
    print("contributors:", d["meta"]["contributors"], want_c); ok = False
# PDF bookmarks: the collection, then the articles, then their sections
js = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", os.path.join(tmp, "d.pdf")],
                               capture_output=True, check=True).stdout)
top = js["outlines"]
if len(top) != 1 or top[0]["title"] != "Weekly reading":
    print("PDF bookmarks: no single root", [t["title"] for t in top]); ok = False
else:
    parts = [norm(k["title"]) for k in top[0]["kids"]]
    if parts != [norm(one["meta"]["title"]) for one in ones]:
        print("PDF bookmarks of the articles:", parts); ok = False
# EPUB nav: articles at the top, their sections nested
nav = norm(zipfile.ZipFile(os.path.join(tmp, "d.epub")).read("OEBPS/nav.xhtml").decode())
for one in ones:
    if norm(one["meta"]["title"]).replace("&", "&amp;") not in nav:
        print("nav lacks", one["meta"]["title"]); ok = False
# the outline numbers the articles 1. 2. 3.
outline = norm(open(os.path.join(tmp, "d.txt"), encoding="utf-8").read())
for i, one in enumerate(ones, 1):
    if "%d. %s" % (i, norm(one["meta"]["title"])[:20]) not in outline:
        print("outline lacks article", i); ok = False
sys.exit(0 if ok else 1)
PY
# refusals: exit 2 and no file written
first=$(echo $arts | cut -d' ' -f1)
set -- $arts
msg=$(./folio "$@" -t epub 2>&1 >/dev/null); rc=$?
check "a book needs -o" sh -c "[ $rc = 2 ] && echo '$msg' | grep -q 'name it with -o'"
cp "$first" "$tmp/in.txt"
./folio "$tmp/in.txt" "$2" -o "$tmp/in.txt" -t json >/dev/null 2>&1; rc=$?
check "an input is never the output" sh -c "[ $rc = 2 ] && cmp -s '$first' '$tmp/in.txt'"
./folio "$@" --author "Ann Lee" -o "$tmp/a.epub" >/dev/null 2>&1; rc=$?
check "--author refused" sh -c "[ $rc = 2 ] && [ ! -e '$tmp/a.epub' ]"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' > "$tmp/bin.txt"
./folio "$1" "$tmp/bin.txt" -o "$tmp/b.epub" >/dev/null 2>&1; rc=$?
check "a bad input leaves no book" sh -c "[ $rc = 1 ] && [ ! -e '$tmp/b.epub' ]"
# a collection title that is not UTF-8 (fuzz_cli: libunibreak aborted on it in the PDF title)
./folio "$1" "$2" --title "$(printf 'A \213-\357\377\377 title')" -t pdf -o "$tmp/bad-title.pdf" 2>/dev/null; rc=$?
check "a title that is not UTF-8" sh -c "[ $rc = 0 ] && qpdf --check '$tmp/bad-title.pdf' >/dev/null && pdfinfo '$tmp/bad-title.pdf' | grep -q 'Title: *A �'"
echo "digest: $pass passed, $fail failed"
[ "$fail" = 0 ]

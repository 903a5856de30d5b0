#!/bin/sh
# Web pages in (issue 17): each tests/html/NAME.html is read as HTML and checked
# against what the page states (NAME.expect: title, date, author, language, the
# blocks its markup makes, what must be dropped or never read) and against its
# golden JSON (UPDATE=1 rewrites NAME.json after a deliberate change); then the
# ways in (standard input, --from, --encoding) and damaged pages.
. "$(dirname "$0")/lib.sh"
for page in tests/html/*.html; do
  stem=$(basename "$page" .html)
  [ -f "tests/html/$stem.expect" ] || continue
  got=$tmp/$stem.json
  check "$stem converts" ./folio "$page" -o "$got"
  check "$stem states" python3 tests/check_html.py "tests/html/$stem.expect" "$got"
  if [ "${UPDATE:-0}" = 1 ]; then
    cp "$got" "tests/html/$stem.json"; echo "updated tests/html/$stem.json"
  fi
  check "$stem golden" diff -u "tests/html/$stem.json" "$got"
done

# sections three levels deep and lists, through every writer: the outlines and
# OPML against golden files, the EPUB's table of contents and the PDF's
# bookmarks nested as the walker nests them (an h4 under an h2 is one level down,
# the next h4 its sibling)
for fmt in outline outline-md opml; do
  ./folio tests/html/levels.html -t $fmt -o "$tmp/levels.$fmt"
  [ "${UPDATE:-0}" = 1 ] && cp "$tmp/levels.$fmt" "tests/html/levels.$fmt"
  check "levels: $fmt golden" diff -u "tests/html/levels.$fmt" "$tmp/levels.$fmt"
done
./folio tests/html/levels.html -o "$tmp/levels.epub" && ./folio tests/html/levels.html -o "$tmp/levels.pdf"
check "levels: a list inside a list item, in the EPUB" sh -c "unzip -p '$tmp/levels.epub' 'OEBPS/text_*.xhtml' |
  tr -d '\n' | grep -q '<li>A hand lens for the smallest animals<ul><li>ten times is enough for most</li><li>a lanyard, so that it stays out of the water</li></ul></li>'"
check "levels: EPUB headings at the walker's levels" sh -c "unzip -p '$tmp/levels.epub' 'OEBPS/text_*.xhtml' |
  grep -o '<h[1-6][^>]*>[^<]*' | sed 's/ id=\"[^\"]*\"//' | tr '\n' '|' |
  grep -qx '<h1>Before you go|<h2>What to bring|<h2>When to leave|<h1>What lives there|<h2>Anemones|<h2>Crabs|<h1>Leaving no trace|'"
check "levels: nesting in the EPUB nav and the PDF bookmarks" python3 - "$tmp/levels.epub" "$tmp/levels.pdf" <<'PY'
import json, subprocess, sys, zipfile
import xml.etree.ElementTree as ET
want = {"Before you go": ["What to bring", "When to leave"], "What lives there": ["Anemones", "Crabs"],
        "Leaving no trace": []}
X = "{http://www.w3.org/1999/xhtml}"
nav = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("OEBPS/nav.xhtml"))
toc = [n for n in nav.iter(X + "nav") if n.get("id") == "toc"][0]
def kids(li):
    ol = li.find(X + "ol")
    return [k.find(X + "a").text for k in ol.findall(X + "li")] if ol is not None else []
got = {li.find(X + "a").text: kids(li) for li in toc.find(X + "ol").findall(X + "li")}
ok = all(got.get(k) == v for k, v in want.items())
outl = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", sys.argv[2]],
                                 capture_output=True).stdout)["outlines"]
top = outl[0]["kids"] if len(outl) == 1 else outl   # under the title's bookmark
pdf = {o["title"]: [k["title"] for k in o["kids"]] for o in top}
ok = ok and all(pdf.get(k) == v for k, v in want.items())
if not ok:
    print("nav", got, "\npdf", pdf)
sys.exit(0 if ok else 1)
PY

# inline spans in the EPUB: <em>, <strong>, <a href> nested as on the page; epubcheck 0/0/0
./folio tests/html/inline.html -o "$tmp/inline.epub"
check "inline: links and emphasis in the EPUB" sh -c "unzip -p '$tmp/inline.epub' 'OEBPS/text_*.xhtml' |
  grep -q '<a href=\"https://other.example/x\"><em>nested</em> link</a>'"
java -jar /usr/share/java/epubcheck.jar "$tmp/inline.epub" > "$tmp/inline.check" 2>&1
check "inline: epubcheck" grep -q "0 fatals / 0 errors / 0 warnings" "$tmp/inline.check"

# and in the PDF: a link annotation over each link's text
./folio tests/html/inline.html -o "$tmp/inline.pdf"
check "inline: link annotations in the PDF" python3 - "$tmp/inline.pdf" <<'PY'
import json, subprocess, sys
js = json.loads(subprocess.run(["qpdf", "--json", sys.argv[1]], capture_output=True).stdout)
objs = js["qpdf"][1]
uris = sorted(v["value"]["/A"]["/URI"][2:] for v in objs.values()
              if isinstance(v, dict) and isinstance(v.get("value"), dict) and v["value"].get("/Subtype") == "/Link")
want = sorted(["https://example.org/about", "https://other.example/x", "https://example.org/news/relative/page.html"])
sys.exit(0 if uris == want else print(uris) or 1)
PY

# a page on standard input is recognised by its first bytes
./folio - --to json < tests/html/structure.html > "$tmp/stdin.json"
check "stdin sniffed" diff "$tmp/stdin.json" "$tmp/structure.json"
# --from text reads the markup as text; --from html a page with another extension
./folio tests/html/structure.html --from text --to json > "$tmp/astext.json"
check "--from text" grep -q '<h1>' "$tmp/astext.json"
cp tests/html/structure.html "$tmp/page.txt"
./folio "$tmp/page.txt" --from html --to json > "$tmp/fromhtml.json"
check "--from html" diff "$tmp/fromhtml.json" "$tmp/structure.json"
./folio tests/html/structure.html --from xml --to json > /dev/null 2> "$tmp/from.err"
check "--from xml refused" [ $? = 2 ]
check "--from xml says why" grep -q -- "--from takes html or text" "$tmp/from.err"
# an explicit encoding reads the GBK page the same
./folio tests/html/gbk.html --encoding GB18030 --to json > "$tmp/gbk-enc.json"
check "--encoding" diff "$tmp/gbk-enc.json" "$tmp/gbk.json"

# a page with no text: one line, exit 1, no output
./folio tests/html/empty.html -o "$tmp/empty.epub" 2> "$tmp/empty.err"
check "no text: exit 1" [ $? = 1 ]
check "no text: one line" [ "$(wc -l < "$tmp/empty.err")" = 1 ]
check "no text: names the file" grep -q "empty.html: no text" "$tmp/empty.err"
check "no text: no output" [ ! -e "$tmp/empty.epub" ]

# damage: 100000 nested elements, unclosed everything, a NUL, a truncated tag
python3 -c "print('<html><body>' + '<div>' * 100000 + 'deep text in the middle of it all' + '</div>' * 3)" > "$tmp/deep.html"
./folio "$tmp/deep.html" --to json > /dev/null 2>&1
check "deep nesting: no crash" [ $? -lt 2 ]
printf '<html><body><p>half a tag <a href="x' > "$tmp/cut.html"
./folio "$tmp/cut.html" --to json > /dev/null 2>&1
check "truncated tag: no crash" [ $? -lt 2 ]
printf '<html><body><p>nul \000 inside</p><p>and \377\376 stray bytes</p></body></html>' > "$tmp/nul.html"
./folio "$tmp/nul.html" --to json > /dev/null 2>&1
check "NUL and bad bytes: no crash" [ $? -lt 2 ]

# a page saved "complete": its pictures go into the EPUB (epubcheck 0/0/0) and the PDF
./folio tests/html/saved.html -o "$tmp/saved.epub" && ./folio tests/html/saved.html -o "$tmp/saved.pdf"
check "saved page: EPUB and PDF" [ -s "$tmp/saved.epub" ] && [ -s "$tmp/saved.pdf" ]
check "saved page: pictures in the EPUB" [ "$(unzip -Z1 "$tmp/saved.epub" | grep -c '^OEBPS/images/')" = 2 ]
java -jar /usr/share/java/epubcheck.jar "$tmp/saved.epub" > "$tmp/saved.check" 2>&1
check "saved page: epubcheck" grep -q "0 fatals / 0 errors / 0 warnings" "$tmp/saved.check"
check "saved page: qpdf" qpdf --check "$tmp/saved.pdf" > /dev/null
check "saved page: pictures in the PDF" [ "$(pdfimages -list "$tmp/saved.pdf" | tail -n +3 | wc -l)" = 2 ]
# a picture missing from the folder is listed as removed, and the book is still made
mkdir -p "$tmp/gone/saved_files"
cp tests/html/saved.html "$tmp/gone/"; cp tests/html/saved_files/* "$tmp/gone/saved_files/"
rm "$tmp/gone/saved_files/wall.png"
./folio "$tmp/gone/saved.html" --to json > "$tmp/gone.json"
check "picture missing: listed as removed" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert len([b for b in d['blocks'] if b['type'] == 'image']) == 1
assert any(r['reason'] == 'image' and r['text'] == 'saved_files/wall.png' for r in d['removed'])" "$tmp/gone.json"
check "picture missing: the book is made" ./folio "$tmp/gone/saved.html" -o "$tmp/gone.epub"

# every format takes a page
for fmt in epub pdf txt md opml; do
  check "structure.html to $fmt" ./folio tests/html/structure.html -o "$tmp/structure.$fmt"
done
echo "html: $pass passed, $fail failed"
[ "$fail" = 0 ]

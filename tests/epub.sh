#!/bin/sh
# EPUB checks with real tools: epubcheck (0 fatals, 0 errors, 0 warnings, also
# with --vertical), pandoc reading every paragraph back in order, the table of
# contents equal to the headings, and byte-identical output on a second run.
# Inputs: the samples, the golden inputs, and ../shared/corpus when present.
# epubcheck runs once for all the books (one JVM: tests/EpubCheckAll.java).
. "$(dirname "$0")/common.sh"
books=""
failed=""
checked_bad=""
for input in $inputs; do
  name=$(basename "$input" .txt)
  ok=1
  ./folio "$input" -o "$tmp/$name.epub" && ./folio "$input" -o "$tmp/$name.again.epub" || ok=0
  ./folio "$input" -t json -o "$tmp/$name.json" || ok=0
  [ $ok = 1 ] && { cmp -s "$tmp/$name.epub" "$tmp/$name.again.epub" || { echo "$name: two runs differ"; ok=0; }; }
  [ $ok = 1 ] && { python3 tests/check_epub.py "$tmp/$name.json" "$tmp/$name.epub" || ok=0; }
  [ $ok = 1 ] && books="$books $tmp/$name.epub"
  lang=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["meta"]["lang"])' "$tmp/$name.json")
  case "$lang" in
    zh|ja)
      # no synthetic italic for CJK quotes; Japanese indents one character, Chinese two
      css=$(unzip -p "$tmp/$name.epub" OEBPS/style.css)
      indent="2em"; [ "$lang" = ja ] && indent="1em"
      echo "$css" | grep -q 'blockquote { font-style: normal' && echo "$css" | grep -q "p { text-indent: $indent" ||
        { echo "$name: CJK stylesheet (quotes in italic, or the indent is not $indent)"; ok=0; }
      ./folio "$input" --vertical -o "$tmp/$name.v.epub" || ok=0
      [ $ok = 1 ] && books="$books $tmp/$name.v.epub"
      [ $ok = 1 ] && { unzip -p "$tmp/$name.v.epub" OEBPS/content.opf | grep -q 'page-progression-direction="rtl"' ||
                       { echo "$name: --vertical without rtl spine"; ok=0; }; } ;;
    ar|fa|ur|he)
      # written right to left: the pages say so, and turn leftward
      unzip -p "$tmp/$name.epub" OEBPS/text_001.xhtml | grep -q "<html [^>]*dir=\"rtl\"" &&
        unzip -p "$tmp/$name.epub" OEBPS/content.opf | grep -q 'page-progression-direction="rtl"' &&
        unzip -p "$tmp/$name.epub" OEBPS/style.css | grep -q 'h1, h2, h3, .titlepage p, .colophon p { text-align: right; }' ||
        { echo "$name: right-to-left text without dir=rtl, an rtl spine or headings set right"; ok=0; } ;;
  esac
  [ $ok = 1 ] || failed="$failed $name"
done
# --css: the reader's stylesheet goes in as user.css, linked after folio's in every page
printf 'p { text-indent: 0; margin-bottom: 1em; }\nh1 { color: #333; }\n' > "$tmp/my.css"
./folio tests/samples/en-harbour.txt --css "$tmp/my.css" -o "$tmp/css.epub" && books="$books $tmp/css.epub"
if unzip -p "$tmp/css.epub" OEBPS/user.css | cmp -s - "$tmp/my.css" &&
   [ "$(unzip -p "$tmp/css.epub" OEBPS/text_001.xhtml | grep -c 'href="user.css"')" = 1 ]; then pass=$((pass + 1)); else
  echo "FAIL epub --css: user.css missing or not linked"; fail=$((fail + 1)); fi
# --embed-font: the faces go in fonts/, in the manifest (epubcheck below), with an
# @font-face each (weight read from the font) and the first one for the text; a file
# that is no font is one line, exit 1, no book
dv=/usr/share/fonts/truetype/dejavu
./folio tests/samples/en-harbour.txt --embed-font $dv/DejaVuSans.ttf --embed-font $dv/DejaVuSans-Bold.ttf \
  -o "$tmp/font.epub" && books="$books $tmp/font.epub"
if [ "$(unzip -Z1 "$tmp/font.epub" | grep -c '^OEBPS/fonts/')" = 2 ] &&
   unzip -p "$tmp/font.epub" OEBPS/style.css | grep -q 'font-weight: bold; font-style: normal; src: url("fonts/1-DejaVuSans-Bold.ttf")' &&
   unzip -p "$tmp/font.epub" OEBPS/style.css | grep -q 'body { font-family: "DejaVu Sans", serif; }'; then
  pass=$((pass + 1)); else echo "FAIL epub --embed-font: fonts or @font-face missing"; fail=$((fail + 1)); fi
if ! ./folio tests/samples/en-harbour.txt --embed-font README.md -o "$tmp/nofont.epub" 2> "$tmp/nofont.err" &&
   [ ! -e "$tmp/nofont.epub" ] && [ "$(wc -l < "$tmp/nofont.err")" = 1 ] && grep -q "README.md: not a font" "$tmp/nofont.err"; then
  pass=$((pass + 1)); else echo "FAIL epub --embed-font README.md: not refused in one line"; fail=$((fail + 1)); fi
# a run-in label ("导语：") is set off, on the line of its paragraph (no space after it)
./folio tests/samples/zh-library.txt -o "$tmp/runin.epub" && books="$books $tmp/runin.epub"
if unzip -p "$tmp/runin.epub" 'OEBPS/text_*.xhtml' | grep -q '<p><span class="run-in">导语：</span>这篇文章'; then
  pass=$((pass + 1)); else echo "FAIL epub run-in label not set off"; fail=$((fail + 1)); fi
# a summary the lead paragraph says in full is the book's description, not a
# second copy on the title page
./folio tests/samples/zh-lead.txt -o "$tmp/lead.epub" && books="$books $tmp/lead.epub"
if ! unzip -p "$tmp/lead.epub" OEBPS/title.xhtml | grep -q 'class="summary"' &&
   unzip -p "$tmp/lead.epub" OEBPS/content.opf | grep -q '<dc:description>在不少老城区'; then
  pass=$((pass + 1)); else echo "FAIL epub summary repeated on the title page"; fail=$((fail + 1)); fi
# a heading with nothing under it but the next heading shares that one's file: no page
# holds a heading alone ("Part One" over "The Quays")
./folio tests/html/part-headings.html -o "$tmp/parts.epub" && books="$books $tmp/parts.epub"
if [ "$(unzip -p "$tmp/parts.epub" 'OEBPS/text_*.xhtml' | grep -c '<h1')" = 3 ] &&
   unzip -p "$tmp/parts.epub" OEBPS/text_002.xhtml | grep -q 'Part One' &&
   unzip -p "$tmp/parts.epub" OEBPS/text_002.xhtml | grep -q 'The Quays'; then
  pass=$((pass + 1)); else echo "FAIL epub a heading alone in its file"; fail=$((fail + 1)); fi
# epubcheck: every book in one JVM; a book's messages are printed before its verdict
java -cp /usr/bin/epubcheck tests/EpubCheckAll.java $books > "$tmp/epubcheck.out" 2>&1
for book in $books; do
  if ! grep -qx "ok $book" "$tmp/epubcheck.out"; then
    name=$(basename "$book" .epub); name=${name%.v}
    grep -E "^(FATAL|ERROR|WARNING).*$(basename "$book")" "$tmp/epubcheck.out" | head -5
    echo "FAIL epub $name: epubcheck $(basename "$book")"; fail=$((fail + 1))
    checked_bad="$checked_bad $name"
  fi
done
[ -n "$books" ] && ! grep -q "^ok " "$tmp/epubcheck.out" && { cat "$tmp/epubcheck.out" | tail -5; echo "FAIL epub: epubcheck did not run"; fail=$((fail + 1)); }
for input in $inputs; do
  name=$(basename "$input" .txt)
  case " $failed " in
    *" $name "*) fail=$((fail + 1)); echo "FAIL epub $name" ;;
    *) case " $checked_bad " in *" $name "*) ;; *) pass=$((pass + 1)) ;; esac ;;
  esac
done
# SOURCE_DATE_EPOCH sets the timestamps
SOURCE_DATE_EPOCH=1700000000 ./folio tests/samples/en-harbour.txt -o "$tmp/sde.epub"
if unzip -p "$tmp/sde.epub" OEBPS/content.opf | grep -q '2023-11-14T22:13:20Z' &&
   unzip -l "$tmp/sde.epub" | grep -q '2023-11-14 22:13'; then pass=$((pass + 1)); else
  echo "FAIL epub SOURCE_DATE_EPOCH not used"; fail=$((fail + 1)); fi
echo "epub: $pass passed, $fail failed"
[ "$fail" = 0 ]

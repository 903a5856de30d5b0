#!/bin/sh
# PDF checks with real tools (qpdf, pdffonts, pdftotext, pdfinfo) on the
# samples, the golden inputs and ../shared/corpus; the reference article must
# stay under 300 KB (238 KB with Noto Serif CJK, subset by HarfBuzz); two runs give the same bytes; paper sizes; characters
# outside the BMP are replaced with a warning; a character no chosen face has
# comes from an installed face that has it; a missing font is a clear error.
. "$(dirname "$0")/common.sh"
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL pdf $1"; }
for input in $inputs; do
  name=$(basename "$input" .txt)
  max=""
  [ "$input" = "$corpus/00.txt" ] && max="--max-kb 300"
  if ./folio "$input" -t json -o "$tmp/$name.json" && ./folio "$input" -o "$tmp/$name.pdf" &&
     ./folio "$input" -o "$tmp/$name.2.pdf" && cmp -s "$tmp/$name.pdf" "$tmp/$name.2.pdf" &&
     python3 tests/check_pdf.py "$tmp/$name.json" "$tmp/$name.pdf" $max; then ok; else ko "$name"; fi
done
# Headings in a row stay together (a part's heading never last on a page over its chapter's).
python3 tests/check_keep.py ./folio "$tmp" && ok || ko "headings in a row parted"
# Typography measured on pdfminer's character boxes (tests/check_typo.py):
# CJK punctuation, compression, Han-Latin spacing, stretch, kinsoku, page fill;
# ligatures in English.
miner=""
for py in python3 /usr/bin/python3; do $py -c 'import pdfminer' 2>/dev/null && { miner=$py; break; }; done
if [ -n "$miner" ]; then
  for input in $inputs; do
    name=$(basename "$input" .txt)
    lang=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["meta"]["lang"] or "en")' "$tmp/$name.json")
    lig=""; [ "$lang" = en ] && lig=--ligatures
    $miner tests/check_typo.py "$tmp/$name.pdf" "$lang" $lig && ok || ko "typography of $name"
  done
  # Run-in labels in bold at their paragraph's start: the reference article's
  # "导语：", and a text's run-in heads (a short line glued to its paragraph),
  # one of whose paragraphs typography rewrites ("95%").
  python3 -c 'import sys
p = "The harbour has found new work since the trawlers left, and the town has changed with it in ways that nobody who lived there twenty years ago would have guessed at the time.\n\n"
q = "Boats come and go at every tide, and the quay is never empty for long, whatever the season and whatever the weather on the water outside the breakwater.\n\n"
sys.stdout.write("Home\nNews\n\nHow the Harbour Runs Its Boats\n\n" + p * 20 +
    "Task gating\nThe harbour master can hold any boat at the quay until the tide and the weather allow it out, and boats wait their turn by the order in which they asked.\n\n" +
    "Delivery latency\n95% of tasks begin execution within five seconds from their scheduled execution time.\n\n" + q * 20)' > "$tmp/runin.txt"
  ./folio "$tmp/runin.txt" -t json -o "$tmp/runin.json" && ./folio "$tmp/runin.txt" -o "$tmp/runin.pdf" &&
    $miner tests/check_labels.py "$tmp/runin.json" "$tmp/runin.pdf" && ok || ko "run-in heads of a text"
  if [ -f "$corpus/00.txt" ]; then
    $miner tests/check_labels.py "$tmp/00.json" "$tmp/00.pdf" && ok || ko "run-in label of the reference article"
  fi
else
  echo "pdf: skipped the typography checks (python3-pdfminer is not installed)"
fi
# The fonts are subset to the glyphs drawn: with Droid Sans Fallback the
# reference brief is about 150 KB (libharu's own embedding made 306 KB).
if [ -f "$corpus/00.txt" ]; then
  ./folio "$corpus/00.txt" --cjk-font "Droid Sans Fallback" -o "$tmp/00-droid.pdf" &&
    [ "$(wc -c < "$tmp/00-droid.pdf")" -lt 204800 ] && ok || ko "subset size"
fi
for paper in letter a5; do
  ./folio tests/samples/zh-library.txt --paper $paper -o "$tmp/p.pdf" &&
  python3 tests/check_pdf.py "$tmp/zh-library.json" "$tmp/p.pdf" && ok || ko "--paper $paper"
done
# Justified English in the narrow A5 measure: long words that miss a line
# are hyphenated (libhyphen, hyphen-en-us); the text still reads back whole.
./folio tests/samples/en-harbour.txt --paper a5 -o "$tmp/en-a5.pdf" &&
  python3 tests/check_pdf.py "$tmp/en-harbour.json" "$tmp/en-a5.pdf" --min-hyphens 1 && ok || ko "English hyphenation"
size=$(pdfinfo "$tmp/p.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\).*/\1x\2/p')
[ "$size" = "419.528x595.276" ] && ok || ko "a5 page size is $size"
# Characters beyond the BMP: drawn from a face that has them (an emoji from
# DejaVu Sans), else replaced (two of a private-use plane, which no face has),
# one warning, no crash.
printf 'A Title With Emoji\n\n2024-01-01\n\nA paragraph with an emoji \360\237\230\200 and rare \363\260\200\201 \364\200\200\201 characters in it.\n\nAnother paragraph of text that is long enough to be prose here.\n' > "$tmp/emoji.txt"
./folio "$tmp/emoji.txt" -o "$tmp/emoji.pdf" 2> "$tmp/emoji.err"
if grep -q "warning: 2 characters" "$tmp/emoji.err" && [ "$(wc -l < "$tmp/emoji.err")" = 1 ] &&
   pdftotext "$tmp/emoji.pdf" - | grep -Eq "emoji 😀 and rare (□|�) (□|�) characters"; then ok; else ko "emoji substitution"; cat "$tmp/emoji.err"; fi
# OpenType/CFF faces are embedded (Noto Serif CJK, the default CJK face where
# fonts-noto-cjk is installed, as make deps does): subset, and the text reads back.
if fc-list "Noto Serif CJK SC" | grep -q .; then
  if pdffonts "$tmp/zh-library.pdf" | grep -q "NotoSerifCJKsc.*CID Type 0C  *Identity-H" &&
     ./folio tests/samples/zh-library.txt --cjk-font "Noto Sans CJK SC" -o "$tmp/sans.pdf" &&
     python3 tests/check_pdf.py "$tmp/zh-library.json" "$tmp/sans.pdf"; then ok; else ko "CFF faces"; fi
else
  echo "pdf: skipped the CFF face check (fonts-noto-cjk is not installed)"
fi
# A picture keeps its caption on its page, wherever the page break falls.
mkdir -p "$tmp/fig" && cp tests/html/saved_files/quay.jpg "$tmp/fig/"
split=0
for k in $(seq 14 2 40); do
  { printf '<html lang="en"><head><title>Boats</title></head><body><article><h1>Boats</h1>\n'
    i=0; while [ $i -lt $k ]; do
      printf '<p>The boats come in at dawn and the quay fills with crates, buyers and the smell of diesel before the town wakes up. Paragraph %d.</p>\n' $i; i=$((i + 1)); done
    printf '<figure><img src="quay.jpg" alt="The quay"><figcaption>CAPTIONMARK the quay before sunrise, when the first boats come in and the buyers wait.</figcaption></figure>\n'
    printf '<p>After the picture the article goes on for one more paragraph of text.</p></article></body></html>\n'; } > "$tmp/fig/p.html"
  ./folio "$tmp/fig/p.html" -o "$tmp/fig/p.pdf" 2>/dev/null || { split=99; break; }
  img=$(pdfimages -list "$tmp/fig/p.pdf" | awk 'NR > 2 { print $1; exit }')
  cap=$(n=1; while pdftotext -f $n -l $n "$tmp/fig/p.pdf" - 2>/dev/null | grep -q .; do
          pdftotext -f $n -l $n "$tmp/fig/p.pdf" - | grep -q CAPTIONMARK && { echo $n; break; }; n=$((n + 1)); done)
  [ "$img" = "$cap" ] || split=$((split + 1))
done
[ "$split" = 0 ] && ok || ko "caption parted from its picture ($split of 14 page breaks)"
# The CJK face is a bare CID-keyed CFF whose CIDs are the codes (Identity-H):
# a reader that decodes only standard encodings (pdfminer) reads the text too.
if /usr/bin/python3 -c 'import pdfminer' 2>/dev/null && fc-list "Noto Serif CJK SC" | grep -q .; then
  if /usr/bin/python3 -c 'import sys; from pdfminer.high_level import extract_text; sys.exit(0 if "社区图书馆的借阅量连续下降" in extract_text(sys.argv[1]).replace(" ", "") else 1)' "$tmp/zh-library.pdf"
  then ok; else ko "pdfminer reads the CJK text"; fi
else
  echo "pdf: skipped the pdfminer read-back (python3-pdfminer or fonts-noto-cjk is not installed)"
fi
# --sans: sans-serif with sans-serif (Noto Sans, Noto Sans CJK) where installed.
if fc-list "Noto Sans CJK SC" | grep -q . && fc-list "Noto Sans" | grep -q .; then
  if ./folio tests/samples/zh-library.txt --sans -o "$tmp/sans-zh.pdf" &&
     pdffonts "$tmp/sans-zh.pdf" | grep -q "NotoSansCJKsc" && pdffonts "$tmp/sans-zh.pdf" | grep -q "NotoSans-Regular" &&
     ! pdffonts "$tmp/sans-zh.pdf" | grep -q "Serif"; then ok; else ko "--sans"; fi
else
  echo "pdf: skipped the --sans check (Noto Sans or Noto Sans CJK is not installed)"
fi
# Kerning: pairs the face kerns ("AV", "To", "Wa") are moved in the run's TJ
# array, as the layout measured them; the text reads back whole.
printf 'AVATAR: Tomorrow\342\200\231s Wave, Today\n\nYesterday, Yvonne and Tony wrote: \342\200\234We\342\200\231ll LAVA-proof the VAT.\342\200\235 WAVE after WAVE of TV crews arrived on Tuesday.\n\nA second paragraph of ordinary prose follows here, to make the page look like an article.\n' > "$tmp/kern.txt"
if ./folio "$tmp/kern.txt" -o "$tmp/kern.pdf" && qpdf --qdf --object-streams=disable "$tmp/kern.pdf" "$tmp/kern-q.pdf" &&
   grep -aq '> [0-9.]* <.*\] TJ' "$tmp/kern-q.pdf" &&
   pdftotext "$tmp/kern.pdf" - | grep -q "AVATAR: Tomorrow’s Wave, Today" &&
   pdftotext "$tmp/kern.pdf" - | grep -q "LAVA-proof the VAT"; then ok; else ko "kerning"; fi
# No widow and no orphan: a paragraph split by a page break leaves two lines
# or more on each page, wherever the break falls.
mkdir -p "$tmp/widow"
lone=0
for k in $(seq 24 33); do
  { printf '<html lang="en"><head><title>Tides</title></head><body><article><h1>Tides</h1>\n'
    i=0; while [ $i -lt $k ]; do
      printf '<p>The boats come in at dawn and the quay fills, %d.</p>\n' $i; i=$((i + 1)); done
    printf '<p>START'; i=0; while [ $i -lt 70 ]; do printf ' tide'; i=$((i + 1)); done
    printf ' END.</p><p>The last paragraph of the article.</p></article></body></html>\n'; } > "$tmp/widow/w.html"
  ./folio "$tmp/widow/w.html" -o "$tmp/widow/w.pdf" 2>/dev/null || { lone=99; break; }
  n=1; while pdftotext -f $n -l $n "$tmp/widow/w.pdf" - 2>/dev/null | grep -q .; do
    [ "$(pdftotext -f $n -l $n "$tmp/widow/w.pdf" - | grep -cE 'START|tide|END')" = 1 ] && lone=$((lone + 1))
    n=$((n + 1)); done
done
[ "$lone" = 0 ] && ok || ko "a paragraph left one line alone on a page ($lone of 10 page breaks)"
# A character neither the text nor the CJK face has (U+22C5, U+2603, and
# U+1F600 beyond the BMP) is drawn from an installed face that has it (DejaVu
# Sans), not replaced, and reads back.
printf '港口的冬天\n\n渔船走后，码头有了新生意 a\342\213\205b \342\230\203 \360\237\230\200 和一杯茶。\n' > "$tmp/fallback.txt"
if ./folio "$tmp/fallback.txt" -o "$tmp/fallback.pdf" 2> "$tmp/fallback.err" && [ ! -s "$tmp/fallback.err" ] &&
   pdftotext "$tmp/fallback.pdf" - | grep -q "a⋅b ☃ 😀 和" && [ "$(pdffonts "$tmp/fallback.pdf" | grep -c yes)" = 3 ]; then
  ok; else ko "fallback face"; cat "$tmp/fallback.err"; fi
# A font that does not exist: one clear line, exit 1, no output file.
if ! ./folio tests/samples/zh-library.txt --cjk-font "No Such Font" -o "$tmp/nofont.pdf" 2> "$tmp/nofont.err" &&
   grep -q "no font for Chinese text found for No Such Font" "$tmp/nofont.err" &&
   [ "$(wc -l < "$tmp/nofont.err")" = 1 ] && [ ! -e "$tmp/nofont.pdf" ]; then ok; else ko "missing font error"; cat "$tmp/nofont.err"; fi
# The document's language and its title in the viewer's title bar.
qpdf --qdf --object-streams=disable "$tmp/zh-library.pdf" "$tmp/zh-q.pdf" 2>/dev/null
if grep -aq '/Lang (zh-Hans)' "$tmp/zh-q.pdf" && grep -aq '/DisplayDocTitle true' "$tmp/zh-q.pdf"; then ok; else ko "/Lang and DisplayDocTitle"; fi
# A summary the site cut short, said in full by the lead paragraph: the brief
# prints the lead once (no summary box repeating it) and keeps it as Subject.
./folio tests/samples/zh-lead.txt -o "$tmp/lead.pdf"
if [ "$(pdftotext "$tmp/lead.pdf" - | tr -d ' \n' | grep -o '反而留住了读者' | wc -l)" = 1 ] &&
   pdfinfo "$tmp/lead.pdf" | grep -q '^Subject: *在不少老城区'; then ok; else ko "summary printed twice"; fi
echo "pdf: $pass passed, $fail failed"
[ "$fail" = 0 ]

#!/bin/sh
# EPUB checks with real tools: epubcheck (0 fatals, 0 errors, 0 warnings, also
# with --vertical), pandoc reading every paragraph back in order, the table of
# contents equal to the headings, and byte-identical output on a second run.
# Inputs: the samples, the golden inputs, and ../shared/corpus when present.
. "$(dirname "$0")/common.sh"
epubcheck() {
  out=$(java -jar /usr/bin/epubcheck "$1" 2>&1)
  case "$out" in
    *"0 fatals / 0 errors / 0 warnings"*) return 0 ;;
    *"No errors or warnings detected"*) return 0 ;;
  esac
  echo "$out" | grep -E "^(FATAL|ERROR|WARNING)" | head -5
  return 1
}
for input in $inputs; do
  name=$(basename "$input" .txt)
  ok=1
  ./folio "$input" -o "$tmp/$name.epub" && ./folio "$input" -o "$tmp/$name.again.epub" || ok=0
  ./folio "$input" -t json -o "$tmp/$name.json" || ok=0
  [ $ok = 1 ] && { cmp -s "$tmp/$name.epub" "$tmp/$name.again.epub" || { echo "$name: two runs differ"; ok=0; }; }
  [ $ok = 1 ] && { epubcheck "$tmp/$name.epub" || { echo "$name: epubcheck"; ok=0; }; }
  [ $ok = 1 ] && { python3 tests/check_epub.py "$tmp/$name.json" "$tmp/$name.epub" || ok=0; }
  case "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["meta"]["lang"])' "$tmp/$name.json")" in
    zh|ja)
      ./folio "$input" --vertical -o "$tmp/$name.v.epub" || ok=0
      [ $ok = 1 ] && { epubcheck "$tmp/$name.v.epub" || { echo "$name: epubcheck --vertical"; ok=0; }; }
      [ $ok = 1 ] && { unzip -p "$tmp/$name.v.epub" OEBPS/content.opf | grep -q 'page-progression-direction="rtl"' ||
                       { echo "$name: --vertical without rtl spine"; ok=0; }; } ;;
  esac
  if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL epub $name"; fi
done
# SOURCE_DATE_EPOCH sets the timestamps
SOURCE_DATE_EPOCH=1700000000 ./folio tests/samples/en-harbour.txt -o "$tmp/sde.epub"
if unzip -p "$tmp/sde.epub" OEBPS/content.opf | grep -q '2023-11-14T22:13:20Z' &&
   unzip -l "$tmp/sde.epub" | grep -q '2023-11-14 22:13'; then pass=$((pass + 1)); else
  echo "FAIL epub SOURCE_DATE_EPOCH not used"; fail=$((fail + 1)); fi
echo "epub: $pass passed, $fail failed"
[ "$fail" = 0 ]

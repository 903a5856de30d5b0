#!/bin/sh
# --smart: typographic punctuation in the writers' output.  The outlines of
# tests/smart/*.txt must equal the expected files beside them (curled English,
# the same with --no-smart, Chinese left alone); code stays as typed in the
# EPUB; the JSON keeps the text as read; --smart curls Chinese text too;
# ASCII punctuation beside Chinese letters takes its full-width form (not
# with --no-cjk-punct).
# UPDATE=1 rewrites the expected files.
. "$(dirname "$0")/lib.sh"
for case in "en:" "en-nosmart:--no-smart" "zh:"; do
  name=${case%%:*}; opt=${case#*:}
  input=tests/smart/${name%-nosmart}.txt
  ./folio "$input" -t outline-md $opt > "$tmp/$name.md"
  if [ "${UPDATE:-0}" = 1 ]; then cp "$tmp/$name.md" "tests/smart/$name.md"; fi
  check "$name outline" sh -c "diff -u 'tests/smart/$name.md' '$tmp/$name.md'"
done
./folio tests/smart/en.txt -o "$tmp/en.epub"
unzip -p "$tmp/en.epub" OEBPS/text_001.xhtml > "$tmp/en.xhtml"
check "prose curled in the EPUB" grep -q '“it’s been a long winter” – and the boats… came back in the ’90s —' "$tmp/en.xhtml"
check "code as typed in the EPUB" grep -q 'printf(&quot;don'"'"'t -- curl...' "$tmp/en.xhtml"
check "a web address as typed" grep -q "https://example.com/it's-here" "$tmp/en.xhtml"
./folio tests/smart/en.txt -t json > "$tmp/en.json"
check "JSON keeps the text as read" sh -c "grep -q '\"it'\"'\"'s been a long winter\\\\\\\" -- and' '$tmp/en.json' && ! grep -q '“' '$tmp/en.json'"
./folio tests/smart/zh.txt -t outline-md --outline-depth 3 > "$tmp/zh-all.md"
check "full-width punctuation beside CJK letters, not in numbers" sh -c "grep -q '价格为1,000元，时间10:30。' '$tmp/zh-all.md' && grep -q '美国（包括日本）的立场，在这一点上很明确：不变。' '$tmp/zh-all.md'"
./folio tests/smart/zh.txt -t outline-md --outline-depth 3 --no-cjk-punct > "$tmp/zh-ascii.md"
check "--no-cjk-punct keeps them" grep -q '美国(包括日本)的立场,在这一点上很明确:不变' "$tmp/zh-ascii.md"
./folio tests/smart/zh.txt -t outline-md --smart > "$tmp/zh-smart.md"
check "--smart curls Chinese text too" grep -q '“小港”' "$tmp/zh-smart.md"
# a digest typesets each article by its own language: English curled, Chinese full-width
./folio tests/smart/en.txt tests/smart/zh.txt -t outline-md --outline-depth 3 > "$tmp/mixed.md"
check "a digest typesets each article in its language" sh -c "grep -q '“it’s been a long winter”' '$tmp/mixed.md' && grep -q '价格为1,000元，时间10:30。' '$tmp/mixed.md'"
echo "smart: $pass passed, $fail failed"
[ "$fail" = 0 ]

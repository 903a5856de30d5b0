#!/bin/sh
# Outline checks: width, headings, key sentences, no boilerplate, and pandoc
# reading the Markdown and OPML forms back.  The reference article 00.txt must
# give exactly six numbered sections.
. "$(dirname "$0")/common.sh"
for input in $inputs; do
  name=$(basename "$input" .txt)
  extra=""
  [ "$input" = "$corpus/00.txt" ] && extra="--sections 6"
  if ./folio "$input" -t json -o "$tmp/$name.json" && ./folio "$input" -t outline -o "$tmp/$name.txt" &&
     ./folio "$input" -o "$tmp/$name.md" && ./folio "$input" -o "$tmp/$name.opml" &&
     python3 tests/check_outline.py "$tmp/$name.json" "$tmp/$name.txt" "$tmp/$name.md" "$tmp/$name.opml" $extra; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL outline $name"
  fi
done
echo "outline: $pass passed, $fail failed"
[ "$fail" = 0 ]

#!/bin/sh
# valgrind --leak-check=full over every conversion of the samples and the
# corpus: no error, no leak (fontconfig's own start-up leak is suppressed).
. "$(dirname "$0")/common.sh"
inputs="tests/samples/*.txt"
[ -d "$corpus" ] && inputs="$inputs $corpus/*.txt"
for input in $inputs; do
  for fmt in json epub pdf outline outline-md opml; do
    if valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=9 \
         --suppressions=tests/valgrind.supp ./folio "$input" -t "$fmt" -o "$tmp/out" 2> "$tmp/log"; then
      pass=$((pass + 1))
    else
      fail=$((fail + 1)); echo "FAIL valgrind $(basename "$input") $fmt"; head -20 "$tmp/log"
    fi
  done
done
echo "valgrind: $pass passed, $fail failed"
[ "$fail" = 0 ]

#!/bin/sh
# The reader against the public corpora of real scraped pages (../shared:
# corpus, corpus-silver, corpus-cjk; not part of the project).  Every page
# must pass the JSON contract check, and each set's figures, read from the
# text and from the HTML pages (--html), must stay above the floors in tests/corpus-floor.txt (the measured figure less a margin).
set -u
cd "$(dirname "$0")/.."
shared=${FOLIO_SHARED:-../shared}
scorer=$shared/tools/score-structure
if [ ! -x "$scorer" ]; then
  echo "corpus: skipped ($scorer not found; a fresh clone has no ../shared)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 pass=0
for set in corpus corpus-silver corpus-cjk; do
  dir=$shared/$set
  [ -d "$dir" ] || { echo "corpus: $set skipped ($dir not found)"; continue; }
  for input in "$dir"/*.txt; do
    name=$(basename "$input" .txt)
    if ./folio -t json "$input" -o "$tmp/$name.json" && python3 tests/check_json.py "$input" "$tmp/$name.json"; then
      pass=$((pass + 1))
    else
      echo "FAIL corpus $set/$name: contract"; fail=$((fail + 1))
    fi
  done
  # the pages' text, then their HTML (NN.html: the page the text was copied from)
  for how in text html; do
  label=$set
  [ "$how" = html ] && label=html:$set
  "$scorer" --folio ./folio --corpus "$dir" --json $([ "$how" = html ] && echo --html) > "$tmp/score" ||
    { echo "FAIL: scorer did not run on $label"; fail=$((fail + 1)); continue; }
  echo "$label: $(tail -n 1 "$tmp/score")"
  if python3 - "$tmp/score" tests/corpus-floor.txt "$label" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
got = json.loads(lines[-2])
bad = 0
for line in open(sys.argv[2]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, key, op, value = line.split()
    if name != sys.argv[3]:
        continue
    value = float(value)
    ok = got[key] >= value - 1e-9 if op == ">=" else got[key] <= value + 1e-9
    if not ok:
        print("FAIL corpus %s figure %s = %.4f, floor %s %s" % (name, key, got[key], op, value))
        bad += 1
sys.exit(1 if bad else 0)
PY
  then pass=$((pass + 1)); else fail=$((fail + 1)); fi
  done
done
# The metadata of two hand-labelled pages, as their labels give it: the
# reference article (author from the note about the author, translator from
# the credit lines) and a blog post whose byline is split over two lines.
if [ -f "$shared/corpus/00.txt" ] && [ -f "$shared/corpus/07.txt" ]; then
  ./folio -t json "$shared/corpus/00.txt" -o "$tmp/meta00.json" && ./folio -t json "$shared/corpus/07.txt" -o "$tmp/meta07.json"
  if python3 - "$tmp/meta00.json" "$tmp/meta07.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["meta"]
b = json.load(open(sys.argv[2]))["meta"]
want = [(a["date"], "2025-05-31"), (a["authors"], ["伊利·拉特纳"]), (a["source"], "IPP评论"),
        ({"name": "张乐词", "role": "trl"} in a["contributors"], True),
        (b["authors"], ["Courtney Kirchoff"]), (b["title"], "On Behalf of “Literally”"),
        ({r["reason"] for r in json.load(open(sys.argv[2]))["removed"] if r["text"] == "Courtney Kirchoff"},
         {"metadata"})]
bad = [w for w in want if w[0] != w[1]]
for got, exp in bad:
    print("FAIL corpus metadata: %r, want %r" % (got, exp))
sys.exit(1 if bad else 0)
PY
  then pass=$((pass + 1)); else fail=$((fail + 1)); fi
fi
# No row of the vocabulary names a string found on a single page of the
# corpora (a word written for one page): tests/test_vocab counts them.
if tests/test_vocab "$shared/corpus" "$shared/corpus-silver" "$shared/corpus-cjk" > "$tmp/vocab"; then
  pass=$((pass + 1)); tail -n 1 "$tmp/vocab"
else
  cat "$tmp/vocab"; echo "FAIL corpus: vocabulary rows found on one page only"; fail=$((fail + 1))
fi
echo "corpus: $pass passed, $fail failed"
[ "$fail" = 0 ]

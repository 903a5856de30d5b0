#!/bin/sh
# The reader against real scraped articles (../shared/corpus, not part of the
# project).  Fails when a figure drops below the floor recorded in
# tests/corpus-floor.txt: a ratchet, raise the floor when the reader improves.
# Every corpus article must also pass the JSON contract check.
set -u
cd "$(dirname "$0")/.."
corpus=${FOLIO_CORPUS:-../shared/corpus}
scorer=${FOLIO_SCORER:-../shared/tools/score-structure}
if [ ! -d "$corpus" ] || [ ! -x "$scorer" ]; then
  echo "corpus: skipped ($corpus or $scorer not found; a fresh clone has no ../shared)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 pass=0
for input in "$corpus"/*.txt; do
  name=$(basename "$input" .txt)
  if ./folio -t json "$input" -o "$tmp/$name.json" && python3 tests/check_json.py "$input" "$tmp/$name.json"; then
    pass=$((pass + 1))
  else
    echo "FAIL corpus $name: contract"; fail=$((fail + 1))
  fi
done
"$scorer" --folio ./folio --corpus "$corpus" --json > "$tmp/score" || { echo "FAIL: scorer did not run"; exit 1; }
tail -n 1 "$tmp/score"
python3 - "$tmp/score" tests/corpus-floor.txt <<'PY' || fail=$((fail + 1))
import json, sys
lines = open(sys.argv[1]).read().splitlines()
got = json.loads(lines[-2])
bad = 0
for line in open(sys.argv[2]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    key, op, value = line.split()
    value = float(value)
    ok = got[key] >= value - 1e-9 if op == ">=" else got[key] <= value + 1e-9
    if not ok:
        print("FAIL corpus figure %s = %.4f, floor %s %s" % (key, got[key], op, value))
        bad += 1
sys.exit(1 if bad else 0)
PY
[ "$fail" = 0 ] && pass=$((pass + 1))
echo "corpus: $pass passed, $fail failed"
[ "$fail" = 0 ]

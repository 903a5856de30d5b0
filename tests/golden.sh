#!/bin/sh
# Golden tests: every tests/samples/*.txt and tests/golden/*.txt is converted
# to JSON and compared with tests/golden/NAME.json; each output must also
# keep every input line (check_json.py).  UPDATE=1 rewrites the expected
# files after a deliberate change (review the diff before committing).
set -u
cd "$(dirname "$0")/.."
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for input in tests/samples/*.txt tests/golden/*.txt; do
  name=$(basename "$input" .txt)
  expected=tests/golden/$name.json
  got=$tmp/$name.json
  if ! ./folio -t json "$input" -o "$got"; then
    echo "FAIL $name: folio exited non-zero"; fail=$((fail + 1)); continue
  fi
  if ! python3 tests/check_json.py "$input" "$got"; then
    echo "FAIL $name: contract check"; fail=$((fail + 1)); continue
  fi
  if [ "${UPDATE:-0}" = 1 ]; then
    cp "$got" "$expected"; echo "updated $expected"; pass=$((pass + 1)); continue
  fi
  if [ ! -f "$expected" ]; then
    echo "FAIL $name: no $expected (run UPDATE=1 sh tests/golden.sh)"; fail=$((fail + 1)); continue
  fi
  if diff -u "$expected" "$got" > "$tmp/diff"; then
    pass=$((pass + 1))
  else
    echo "FAIL $name: output differs from $expected"; head -40 "$tmp/diff"; fail=$((fail + 1))
  fi
done
echo "golden: $pass passed, $fail failed"
[ "$fail" = 0 ]

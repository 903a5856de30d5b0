#!/bin/sh
# Hostile shapes of input through every format: each conversion must end
# (exit 0, or 1 with one line of error) within 120 s, never crash.  Inputs:
# tests/regressions/ and generated ones (a 5 MB line without a break, 300,000
# one-character lines, a 20,000-item list, 5,000 headings in a row, a 2 MB
# word, deep U+3000 indents, 180,000 heads that open alike).
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import random, sys
d = sys.argv[1]
r = random.Random(7)
w = ["harbour", "boat", "quay", "the", "of", "ferry", "repair", "港口", "渡轮", "修理。"]
open(d + "/one-line.txt", "w").write(" ".join(r.choice(w) for _ in range(700000)))
open(d + "/one-char-lines.txt", "w").write("\n".join(r.choice("ab中文,。") for _ in range(300000)))
open(d + "/long-list.txt", "w").write("A List\n\n2024-01-01\n\n" + "\n".join("- item %d of a long list" % i for i in range(20000)))
open(d + "/headings.txt", "w").write("Headings\n\n" + "\n\n".join("Section %d" % i for i in range(5000)))
open(d + "/huge-word.txt", "w").write("A Title\n\n" + "x" * 2000000 + "\n")
open(d + "/indents.txt", "w").write("Indents\n\n" + "\n\n".join("\u3000" * 500 + "段落。" * 50 for _ in range(200)))
# 180,000 short heads that open alike, between paragraphs (10 MB): the search for
# headlines said inside longer lines once walked every unit of one prefix (27 s for 3 MB)
p = "This is a sentence of prose that goes on for a while, as paragraphs do in articles of every kind."
open(d + "/alike-heads.txt", "w").write("A Title\n\n" + "".join(
    "Section Head %d Alpha\nSection Head %d Beta\nSection Head %d Gamma\n\n%s\n\n" % (g, g, g, p) for g in range(60000)))
PY
pass=0 fail=0
for input in tests/regressions/*.txt "$tmp"/*.txt; do
  for fmt in json outline opml epub pdf; do
    timeout 120 ./folio "$input" -t "$fmt" -o "$tmp/out.$fmt" 2> "$tmp/err"
    rc=$?
    if [ $rc -le 1 ] && [ "$(wc -l < "$tmp/err")" -le 1 ]; then
      pass=$((pass + 1))
    else
      fail=$((fail + 1)); echo "FAIL pathological $(basename "$input") $fmt: exit $rc"; head -3 "$tmp/err"
    fi
  done
done
echo "pathological: $pass passed, $fail failed"
[ "$fail" = 0 ]

#!/bin/sh
# The committed weight table (reader/weights.c) is what `make train` makes
# from the public corpora: fitting again must give the same bytes.
set -u
cd "$(dirname "$0")/.."
shared=${FOLIO_SHARED:-../shared}
py=/usr/bin/python3
if [ ! -d "$shared/corpus" ]; then
  echo "train: skipped ($shared/corpus not found; a fresh clone has no ../shared)"; exit 0
fi
if ! $py -c 'import sklearn' 2>/dev/null; then
  echo "train: skipped (python3-sklearn not installed; make deps installs it)"; exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
$py reader/train.py --shared "$shared" --out "$tmp/weights.c" > /dev/null || { echo "FAIL train: reader/train.py failed"; exit 1; }
if cmp -s "$tmp/weights.c" reader/weights.c; then
  echo "train: 1 passed, 0 failed (reader/weights.c is what make train gives)"
else
  echo "FAIL train: reader/weights.c differs from what make train gives (run make train and commit it)"
  diff "$tmp/weights.c" reader/weights.c | head -5
  exit 1
fi

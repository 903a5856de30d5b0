#!/bin/sh
# Build the libFuzzer harnesses with clang (ASan + UBSan) and run each for
# FUZZ_SECONDS (default 600), two at a time.  Seeds: the project's samples
# and ../shared/corpus.  Crashes land in tests/fuzz/crashes/; add each one
# to tests/regressions/ (make check converts those to every format).
set -u
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-600}
jobs=${FUZZ_JOBS:-2}
out=tests/fuzz/build
mkdir -p "$out" tests/fuzz/crashes
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -std=c11 -D_GNU_SOURCE"
pkgs=$(make -s print-pkgs)
cflags=$(pkg-config --cflags $pkgs)
libs="$(pkg-config --libs $pkgs) -lhpdf -lhyphen -ljpeg -lpthread -lm"
src=$(make -s print-lib-src)
for h in reader writers epub pdf; do
  echo "building fuzz_$h"
  clang $flags $cflags -o "$out/fuzz_$h" tests/fuzz/fuzz_$h.c $src $libs || exit 1
done
seeds="$out/seeds"
mkdir -p "$seeds"
cp tests/samples/*.txt tests/golden/*.txt tests/encoding/*.txt "$seeds"/ 2>/dev/null
[ -d ../shared/corpus ] && for f in ../shared/corpus/*.txt; do cp "$f" "$seeds/corpus-$(basename "$f")"; done
[ -d tests/regressions ] && cp tests/regressions/* "$seeds"/ 2>/dev/null
export LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0
run() {
  h=$1
  mkdir -p "$out/corpus_$h"
  "$out/fuzz_$h" "$out/corpus_$h" "$seeds" -max_total_time="$secs" -max_len=65536 -timeout=30 \
      -rss_limit_mb=4096 -artifact_prefix=tests/fuzz/crashes/$h- -print_final_stats=1 \
      > "$out/fuzz_$h.log" 2>&1
  echo "fuzz_$h: exit $? $(grep -E '^#[0-9]+.*(DONE|cov)' "$out/fuzz_$h.log" | tail -1)"
}
set -- reader writers epub pdf
while [ $# -gt 0 ]; do
  run "$1" &
  [ $# -gt 1 ] && { shift; run "$1" & }
  wait
  shift
done
ls tests/fuzz/crashes/ 2>/dev/null | head

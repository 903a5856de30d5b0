#!/bin/sh
# Build the libFuzzer harnesses with clang (ASan + UBSan) and run each for
# FUZZ_SECONDS (default 600), two at a time.  Seeds: the project's samples
# and ../shared/corpus.  Crashes land in tests/fuzz/crashes/; add each one
# to tests/regressions/ (make check converts those to every format).
set -u
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-600}
jobs=${FUZZ_JOBS:-2}
out="$(pwd)/tests/fuzz/build"   # absolute: the command harness changes folder
mkdir -p "$out" tests/fuzz/crashes
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -std=c11 -D_GNU_SOURCE"
pkgs=$(make -s print-pkgs)
cflags=$(pkg-config --cflags $pkgs)
libs="$(pkg-config --libs $pkgs) -lhpdf -lhyphen -ljpeg -lpthread -lm"
src=$(make -s print-lib-src)
for h in reader html writers epub pdf font; do
  echo "building fuzz_$h"
  clang $flags $cflags -o "$out/fuzz_$h" tests/fuzz/fuzz_$h.c $src $libs || exit 1
done
# the command itself: its sources with main renamed and exit() jumping back
echo "building fuzz_cli"
clang $flags $cflags -Dmain=folio_cli_main -Dexit=fuzz_exit -Icli -o "$out/fuzz_cli" tests/fuzz/fuzz_cli.c \
  $(make -s print-cli-obj | sed 's/\.o/.c/g') $src $libs || exit 1
seeds="$out/seeds"
mkdir -p "$seeds"
cp tests/samples/*.txt tests/golden/*.txt tests/encoding/*.txt "$seeds"/ 2>/dev/null
[ -d ../shared/corpus ] && for f in ../shared/corpus/*.txt; do cp "$f" "$seeds/corpus-$(basename "$f")"; done
[ -d tests/regressions ] && cp tests/regressions/* "$seeds"/ 2>/dev/null
# seeds of the web-page harness: the pages of tests/html and the corpora's own
mkdir -p "$out/seeds_html"
cp tests/html/*.html "$out/seeds_html"/
for d in ../shared/corpus ../shared/corpus-cjk; do
  [ -d "$d" ] && for f in "$d"/*.html; do cp "$f" "$out/seeds_html/$(basename "$d")-$(basename "$f")"; done
done
# seeds of the font harness: real TrueType fonts; of the command: argument lists
mkdir -p "$out/seeds_font" "$out/seeds_cli"
cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf "$out/seeds_font"/
i=0
for args in "a.txt -t json" "a.txt -o x.epub --cover c.png" "b.txt -t pdf -o x.pdf --font f.ttf --paper a5" \
            "a.txt b.txt -o d.epub --title T" "a.txt -t outline --outline-depth 3 --width 40" "a.txt --explain" \
            "- -t json" "a.txt -t opml --smart --lang ja" "b.txt -o y.md --no-smart --date 2024-05-01" \
            "a.txt -o a.txt" "a.txt -t pdf --cjk-font f.ttf -o z.pdf" "a.txt --encoding GB18030 -t json --strict"; do
  i=$((i + 1)); printf '%s' "$args" | tr ' ' '\n' > "$out/seeds_cli/$i"
done
export LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0
run() {
  h=$1
  mkdir -p "$out/corpus_$h"
  s=$seeds extra=""
  case $h in
    font) s=$out/seeds_font extra="-max_len=1048576" ;;
    cli) s=$out/seeds_cli extra="-close_fd_mask=2" ;;
    html) s=$out/seeds_html extra="-dict=$(pwd)/tests/fuzz/html.dict" ;;
  esac
  "$out/fuzz_$h" "$out/corpus_$h" "$s" -max_total_time="$secs" -max_len=65536 -timeout=30 \
      -rss_limit_mb=4096 -artifact_prefix="$(pwd)/tests/fuzz/crashes/$h-" -print_final_stats=1 $extra \
      > "$out/fuzz_$h.log" 2>&1
  echo "fuzz_$h: exit $? $(grep -E '^#[0-9]+.*(DONE|cov)' "$out/fuzz_$h.log" | tail -1)"
}
set -- reader html writers epub pdf font cli
while [ $# -gt 0 ]; do
  run "$1" &
  [ $# -gt 1 ] && { shift; run "$1" & }
  wait
  shift
done
ls tests/fuzz/crashes/ 2>/dev/null | head

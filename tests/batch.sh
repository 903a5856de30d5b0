#!/bin/sh
# Batch mode: every input to every format in OUTDIR, a failing file does not
# stop the rest (exit 1, one summary line), quiet on success with -q, and the
# same bytes whatever the number of jobs (so batches can be split anywhere).
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL batch: $1"; fi; }
inputs="tests/samples/*.txt tests/golden/*.txt"
n=$(ls $inputs | wc -l)
./folio -q -j 1 -d "$tmp/a" -t epub,pdf,outline,json $inputs > "$tmp/out1" 2> "$tmp/err1"
check "exit 0" "[ $? = 0 ]"
check "quiet on success" "[ ! -s '$tmp/err1' ] && [ ! -s '$tmp/out1' ]"
check "every output" "[ \$(ls '$tmp/a' | wc -l) = $((n * 4)) ]"
./folio -q -j 3 -d "$tmp/b" -t epub,pdf,outline,json $inputs
check "same bytes with -j 3" "diff -r '$tmp/a' '$tmp/b' > /dev/null"
SOURCE_DATE_EPOCH=1700000000 ./folio -q -d "$tmp/c" -t epub tests/samples/en-harbour.txt
SOURCE_DATE_EPOCH=1700000000 ./folio -q -d "$tmp/d" -t epub tests/samples/en-harbour.txt
check "SOURCE_DATE_EPOCH reproducible" "cmp -s '$tmp/c/en-harbour.epub' '$tmp/d/en-harbour.epub'"
printf '\211PNG\r\n\032\n' > "$tmp/bad.txt"
./folio -d "$tmp/e" -t outline tests/samples/zh-library.txt "$tmp/bad.txt" nope.txt tests/samples/en-harbour.txt 2> "$tmp/err2"
check "exit 1 when one failed" "[ $? = 1 ]"
check "the others done" "[ -s '$tmp/e/zh-library.txt' ] && [ -s '$tmp/e/en-harbour.txt' ]"
check "errors and summary" "grep -q 'not text (a PNG image)' '$tmp/err2' && grep -q 'nope.txt: No such file' '$tmp/err2' && grep -q '^folio: 4 files, 1 format, 2 failed' '$tmp/err2'"
./folio -d "$tmp/f" tests/samples/en-harbour.txt 2> "$tmp/err3"
check "-d without -t is a usage error" "[ $? = 2 ] && grep -q 'needs -t' '$tmp/err3'"
./folio -t json tests/samples/en-harbour.txt tests/samples/zh-library.txt > "$tmp/digest.json" 2> "$tmp/err4"
check "two inputs without -d make one document (tests/digest.sh)" "[ $? = 0 ] && [ ! -s '$tmp/err4' ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if sum(b[\"type\"] == \"heading\" and b[\"level\"] == 1 for b in d[\"blocks\"]) == 2 else 1)' '$tmp/digest.json'"
# EPUB entries and PDF pages are deflated on worker threads; where no thread
# can be made they are deflated in line, and the bytes must not change.
# (Skipped under ASan, whose runtime must come first in the library list.)
if ldd ./folio | grep -q libasan; then
    echo "batch: no-thread check skipped under ASan"
elif printf '#include <errno.h>\n#include <pthread.h>\nint pthread_create(pthread_t *t, const pthread_attr_t *a, void *(*f)(void *), void *p)\n{ (void)t; (void)a; (void)f; (void)p; return EAGAIN; }\n' > "$tmp/nothreads.c" &&
     ${CC:-cc} -shared -fPIC -o "$tmp/nothreads.so" "$tmp/nothreads.c"; then
    # many pages, many chapters (a file is one page, and a page ends at its
    # comment thread: the pages with one are left out)
    cat $(grep -L -i -E 'comment|评论' $inputs) > "$tmp/all.txt"
    ./folio -q -d "$tmp/h" -t epub,pdf "$tmp/all.txt"
    LD_PRELOAD="$tmp/nothreads.so" ./folio -q -d "$tmp/g" -t epub,pdf "$tmp/all.txt"
    check "several pages" "pdfinfo '$tmp/h/all.pdf' | grep -Eq '^Pages: +([3-9]|[1-9][0-9])'"
    check "same EPUB without threads" "cmp -s '$tmp/h/all.epub' '$tmp/g/all.epub'"
    check "same PDF without threads" "cmp -s '$tmp/h/all.pdf' '$tmp/g/all.pdf'"
fi
echo "batch: $pass passed, $fail failed"
[ "$fail" = 0 ]

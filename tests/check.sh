#!/bin/sh
# make check's runner: every suite in turn (a failing suite does not hide the
# others), then a summary that counts what ran and says what was skipped and
# why, so that a green last line never hides skipped checks.
#   tests/check.sh SUITE...   (make targets; bg:SUITE runs beside the others
#                              from the start: a long suite that waits on
#                              one program, such as fitting the weights)
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=""
suites=""
for t in "$@"; do
  case $t in
    bg:*) t=${t#bg:}; (make -s "$t" > "$tmp/$t" 2>&1; echo $? > "$tmp/$t.rc") & ;;
  esac
  suites="$suites $t"
done
for t in "$@"; do
  case $t in bg:*) continue ;; esac
  make -s "$t" > "$tmp/$t" 2>&1 || failed="$failed $t"
  cat "$tmp/$t"
done
wait
for t in "$@"; do
  case $t in bg:*) t=${t#bg:} ;; *) continue ;; esac
  [ "$(cat "$tmp/$t.rc" 2>/dev/null)" = 0 ] || failed="$failed $t"
  cat "$tmp/$t"
  rm -f "$tmp/$t.rc"
done
set -- $suites
echo
echo "make check summary"
total=0
for t in "$@"; do
  # suites end with "NAME: N passed, M failed"; cmocka says "[  PASSED  ] N test(s)."
  n=$(sed -n 's/.*: \([0-9][0-9]*\) passed, [0-9][0-9]* failed.*/\1/p; s/.*PASSED  \] \([0-9][0-9]*\) test.*/\1/p' "$tmp/$t" |
      awk '{ s += $1 } END { print s + 0 }')
  total=$((total + n))
  case " $failed " in *" $t "*) state="FAILED" ;; *) state="ok" ;; esac
  printf '  %-14s %-7s %4d checks\n' "$t" "$state" "$n"
  grep -i 'skipped' "$tmp/$t" | sed 's/^/                 skipped: /'
done
skips=$(cat "$tmp"/* | grep -ci 'skipped')
if [ -n "$failed" ]; then
  echo "make check: FAILED:$failed ($total checks passed elsewhere)"
  exit 1
fi
if [ "$skips" -gt 0 ]; then
  echo "make check: all $total checks passed; $skips skipped (listed above)"
else
  echo "make check: all $total checks passed, none skipped"
fi

# lib.sh - sourced by the test scripts: run from the project root, a
# temporary folder removed at exit, the pass/fail counters, and
#   check NAME COMMAND...   counts the check, prints "FAIL SUITE: NAME" if the command fails
# (SUITE is the script's name).
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
suite=$(basename "$0" .sh)
check() {
  name=$1; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL $suite: $name"; fail=$((fail + 1)); fi
}

# common.sh - sourced by the test scripts: run from the project root, with a
# temporary folder removed at exit, counters, and the inputs every format is
# checked on (the samples, the golden inputs, and ../shared/corpus when it is
# there; a fresh clone has no ../shared and says so).
. "$(dirname "$0")/lib.sh"
corpus=${FOLIO_CORPUS:-../shared/corpus}
inputs="tests/samples/*.txt tests/golden/*.txt"
if [ -d "$corpus" ]; then
  inputs="$inputs $corpus/*.txt"
else
  echo "$(basename "$0" .sh): ../shared/corpus not found: the real articles are skipped"
fi

#!/usr/bin/env bash
# Runs src/bench/perf.sh several times, a pause between runs, and says for each of issue 11's targets
# in how many runs it was met, with every run's figure: one run is not enough to call a target met on
# a machine whose speed moves from hour to hour. Each run's whole output is kept in a directory, named
# at the end.
#
# Usage: src/bench/perf-runs.sh [-r RUNS] [-p PAUSE_SECONDS] [PERF_SH_ARGUMENTS...]
# The arguments after the options go to perf.sh as they are (-n, -f, --skip-scale, SHARED_DIR...), and
# so does the environment (COMPOSE_LINT_DIR, PATH with dclint on it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repeats=5
pause=20
while [ $# -gt 0 ]; do
  case "$1" in
    -r) repeats=$2; shift 2 ;;
    -p) pause=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
case "$repeats" in
  ''|*[!0-9]*|0) echo "perf-runs.sh: -r needs a number of runs, 1 or more" >&2; exit 2 ;;
esac
out=$(mktemp -d)
for i in $(seq "$repeats"); do
  [ "$i" = 1 ] || sleep "$pause"
  echo "run $i of $repeats ($(date -u +%H:%M:%S), load average$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/ /'))" >&2
  PERF_VERDICTS="$out/verdicts$i.tsv" "$here/perf.sh" "$@" >"$out/run$i.txt" 2>&1 \
    || { echo "perf-runs.sh: perf.sh failed in run $i (its output: $out/run$i.txt)" >&2; exit 1; }
done
echo "issue 11's targets over $repeats runs of perf.sh $*:"
# Targets in the order perf.sh prints them; for each, the figures run by run and how many runs met it.
for i in $(seq "$repeats"); do cat "$out/verdicts$i.tsv"; done | awk -F '\t' '
  !($1 in seen) { seen[$1] = 1; order[++n] = $1; bound[$1] = $4; unit[$1] = $3 }
  {
    values[$1] = values[$1] (values[$1] == "" ? "" : ", ") $2; met[$1] += $5; runs[$1]++
    bounds[$1] = bounds[$1] (bounds[$1] == "" ? "" : ", ") $4
    if ($4 != bound[$1]) varies[$1] = 1 # a limit the run measured (the median of a peer)
  }
  END {
    for (i = 1; i <= n; i++) {
      t = order[i]
      u = unit[t] == "" ? "" : " " unit[t]
      if (varies[t]) {
        printf "  %-58s met in %d of %d (%s; limits %s)\n", t, met[t], runs[t], values[t] u, bounds[t] u
      } else {
        printf "  %-58s met in %d of %d (%s%s; %s)\n", t, met[t], runs[t], bound[t], u, values[t]
      }
    }
  }'
echo "each run's output: $out"

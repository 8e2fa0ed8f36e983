#!/usr/bin/env bash
# Times two commands against each other as whole processes: runs them in A B B A order (so that neither is
# always the one that starts right after the other ended) with a pause before every run, and prints each
# command's median wall time, CPU time and peak memory, and the median of the pairs' wall and CPU ratios A/B
# with their least and greatest. Run strictly A B A B, back to back, the same memory-heavy command against
# itself came out about a tenth slower as A (src/bench/PERFORMANCE-HISTORY.md, ninth session); in this
# order it comes out at 1.00.
#
# Usage: src/bench/ab.sh [-n PAIRS] [-p PAUSE_SECONDS] 'COMMAND A' 'COMMAND B'
# Each command is one string run by bash -c; its output is thrown away. Needs GNU time (/usr/bin/time).
set -euo pipefail
pairs=10
pause=0.4
while [ $# -gt 0 ]; do
  case "$1" in
    -n) pairs=$2; shift 2 ;;
    -p) pause=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[ $# -eq 2 ] || { echo "usage: src/bench/ab.sh [-n PAIRS] [-p PAUSE_SECONDS] 'COMMAND A' 'COMMAND B'" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "ab.sh: needs GNU time (/usr/bin/time; apt-get install time)" >&2; exit 2; }
a=$1
b=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One timed run of command NAME (A or B): "wall cpu peak-KB" appended to $work/NAME, in run order.
run() {
  sleep "$pause"
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" bash -c "$2" >/dev/null 2>&1 || true
  tail -1 "$work/t" | awk '{ print $1, $2 + $3, $4 }' >>"$work/$1"
}

for i in $(seq "$pairs"); do
  if [ $((i % 2)) = 1 ]; then
    run A "$a"; run B "$b"
  else
    run B "$b"; run A "$a"
  fi
done

# The median, least and greatest of the numbers on standard input, one a line.
stats() {
  sort -g | awk '{ v[NR] = $1 } END {
    printf "median %.3f (min %.3f, max %.3f)", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR] }'
}

echo "$pairs pairs, A B B A order, ${pause} s pause before each run"
for c in A B; do
  cmd=$a
  [ "$c" = B ] && cmd=$b
  echo "$c: $cmd"
  echo "   wall s $(cut -d' ' -f1 "$work/$c" | stats)"
  echo "   cpu s  $(cut -d' ' -f2 "$work/$c" | stats)"
  echo "   peak   $(cut -d' ' -f3 "$work/$c" | sort -n | tail -1 | awk '{ printf "%.1f MB", $1 / 1024 }')"
done
echo "A/B wall $(paste -d' ' "$work/A" "$work/B" | awk '{ print $1 / $4 }' | stats)"
echo "A/B cpu  $(paste -d' ' "$work/A" "$work/B" | awk '{ print ($5 > 0 ? $2 / $5 : 1) }' | stats)"

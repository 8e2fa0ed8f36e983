#!/usr/bin/env bash
# Where a cold process's time goes: runs each workload of perf.sh several times in one JVM (the
# launcher's flags, src/bench/WarmRuns.java) and prints every round. The first round is what a process
# pays; the later rounds are what the code costs once compiled, so the difference is the JIT's warm-up
# (interpreting, compiling) plus first use (class loading and initialisation, some of which the
# launcher's CDS archive saves a real process: these runs do not use it).
#
# Usage: src/bench/warm.sh [-n ROUNDS] [SHARED_DIR]       (ROUNDS default 5; SHARED_DIR default ../shared)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
rounds=5
shared="$repo/../shared"
while [ $# -gt 0 ]; do
  case "$1" in
    -n) rounds=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) shared=$1; shift ;;
  esac
done
. "$repo/src/bench/common.sh"
bench_program warm.sh "$shared" WarmRuns.java
# The launcher's JVM flags, asked of it so the two cannot drift apart (its CDS archive is for its own
# class path, so it is not used here; these runs are big, so they keep both compiler threads).
mapfile -t flags < <(COMPOSEFIX_PRINT_JVM_FLAGS=1 "$repo/composefix")
run() {
  java "${flags[@]}" -cp "$jar:$work/classes" WarmRuns "$rounds" "$@" 2>&1
}

echo "machine: $(nproc) cores; load average now:$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/ /'); $rounds rounds each"
for i in $(seq 0 9); do cp -r "$shared/corpus" "$work/corpus$i"; done
find "$work"/corpus? -type f \( -name '*.yml' -o -name '*.yaml' \) | sort >"$work/files"
echo "lint of $(wc -l <"$work/files") files (ten copies of the corpus):"
run lint "@$work/files"
awk -v n=10000 -f "$repo/src/bench/scale-stack.awk" >"$work/scale10000.yml"
echo "lint of a generated stack of 10,000 services (src/bench/scale-stack.awk):"
run lint "$work/scale10000.yml"
echo "rewrite of the same stack:"
run rewrite "$work/scale10000.yml"

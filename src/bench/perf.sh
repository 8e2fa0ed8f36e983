#!/usr/bin/env bash
# Performance figures for README's "Performance" section, measured as whole processes:
#   1. cold single-file lint and rewrite (./composefix, as the pre-commit hook runs it), against a JVM
#      hello-world and, when installed, the peers dclint and compose-lint, run in turn (A B A B ...);
#   2. throughput: one lint over ten copies of the shared corpus (about 3,000 files), and over one copy,
#      whose difference is the rate once the process has started and the JIT has warmed up;
#   3. scale: lint and rewrite of generated files with 1,000 and 10,000 services.
# Each figure is printed as min / median / max over the runs, with the largest peak resident set size,
# and at the end each of issue 11's targets that this run measured, with whether the run met it.
#
# Usage: src/bench/perf.sh [-n RUNS] [-f COMPOSE_FILE] [--skip-scale] [--skip-throughput] [SHARED_DIR]
# Peers are optional: dclint is timed when `dclint` is on PATH, compose-lint when COMPOSE_LINT_DIR names
# a checkout of tmatens/compose-lint (run with python3 and PyYAML). Needs GNU time (/usr/bin/time).
# Timings are only comparable within one run on one machine: quote medians, and say how busy it was.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
runs=15
file=""
scale=1
throughput=1
shared="$repo/../shared"
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs=$2; shift 2 ;;
    -f) file=$2; shift 2 ;;
    --skip-scale) scale=0; shift ;;
    --skip-throughput) throughput=0; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) shared=$1; shift ;;
  esac
done
[ -x /usr/bin/time ] || { echo "perf.sh: needs GNU time (/usr/bin/time; apt-get install time)" >&2; exit 2; }
file=${file:-$shared/corpus/stefanprodan__dockprom/docker-compose.yml}
[ -f "$file" ] || { echo "perf.sh: no compose file $file (give -f FILE or SHARED_DIR)" >&2; exit 2; }
cf="$repo/composefix"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Builds the jar and its class-data sharing archive first, so no run below pays for either.
"$cf" --version >/dev/null

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), \
$(free -g | awk '/Mem:/{print $2}') GiB; load average now:$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/ /')"
echo "java: $(java -version 2>&1 | head -1)"
echo "file: $file ($(wc -l <"$file") lines); $runs runs each"
echo

# One timed run: wall seconds and peak RSS (KB) appended to $work/NAME.
timed() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1 || true
  tail -1 "$work/t" >>"$work/$name"
}

# min / median / max of column 1 (seconds) and max of column 2 (MB) of $work/NAME.
summary() {
  sort -n "$work/$1" | awk -v name="$2" '{ t[NR] = $1; if ($2 > m) m = $2 }
    END { printf "  %-34s wall s  min %6.3f  median %6.3f  max %6.3f   peak %5.1f MB\n",
          name, t[1], (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), t[NR], m / 1024 }'
}

# The median of column 1 (seconds) of $work/NAME, as summary prints it.
median() {
  sort -n "$work/$1" | awk '{ t[NR] = $1 } END { print (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2) }'
}

# The largest of column 2 (peak KB) of $work/NAME, in MB.
peak_mb() {
  awk '{ if ($2 > m) m = $2 } END { printf "%.1f", m / 1024 }' "$work/$1"
}

# A target of issue 11 as this run measured it: "met" when VALUE is OP (le, lt or ge) LIMIT. With
# PERF_VERDICTS set (src/bench/perf-runs.sh sets it), each is also appended to that file as one line of
# tab-separated fields: target, value, unit, limit as printed, met (1 or 0).
verdict() {
  awk -v what="$1" -v v="$2" -v op="$3" -v lim="$4" -v unit="$5" -v tsv="${PERF_VERDICTS:-}" 'BEGIN {
    ok = (op == "le" ? v <= lim : op == "lt" ? v < lim : v >= lim)
    bound = (op == "le" ? "at most" : op == "lt" ? "below" : "at least") " " lim
    printf "  %-58s %8s %-7s (%s): %s\n", what, v, unit, bound, ok ? "met" : "NOT met"
    if (tsv != "") printf "%s\t%s\t%s\t%s\t%d\n", what, v, unit, bound, ok >>tsv }' >>"$work/verdicts"
}

# A JVM hello-world: the floor for any Java tool.
mkdir -p "$work/hello-class"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  >"$work/hello-class/Hello.java"
javac -d "$work/hello-class" "$work/hello-class/Hello.java"

cp "$file" "$work/compose.yml"
commands=(hello lint rewrite)
declare -A cmd=(
  [hello]="java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $work/hello-class Hello"
  [lint]="$cf lint $work/compose.yml"
  [rewrite]="$cf rewrite $work/compose.yml"
)
if command -v dclint >/dev/null 2>&1; then
  commands+=(dclint); cmd[dclint]="dclint $work/compose.yml"
fi
if [ -n "${COMPOSE_LINT_DIR:-}" ]; then
  commands+=(compose-lint); cmd[compose-lint]="env PYTHONPATH=$COMPOSE_LINT_DIR/src:$COMPOSE_LINT_DIR python3 -m compose_lint $work/compose.yml"
fi
for c in "${commands[@]}"; do ${cmd[$c]} >/dev/null 2>&1 || true; done # warm-up (page cache)
for i in $(seq "$runs"); do
  for c in "${commands[@]}"; do timed "$c" ${cmd[$c]}; done
done
echo "cold process, one file (runs interleaved):"
for c in "${commands[@]}"; do summary "$c" "$c"; done
lint_median=$(median lint)
verdict "lint FILE, median wall" "$lint_median" le 0.20 s
verdict "rewrite FILE, median wall" "$(median rewrite)" le 0.25 s
for peer in dclint compose-lint; do
  if [ -n "${cmd[$peer]:-}" ]; then
    verdict "lint FILE faster than $peer (medians)" "$lint_median" lt "$(median "$peer")" s
  fi
done
verdict "lint FILE, peak memory" "$(peak_mb lint)" le 80 MB

if [ "$throughput" = 1 ]; then
  [ -d "$shared/corpus" ] || { echo "perf.sh: $shared/corpus is missing" >&2; exit 2; }
  for i in $(seq 0 9); do cp -r "$shared/corpus" "$work/corpus$i"; done
  find "$work"/corpus? -type f \( -name '*.yml' -o -name '*.yaml' \) | sort >"$work/files"
  n=$(wc -l <"$work/files")
  mapfile -t files <"$work/files"
  # One copy alone too, in turn with the ten: the difference is what the nine more copies cost a process
  # that has started and warmed up (the JIT compiles during the first copy).
  grep "^$work/corpus0/" "$work/files" >"$work/files1"
  n1=$(wc -l <"$work/files1")
  mapfile -t files1 <"$work/files1"
  for i in 1 2 3; do
    /usr/bin/time -f "%e %M %U %S" -o "$work/t" "$cf" lint "${files[@]}" >"$work/out$i" 2>&1 || true
    tail -1 "$work/t" >>"$work/throughput"
    /usr/bin/time -f "%e %M %U %S" -o "$work/t" "$cf" lint "${files1[@]}" >/dev/null 2>&1 || true
    tail -1 "$work/t" >>"$work/throughput1"
  done
  cmp -s "$work/out1" "$work/out2" && cmp -s "$work/out2" "$work/out3" && same=yes || same=NO
  startup=$lint_median
  echo
  echo "throughput: lint of $n files in one process, 3 runs (output identical across runs: $same):"
  summary throughput "all files"
  # The median run of the three, read once: its wall seconds and its CPU (user and system) seconds.
  read -r all _ user sys < <(sort -n "$work/throughput" | sed -n 2p)
  after=$(awk -v n="$n" -v t="$all" -v s="$startup" 'BEGIN { printf "%.0f", n / (t - s) }')
  awk -v n="$n" -v t="$all" -v s="$startup" -v after="$after" -v u="$user" -v y="$sys" 'BEGIN {
    printf "  median: %.0f files/s overall, %s files/s after start-up (less the one-file median %.3f s); cpu %.1f s\n",
      n / t, after, s, u + y }'
  verdict "throughput: files/s after start-up (ten copies of the corpus)" "$after" ge 2000 files/s
  verdict "throughput: peak memory" "$(peak_mb throughput)" le 150 MB
  verdict "throughput: the same report in all three runs (1: yes)" "$([ "$same" = yes ] && echo 1 || echo 0)" ge 1 ""
  one=$(median throughput1)
  awk -v n="$n" -v n1="$n1" -v t="$all" -v one="$one" 'BEGIN {
    printf "  one copy (%d files) %.2f s: the other %d files take %.2f s more, %.0f files/s once warm\n",
      n1, one, n - n1, t - one, (n - n1) / (t - one) }'
fi

if [ "$scale" = 1 ]; then
  # A stack of N services (src/bench/scale-stack.awk).
  gen() {
    awk -v n="$1" -f "$repo/src/bench/scale-stack.awk" >"$work/scale$1.yml"
  }
  echo
  echo "scale: lint, then rewrite, of a generated file (wall s, peak MB):"
  for n in 1000 10000; do
    gen "$n"
    /usr/bin/time -f "%e %M" -o "$work/t" "$cf" lint "$work/scale$n.yml" >/dev/null 2>&1 || true
    read -r lw lm < <(tail -1 "$work/t")
    /usr/bin/time -f "%e %M" -o "$work/t" "$cf" rewrite "$work/scale$n.yml" >/dev/null 2>&1 || true
    read -r rw rm < <(tail -1 "$work/t")
    echo "$n $lw $rw" >>"$work/scale"
    awk -v n="$n" -v lw="$lw" -v rw="$rw" -v lm="$lm" -v rm="$rm" 'BEGIN {
      printf "  %6d services: lint %7.2f s (%4.0f MB), rewrite %7.2f s (%4.0f MB), together %7.2f s\n",
        n, lw, lm / 1024, rw, rm / 1024, lw + rw }'
  done
  times=$(awk '{ t[NR] = $2 + $3 } END { printf "%.1f", t[2] / t[1] }' "$work/scale")
  echo "  10,000 services take $times times as long as 1,000"
  verdict "scale: lint plus rewrite of 10,000 services" "$(awk 'NR == 2 { printf "%.2f", $2 + $3 }' "$work/scale")" le 3 s
  verdict "scale: 10,000 services against 1,000, times as long" "$times" le 12 ""
  echo
  echo "scale, stress stack (src/bench/stress-stack.awk; --host-memory=8G): wall s, peak MB, exit code:"
  for n in 1000 10000; do
    awk -v n="$n" -f "$repo/src/bench/stress-stack.awk" >"$work/stress$n.yml"
    for c in lint rewrite; do
      /usr/bin/time -f "%e %M %x" -o "$work/t" "$cf" "$c" --host-memory=8G "$work/stress$n.yml" >/dev/null 2>&1 || true
      read -r w m x < <(tail -1 "$work/t")
      echo "$n $c $w $m $x" >>"$work/stress"
    done
  done
  awk '{ t[$1 " " $2] = $3; m[$1 " " $2] = $4; x[$1 " " $2] = $5 }
    END { for (n = 1000; n <= 10000; n *= 10)
            printf "  %6d services: lint %7.2f s (%4.0f MB, exit %s), rewrite %7.2f s (%4.0f MB, exit %s)\n", n,
              t[n " lint"], m[n " lint"] / 1024, x[n " lint"], t[n " rewrite"], m[n " rewrite"] / 1024, x[n " rewrite"]
          printf "  10,000 services take %.1f times as long as 1,000 (exit 3 would be a failed rewrite)\n",
            (t["10000 lint"] + t["10000 rewrite"]) / (t["1000 lint"] + t["1000 rewrite"]) }' "$work/stress"
fi

if [ -s "$work/verdicts" ]; then
  echo
  echo "issue 11's targets, as this run measured them (one run: quote several before calling one met):"
  cat "$work/verdicts"
fi

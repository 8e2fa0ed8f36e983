# Sourced by the benchmark scripts that run a Java program of src/bench against the jar (warm.sh,
# passes.sh): checks the shared data, builds the jar through the launcher when it is missing or stale,
# and compiles the program into a temporary directory removed on exit. Sets jar and work.
# Usage: bench_program SCRIPT_NAME SHARED_DIR PROGRAM_FILE
bench_program() {
  local name=$1 shared=$2 program=$3
  [ -d "$shared/corpus" ] || { echo "$name: $shared/corpus is missing (give SHARED_DIR)" >&2; exit 2; }
  "$repo/composefix" --version >/dev/null
  jar="$repo/target/composefix.jar"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  javac -d "$work/classes" -cp "$jar" "$repo/src/bench/$program"
}

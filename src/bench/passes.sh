#!/usr/bin/env bash
# How many passes a rewrite of each corpus file takes (src/bench/PassCensus.java): the last pass only
# checks, so two passes is a file fixed in one. Prints the count of files for each number of passes and
# names every file that needed more than one fixing pass.
#
# Usage: src/bench/passes.sh [SHARED_DIR]       (SHARED_DIR default ../shared)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared="${1:-$repo/../shared}"
[ -d "$shared/corpus" ] || { echo "passes.sh: $shared/corpus is missing (give SHARED_DIR)" >&2; exit 2; }
"$repo/composefix" --version >/dev/null # builds the jar when it is missing or stale
jar="$repo/target/composefix.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work/classes" -cp "$jar" "$repo/src/bench/PassCensus.java"
find "$shared/corpus" -type f \( -name '*.yml' -o -name '*.yaml' \) | sort >"$work/files"
java -cp "$jar:$work/classes" PassCensus "@$work/files"

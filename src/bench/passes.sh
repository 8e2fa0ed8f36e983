#!/usr/bin/env bash
# How many passes a rewrite of each corpus file takes (src/bench/PassCensus.java): the last pass only
# checks, so two passes is a file fixed in one. Prints the count of files for each number of passes and
# names every file that needed more than one fixing pass.
#
# Usage: src/bench/passes.sh [SHARED_DIR]       (SHARED_DIR default ../shared)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared="${1:-$repo/../shared}"
. "$repo/src/bench/common.sh"
bench_program passes.sh "$shared" PassCensus.java
find "$shared/corpus" -type f \( -name '*.yml' -o -name '*.yaml' \) | sort >"$work/files"
java -cp "$jar:$work/classes" PassCensus "@$work/files"

#!/usr/bin/env bash
# Counts the findings of the rules CF601-CF625 over the shared corpus, for README's "Findings on the
# corpus" table. The corpus flattens each file's path into its name (a__b__compose.yaml); each file is
# linted alone in a directory of its own under its real name (compose.yaml), since a file's name
# decides whether it is a whole project. Usage: src/bench/corpus-findings.sh [SHARED_DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${1:-$repo/../shared}
jar=$repo/target/composefix.jar
[ -f "$jar" ] || (cd "$repo" && mvn -B -q -DskipTests package)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
only=$(seq -f 'CF6%02g' 1 25 | paste -sd, -)
n=0
files=()
while IFS= read -r -d '' f; do
  n=$((n + 1))
  d=$work/$n
  base=$(basename "$f")
  name=${base##*__}
  mkdir -p "$d"
  cp "$f" "$d/$name"
  files+=("$d/$name")
done < <(find "$shared/corpus" -type f \( -name '*.yml' -o -name '*.yaml' \) -print0 | sort -z)
java -jar "$jar" lint --ignore-environment --only "$only" --format json "${files[@]}" >"$work/report.json" || true
echo "files: $n"
echo "files that do not load alone (CF001):"
grep -A9 '"code": "CF001"' "$work/report.json" | grep '"message"' | sed -e 's/^ *"message": //' -e "s#$work/[0-9]*/##g" \
  | sort | uniq -c | sort -rn || true
for code in ${only//,/ }; do
  printf '%s %s\n' "$code" "$(grep -o "\"code\": \"$code\"" "$work/report.json" | wc -l)"
done

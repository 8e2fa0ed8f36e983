#!/usr/bin/env bash
# Times `composefix lint` over a generated tree of script files (shell, Makefile, GitHub Actions,
# GitLab CI, package.json, Python, TypeScript) against the same tree with --no-scripts, and over the
# shared corpus with and without scripts. Not a test: run on purpose, on a quiet machine.
# Usage: src/bench/script-scan.sh [PROJECTS] [SHARED_DIR]   (default 200 projects, ../shared)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
projects=${1:-200}
shared=${2:-$repo/../shared}
jar=$repo/target/composefix.jar
[ -f "$jar" ] || (cd "$repo" && mvn -B -q -DskipTests package)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$projects"); do
  d=$work/tree/p$i
  mkdir -p "$d/scripts" "$d/.github/workflows" "$d/tools" "$d/web"
  printf 'services:\n  web:\n    image: nginx:1.27\n' >"$d/compose.yaml"
  {
    echo '#!/usr/bin/env bash'
    echo 'set -euo pipefail'
    for k in $(seq 1 40); do
      echo "echo \"step $k: docker rm -f is only text\"   # comment $k"
      echo "docker compose -p p$i exec -T db psql -c 'select $k' || true"
    done
    echo 'docker rm -f $(docker ps -aq)'
    echo 'while true; do docker restart api; done'
  } >"$d/scripts/cleanup.sh"
  printf 'DC ?= docker compose\nup:\n\t$(DC) up -d\nreset:\n\t$(DC) down -v\n' >"$d/Makefile"
  printf 'on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: |\n          docker system prune -af --volumes\n' \
    >"$d/.github/workflows/ci.yml"
  printf 'test:\n  script:\n    - docker rm -f x\n' >"$d/.gitlab-ci.yml"
  printf '{"name": "p%s", "scripts": {"clean": "docker rm -f db"}}\n' "$i" >"$d/package.json"
  printf 'import subprocess\nsubprocess.run(["docker", "kill", "x"])\n' >"$d/tools/helper.py"
  printf 'import { execSync } from "child_process";\nexecSync("docker volume rm data");\n' >"$d/web/run.ts"
done
time_of() {
  local start end
  start=$(date +%s%N)
  java -jar "$jar" lint --format json "$@" >/dev/null || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
echo "generated tree: $projects projects, $((projects * 8)) files"
echo "  lint --no-scripts: $(time_of --no-scripts "$work/tree") ms"
echo "  lint:              $(time_of "$work/tree") ms"
if [ -d "$shared/corpus" ]; then
  echo "shared corpus (compose files only):"
  echo "  lint --no-scripts: $(time_of --no-scripts "$shared/corpus") ms"
  echo "  lint:              $(time_of "$shared/corpus") ms"
fi

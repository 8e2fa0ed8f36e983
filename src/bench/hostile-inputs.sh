#!/usr/bin/env bash
# Times `composefix lint` on hostile files made on the spot: a 9 MB value on one line, 200,000
# nested brackets, 3,000 nested block mappings, an alias bomb, 600,000 keys (block and flow), 520,000 quoted keys,
# 2,000 documents, a 12 MB file. Each should end with a parse-error (exit 2) naming the limit within
# about a second of the JVM's start, run as users run it (./composefix). The first one is what
# SnakeYAML Engine 3.2's 1 KiB reader window made quadratic (about 40 s before composefix handed the
# scanner the whole text in one buffer); the keys were refused only after 500,000 of them had been
# parsed (4 s) before the loader counted them ahead of the parser (KeyPrescan).
# Usage: src/bench/hostile-inputs.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cf=$repo/composefix
[ -x /usr/bin/time ] || { echo "hostile-inputs.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
"$cf" --version >/dev/null # builds the jar and its class-data sharing archive first
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys, os
w = sys.argv[1]
def put(name, text):
    with open(os.path.join(w, name), "w") as f:
        f.write(text)
put("long-value.yaml", "services:\n  a:\n    image: " + "x" * 9_000_000 + "\n")
put("deep-flow.yaml", "a: " + "[" * 200_000 + "]" * 200_000 + "\n")
put("deep-block.yaml", "".join(" " * i + "k:\n" for i in range(3000)))
bomb, prev = "a: &a [x, x, x, x, x, x, x, x, x, x]\n", "a"
for n in "bcdefghi":
    bomb += "%s: &%s [%s]\n" % (n, n, ", ".join(["*" + prev] * 10))
    prev = n
put("alias-bomb.yaml", bomb)
put("many-keys.yaml", "services:\n  a:\n    image: x\n    labels:\n"
    + "".join("      k%d: v\n" % i for i in range(600_000)))
put("many-flow-keys.yaml", "services:\n  a:\n    image: x\n    labels: {"
    + ", ".join("k%d: v" % i for i in range(600_000)) + "}\n")
put("many-quoted-keys.yaml", "services:\n  a:\n    image: x\n    labels:\n"
    + "".join("      \"%x\": 'v'\n" % i for i in range(520_000)))
put("many-documents.yaml", "---\n" * 2000)
put("too-big.yaml", "services:\n  a:\n    image: x\n" + "# padding\n" * 1_300_000)
PY
for f in long-value deep-flow deep-block alias-bomb many-keys many-flow-keys many-quoted-keys many-documents too-big; do
  set +e
  out=$(/usr/bin/time -f "%e %U %S %M" -o "$work/t" "$cf" lint --ignore-environment --format text \
    "$work/$f.yaml" 2>&1 | head -1 | cut -c1-120)
  set -e
  read -r wall user sys rss < <(tail -1 "$work/t")
  printf '%-17s %5.2f s wall %5.2f s CPU %4d MB  %s\n' "$f" "$wall" "$(echo "$user + $sys" | bc)" \
    $((rss / 1024)) "${out#"$work/"}"
done

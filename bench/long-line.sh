#!/usr/bin/env bash
# Time on one long line: `avtal check` on a document whose paragraph is a single line of N `www.`
# autolinks (default 100 000), against the floor: cmark-gfm parsing and rendering the same file.
# Link handling must stay linear in the line's length, so the ratio must not grow with N (compare
# N=10000 and N=100000). Usage: bash bench/long-line.sh [links]   (AVTAL_BIN=… to time a given binary)
set -euo pipefail
cd "$(dirname "$0")/.."
links="${1:-100000}"
command -v cmark-gfm >/dev/null && command -v hyperfine >/dev/null || bash scripts/install-deps
if [ -n "${AVTAL_BIN:-}" ]; then
  avtal="$AVTAL_BIN"
else
  swift build -c release --product avtal >/dev/null
  avtal=.build/release/avtal
fi
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT

cat >"$corpus/agreement.yml" <<'YML'
title: Länkavtal
parties:
  - Region
  - Kommun
documents:
  - id: avtal
    file: avtal.md
    kind: agreement
YML
python3 - "$corpus/avtal.md" "$links" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
head = """---
id: avtal
kind: agreement
title: Länkavtal
short-title: Avtalet
valid-from: 2027-01-01
valid-to: 2030-12-31
---

# Källor {#kallor}

"""
line = " ".join(f"www.exempel{i}.se" for i in range(n))
open(path, "w", encoding="utf-8").write(head + line + "\n")
PY
bytes=$(wc -c <"$corpus/avtal.md")

# Exit 0 or 1 both mean the check ran to the end; anything else is a failure of the benchmark.
"$avtal" check --root "$corpus" >/dev/null || [ $? -eq 1 ]
hyperfine --warmup 1 --min-runs 5 -N -i --export-json "$corpus/h.json" \
  -n cmark-gfm "cmark-gfm -e table -e strikethrough -e autolink -e tagfilter $corpus/avtal.md" \
  -n "avtal check" "$avtal check --root $corpus" >/dev/null 2>&1

python3 - "$corpus/h.json" "$links" "$bytes" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
links, size = int(sys.argv[2]), int(sys.argv[3])
floor, avtal = results["cmark-gfm"], results["avtal check"]
print(f"one line of {links} autolinks, {size} bytes")
print(f"{'command':<14}{'mean ms':>10}{'± ms':>8}{'min ms':>9}")
for name, r in (("cmark-gfm", floor), ("avtal check", avtal)):
    print(f"{name:<14}{r['mean']*1000:>10.1f}{r['stddev']*1000:>8.1f}{r['min']*1000:>9.1f}")
print(f"ratio avtal check/cmark-gfm: {avtal['mean']/floor['mean']:.1f}x")
PY

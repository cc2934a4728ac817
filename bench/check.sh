#!/usr/bin/env bash
# Speed and memory of `avtal check` on the shipped corpus, against the floor: the cmark-gfm
# command-line tool parsing and rendering the same Markdown. Ratios are taken within this run,
# so they mean the same on any machine. Usage: bash bench/check.sh [corpus-folder]
set -euo pipefail
cd "$(dirname "$0")/.."
root="${1:-Agreement}"
bash scripts/install-deps
swift build -c release --product avtal >/dev/null
avtal=.build/release/avtal
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The floor reads every document of the corpus in one process, as avtal does.
mapfile -t docs < <(find "$root" -name '*.md' | sort)
bytes=$(cat "${docs[@]}" | wc -c)

hyperfine --warmup 3 --min-runs 30 -N --export-json "$out/h.json" \
  -n cmark-gfm "cmark-gfm -e table -e strikethrough -e autolink -e tagfilter ${docs[*]}" \
  -n "avtal startup" "$avtal --version" \
  -n "avtal check" "$avtal check --root $root" \
  -n "avtal build" "$avtal build --root $root --output $out/site" >/dev/null 2>&1

rss() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
floor_rss=$(rss cmark-gfm -e table -e strikethrough -e autolink -e tagfilter "${docs[@]}")
avtal_rss=$(rss "$avtal" check --root "$root")

python3 - "$out/h.json" "$bytes" "$floor_rss" "$avtal_rss" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
size, floor_rss, avtal_rss = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
floor, avtal = results["cmark-gfm"], results["avtal check"]
print(f"corpus: {size} bytes of Markdown")
print(f"{'command':<14}{'mean ms':>10}{'± ms':>8}{'min ms':>9}{'max RSS KiB':>13}")
startup = results["avtal startup"]
build = results["avtal build"]
for name, r, m in (("cmark-gfm", floor, floor_rss), ("avtal startup", startup, None), ("avtal check", avtal, avtal_rss),
                   ("avtal build", build, None)):
    print(f"{name:<14}{r['mean']*1000:>10.1f}{r['stddev']*1000:>8.1f}{r['min']*1000:>9.1f}{m if m else '':>13}")
print(f"ratio avtal check/cmark-gfm: time {avtal['mean']/floor['mean']:.1f}x, memory {avtal_rss/floor_rss:.1f}x")
print(f"ratio avtal build/cmark-gfm: time {build['mean']/floor['mean']:.1f}x")
work = avtal['mean'] - startup['mean']
print(f"avtal check less process startup: {work*1000:.1f} ms ({size/1e6/work:.0f} MB/s; cmark-gfm alone {size/1e6/floor['mean']:.0f} MB/s incl. startup)")
PY

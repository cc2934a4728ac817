#!/usr/bin/env bash
# How `avtal check`, `avtal build` and `avtal remiss` scale with the size of the corpus, against the
# floor: the cmark-gfm command-line tool parsing and rendering the same Markdown in one process.
#
# For each factor N (default 1 10 50 170; 170 is about 20 MB) bench/make-corpus.py writes the
# shipped corpus with its working documents copied N times. One hyperfine run per size times
# cmark-gfm, check and build (and remiss of the published version, whose package should not depend
# on the size of the working text); /usr/bin/time gives each command's peak RSS. Ratios are taken
# within the run, so they mean the same on any machine.
#
# Usage: bash bench/scale.sh [factor ...]      e.g. bash bench/scale.sh 1 10
# Environment: AVTAL (binary; default: a release build), RUNS (hyperfine runs per command, default 3),
#              REMISS_VERSION (default remiss-2025).
set -euo pipefail
cd "$(dirname "$0")/.."
factors=("$@")
((${#factors[@]})) || factors=(1 10 50 170)
runs="${RUNS:-3}"
version="${REMISS_VERSION:-remiss-2025}"
bash scripts/install-deps
if [ -z "${AVTAL:-}" ]; then
  swift build -c release --product avtal >/dev/null
  AVTAL="$PWD/.build/release/avtal"
fi
# The binary runs on corpora outside the repository, so it is told where the templates are.
export AVTAL_TEMPLATES="${AVTAL_TEMPLATES:-$PWD/Templates}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmark=(cmark-gfm -e table -e strikethrough -e autolink -e tagfilter)
rss() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }

for n in "${factors[@]}"; do
  corpus="$work/c$n"
  .venv/bin/python bench/make-corpus.py Agreement "$corpus" "$n"
  mapfile -t docs < <(find "$corpus" -name '*.md' | sort)
  bytes=$(cat "${docs[@]}" | wc -c)
  # cmark-gfm takes the files as arguments; a file list keeps the command line short at 170x.
  printf '%s\0' "${docs[@]}" > "$work/docs$n"
  floor="xargs -0 -a $work/docs$n ${cmark[*]}"
  "$AVTAL" check --root "$corpus" >/dev/null  # must be clean, or the timing means nothing
  hyperfine --warmup 1 --runs "$runs" -N --export-json "$work/h$n.json" \
    -n cmark-gfm "$floor" \
    -n check "$AVTAL check --root $corpus" \
    -n build "$AVTAL build --root $corpus --output $work/site$n" \
    -n remiss "$AVTAL remiss $version --root $corpus --output $work/remiss$n --draft" >/dev/null
  echo "$n $bytes $(rss xargs -0 -a "$work/docs$n" "${cmark[@]}") $(rss "$AVTAL" check --root "$corpus")" \
       "$(rss "$AVTAL" build --root "$corpus" --output "$work/site$n")" >> "$work/rss"
  rm -rf "$corpus" "$work/site$n" "$work/remiss$n"
done

.venv/bin/python - "$work" <<'PY'
import json, sys
from pathlib import Path
work = Path(sys.argv[1])
rows = []
for line in (work / "rss").read_text().splitlines():
    n, size, floor_rss, check_rss, build_rss = map(int, line.split())
    t = {r["command"]: r["mean"] for r in json.loads((work / f"h{n}.json").read_text())["results"]}
    rows.append((n, size, t, floor_rss, check_rss, build_rss))
print(f"{'size':>5} {'MB':>6} {'cmark s':>8} {'check s':>8} {'ratio':>6} {'build s':>8} {'ratio':>6} "
      f"{'remiss s':>9} {'RSS MB cmark/check/build':>26}")
for n, size, t, f, c, b in rows:
    print(f"{n:>4}x {size/1e6:>6.2f} {t['cmark-gfm']:>8.3f} {t['check']:>8.3f} {t['check']/t['cmark-gfm']:>5.1f}x "
          f"{t['build']:>8.3f} {t['build']/t['cmark-gfm']:>5.1f}x {t['remiss']:>9.3f} "
          f"{f/1024:>8.0f}/{c/1024:.0f}/{b/1024:.0f}")
print("cost per MB (s/MB), which should stay flat as the corpus grows:")
for n, size, t, *_ in rows:
    mb = size / 1e6
    print(f"{n:>4}x  check {t['check']/mb:.3f}  build {t['build']/mb:.3f}  cmark-gfm {t['cmark-gfm']/mb:.3f}")
if len(rows) > 1:
    first, last = rows[0], rows[-1]
    print(f"remiss at {last[0]}x / at {first[0]}x: {last[2]['remiss']/first[2]['remiss']:.2f}")
PY

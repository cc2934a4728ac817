#!/usr/bin/env bash
# Save-to-reload latency of `avtal serve`: the time from writing a clause file to having the rebuilt
# page in hand, the way an open page gets it (the server-sent event announcing the rebuild, then the
# page fetched again). Targets: 100 ms on the shipped corpus, 1 s on a 20 MB corpus (factor 170).
#
# For each factor N (default 1; 1 is the shipped corpus as it is) bench/make-corpus.py writes the
# corpus N times over into a temporary folder; the preview serves it on a free port, and EDITS times
# (default 10) a sentence of ok-munhalsa.md gets a new ending. Each edit waits for its own event, so
# the figures are save to page, polling interval included.
#
# Usage: bash bench/serve.sh [factor ...]      e.g. bash bench/serve.sh 1 170
# Environment: AVTAL (binary; default: a release build), EDITS (edits per size, default 10),
#              POLL (the preview's --poll in ms, default its own).
set -euo pipefail
cd "$(dirname "$0")/.."
factors=("$@")
((${#factors[@]})) || factors=(1)
bash scripts/install-deps >/dev/null
if [ -z "${AVTAL:-}" ]; then
  swift build -c release --product avtal >/dev/null
  AVTAL="$PWD/.build/release/avtal"
fi
export AVTAL_TEMPLATES="${AVTAL_TEMPLATES:-$PWD/Templates}"
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

for n in "${factors[@]}"; do
  corpus="$work/c$n/Agreement"
  mkdir -p "$work/c$n"
  if [ "$n" = 1 ]; then cp -r Agreement "$corpus"; else .venv/bin/python bench/make-corpus.py Agreement "$corpus" "$n"; fi
  bytes=$(find "$corpus" -name '*.md' -print0 | xargs -0 cat | wc -c)
  "$AVTAL" check --root "$corpus" >/dev/null  # must be clean, or the timing means nothing
  "$AVTAL" serve --root "$corpus" --port 0 ${POLL:+--poll "$POLL"} > "$work/serve$n.log" &
  server=$!
  for _ in $(seq 600); do grep -q '^serving ' "$work/serve$n.log" && break; sleep 0.1; done
  url=$(sed -n 's/^serving //p' "$work/serve$n.log")
  echo "factor $n: $(awk "BEGIN{printf \"%.1f\", $bytes/1e6}") MB of Markdown, served at $url"
  .venv/bin/python - "$url" "$corpus/ok-munhalsa.md" "${EDITS:-10}" <<'PY'
import http.client, json, statistics, sys, time
from urllib.parse import urlparse

url, path, edits = urlparse(sys.argv[1]), sys.argv[2], int(sys.argv[3])
events = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
events.request("GET", "/_avtal/events")
stream = events.getresponse()

def next_generation():
    while True:
        line = stream.readline().decode()
        if line.startswith("data: "):
            return json.loads(line[6:])["generation"]

next_generation()
original = open(path, encoding="utf-8").read()
sentence = "Munvården ska dokumenteras i den enskildes genomförandeplan eller vårdplan"
assert sentence in original, "the sentence the benchmark edits is gone from ok-munhalsa.md"
took, rebuilt = [], []
for k in range(edits):
    marker = f"Mätpunkt {k}"
    start = time.perf_counter()
    with open(path, "w", encoding="utf-8") as f:
        f.write(original.replace(sentence, f"{sentence} ({marker})", 1))
    # A save can reach the server as more than one rebuild (truncate, then write): wait for the page
    # that shows it, as the open page would after its last reload.
    first_event = None
    while True:
        next_generation()
        first_event = first_event or time.perf_counter() - start
        page = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        page.request("GET", "/working/ok-munhalsa.html")
        body = page.getresponse().read().decode()
        if marker in body:
            break
        assert time.perf_counter() - start < 30, f"the page never showed edit {k}"
    rebuilt.append(first_event)
    took.append(time.perf_counter() - start)
    time.sleep(0.2)  # apart, so that each save is its own rebuild
ms = lambda s: f"{s * 1000:.0f} ms"
print(f"  save to first event: median {ms(statistics.median(rebuilt))}, max {ms(max(rebuilt))}")
print(f"  save to page:  median {ms(statistics.median(took))}, max {ms(max(took))} ({edits} edits)")
PY
  grep '^rebuilt' "$work/serve$n.log" | awk '{s += $3; n++} END {if (n) printf "  server rebuild: mean %.0f ms over %d rebuilds\n", s / n, n}'
  kill "$server"; wait "$server" 2>/dev/null || true; server=
  rm -rf "$work/c$n"
done

#!/usr/bin/env bash
# Speed of `avtal responses compile` on a large remiss: 200, 1 000 and 2 000 responses saved by the
# form, 100 clause comments each. Targets (issue 15): at most 1 ms of CPU (user + system) per response,
# and a peak RSS under 300 MB at 2 000. For 200 responses, also the mean against the floor of
# bench/check.sh (the cmark-gfm command-line tool parsing and rendering the corpus's Markdown).
# Usage: bash bench/responses.sh [corpus-folder] [version] [sizes...]   (default sizes: 200 1000 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
root="${1:-Agreement}"
version="${2:-remiss-2025}"
shift $(( $# > 2 ? 2 : $# ))
sizes=("${@:-200 1000 2000}")
read -r -a sizes <<< "${sizes[*]}"
bash scripts/install-deps
swift build -c release --product avtal >/dev/null
avtal=.build/release/avtal
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# N responses: every consultee once, the rest other organisations (some with an ID, some without);
# 100 comments each on real clauses of the version, grades on every document and chapter.
generate() {
python3 - "$root" "$version" "$1" "$2" <<'PY'
import json, random, re, sys
from pathlib import Path

root, version, target, count = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
snapshot = root / "versions" / version
base = snapshot if (snapshot / "agreement.yml").is_file() else root
manifest = (base / "agreement.yml").read_text(encoding="utf-8")
documents = re.findall(r"^\s*- id: (\S+)\n\s+file: (\S+)", manifest, re.MULTILINE)
clauses, chapters = [], {}
for doc, file in documents:
    for hashes, cid in re.findall(r"^(#+) .*\{#([a-z0-9-]+)\}\s*$", (base / file).read_text(encoding="utf-8"), re.MULTILINE):
        clauses.append(f"{doc}#{cid}")
        if len(hashes) == 1:
            chapters.setdefault(doc, []).append(cid)
consultees = re.findall(r"- id: (\S+)\n\s+name: \"?([^\"\n]+)\"?", (root / "remissinstanser.yml").read_text(encoding="utf-8"))
organisations = [(i, n) for i, n in consultees][:count]
n = 0
while len(organisations) < count:
    n += 1
    organisations.append((None, f"Förening {n} för vård och omsorg") if n % 2 else (f"organisation-{n}", f"Organisation {n}"))
assert len(clauses) >= 100, f"only {len(clauses)} clauses in {version}"
rng = random.Random(2025)
words = ("avtalstiden betalningsansvaret munhälsan samordnad individuell plan kommunen regionen ansvar "
         "utskrivningsklar uppföljning överenskommelsen tydligare bör förtydligas dagar vardagar insatser").split()
grades = [1, 2, 3, 4, "ingen-synpunkt"]
target.mkdir(parents=True)
for index, (oid, name) in enumerate(organisations):
    answer = {
        "format": "avtal-remissvar/1", "version": version,
        "organisation": {"id": oid, "name": name},
        "contact": {"name": "Kontakt Person", "email": f"kontakt{index}@example.se"},
        "grades": {doc: {"document": {"grade": rng.choice(grades), "comment": " ".join(rng.choices(words, k=25))},
                         "chapters": {c: {"grade": rng.choice(grades)} for c in chapters.get(doc, [])}}
                   for doc, _ in documents},
        "comments": {key: f"{name} om {key}: " + " ".join(rng.choices(words, k=40))
                     for key in rng.sample(clauses, 100)},
        "exported": f"2025-06-{1 + index % 18:02d}T{8 + index % 9:02d}:{index % 60:02d}:00Z",
    }
    (target / f"remissvar-{index:04d}.json").write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
print(f"{len(organisations)} responses, {len(clauses)} clauses to choose from, "
      f"{sum(p.stat().st_size for p in target.iterdir())} bytes", file=sys.stderr)
PY
}

# CPU time (user + system) and peak RSS of one run per size; the run must work: every response accepted.
status=0
printf '%-10s%12s%14s%12s%10s\n' responses "cpu s" "cpu ms/resp" "peak MB" verdict
for n in "${sizes[@]}"; do
  rm -rf "$out/responses-$n" "$out/compiled"
  generate "$out/responses-$n" "$n"
  /usr/bin/time -f '%U %S %M' -o "$out/time" "$avtal" responses compile "$out/responses-$n" --root "$root" --for "$version" \
    --output "$out/compiled" > "$out/said" || { cat "$out/said"; exit 1; }
  tail -1 "$out/said" >&2
  read -r user sys kb < "$out/time"
  python3 - "$n" "$user" "$sys" "$kb" > "$out/row" <<'PY'
import sys
n, user, system, kb = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
cpu, mb = user + system, kb / 1024
ok = cpu * 1000 / n <= 1 and (n < 2000 or mb < 300)
print(f"{n:<10}{cpu:>12.2f}{cpu * 1000 / n:>14.2f}{mb:>12.0f}{'ok' if ok else 'OVER':>10}")
PY
  cat "$out/row"
  grep -q ' ok$' "$out/row" || status=1
done
[ "${sizes[0]}" = 200 ] || exit $status
mv "$out/responses-200" "$out/responses"

mapfile -t docs < <(find "$root" -name '*.md' | sort)
hyperfine --warmup 1 --min-runs 5 -N --export-json "$out/h.json" \
  -n cmark-gfm "cmark-gfm -e table -e strikethrough -e autolink -e tagfilter ${docs[*]}" \
  -n "avtal responses compile" "$avtal responses compile $out/responses --root $root --for $version --output $out/compiled" \
  >/dev/null 2>&1

python3 - "$out/h.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
floor, compile_ = results["cmark-gfm"], results["avtal responses compile"]
print(f"{'command':<26}{'mean ms':>10}{'± ms':>8}{'min ms':>9}")
for name, r in (("cmark-gfm", floor), ("avtal responses compile", compile_)):
    print(f"{name:<26}{r['mean']*1000:>10.1f}{r['stddev']*1000:>8.1f}{r['min']*1000:>9.1f}")
print(f"ratio avtal responses compile/cmark-gfm: {compile_['mean']/floor['mean']:.0f}x")
PY
exit $status

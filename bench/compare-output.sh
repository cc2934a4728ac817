#!/usr/bin/env bash
# Behaviour must not change under a refactor: builds the site and the remiss package of the shipped
# corpus with the given binary and compares the SHA-256 of every file (and every zip entry) with
# bench/baseline/, recorded before the pipeline refactor. Prints what differs; exit 1 when anything does.
# Usage: bash bench/compare-output.sh [path/to/avtal]   (default .build/debug/avtal)
set -euo pipefail
cd "$(dirname "$0")/.."
avtal="$(realpath "${1:-.build/debug/avtal}")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$avtal" build --root Agreement --output "$out/site" >/dev/null
"$avtal" remiss remiss-2025 --root Agreement --output "$out/remiss" --draft >/dev/null
status=0
for part in site remiss; do
  if ! diff <(python3 bench/output-digest.py "$out/$part") bench/baseline/$part.sha256 >"$out/$part.diff"; then
    echo "$part differs from bench/baseline/$part.sha256 (< now, > baseline):"
    cat "$out/$part.diff"
    status=1
  fi
done
[ $status -eq 0 ] && echo "site and remiss package: every file byte-identical to bench/baseline/"
exit $status

#!/usr/bin/env python3
"""Writes a corpus N times the size of a source corpus, for the scaling benchmark.

The source corpus is copied whole (so its versions, patches, published snapshot and remiss stay as
they are), and its working documents are then copied N-1 more times under new document IDs
(`<id>-k2`, …) in folders `kopia-2/`, …. References between documents are rewritten to stay inside
their copy, so every copy checks as cleanly as the original and the work per copy is the same.

Usage: make-corpus.py SOURCE DEST N
"""
import re
import shutil
import sys
from pathlib import Path

import yaml  # PyYAML comes with the test requirements


def main() -> None:
    source, dest, copies = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(source, dest)
    manifest_path = dest / "agreement.yml"
    manifest_text = manifest_path.read_text(encoding="utf-8")
    manifest = yaml.safe_load(manifest_text)
    documents = manifest["documents"]
    ids = [d["id"] for d in documents]
    # Longest first, so that "ok-munhalsa" is not rewritten inside a longer ID sharing its prefix.
    pattern = re.compile(r"\]\((" + "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True)) + r")([#)])")
    entries = []
    for k in range(2, copies + 1):
        suffix = f"-k{k}"
        for document in documents:
            text = (source / document["file"]).read_text(encoding="utf-8")
            text = re.sub(r"(?m)^id: (\S+)$", lambda m: f"id: {m.group(1)}{suffix}", text, count=1)
            text = pattern.sub(lambda m: f"]({m.group(1)}{suffix}{m.group(2)}", text)
            file = f"kopia-{k}/{document['file']}"
            (dest / file).parent.mkdir(parents=True, exist_ok=True)
            (dest / file).write_text(text, encoding="utf-8")
            entries.append(f"  - id: {document['id']}{suffix}\n    file: {file}\n    kind: {document['kind']}\n")
    # Appended as text, so the rest of the manifest keeps its exact bytes.
    if entries:
        manifest_path.write_text(manifest_text.rstrip("\n") + "\n" + "".join(entries), encoding="utf-8")


if __name__ == "__main__":
    main()

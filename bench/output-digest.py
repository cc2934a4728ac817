#!/usr/bin/env python3
"""SHA-256 of every file under a folder, one line each, sorted; a zip is listed entry by entry.

The remiss manifest names the git commit it was built from and whether the work tree was clean,
which differ from commit to commit by design; those two values are blanked so the digest speaks
about the output, not about the state of the repository it was made in.
avtal's own bookkeeping (the .avtal-output marker in each output folder, and the writer's .*.lock
files beside them) is not output and is skipped."""
import hashlib, re, sys, zipfile
from pathlib import Path

COMMIT = re.compile(rb'("commit" : )"[0-9a-f]{40}"')
CLEAN = re.compile(rb'("clean" : )(true|false)')


def digest(name: str, data: bytes) -> str:
    if name.split(" ")[0].endswith("manifest.json"):
        data = CLEAN.sub(rb'\1"<clean>"', COMMIT.sub(rb'\1"<commit>"', data))
    return f"{hashlib.sha256(data).hexdigest()}  {name}"


root = Path(sys.argv[1])
SKIP = re.compile(r"^\.avtal-output$|^\..*\.lock$")

for path in sorted(p for p in root.rglob("*") if p.is_file() and not SKIP.match(p.name)):
    rel = path.relative_to(root).as_posix()
    if rel.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                print(digest(f"{rel}!{info.filename} {info.date_time} {oct(info.external_attr)}", z.read(info)))
    else:
        print(digest(rel, path.read_bytes()))

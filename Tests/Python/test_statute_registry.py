"""The statute registry (Agreement/forfattningar.yml) is what scripts/generate-forfattningar.py writes from
the facts in scripts/data/statutes-facts.json: an entry edited by hand, or facts changed without
regenerating, fail here. The generator runs in a copy of the files it reads and writes, never in the
repository.

Run from the repository root: .venv/bin/python -m pytest Tests/Python -q
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
GENERATOR = Path("scripts/generate-forfattningar.py")
FACTS = Path("scripts/data/statutes-facts.json")
OUTPUTS = [Path("Agreement/forfattningar.yml"), Path("Tests/AvtalCoreTests/Resources/forfattningar.yml")]
# Texts in the repository: the four statutes the citation tests read.
TEXTS = REPO_ROOT / "Tests/AvtalCoreTests/Resources/statutes"


def generate(root: Path, *arguments: str) -> None:
    for path in (GENERATOR, FACTS):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO_ROOT / path, root / path)
    for path in OUTPUTS:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(root / GENERATOR), *arguments], check=True, capture_output=True)


def test_the_committed_registry_is_the_generators_output(tmp_path: Path) -> None:
    generate(tmp_path)
    for path in OUTPUTS:
        assert (tmp_path / path).read_text(encoding="utf-8") == (REPO_ROOT / path).read_text(encoding="utf-8"), path


def test_statutes_without_a_text_keep_their_entry_when_paragraphs_are_reread(tmp_path: Path) -> None:
    # lag (2008:145) and lag (2018:1197) have facts but no text: re-reading the texts must keep them
    # (as whole-statute entries) and leave the rest as committed, since the texts here are the same.
    generate(tmp_path, "--texts", str(TEXTS))
    facts = json.loads((tmp_path / FACTS).read_text(encoding="utf-8"))
    assert facts == json.loads((REPO_ROOT / FACTS).read_text(encoding="utf-8"))
    registry = (tmp_path / OUTPUTS[0]).read_text(encoding="utf-8")
    for sfs, name in [("2008:145", "lagen om statligt tandvårdsstöd"),
                      ("2018:1197", "lagen om Förenta nationernas konvention om barnets rättigheter")]:
        entry = registry.split(f'  - sfs: "{sfs}"\n', 1)[1].split("  - sfs:", 1)[0]
        assert f'names: ["{name}"]' in entry
        assert "paragraphs: []  # not known: paragraphs are not checked" in entry

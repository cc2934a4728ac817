"""`avtal check --format sarif` against the official SARIF 2.1.0 JSON schema (vendored beside this
file; SOURCE.md says where it came from).

Run from the repository root: .venv/bin/python -m pytest Tests/Python -q (env AVTAL_BIN selects the
binary; default .build/debug/avtal).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = REPO_ROOT / "Tests" / "AvtalCoreTests" / "Fixtures"
SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def avtal_binary() -> Path:
    binary = Path(os.environ.get("AVTAL_BIN", str(REPO_ROOT / ".build" / "debug" / "avtal")))
    if not binary.is_file():
        pytest.fail(f"the avtal binary is missing: {binary} (build it with swift build)")
    return binary


def sarif(root: Path, cwd: Path = REPO_ROOT) -> dict:
    run = subprocess.run([str(avtal_binary()), "check", "--root", str(root), "--format", "sarif"],
                         capture_output=True, text=True, cwd=cwd, timeout=120)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


def errors(log: dict) -> list[str]:
    validator = Draft4Validator(SCHEMA, format_checker=Draft4Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


def test_the_schema_is_the_official_one():
    assert SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    Draft4Validator.check_schema(SCHEMA)


# Fixtures whose problem a command other than check reports: check finds them clean.
CLEAN_UNDER_CHECK = {"valid", "AV711-remiss-placeholder"}  # AV711: a final `avtal remiss`


# Fixtures with notes that point elsewhere, fixes that insert, replace and remove, warnings, and a clean corpus.
@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name.startswith("AV"))
                         + ["valid"])
def test_every_fixture_gives_a_valid_log(fixture: str):
    log = sarif(FIXTURES / fixture)
    assert errors(log) == []
    results = log["runs"][0]["results"]
    assert (fixture in CLEAN_UNDER_CHECK) == (results == [])


def test_a_log_outside_any_repository_is_valid_and_relative(tmp_path: Path):
    shutil.copytree(FIXTURES / "AV401-unknown-clause", tmp_path / "korpus med mellanslag")
    log = sarif(tmp_path / "korpus med mellanslag", cwd=tmp_path)
    assert errors(log) == []
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "korpus%20med%20mellanslag/avtal.md", "uriBaseId": "%SRCROOT%"}


def test_a_log_with_errors_fails_the_schema_when_broken():
    """The validation can fail: a result without its message is caught."""
    log = sarif(FIXTURES / "AV401-unknown-clause")
    del log["runs"][0]["results"][0]["message"]
    assert errors(log) != []

"""`avtal build` is reproducible, and a failing build leaves the previous site untouched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import CORPUS, TEMPLATES, build_or_fail, run_build


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder (hidden ones too) by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _entries(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_two_builds_are_byte_identical(tmp_path):
    first = _snapshot(build_or_fail(tmp_path / "a" / "site"))
    second = _snapshot(build_or_fail(tmp_path / "b" / "site"))
    assert len(first) >= 20, f"the build wrote only {len(first)} files"
    only_first = sorted(set(first) - set(second))
    only_second = sorted(set(second) - set(first))
    assert not only_first and not only_second, (
        f"the two builds wrote different files: only in the first {only_first}, only in the second {only_second}")
    different = [name for name in first if first[name] != second[name]]
    details = []
    for name in different[:5]:
        a, b = first[name], second[name]
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        details.append(f"{name}: first difference at byte {at}: "
                       f"{a[max(0, at - 40):at + 40]!r} vs {b[max(0, at - 40):at + 40]!r}")
    assert not different, f"{len(different)} file(s) differ between two builds:\n  " + "\n  ".join(details)


GOOD_REFERENCE = "[](#malgrupp)"
BROKEN_REFERENCE = "[](#finns-inte)"


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    corpus = tmp_path / "corpus" / CORPUS.name
    shutil.copytree(CORPUS, corpus, symlinks=True)
    return corpus


def test_failing_build_leaves_previous_output_untouched(tmp_path, corpus_copy):
    out_parent = tmp_path / "out"
    output = out_parent / "site"
    # Templates live beside the real corpus, not beside the copy: name them explicitly.
    build_or_fail(output, root=corpus_copy, templates=TEMPLATES)
    before = _snapshot(output)
    before_entries = _entries(out_parent)
    assert "index.html" in before and len(before) >= 20, f"the first build wrote only {sorted(before)}"

    source = corpus_copy / "ok-munhalsa.md"
    text = source.read_text(encoding="utf-8")
    assert GOOD_REFERENCE in text, f"{source.name} no longer holds {GOOD_REFERENCE}: update this test"
    source.write_text(text.replace(GOOD_REFERENCE, BROKEN_REFERENCE), encoding="utf-8")

    result = run_build(output, root=corpus_copy, templates=TEMPLATES)
    log = f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    assert result.returncode == 1, f"a broken reference should fail the build with status 1, got {result.returncode}\n{log}"
    assert "finns-inte" in result.stdout + result.stderr, f"the failure does not name the broken reference\n{log}"

    after = _snapshot(output)
    assert sorted(after) == sorted(before), (
        f"the failed build changed the file list: added {sorted(set(after) - set(before))}, "
        f"removed {sorted(set(before) - set(after))}")
    changed = [name for name in before if before[name] != after[name]]
    assert not changed, f"the failed build changed {len(changed)} file(s) of the previous site: {changed[:10]}"
    assert _entries(out_parent) == before_entries, (
        f"the failed build left something beside the output folder: {_entries(out_parent)} "
        f"(before: {before_entries})")

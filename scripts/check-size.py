#!/usr/bin/env python3
"""The size rules of the code base: no Swift file over 350 lines, no function over 60 lines.

Small files and functions are how a newcomer finds where a change belongs (docs/architecture.md).
A function is measured from the line of its `func`/`init`/`subscript`/`deinit` to its closing brace, found by
counting braces outside string literals and comments, however many lines its signature takes. Exits 1 and
lists each breach.

Usage: check-size.py [folder ...]   (default: Sources)
"""
import re
import sys
from pathlib import Path

MAX_FILE, MAX_FUNCTION = 350, 60
MODIFIER = (r"(?:public|package|internal|private|fileprivate|open|static|class|final|override|mutating|nonmutating|"
            r"nonisolated|convenience|required|dynamic|consuming|borrowing|distributed)(?:\(\w+\))?")
DECLARATION = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:" + MODIFIER + r"\s+)*"
                         r"(?:func\s+(?:\w+|[^\s\w(]+)|init[?!]?(?=\s*[(<])|subscript(?=\s*[(<])|deinit\b)")
# A signature that goes on to the next line ends its line with one of these, or the next line starts with one.
CONTINUES_AFTER = ("(", "[", ",", "->", ":", "&", "=")
CONTINUES_BEFORE = re.compile(r"^\s*(?:->|where\b|throws\b|rethrows\b|async\b|[{)\]&,.])")


def code(line: str, state: dict) -> str:
    """The code on a line, without strings (including multi-line and raw ones) and comments."""
    kept, i = [], 0
    while i < len(line):
        if state["block_comment"]:
            end = line.find("*/", i)
            if end < 0:
                break
            state["block_comment"], i = False, end + 2
            continue
        if state["multiline"]:
            end = line.find('"""', i)
            if end < 0:
                break
            state["multiline"], i = False, end + 3
            continue
        c = line[i]
        if line.startswith("//", i):
            break
        if line.startswith("/*", i):
            state["block_comment"], i = True, i + 2
            continue
        if line.startswith('"""', i) or line.startswith('#"""', i):
            state["multiline"], i = True, line.index('"""', i) + 3
            continue
        if c == '"' or line.startswith('#"', i):
            raw = c == "#"
            i += 2 if raw else 1
            while i < len(line):
                if not raw and line[i] == "\\":
                    i += 2
                    continue
                if line[i] == '"' and (not raw or line.startswith('"#', i)):
                    i += 2 if raw else 1
                    break
                i += 1
            kept.append('""')
            continue
        kept.append(c)
        i += 1
    return "".join(kept)


def check(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    problems = []
    if len(lines) > MAX_FILE:
        problems.append(f"{path}: {len(lines)} lines (at most {MAX_FILE})")

    def measure(start: int, name: str, end: int) -> None:
        if end - start + 1 > MAX_FUNCTION:
            problems.append(f"{path}:{start}: {name} is {end - start + 1} lines (at most {MAX_FUNCTION})")

    state = {"block_comment": False, "multiline": False}
    depth, previous = 0, ""
    # A declaration's body opens at the first `{` at its own depth outside its parameter list, which may
    # be lines later (a signature spread over several lines); a protocol requirement has no body at all.
    pending = None  # [start line, name, depth, bracket depth]
    open_functions = []  # (start line, name, depth outside its body)
    for number, line in enumerate(lines, 1):
        fresh = not state["block_comment"] and not state["multiline"]
        match = DECLARATION.match(line) if fresh else None
        if match:
            pending = [number, " ".join(match.group(0).split()), depth, 0]
        elif pending and pending[3] == 0 and not previous.endswith(CONTINUES_AFTER) and not CONTINUES_BEFORE.match(line):
            pending = None
        text = code(line, state)
        for c in text:
            if pending and c in "([":
                pending[3] += 1
            elif pending and c in ")]":
                pending[3] -= 1
            elif c == "{":
                if pending and pending[3] == 0 and depth == pending[2]:
                    open_functions.append(tuple(pending[:3]))
                    pending = None
                depth += 1
            elif c == "}":
                depth -= 1
                if pending and depth < pending[2]:
                    pending = None
                if open_functions and depth == open_functions[-1][2]:
                    measure(*open_functions.pop()[:2], number)
        if text.strip():
            previous = text.rstrip()
    return problems


def main() -> int:
    folders = [Path(a) for a in sys.argv[1:]] or [Path("Sources")]
    problems = [p for folder in folders for f in sorted(folder.rglob("*.swift")) for p in check(f)]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

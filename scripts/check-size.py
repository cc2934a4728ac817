#!/usr/bin/env python3
"""The size rules of the code base: no Swift file over 350 lines, no function over 60 lines.

Small files and functions are how a newcomer finds where a change belongs (docs/architecture.md).
A function is measured from the line of its `func`/`init`/`subscript` to its closing brace, found by
counting braces outside string literals and comments. Exits 1 and lists each breach.

Usage: check-size.py [folder ...]   (default: Sources)
"""
import re
import sys
from pathlib import Path

MAX_FILE, MAX_FUNCTION = 350, 60
DECLARATION = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|private|fileprivate|static|final|"
                         r"override|mutating|nonisolated|convenience|required|class)\s+)*(?:func\s|init[?!]?\s*[(<]|subscript\s*[(<])")


def code_braces(line: str, state: dict) -> int:
    """Net braces on a line, ignoring strings (including multi-line and raw ones) and comments."""
    depth, i = 0, 0
    while i < len(line):
        if state["block_comment"]:
            end = line.find("*/", i)
            if end < 0:
                return depth
            state["block_comment"], i = False, end + 2
            continue
        if state["multiline"]:
            end = line.find('"""', i)
            if end < 0:
                return depth
            state["multiline"], i = False, end + 3
            continue
        c = line[i]
        if line.startswith("//", i):
            return depth
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
            continue
        depth += (c == "{") - (c == "}")
        i += 1
    return depth


def check(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    problems = []
    if len(lines) > MAX_FILE:
        problems.append(f"{path}: {len(lines)} lines (at most {MAX_FILE})")
    state = {"block_comment": False, "multiline": False}
    depth, open_functions = 0, []  # (start line, name, depth before its body)
    for number, line in enumerate(lines, 1):
        if not state["block_comment"] and not state["multiline"] and DECLARATION.match(line):
            name = line.strip().split("(")[0].split("<")[0]
            open_functions.append((number, name, depth))
        depth += code_braces(line, state)
        while open_functions and depth <= open_functions[-1][2] and ("}" in line or "{" not in line and number > open_functions[-1][0]):
            start, name, _ = open_functions.pop()
            if number - start + 1 > MAX_FUNCTION:
                problems.append(f"{path}:{start}: {name} is {number - start + 1} lines (at most {MAX_FUNCTION})")
    return problems


def main() -> int:
    folders = [Path(a) for a in sys.argv[1:]] or [Path("Sources")]
    problems = [p for folder in folders for f in sorted(folder.rglob("*.swift")) for p in check(f)]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

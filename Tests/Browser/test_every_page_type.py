"""Every page type avtal writes outside the site, checked like the site's own pages.

The remiss package (`avtal remiss`: the letter, the response form, the redline, the decision pages
and the site inside it) and the compiled summary of responses (`avtal responses compile`, with the
copy of the accessibility statement written beside it) pass the Nu HTML Checker with 0 errors and
axe-core with 0 WCAG 2.1 A/AA violations. Every page, the site's included, links to the
accessibility statement in its footer by a path that exists, and no page holds an empty paragraph.
Last, the statement's claims about 320 px hold: pages do not scroll sideways, wide tables scroll in
their own box, and headings wrap long words.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import CORPUS, REPO_ROOT, emulate_width, require_avtal_binary, resolve_page, site_files
from test_accessibility import AXE_RUN_JS, _format_violations, axe_engine  # noqa: F401 (a fixture)
from test_html_valid import _run_checker, _split

VERSION = "remiss-2025"
RESPONSES = REPO_ROOT / "Tests" / "AvtalResponsesTests" / "Fixtures" / "responses" / VERSION

PACKAGE_PAGES = {
    "letter": "remissbrev.html",
    "form": "svar.html",
    "package-redline": "andringar.html",
    "package-decision": "beslut/*.html",
    "package-site-statement": "webbplats/tillganglighet.html",
}
SUMMARY_PAGES = {
    "summary": "sammanstallning.html",
    "summary-statement": "tillganglighet.html",
}


def _run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)


def _said(result: subprocess.CompletedProcess) -> str:
    return f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    """The remiss package of the fixture corpus, as a folder."""
    output = tmp_path_factory.mktemp("avtal-package")
    result = _run([str(require_avtal_binary()), "remiss", VERSION, "--root", str(CORPUS), "--output", str(output)])
    assert result.returncode == 0, f"`avtal remiss` exited with {result.returncode}\n{_said(result)}"
    folder = output / "remiss" / VERSION
    assert (folder / "remissbrev.html").is_file(), f"no remissbrev.html in {folder}"
    return folder


@pytest.fixture(scope="module")
def summary(tmp_path_factory) -> Path:
    """The summary compiled from the saved forms of the response fixtures."""
    responses = tmp_path_factory.mktemp("svar")
    for saved in sorted(RESPONSES.glob("remissvar-*.json")):
        shutil.copy(saved, responses / saved.name)
    output = tmp_path_factory.mktemp("sammanstallning") / "ut"
    result = _run([str(require_avtal_binary()), "responses", "compile", str(responses), "--root", str(CORPUS),
                   "--for", VERSION, "--output", str(output)])
    # 1: a fixture input is rejected on purpose; the files are written all the same.
    assert result.returncode in (0, 1), f"`avtal responses compile` exited with {result.returncode}\n{_said(result)}"
    assert (output / "sammanstallning.html").is_file(), f"no sammanstallning.html in {output}\n{_said(result)}"
    return output


def _folders(site: Path, package: Path, summary: Path) -> dict[str, Path]:
    return {"site": site, "package": package, "summary": summary}


# MARK: Nu HTML Checker


@pytest.mark.parametrize("which", ["package", "summary"])
def test_every_page_is_valid_html(which, package, summary):
    folder = {"package": package, "summary": summary}[which]
    pages = site_files(folder, ".html")
    assert pages, f"no pages in {folder}"
    report = _run_checker(folder)
    errors, warnings = _split(report, folder, ".html")
    if warnings:
        print(f"Nu HTML Checker: {len(warnings)} warning(s) in the {which}:\n  " + "\n  ".join(warnings))
    assert not errors, (f"the Nu HTML Checker reports {len(errors)} error(s) in the {which} "
                        f"({len(pages)} pages):\n  " + "\n  ".join(errors[:50]))


# MARK: axe-core


def _axe(driver, axe_engine, page: Path) -> None:
    from selenium_axe_python import Axe

    driver.get(page.as_uri())
    axe = Axe(driver, script_url=axe_engine["script"])
    axe.inject()
    outcome = driver.execute_async_script(AXE_RUN_JS, {"runOnly": {"type": "tag", "values": axe_engine["known"]}})
    assert outcome["ok"], f"axe.run failed on {page}: {outcome['error']}"
    assert outcome["results"].get("passes"), f"axe-core ran no passing rule on {page}: did it run at all?"
    violations = outcome["results"]["violations"]
    assert violations == [], _format_violations(str(page), violations)


@pytest.mark.parametrize("page", list(PACKAGE_PAGES.values()), ids=list(PACKAGE_PAGES.keys()))
def test_package_page_has_no_axe_violations(driver, axe_engine, package, page):
    _axe(driver, axe_engine, package / resolve_page(package, page))


@pytest.mark.parametrize("page", list(SUMMARY_PAGES.values()), ids=list(SUMMARY_PAGES.keys()))
def test_summary_page_has_no_axe_violations(driver, axe_engine, summary, page):
    _axe(driver, axe_engine, summary / page)


# MARK: The statement from every page


class _Footer(HTMLParser):
    """The links of a page's <footer> elements, and whether the page has an empty paragraph."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "footer":
            self.depth += 1
        elif tag == "a" and self.depth:
            self._href, self._text = dict(attrs).get("href"), ""

    def handle_endtag(self, tag):
        if tag == "footer":
            self.depth -= 1
        elif tag == "a" and self._href is not None:
            self.links.append((self._text.strip(), self._href))
            self._href = None

    def handle_data(self, data):
        if self._href is not None:
            self._text += data


@pytest.mark.parametrize("which", ["site", "package", "summary"])
def test_every_page_links_to_the_statement_in_its_footer(which, site, package, summary):
    folder = _folders(site, package, summary)[which]
    pages = site_files(folder, ".html")
    problems = []
    for page in pages:
        html = (folder / page).read_text(encoding="utf-8")
        if re.search(r"<p>\s*</p>", html):
            problems.append(f"{page}: an empty <p></p>")
        parser = _Footer()
        parser.feed(html)
        hrefs = [href for text, href in parser.links if text == "Tillgänglighetsredogörelse"]
        if not hrefs:
            problems.append(f"{page}: no link to Tillgänglighetsredogörelse in a <footer>")
            continue
        target = (folder / page).parent / hrefs[0]
        if not target.resolve().is_file() or target.resolve().name != "tillganglighet.html":
            problems.append(f"{page}: the footer links to {hrefs[0]}, which is not the statement")
    least = {"site": 20, "package": 5, "summary": 2}[which]
    assert len(pages) >= least, f"only {len(pages)} pages in the {which}: {pages}"
    assert not problems, f"{len(problems)} problem(s) in the {which}:\n  " + "\n  ".join(problems)


# MARK: What the statement says about 320 px


TABLE_METRICS_JS = """
// A cell as wide as a real one can be: a long compound word and a number that must not break.
const cell = document.querySelector('main table td');
if (cell) cell.textContent = 'Samverkansnämndsordförandeklubban 010-000 00 00 '.repeat(3).replace(/ /g, '\u00a0');
const doc = document.documentElement;
const tables = [...document.querySelectorAll('main table')];
return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth,
        tables: tables.map(t => ({scrollWidth: t.scrollWidth, clientWidth: t.clientWidth,
                                  overflowX: getComputedStyle(t).overflowX,
                                  caption: t.caption ? t.caption.textContent.trim() : null}))};
"""


def test_wide_tables_scroll_in_their_own_box_at_320px(driver, site):
    """The statement says text reflows at 320 px except in wide tables, which scroll inside their box."""
    page = site / "remiss-2025" / "eskaleringstrappa.html"
    statement = (site / "tillganglighet.html").read_text(encoding="utf-8")
    assert "utan vågrät rullning. Det gäller inte breda tabeller" in statement
    try:
        driver.get(page.as_uri())
        emulate_width(driver, 320, 800, mobile=True)
        metrics = driver.execute_script(TABLE_METRICS_JS)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert metrics["tables"], f"{page} has no table"
    assert metrics["scrollWidth"] <= metrics["clientWidth"], f"the page scrolls sideways at 320 px: {metrics}"
    assert metrics["tables"][0]["scrollWidth"] > metrics["tables"][0]["clientWidth"], (
        f"a table with a wide cell does not scroll at 320 px: {metrics}")
    for table in metrics["tables"]:
        assert table["overflowX"] == "auto", f"a table does not scroll in its own box: {table}"
        assert table["caption"] and table["caption"].startswith("Tabell i punkt"), f"a table without its caption: {table}"


def test_headings_wrap_long_words_at_320px(driver, site):
    """A heading made of one very long word stays inside a 320 px viewport."""
    page = site / "remiss-2025" / "hos-avtal.html"
    try:
        driver.get(page.as_uri())
        emulate_width(driver, 320, 800, mobile=True)
        metrics = driver.execute_script("""
          const h = document.querySelector('main h2');
          h.textContent = 'Hälsoochsjukvårdsavtalsförhandlingsdelegationssammanträdesprotokollen';
          const doc = document.documentElement;
          return {wrap: getComputedStyle(h).overflowWrap, right: h.getBoundingClientRect().right,
                  width: doc.clientWidth, scrollWidth: doc.scrollWidth};
        """)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert metrics["wrap"] == "anywhere", metrics
    assert metrics["scrollWidth"] <= metrics["width"], f"a long heading makes the page scroll sideways: {metrics}"

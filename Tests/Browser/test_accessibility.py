"""WCAG 2.1 AA checks of every page type in headless Chromium.

axe-core (via selenium-axe-python, bundled locally, nothing fetched) checks the WCAG 2.0/2.1 A and
AA rules; the remaining requirements of the site are checked in the browser directly: language,
one h1, heading levels that follow the clause tree, landmarks, the skip link, visible keyboard
focus, no horizontal scrolling at 320 CSS pixels, and changes that are not shown by colour alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import axe_script_path, emulate_width

# One page of every type. A glob means its first match.
PAGE_TYPES = {
    "site-index": "index.html",
    "accessibility-statement": "tillganglighet.html",
    "version-start": "remiss-2025/index.html",
    "working-start": "working/index.html",
    "document": "remiss-2025/hos-avtal.html",
    "document-with-table": "remiss-2025/eskaleringstrappa.html",
    "all-documents": "remiss-2025/alla.html",
    "redline": "remiss-2025/andringar.html",
    "decision": "remiss-2025/beslut-*.html",
    "glossary": "remiss-2025/begrepp.html",
    "patient-cases": "remiss-2025/patientfall.html",
    "search": "working/sok.html",
}

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pages = pytest.mark.parametrize("page", list(PAGE_TYPES.values()), ids=list(PAGE_TYPES.keys()))




@pytest.fixture(scope="session")
def axe_engine(driver, site):
    """What the injected axe-core knows: its version and which of AXE_TAGS it has rules for."""
    from selenium_axe_python import Axe

    script = axe_script_path()
    driver.get((site / "index.html").as_uri())
    Axe(driver, script_url=str(script)).inject()
    info = driver.execute_script("""
      const tags = arguments[0];
      return {version: axe.version,
              known: tags.filter(t => axe.getRules([t]).length > 0)};
    """, AXE_TAGS)
    info["script"] = str(script)
    return info


AXE_RUN_JS = """
const done = arguments[arguments.length - 1];
axe.run(document, arguments[0]).then(
  results => done({ok: true, results: results}),
  error => done({ok: false, error: String(error && error.stack || error)}));
"""


def _format_violations(page: str, violations: list[dict]) -> str:
    lines = [f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on {page}:"]
    for violation in violations:
        nodes = violation.get("nodes", [])
        lines.append(f"- {violation['id']} [{violation.get('impact')}]: {violation.get('help')} "
                     f"({len(nodes)} element(s); {violation.get('helpUrl', '')})")
        for node in nodes[:5]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {target}: {summary}")
            html = (node.get("html") or "").replace("\n", " ")
            if html:
                lines.append(f"      {html[:200]}")
        if len(nodes) > 5:
            lines.append(f"    ... and {len(nodes) - 5} more")
    return "\n".join(lines)


def test_axe_engine_knows_wcag21(axe_engine):
    """The engine must have rules for every requested tag, or WCAG 2.1 goes unchecked."""
    missing = [t for t in AXE_TAGS if t not in axe_engine["known"]]
    assert not missing, (
        f"axe-core {axe_engine['version']} ({axe_engine['script']}) has no rules tagged {missing}: "
        f"it predates WCAG 2.1 (axe.run rejects 'wcag21a' outright), so WCAG 2.1 success criteria "
        f"(e.g. 1.4.10 reflow, 1.3.5 input purpose) are not checked by axe. Use an axe-core 4.x: "
        f"selenium-axe-python (axe-core 4.9.1, same Axe API) instead of axe-selenium-python 2.1.6 "
        f"in scripts/requirements-test.txt, or point AXE_SCRIPT at an axe.min.js 4.x.")


@pages
def test_axe_wcag21_aa(open_page, page, axe_engine):
    from selenium_axe_python import Axe

    driver = open_page(page)
    axe = Axe(driver, script_url=axe_engine["script"])
    axe.inject()
    # Only tags the engine knows: axe.run rejects an unknown tag (test_axe_engine_knows_wcag21
    # reports that separately) instead of checking the rest.
    options = {"runOnly": {"type": "tag", "values": axe_engine["known"]}}
    outcome = driver.execute_async_script(AXE_RUN_JS, options)
    assert outcome["ok"], f"axe.run failed on {page}: {outcome['error']}"
    results = outcome["results"]
    assert results.get("passes"), f"axe-core ran no passing rule on {page}: did it run at all?"
    violations = results["violations"]
    assert violations == [], _format_violations(page, violations)


@pages
def test_lang_is_swedish(open_page, page):
    driver = open_page(page)
    lang = driver.execute_script("return document.documentElement.lang")
    assert lang == "sv", f'{page}: <html lang="{lang}">, expected "sv"'


@pages
def test_exactly_one_h1(open_page, page):
    driver = open_page(page)
    h1s = driver.execute_script(
        "return [...document.querySelectorAll('h1')].map(h => h.textContent.trim())")
    assert len(h1s) == 1, f"{page}: expected exactly one h1, found {len(h1s)}: {h1s}"
    assert h1s[0], f"{page}: the h1 is empty"


HEADINGS_JS = """
return [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => ({
  level: Number(h.tagName.substring(1)),
  text: h.textContent.replace(/\\s+/g, ' ').trim().substring(0, 80),
}));
"""


@pages
def test_heading_levels_never_skip(open_page, page):
    driver = open_page(page)
    headings = driver.execute_script(HEADINGS_JS)
    problems = _heading_problems(headings)
    assert not problems, f"{page}: heading levels skip:\n  " + "\n  ".join(problems)


CLAUSE_TREE_JS = """
const HEADING = ':scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6';
const level = h => h ? Number(h.tagName.substring(1)) : null;
const out = [];
for (const clause of document.querySelectorAll('section.clause, article.clause')) {
  const heading = clause.querySelector(HEADING);
  const number = heading && heading.querySelector('.number');
  const parentClause = clause.parentElement.closest('section.clause, article.clause');
  let parentHeading;
  if (parentClause) {
    parentHeading = parentClause.querySelector(HEADING);
  } else {
    const container = clause.parentElement.closest('section, article, main');
    parentHeading = container && container.querySelector(HEADING);
    if (!parentHeading && container && container.tagName === 'MAIN') {
      parentHeading = document.querySelector('main h1');
    }
  }
  out.push({
    id: clause.id, nested: clause.tagName === 'SECTION',
    level: level(heading), parentLevel: level(parentHeading),
    number: number ? number.textContent.trim() : null,
    text: heading ? heading.textContent.replace(/\\s+/g, ' ').trim().substring(0, 60) : null,
  });
}
return out;
"""


CLAUSE_PAGE_TYPES = ["document", "document-with-table", "all-documents", "redline"]


def _clause_tree_problems(clauses: list[dict]) -> list[str]:
    problems = []
    offsets = set()
    for clause in clauses:
        if clause["level"] is None:
            problems.append(f"#{clause['id']}: the clause has no heading of its own")
            continue
        if clause["parentLevel"] is None:
            problems.append(f"#{clause['id']}: no heading above the clause")
        elif clause["level"] != clause["parentLevel"] + 1:
            problems.append(f"#{clause['id']} {clause['text']!r}: h{clause['level']} under "
                            f"h{clause['parentLevel']}")
        if clause["nested"] and clause["number"]:
            offsets.add(clause["level"] - len(clause["number"].split(".")))
    if len(offsets) > 1:
        problems.append(f"clause numbers of the same depth sit at different heading levels "
                        f"(level minus depth: {sorted(offsets)})")
    return problems


def _heading_problems(headings: list[dict]) -> list[str]:
    problems = []
    if not headings:
        return ["no headings"]
    if headings[0]["level"] != 1:
        problems.append(f"the first heading is h{headings[0]['level']} ({headings[0]['text']!r}), not h1")
    for before, after in zip(headings, headings[1:]):
        if after["level"] > before["level"] + 1:
            problems.append(f"h{before['level']} {before['text']!r} -> h{after['level']} {after['text']!r}")
    return problems


@pytest.mark.parametrize("page", [PAGE_TYPES[t] for t in CLAUSE_PAGE_TYPES], ids=CLAUSE_PAGE_TYPES)
def test_heading_levels_follow_clause_tree(open_page, page):
    """A clause's heading is one level below its parent clause's (or its document's) heading."""
    driver = open_page(page)
    clauses = driver.execute_script(CLAUSE_TREE_JS)
    assert clauses, f"{page} has no clauses"
    problems = _clause_tree_problems(clauses)
    assert not problems, f"{page}: headings do not follow the clause tree:\n  " + "\n  ".join(problems[:20])


def test_every_page_heading_structure(open_page, html_pages):
    """Beyond one page of each type: every page of the site has one h1, no skipped level, and
    clause headings that follow the clause tree."""
    problems = []
    for relative in html_pages:
        driver = open_page(relative)
        headings = driver.execute_script(HEADINGS_JS)
        h1s = sum(1 for h in headings if h["level"] == 1)
        if h1s != 1:
            problems.append(f"{relative}: {h1s} h1 elements")
        problems += [f"{relative}: {p}" for p in _heading_problems(headings)]
        problems += [f"{relative}: {p}" for p in _clause_tree_problems(driver.execute_script(CLAUSE_TREE_JS))]
    assert not problems, "heading structure:\n  " + "\n  ".join(problems[:40])


LANDMARKS_JS = """
const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
const sectioning = 'article, aside, main, nav, section';
const top = el => !el.parentElement.closest(sectioning);
return {
  main: [...document.querySelectorAll('main, [role=main]')].filter(visible).length,
  banner: [...document.querySelectorAll('header, [role=banner]')]
      .filter(el => el.getAttribute('role') === 'banner' || top(el)).filter(visible).length,
  navigation: [...document.querySelectorAll('nav, [role=navigation]')].filter(visible).length,
  contentinfo: [...document.querySelectorAll('footer, [role=contentinfo]')]
      .filter(el => el.getAttribute('role') === 'contentinfo' || top(el)).filter(visible).length,
  navLabels: [...document.querySelectorAll('nav')].map(n =>
      n.getAttribute('aria-label') || (n.getAttribute('aria-labelledby') &&
        (document.getElementById(n.getAttribute('aria-labelledby')) || {}).textContent) || null),
};
"""


@pages
def test_landmarks(open_page, page):
    driver = open_page(page)
    found = driver.execute_script(LANDMARKS_JS)
    problems = []
    if found["main"] != 1:
        problems.append(f"{found['main']} main landmarks (expected exactly 1)")
    if found["banner"] != 1:
        problems.append(f"{found['banner']} banner landmarks (header outside sectioning content; expected 1)")
    if found["contentinfo"] != 1:
        problems.append(f"{found['contentinfo']} contentinfo landmarks (footer outside sectioning content; expected 1)")
    if found["navigation"] < 1:
        problems.append("no navigation landmark")
    labels = found["navLabels"]
    if len(labels) > 1 and (None in labels or len(set(labels)) != len(labels)):
        problems.append(f"several nav elements need distinct labels: {labels}")
    assert not problems, f"{page}: " + "; ".join(problems)


FOCUSABLE_JS = """
const selector = 'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type=hidden]),'
  + ' select:not([disabled]), textarea:not([disabled]), iframe, summary, [tabindex], [contenteditable]';
const all = [...document.querySelectorAll(selector)].filter(el => el.tabIndex >= 0);
const describe = el => el ? el.outerHTML.substring(0, 160) : null;
return {
  first: describe(all[0]),
  firstIsSkipLink: all[0] ? all[0].classList.contains('skip-link') || all[0].matches('a[href^="#"]') : false,
  positiveTabindex: all.filter(el => el.tabIndex > 0).map(describe),
};
"""


@pages
def test_skip_link_is_first_and_targets_main(open_page, page):
    driver = open_page(page)
    info = driver.execute_script(FOCUSABLE_JS)
    assert not info["positiveTabindex"], f"{page}: positive tabindex changes the focus order: {info['positiveTabindex']}"
    assert info["firstIsSkipLink"], f"{page}: the first focusable element is not a skip link: {info['first']}"

    # The first Tab from the top of the page lands on the skip link, which becomes visible.
    ActionChains(driver).send_keys(Keys.TAB).perform()
    skip = driver.execute_script("""
      const el = document.activeElement;
      const href = el.getAttribute('href') || '';
      const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.substring(1))) : null;
      const r = el.getBoundingClientRect();
      return {
        tag: el.tagName, html: el.outerHTML.substring(0, 160), text: el.textContent.trim(), href: href,
        targetIsMain: !!target && (target.tagName === 'MAIN' || target.getAttribute('role') === 'main'),
        targetTag: target ? target.tagName : null,
        onScreen: r.width > 1 && r.height > 1 && r.bottom > 0 && r.top < window.innerHeight
                  && r.right > 0 && r.left < window.innerWidth,
      };
    """)
    assert skip["tag"] == "A", f"{page}: the first Tab focuses {skip['html']}, not the skip link"
    assert skip["text"], f"{page}: the skip link has no text"
    assert skip["targetIsMain"], (f"{page}: the skip link {skip['href']!r} targets "
                                  f"{skip['targetTag']}, not the main element")
    assert skip["onScreen"], f"{page}: the focused skip link is not visible on screen: {skip['html']}"

    # Following it moves keyboard focus into the main content.
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    in_main = driver.execute_script(
        "const m = document.querySelector('main'); const a = document.activeElement;"
        "return !!m && (m === a || m.contains(a));")
    assert in_main, f"{page}: after activating the skip link, focus is not in <main>"


FOCUS_STYLE_JS = """
const el = document.activeElement;
const s = getComputedStyle(el);
return {
  html: el.outerHTML.substring(0, 160), tag: el.tagName,
  inMain: !!el.closest('main'), isSkip: el.classList.contains('skip-link'),
  focusVisible: el.matches(':focus-visible'),
  outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
  boxShadow: s.boxShadow,
};
"""


def _focus_is_visible(style: dict) -> bool:
    outline = style["outlineStyle"] not in ("none", "") and style["outlineWidth"] > 0
    shadow = style["boxShadow"] not in ("none", "")
    return outline or shadow


@pages
def test_visible_focus(open_page, page):
    """Keyboard focus on a link is visible: an outline or a box shadow.

    Tabs to the first link in the main content; pages without one (the redline, a decision)
    are checked on the first link after the skip link instead."""
    driver = open_page(page)
    has_main_link = driver.execute_script("return !!document.querySelector('main a[href]')")
    seen = []
    for _ in range(120):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        style = driver.execute_script(FOCUS_STYLE_JS)
        seen.append(style)
        if style["tag"] == "A" and not style["isSkip"] and (style["inMain"] or not has_main_link):
            break
    else:
        pytest.fail(f"{page}: no link reached after 120 Tab presses")
    for style in seen:
        if style["tag"] in ("A", "BUTTON", "INPUT", "SELECT", "TEXTAREA", "SUMMARY"):
            assert _focus_is_visible(style), (
                f"{page}: keyboard focus is invisible on {style['html']} "
                f"(outline-style {style['outlineStyle']}, outline-width {style['outlineWidth']}, "
                f"box-shadow {style['boxShadow']}, :focus-visible {style['focusVisible']})")


OVERFLOW_JS = """
const doc = document.documentElement;
const width = doc.clientWidth;
const wide = [];
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  if (r.right > width + 0.5 && !el.closest('.visually-hidden')) {
    // Only report the outermost offenders.
    const p = el.parentElement;
    if (p && p.getBoundingClientRect().right > width + 0.5 && p !== document.body) continue;
    wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
              (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\\s+/g, '.') : '') +
              ' right=' + Math.round(r.right));
  }
}
return {scrollWidth: doc.scrollWidth, clientWidth: width, innerWidth: window.innerWidth,
        bodyScrollWidth: document.body.scrollWidth, wide: wide.slice(0, 10)};
"""


@pages
def test_no_horizontal_scrolling_at_320px(open_page, page, driver):
    # The window cannot be made 320 px wide; device emulation gives a 320 CSS px viewport.
    emulate_width(driver, 320, 800, mobile=True)
    open_page(page)
    metrics = driver.execute_script(OVERFLOW_JS)
    assert metrics["innerWidth"] == 320 or metrics["clientWidth"] == 320, (
        f"{page}: the emulated viewport is {metrics['innerWidth']} px wide, not 320: {metrics}")
    assert metrics["scrollWidth"] <= metrics["clientWidth"], (
        f"{page}: horizontal scrolling at 320 px: scrollWidth {metrics['scrollWidth']} > "
        f"clientWidth {metrics['clientWidth']}; too wide: {metrics['wide']}")


CHANGES_JS = """
return [...document.querySelectorAll('main ins, main del')].map(el => {
  const s = getComputedStyle(el);
  const label = el.querySelector('.visually-hidden');
  const r = label ? label.getBoundingClientRect() : null;
  return {
    tag: el.tagName.toLowerCase(), html: el.outerHTML.substring(0, 160),
    decoration: s.textDecorationLine, decorationStyle: s.textDecorationStyle,
    label: label ? label.textContent.trim() : null,
    labelHidden: r ? (r.width <= 1 && r.height <= 1) : null,
    labelFirst: label ? el.firstElementChild === label : null,
  };
});
"""


def test_redline_changes_not_by_colour_alone(open_page):
    driver = open_page(PAGE_TYPES["redline"])
    changes = driver.execute_script(CHANGES_JS)
    assert changes, "the redline has no <ins> or <del> elements"
    assert {c["tag"] for c in changes} == {"ins", "del"}, "the redline should show both insertions and deletions"
    problems = []
    for change in changes:
        expected_line, expected_label = {"ins": ("underline", "Infogat"), "del": ("line-through", "Borttaget")}[change["tag"]]
        if expected_line not in change["decoration"].split():
            problems.append(f"{change['html']}: text-decoration-line is {change['decoration']!r}, expected {expected_line}")
        if not change["label"] or not change["label"].startswith(expected_label):
            problems.append(f"{change['html']}: no visually hidden label starting {expected_label!r} (got {change['label']!r})")
        elif not change["labelHidden"]:
            problems.append(f"{change['html']}: the label {change['label']!r} is visible on screen")
    assert not problems, (f"{len(problems)} change mark(s) on the redline rely on colour:\n  "
                          + "\n  ".join(problems[:15]))

"""Links of the built site, checked without a browser (html.parser from the standard library).

- every internal href/src resolves to a file of the site, and every #fragment to an id on the
  target page;
- nothing is loaded from outside: no http(s) stylesheet, script, image, frame or media, no
  @import, no remote url() and no @font-face in any CSS;
- clause references read "punkt N" (with "i <dokument>" across documents) and carry a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest

from conftest import site_files

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "data", "action", "formaction", "cite",
                  "background", "manifest", "icon"}
# Elements whose URL the browser fetches by itself (as opposed to a link the reader follows).
FETCHING = {"link", "script", "img", "iframe", "frame", "embed", "object", "source", "video",
            "audio", "track", "input", "image", "use", "base"}
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
ALLOWED_LINK_SCHEMES = {"http", "https", "mailto", "tel"}

DOCUMENT_PAGES = ["hos-avtal.html", "ok-betalningsansvar.html", "ok-psykisk-funktionsnedsattning.html",
                  "ok-munhalsa.html", "eskaleringstrappa.html"]


@dataclass
class Anchor:
    href: str
    text: str = ""
    title: str | None = None
    classes: tuple = ()
    in_toc: bool = False
    in_main: bool = False
    in_clause: bool = False
    line: int = 0


@dataclass
class Target:
    tag: str
    classes: tuple
    number: str | None = None
    heading: str | None = None


@dataclass
class Page:
    path: PurePosixPath
    ids: dict = field(default_factory=dict)  # id -> Target
    duplicate_ids: list = field(default_factory=list)
    urls: list = field(default_factory=list)  # (tag, attribute, value, line)
    anchors: list = field(default_factory=list)
    styles: list = field(default_factory=list)  # inline CSS: <style> and style=""
    text: str = ""


class PageParser(HTMLParser):
    """Collects ids, URLs, anchors (with text and context), inline CSS and visible text."""

    def __init__(self, path: PurePosixPath):
        super().__init__(convert_charrefs=True)
        self.page = Page(path)
        self.stack: list[tuple[str, tuple, str | None]] = []  # (tag, classes, id)
        self.anchor: Anchor | None = None
        self.in_style = False
        self.in_script = False
        self.style_buffer: list[str] = []
        self.text_parts: list[str] = []
        # The heading of a clause: collect its number and text for the clause's id.
        self.heading_for: str | None = None
        self.heading_number: list[str] = []
        self.heading_text: list[str] = []
        self.heading_depth = 0
        self.number_depth = 0
        self.text_depth = 0

    # Context helpers
    def _inside(self, tag: str | None = None, cls: str | None = None) -> bool:
        return any((tag is None or t == tag) and (cls is None or cls in c) for t, c, _ in self.stack)

    def _clause_without_heading(self) -> str | None:
        for tag, classes, ident in reversed(self.stack):
            if "clause" in classes and ident:
                target = self.page.ids.get(ident)
                if target is not None and target.heading is None:
                    return ident
                return None
        return None

    def handle_starttag(self, tag, attrs):
        attributes = {name: (value or "") for name, value in attrs}
        classes = tuple(attributes.get("class", "").split())
        ident = attributes.get("id")
        line = self.getpos()[0]
        if ident is not None:
            if ident in self.page.ids:
                self.page.duplicate_ids.append(ident)
            self.page.ids[ident] = Target(tag, classes)
        if tag == "a" and "name" in attributes:
            self.page.ids.setdefault(attributes["name"], Target(tag, classes))
        for name, value in attributes.items():
            if name in URL_ATTRIBUTES:
                values = [part.strip().split()[0] for part in value.split(",") if part.strip()] \
                    if name == "srcset" else [value]
                for item in values:
                    self.page.urls.append((tag, name, item, line))
            if name == "style":
                self.page.styles.append(value)
        if tag == "a" and "href" in attributes:
            self.anchor = Anchor(href=attributes["href"], title=attributes.get("title"), classes=classes,
                                 in_toc=self._inside("nav", "toc") or self._inside(cls="toc"),
                                 in_main=self._inside("main"), in_clause=self._inside(cls="clause"),
                                 line=line)
        if tag == "style":
            self.in_style, self.style_buffer = True, []
        if tag == "script":
            self.in_script = True
        if re.fullmatch(r"h[1-6]", tag):
            clause = self._clause_without_heading()
            if clause:
                self.heading_for, self.heading_number, self.heading_text = clause, [], []
                self.heading_depth = len(self.stack) + 1
        if self.heading_for and tag == "span" and "number" in classes:
            self.number_depth = len(self.stack) + 1
        if self.heading_for and tag == "span" and "heading-text" in classes:
            self.text_depth = len(self.stack) + 1
        if tag not in VOID:
            self.stack.append((tag, classes, ident))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "style" and self.in_style:
            self.page.styles.append("".join(self.style_buffer))
            self.in_style = False
        if tag == "script":
            self.in_script = False
        if tag == "a" and self.anchor is not None:
            self.anchor.text = re.sub(r"\s+", " ", self.anchor.text).strip()
            self.page.anchors.append(self.anchor)
            self.anchor = None
        # Pop to the matching open element (tolerates omitted end tags such as </p>, </li>).
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                depth = index + 1
                if self.number_depth == depth:
                    self.number_depth = 0
                if self.text_depth == depth:
                    self.text_depth = 0
                if self.heading_for and self.heading_depth == depth:
                    target = self.page.ids[self.heading_for]
                    target.number = "".join(self.heading_number).strip() or None
                    target.heading = re.sub(r"\s+", " ", "".join(self.heading_text)).strip()
                    self.heading_for = None
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self.in_style:
            self.style_buffer.append(data)
            return
        if self.in_script:
            return
        self.text_parts.append(data)
        if self.anchor is not None and not self._inside(cls="visually-hidden"):
            self.anchor.text += data
        if self.heading_for:
            if self.number_depth:
                self.heading_number.append(data)
            elif self.text_depth:
                self.heading_text.append(data)

    def close(self):
        super().close()
        self.page.text = "".join(self.text_parts)


def _parse(path: Path, relative: str) -> Page:
    parser = PageParser(PurePosixPath(relative))
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


@pytest.fixture(scope="module")
def parsed(site) -> dict[str, Page]:
    return {str(rel.as_posix()): _parse(site / rel, str(rel.as_posix())) for rel in site_files(site, ".html")}


def _resolve(page: PurePosixPath, url: str) -> tuple[str | None, str | None]:
    """(target file relative to the site root, fragment) of an internal URL; (None, None) for "".

    A path that leaves the site root comes back starting with "../"."""
    parts = urlsplit(url)
    fragment = unquote(parts.fragment) if "#" in url else None
    if not parts.path:
        return str(page), fragment
    joined = []
    for segment in (page.parent / unquote(parts.path)).parts:
        if segment == "..":
            if joined and joined[-1] != "..":
                joined.pop()
            else:
                joined.append("..")
        elif segment != ".":
            joined.append(segment)
    target = "/".join(joined)
    if parts.path.endswith("/"):
        target += "/"
    return target, fragment


def test_site_has_the_expected_pages(parsed):
    expected = {"index.html", "tillganglighet.html", "remiss-2025/andringar.html"}
    for version in ("working", "remiss-2025"):
        expected |= {f"{version}/index.html", f"{version}/alla.html", f"{version}/sok.html"} | {f"{version}/{p}" for p in DOCUMENT_PAGES}
    missing = sorted(expected - set(parsed))
    assert not missing, f"pages missing from the site: {missing}"
    assert any(p.startswith("remiss-2025/beslut-") for p in parsed), "no decision page (beslut-*.html)"


def test_ids_are_unique(parsed):
    problems = [f"{name}: {sorted(set(page.duplicate_ids))}" for name, page in parsed.items() if page.duplicate_ids]
    assert not problems, "duplicate ids:\n  " + "\n  ".join(problems)


def test_internal_links_resolve(site, parsed):
    problems = []
    checked = 0
    for name, page in parsed.items():
        for tag, attribute, url, line in page.urls:
            if attribute == "cite" or (tag == "a" and attribute != "href"):
                continue
            scheme = urlsplit(url).scheme.lower()
            if scheme in ALLOWED_LINK_SCHEMES:
                continue
            where = f"{name}:{line} <{tag} {attribute}=\"{url}\">"
            if EXTERNAL.match(url):
                problems.append(f"{where}: scheme {scheme or '//'} is neither internal nor http(s)/mailto")
                continue
            checked += 1
            target, fragment = _resolve(page.path, url)
            if target.startswith("../"):
                problems.append(f"{where}: leaves the site folder")
                continue
            if target.endswith("/") or (site / target).is_dir():
                problems.append(f"{where}: links to a folder, which does not open from file://")
                continue
            if not (site / target).is_file():
                problems.append(f"{where}: no such file {target}")
                continue
            if fragment is not None:
                if not target.endswith(".html"):
                    problems.append(f"{where}: a fragment on a non-HTML file")
                elif fragment == "":
                    problems.append(f"{where}: empty fragment")
                elif fragment not in parsed[target].ids:
                    problems.append(f"{where}: no id \"{fragment}\" in {target}")
    # The fixture corpus's site holds some 750 internal URLs (navigation, references, glossary, cases).
    assert checked > 600, f"only {checked} internal URLs checked: is the site complete?"
    assert not problems, f"{len(problems)} broken internal link(s):\n  " + "\n  ".join(problems[:60])


CSS_IMPORT = re.compile(r"@import\b", re.I)
CSS_FONT_FACE = re.compile(r"@font-face\b", re.I)
CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I)


def _css_problems(css: str, where: str, base: PurePosixPath | None, site: Path) -> list[str]:
    problems = []
    if CSS_IMPORT.search(css):
        problems.append(f"{where}: @import")
    if CSS_FONT_FACE.search(css):
        problems.append(f"{where}: @font-face (web fonts are not allowed; use system fonts)")
    for match in CSS_URL.finditer(css):
        url = match.group(2).strip()
        if url.startswith("data:") or url.startswith("#"):
            continue
        if EXTERNAL.match(url):
            problems.append(f"{where}: external url({url})")
        elif base is not None:
            target, _ = _resolve(base, url)
            if target is None or not (site / target).is_file():
                problems.append(f"{where}: url({url}) does not resolve")
    return problems


def test_no_external_resources(site, parsed):
    problems = []
    for name, page in parsed.items():
        for tag, attribute, url, line in page.urls:
            if tag in FETCHING and EXTERNAL.match(url) and not url.lower().startswith("data:"):
                problems.append(f"{name}:{line} <{tag} {attribute}=\"{url}\"> loads from outside the site")
        for css in page.styles:
            problems += _css_problems(css, f"{name} (inline CSS)", page.path, site)
    stylesheets = site_files(site, ".css")
    assert [str(s) for s in stylesheets] == ["style.css"], f"expected style.css as the only stylesheet, found {stylesheets}"
    for sheet in stylesheets:
        problems += _css_problems((site / sheet).read_text(encoding="utf-8"), str(sheet),
                                  PurePosixPath(sheet.as_posix()), site)
    # The only scripts are the search's: sok.js at the root and each version's index, which is data.
    scripts = sorted(str(s) for s in site_files(site, ".js"))
    versions = sorted({str(p.parent) for p in site_files(site, ".html") if str(p.parent) != "."})
    expected = sorted(["sok.js"] + [f"{v}/sokindex.js" for v in versions])
    if scripts != expected:
        problems.append(f"the site ships scripts {scripts}, expected only the search's {expected}")
    search = (site / "sok.js").read_text(encoding="utf-8") if (site / "sok.js").is_file() else ""
    for word in ("fetch(", "XMLHttpRequest", "import(", "http://", "https://", "innerHTML", "insertAdjacentHTML"):
        if word in search:
            problems.append(f"sok.js uses {word}: the search must load nothing and write corpus text as text")
    assert not problems, "external resources:\n  " + "\n  ".join(problems)


def test_every_page_uses_the_one_stylesheet(parsed):
    problems = []
    for name, page in parsed.items():
        sheets = [url for tag, attribute, url, _ in page.urls if tag == "link" and attribute == "href"]
        target = [_resolve(page.path, s)[0] for s in sheets]
        if target != ["style.css"]:
            problems.append(f"{name}: stylesheets {sheets}")
    assert not problems, "every page should link exactly the site's style.css:\n  " + "\n  ".join(problems)


def _clause_references(parsed: dict[str, Page], name: str):
    """(anchor, target page name, target) for every link from a clause's text to a clause."""
    page = parsed[name]
    for anchor in page.anchors:
        if not anchor.in_main or anchor.in_toc or "permalink" in anchor.classes or not anchor.in_clause:
            continue
        if EXTERNAL.match(anchor.href):
            continue
        target_name, fragment = _resolve(page.path, anchor.href)
        if not fragment or target_name not in parsed:
            continue
        target = parsed[target_name].ids.get(fragment)
        if target is None or "clause" not in target.classes:
            continue
        yield anchor, target_name, target


def _reference_pages(parsed):
    return [name for name in parsed
            if PurePosixPath(name).name in DOCUMENT_PAGES + ["alla.html"]]


def test_clause_references_read_punkt_with_title(parsed):
    problems = []
    count = 0
    for name in _reference_pages(parsed):
        for anchor, target_name, target in _clause_references(parsed, name):
            count += 1
            where = f"{name}:{anchor.line} <a href=\"{anchor.href}\">{anchor.text}</a>"
            # A range or list of references reads as one label, "punkterna 6.1 och 6.2 i …": its first
            # link says "punkterna N", the others only their number, and the last names the document.
            match = re.fullmatch(r"(punkt |punkterna |)(\d\S*)( i .+)?", anchor.text)
            if not match:
                problems.append(f"{where}: the link text does not read \"punkt N\"")
                continue
            if target.number and match.group(2) != target.number:
                problems.append(f"{where}: says punkt {match.group(2)}, the target is punkt {target.number}")
            if target_name != name and not match.group(3) and match.group(1) == "punkt ":
                problems.append(f"{where}: a reference to another document does not name it (\"punkt N i …\")")
            if not anchor.title or not anchor.title.strip():
                problems.append(f"{where}: no title attribute")
            elif target.heading and target.heading not in anchor.title:
                problems.append(f"{where}: title {anchor.title!r} does not name the clause {target.heading!r}")
    # The fixture corpus has 20 clause references, each on its document page and on alla.html, in two versions.
    assert count >= 80, f"only {count} clause references found in the document pages"
    assert not problems, f"{len(problems)} clause reference(s) read wrong:\n  " + "\n  ".join(problems[:40])


def test_known_references_on_munhalsa(parsed):
    name = "remiss-2025/ok-munhalsa.html"
    references = list(_clause_references(parsed, name))
    local = [a for a, target_name, _ in references if a.href == "#malgrupp"]
    assert local, f"{name}: no reference to #malgrupp in the clause text"
    for anchor in local:
        assert anchor.text == "punkt 3", f"{name}: the link to #malgrupp reads {anchor.text!r}, expected 'punkt 3'"
        assert anchor.title and "Målgrupp" in anchor.title, f"{name}: the link to #malgrupp has title {anchor.title!r}"
    cross = [a for a, target_name, _ in references if target_name == "remiss-2025/hos-avtal.html"]
    assert cross, f"{name}: no clause reference to hos-avtal.html"
    texts = [anchor.text for anchor in cross]
    # "[](hos-avtal#forlangning) och [](hos-avtal#uppsagning)" reads as one label, the document named once.
    assert "punkterna 6.1" in texts and "6.2 i hälso- och sjukvårdsavtalet" in texts, (
        f"{name}: the two references to hos-avtal read {texts!r}, expected 'punkterna 6.1' and '6.2 i hälso- och sjukvårdsavtalet'")
    for anchor in cross:
        # The document is named as running text names it: lower case, definite form; a list of two
        # references reads as one label, the document named once.
        assert re.fullmatch(r"(punkt |punkterna |)\d+(\.\d+)*( i hälso- och sjukvårdsavtalet)?", anchor.text), (
            f"{name}: the link to {anchor.href} reads {anchor.text!r}, "
            f"expected 'punkt N i hälso- och sjukvårdsavtalet' or a part of a list")
        assert anchor.title and "i hälso- och sjukvårdsavtalet" in anchor.title, f"{name}: the link to {anchor.href} has title {anchor.title!r}"


RAW_REFERENCE = re.compile(r"\[[^\]\n]*\]\((?:[a-z0-9-]+)?(?:#[a-z0-9-]+)?\)")


def test_no_unrendered_reference_syntax(parsed):
    """A reference written `[](#id)` or `[](dokument#id)` is shown as "punkt N …", never as source."""
    problems = []
    for name, page in parsed.items():
        for match in RAW_REFERENCE.finditer(page.text):
            start = max(0, match.start() - 40)
            context = page.text[start:match.end() + 20].replace("\n", " ")
            problems.append(f"{name}: {match.group(0)}   «…{context}…»")
    assert not problems, (f"{len(problems)} reference(s) shown as Markdown source instead of "
                          f"\"punkt N …\":\n  " + "\n  ".join(problems[:30]))

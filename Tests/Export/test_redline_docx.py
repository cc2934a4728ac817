"""`avtal diff --format docx`: the redline as Word tracked changes, resolved by LibreOffice."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import CORPUS, VERSION, avtal, avtal_ok

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def redline(tmp_path_factory) -> tuple[Path, Path]:
    """The Word redline and the HTML redline of the same diff, working → remiss-2025."""
    out = tmp_path_factory.mktemp("redline")
    avtal_ok("diff", "--root", str(CORPUS), "working", VERSION, "--format", "docx", "--output", str(out / "andringar.docx"))
    avtal_ok("diff", "--root", str(CORPUS), "working", VERSION, "--output", str(out / "andringar.html"))
    return out / "andringar.docx", out / "andringar.html"


def clause_bodies(markdown: Path) -> dict[str, str]:
    """Heading text → the clause's own text, whitespace collapsed, from a Markdown source."""
    text = markdown.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    bodies, heading = {}, None
    for line in text.splitlines():
        match = re.match(r"^#+ (.*?) \{#[a-z0-9-]+\}$", line)
        if match:
            heading = match.group(1)
            bodies[heading] = ""
        elif heading is not None:
            bodies[heading] += " " + line
    return {h: " ".join(b.split()) for h, b in bodies.items()}


def test_one_revision_per_change_each_with_the_deciding_body_and_date(redline):
    docx_path, html_path = redline
    page = lxml.html.parse(str(html_path))
    expected = len(page.xpath("//main//ins")) + len(page.xpath("//main//del"))
    with zipfile.ZipFile(docx_path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    revisions = list(body.iter(f"{W}ins")) + list(body.iter(f"{W}del"))
    assert expected > 0
    assert len(revisions) == expected
    for revision in revisions:
        assert revision.get(f"{W}author") == "SRO"
        assert revision.get(f"{W}date") == "2025-01-30T00:00:00Z"
    # Every annotation has an ID of its own (pandoc numbers insertions and deletions each from 1).
    ids = [r.get(f"{W}id") for r in revisions]
    bookmarks = {b.get(f"{W}id") for b in body.iter(f"{W}bookmarkStart")}
    assert len(set(ids)) == len(ids) and not set(ids) & bookmarks


def document_titles(html: Path) -> set[str]:
    page = lxml.html.parse(str(html))
    return {" ".join(h.text_content().split()) for h in page.xpath("//section[contains(@class,'document')]/h2")}


def redline_clauses(html: Path, mode: str) -> list[tuple[str, str]]:
    """(heading line, body) of each clause in the HTML redline, with its insertions kept and its
    deletions dropped for 'accept', the other way round for 'reject'; whitespace collapsed."""
    page = lxml.html.parse(str(html))
    for hidden in page.xpath("//*[contains(@class,'visually-hidden')]"):
        hidden.drop_tree()
    # The space the redline writes between a deletion and an insertion that touch is a reading aid,
    # not text of either version.
    for change in page.xpath("//del | //ins"):
        following = change.getnext()
        if change.tail == " " and following is not None and following.tag in {"del", "ins"} and following.tag != change.tag:
            change.tail = ""
    for dropped in page.xpath("//del" if mode == "accept" else "//ins"):
        dropped.drop_tree()
    clauses = []
    for article in page.xpath("//article[contains(@class,'clause')][not(contains(@class,'preamble'))]"):
        heading = " ".join(article.xpath("./h3")[0].text_content().split())
        body = article.xpath("./div[@class='text']")
        clauses.append((heading, " ".join(body[0].text_content().split()) if body else ""))
    return clauses


def resolved_bodies(text: str, headings: set[str], titles: set[str]) -> dict[str, str]:
    """Heading line → the text under it up to the next heading or document title, in LibreOffice's
    text of the redline."""
    found, heading = {}, None
    for line in text.splitlines():
        line = " ".join(line.split())
        if line in titles:
            heading = None
        elif line in headings:
            heading = line
            found[heading] = ""
        elif heading is not None and line:
            found[heading] += " " + line
    return {h: b.strip() for h, b in found.items()}


@pytest.mark.parametrize("mode", ["accept", "reject"])
def test_accepting_every_change_gives_the_new_text_and_rejecting_the_old(tmp_path, libreoffice, redline, mode):
    text = libreoffice.resolve(redline[0], mode, tmp_path / f"{mode}.txt")
    clauses = redline_clauses(redline[1], mode)
    assert any(body for _, body in clauses)
    found = resolved_bodies(text, {heading for heading, _ in clauses}, document_titles(redline[1]))
    for heading, body in clauses:
        assert found.get(heading) == body, heading


def test_accepted_clauses_are_the_new_source_text(tmp_path, libreoffice, redline):
    """Where a clause's source holds no reference (which the redline shows by its label) and its heading
    is unique, its accepted text is exactly the Markdown of the published version."""
    text = libreoffice.resolve(redline[0], "accept", tmp_path / "accept.txt")
    sources, seen = {}, []
    for markdown in (CORPUS / "versions" / VERSION).rglob("*.md"):
        bodies = clause_bodies(markdown)
        seen += list(bodies)
        sources.update({h: b for h, b in bodies.items() if "](" not in b})
    # A heading that several documents share ("Giltighetstid") cannot be told apart in the text.
    sources = {h: b for h, b in sources.items() if seen.count(h) == 1}
    headings = {line for line in map(str.strip, text.splitlines()) if re.sub(r"^[0-9.]+ ", "", line) in sources}
    found = resolved_bodies(text, headings | {h for h, _ in redline_clauses(redline[1], "accept")},
                            document_titles(redline[1]))
    found = {h: b for h, b in found.items() if h in headings}
    compared = [(h, b) for h, b in found.items() if b]
    assert compared
    for heading, body in compared:
        assert body == sources[re.sub(r"^[0-9.]+ ", "", heading)], heading

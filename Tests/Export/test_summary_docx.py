"""`avtal responses compile --docx`: the summary of responses as a Word file, read back by LibreOffice
and python-docx."""

from __future__ import annotations

import json

import docx

from conftest import CORPUS, REPO_ROOT, avtal, avtal_ok

RESPONSES = REPO_ROOT / "Tests/AvtalResponsesTests/Fixtures/responses/remiss-2025"


def compile_summary(out, *extra):
    # The fixture set holds rejected files on purpose: the run exits 1 and still writes the summary.
    result = avtal("responses", "compile", str(RESPONSES), "--for", "remiss-2025", "--root", str(CORPUS),
                   "--output", str(out), "--docx", *extra)
    assert result.returncode in (0, 1), result.stderr
    return out / "sammanstallning.docx"


def test_the_summary_as_word_holds_the_account_and_every_comment(tmp_path, libreoffice):
    summary = compile_summary(tmp_path / "out")
    text = libreoffice.convert([summary], "txt:Text (encoded):UTF8", tmp_path / "txt")["sammanstallning"].read_text(encoding="utf-8-sig")
    data = json.loads((tmp_path / "out" / "sammanstallning.json").read_text(encoding="utf-8"))
    assert "27 svar lästes in: 17 godtogs" in text
    comments = data["comments"]
    assert comments
    # Every comment's text is in the Word file, word for word (whitespace aside).
    flat = " ".join(text.split())
    for comment in comments:
        assert " ".join(comment["text"].split())[:80] in flat, comment["id"]
    # What only a browser uses is left out: the filter form, the skip link.
    assert "Hoppa till innehållet" not in text
    assert "Alla kommentarer" not in text


def test_the_summary_as_word_has_headings_and_properties(tmp_path):
    document = docx.Document(str(compile_summary(tmp_path / "out")))
    assert document.core_properties.title == "Sammanställning av remissvar – Remissversion"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Översikt" in headings and "Kommentarer punkt för punkt" in headings
    assert any(h.startswith("Hälso- och sjukvårdsavtal") for h in headings)


def test_a_missing_pandoc_writes_nothing(tmp_path):
    out = tmp_path / "out"
    result = avtal("responses", "compile", str(RESPONSES), "--for", "remiss-2025", "--root", str(CORPUS),
                   "--output", str(out), "--docx", env={"PATH": "/nonexistent", "PANDOC": "/nonexistent/pandoc"})
    assert result.returncode == 2
    assert "pandoc" in result.stderr
    assert not out.exists()


def test_two_compilations_give_the_same_word_file(tmp_path):
    a = compile_summary(tmp_path / "a").read_bytes()
    b = compile_summary(tmp_path / "b").read_bytes()
    assert a == b

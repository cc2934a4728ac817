"""`avtal amendments --format docx`: the ändringsbeslut as a Word file, read back by LibreOffice."""

from __future__ import annotations

import re
import zipfile

import docx

from conftest import CORPUS, avtal, avtal_ok

PATCH = "sro-2025-01-30-rattelse"


def test_the_amendment_as_word_holds_the_text_of_the_markdown(tmp_path, libreoffice):
    out = tmp_path / "beslut.docx"
    avtal_ok("amendments", PATCH, "--root", str(CORPUS), "--format", "docx", "--output", str(out))
    markdown = avtal_ok("amendments", PATCH, "--root", str(CORPUS)).stdout
    text = libreoffice.convert([out], "txt:Text (encoded):UTF8", tmp_path / "txt")["beslut"].read_text(encoding="utf-8-sig")
    # The Markdown's words without its markup (heading marks, list dashes, quote marks, bold).
    expected = [w for w in re.sub(r"[*>#]", " ", markdown).split() if w not in {"-"}]
    found = [w for w in text.split() if w not in {"•", "-", "–"}]
    assert found == expected
    document = docx.Document(str(out))
    assert document.core_properties.title == document.paragraphs[0].text
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 2"][0] == "Skäl"


def test_without_output_the_word_format_is_refused(tmp_path):
    result = avtal("amendments", PATCH, "--root", str(CORPUS), "--format", "docx")
    assert result.returncode == 2
    assert "--output" in result.stderr


def test_two_exports_are_byte_identical(tmp_path):
    for name in ("a.docx", "b.docx"):
        avtal_ok("amendments", PATCH, "--root", str(CORPUS), "--format", "docx", "--output", str(tmp_path / name))
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.docx") as z:
        assert "sv-SE" in z.read("docProps/core.xml").decode()

"""`avtal export --format pdf`: the printed texts as poppler reads them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import CORPUS, VERSION, avtal, export


def run(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def pages(pdf: Path) -> list[str]:
    count = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(pdf))).group(1))
    return [run("pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-") for n in range(1, count + 1)]


@pytest.fixture(scope="module")
def pdf_export(tmp_path_factory, corpus) -> Path:
    return export(corpus, tmp_path_factory.mktemp("pdf") / "pdf", VERSION, "pdf")


def test_one_pdf_per_document_and_one_with_every_text(pdf_export):
    assert sorted(p.name for p in pdf_export.glob("*.pdf")) == [
        "alla.pdf", "eskaleringstrappa.pdf", "hos-avtal.pdf", "ok-betalningsansvar.pdf", "ok-munhalsa.pdf",
        "ok-psykisk-funktionsnedsattning.pdf"]


@pytest.mark.parametrize("name, title", [("alla", "Hälso- och sjukvårdsavtal mellan"),
                                         ("hos-avtal", "Hälso- och sjukvårdsavtal mellan"),
                                         ("ok-munhalsa", "Överenskommelse om munhälsa")])
def test_every_page_has_the_running_header_and_sida_n_av_m(pdf_export, name, title):
    texts = pages(pdf_export / f"{name}.pdf")
    assert len(texts) > 1 or name != "alla"
    for number, text in enumerate(texts, start=1):
        header = " ".join(" ".join(text.splitlines()[:2]).split())
        assert header.startswith(title), (name, number, header)
        assert "Remissversion (remiss-2025), publicerad den 1" in header, (name, number)
        assert f"Sida {number} av {len(texts)}" in text, (name, number)


def test_citations_and_references_print_as_text_without_addresses(pdf_export):
    text = " ".join(pages(pdf_export / "hos-avtal.pdf"))
    assert "16 kap. 4 § hälso- och sjukvårdslagen (2017:30)" in " ".join(text.split())
    assert "http" not in text and "file:" not in text
    raw = (pdf_export / "alla.pdf").read_bytes()
    assert b"file://" not in raw and b"/tmp/" not in raw


def test_fonts_are_embedded_and_the_pdf_is_tagged_with_title_and_language(pdf_export):
    pdf = pdf_export / "ok-munhalsa.pdf"
    fonts = run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts
    for line in fonts:
        assert line.split()[-5] == "yes", line
    info = run("pdfinfo", str(pdf))
    assert re.search(r"^Title:\s+Överenskommelse om munhälsa", info, re.M)
    assert re.search(r"^Tagged:\s+yes", info, re.M)
    assert b"/Lang (sv)" in pdf.read_bytes()


def test_two_exports_are_byte_identical(tmp_path, corpus, pdf_export):
    again = export(corpus, tmp_path / "again", VERSION, "pdf")
    assert {p.name: p.read_bytes() for p in pdf_export.glob("*.pdf")} == {p.name: p.read_bytes() for p in again.glob("*.pdf")}
    assert "CreationDate:    Sat Feb  1 00:00:00 2025 UTC" in run("pdfinfo", str(again / "alla.pdf"))


def test_without_chromium_nothing_is_written_and_the_package_is_named(tmp_path):
    out = tmp_path / "out"
    result = avtal("export", VERSION, "--root", str(CORPUS), "--format", "pdf", "--output", str(out),
                   env={"PATH": str(tmp_path), "CHROMIUM": ""})
    assert result.returncode == 2, result.stderr
    assert "apt-get install chromium" in result.stderr
    assert not out.exists()


@pytest.fixture(scope="module")
def remiss_pdfs(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("remiss")
    result = avtal("remiss", VERSION, "--root", str(CORPUS), "--output", str(out), "--pdf")
    assert result.returncode == 0, result.stderr
    return out / "remiss" / VERSION / "pdf"


@pytest.mark.parametrize("name, header", [("remissbrev", "Remissbrev"), ("svar", "Svarsformulär"),
                                           ("ok-munhalsa", "Överenskommelse om munhälsa")])
def test_the_remiss_package_prints_the_letter_the_blank_form_and_every_text(remiss_pdfs, name, header):
    texts = pages(remiss_pdfs / f"{name}.pdf")
    for number, text in enumerate(texts, start=1):
        top = " ".join(" ".join(text.splitlines()[:2]).split())
        assert top.startswith(header) and "Remissversion (remiss-2025), publicerad den 1 februari 2025" in top, (name, number)
        assert f"Sida {number} av {len(texts)}" in text, (name, number)
        assert "http" not in text, (name, number)
    assert b"/Lang (sv)" in (remiss_pdfs / f"{name}.pdf").read_bytes()

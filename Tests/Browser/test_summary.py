"""The summary of the acceptance fixture (Tests/Fixtures/remissvar-60: 60 inputs from the 49 municipalities,
the kommunalförbund and the region's boards, three late, Göteborg three times, a survey export): the page
passes the Nu checker and axe, opens with the overview above the fold at 1280 px, its filters work and
the page is whole without JavaScript; the CSV opens in a spreadsheet set to Swedish; the account adds up.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import CORPUS, REPO_ROOT, require_avtal_binary, reset_viewport
from test_accessibility import AXE_RUN_JS, _format_violations
from test_html_valid import _run_checker, _split

FIXTURE = REPO_ROOT / "Tests" / "Fixtures" / "remissvar-60"
VERSION = "remiss-2025"


@pytest.fixture(scope="module")
def compiled(tmp_path_factory) -> Path:
    """The fixture corpus with the full consultee list of the fixture, and the 60 inputs compiled."""
    work = tmp_path_factory.mktemp("sammanstallning")
    corpus = work / "korpus"
    shutil.copytree(CORPUS, corpus)
    shutil.copy(FIXTURE / "remissinstanser.yml", corpus / "remissinstanser.yml")
    output = work / "ut"
    command = [str(require_avtal_binary()), "responses", "compile", str(FIXTURE / "svar"), "--root", str(corpus),
               "--for", VERSION, "--output", str(output)]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    said = f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    # The cover letter is rejected: exit 1, and everything is written all the same.
    assert result.returncode == 1, said
    assert result.stdout.splitlines()[-1] == "files: 60 read, 57 accepted, 2 superseded, 1 rejected", said
    return output


def test_the_summary_is_valid_html(compiled):
    report = _run_checker(compiled)
    errors, _ = _split(report, compiled, ".html")
    assert not errors, "the Nu HTML Checker reports errors in the summary:\n  " + "\n  ".join(errors[:50])


def test_the_summary_passes_axe(driver, compiled):
    from test_accessibility import AXE_TAGS
    from selenium_axe_python import Axe
    from conftest import axe_script_path

    reset_viewport(driver)
    driver.get((compiled / "sammanstallning.html").as_uri())
    Axe(driver, script_url=str(axe_script_path())).inject()
    outcome = driver.execute_async_script(AXE_RUN_JS, {"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert outcome["ok"], outcome.get("error")
    violations = outcome["results"]["violations"]
    assert not violations, _format_violations("sammanstallning.html", violations)


def test_the_overview_is_above_the_fold_at_1280(driver, compiled, tmp_path):
    driver.set_window_size(1280, 900)
    driver.get((compiled / "sammanstallning.html").as_uri())
    height = driver.execute_script("return window.innerHeight")
    figure = driver.find_element(By.ID, "oversikt")
    box = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, r.width];", figure)
    driver.save_screenshot(str(tmp_path / "sammanstallning-1280.png"))
    assert box[0] < 200, f"the overview starts {box[0]} px down"
    assert box[1] <= height, f"the overview ends at {box[1]} px, below the fold at {height} px"
    assert box[2] > 600, f"the overview is only {box[2]} px wide"
    # Nothing but the page title comes before it.
    before = driver.execute_script(
        "const main = document.querySelector('main'); const first = main.querySelector('section.overview');"
        "return Array.from(main.children).slice(0, Array.from(main.children).indexOf(first)).map(e => e.tagName);")
    assert before == ["H1"], before
    reset_viewport(driver)


def test_the_filters_narrow_the_comments(driver, compiled):
    reset_viewport(driver)
    driver.get((compiled / "sammanstallning.html").as_uri())
    form = driver.find_element(By.ID, "filter")
    assert form.is_displayed(), "with JavaScript the filters are shown"
    comments = driver.find_elements(By.CSS_SELECTOR, "article.comment")
    total = len(comments)
    Select(driver.find_element(By.ID, "filter-part")).select_by_value("regionen")
    shown = [c for c in comments if c.is_displayed()]
    assert 0 < len(shown) < total
    assert all(c.get_attribute("data-party") == "regionen" for c in shown)
    Select(driver.find_element(By.ID, "filter-slag")).select_by_value("fungerar-bra")
    shown = [c for c in comments if c.is_displayed()]
    assert shown and all("Fungerar bra" in c.text for c in shown)
    assert driver.find_element(By.ID, "filter-status").text == f"Visar {len(shown)} av {total} kommentarer."
    Select(driver.find_element(By.ID, "filter-part")).select_by_value("")
    Select(driver.find_element(By.ID, "filter-slag")).select_by_value("")
    assert all(c.is_displayed() for c in comments)


def test_without_javascript_every_comment_is_shown(compiled, tmp_path):
    from conftest import start_chromium

    browser = start_chromium()
    try:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        browser.get((compiled / "sammanstallning.html").as_uri())
        assert not browser.find_element(By.ID, "filter").is_displayed(), "filters that cannot work are hidden"
        comments = browser.find_elements(By.CSS_SELECTOR, "article.comment")
        assert comments and all(c.is_displayed() for c in comments)
        assert browser.find_element(By.ID, "oversikt").is_displayed()
    finally:
        browser.quit()


def test_the_csv_opens_in_excel_set_to_swedish(compiled):
    raw = (compiled / "kommentarer.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, so that Excel reads å, ä and ö"
    with (compiled / "kommentarer.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    assert rows, "no comments"
    assert {"kommentar-id", "organisation", "kommentar", "slag", "for-sent"} <= set(rows[0])
    late = {r["organisation"] for r in rows if r["for-sent"] == "ja"}
    assert late == {"Strömstad", "Svenljunga", "Hälso- och sjukvårdsstyrelsen"}, late
    assert any(r["slag"] == "fungerar bra" for r in rows)
    assert any("å" in r["organisation"] or "ö" in r["organisation"] for r in rows)


def test_the_account_adds_up_in_swedish(compiled):
    lines = (compiled / "redovisning.txt").read_text(encoding="utf-8").splitlines()
    statuses = [line.split(": ", 1)[1].split(" – ")[0] for line in lines if line.startswith(("remissvar-", "enkat", "foljebrev"))]
    assert len(statuses) == 60
    assert sum(s.startswith("godtaget") for s in statuses) == 57
    assert sum(s.startswith("ersatt") for s in statuses) == 2
    assert sum(s.startswith("avvisat") for s in statuses) == 1
    assert sum("för sent inkommet" in s for s in statuses) == 3
    assert lines[-1] == "Inlästa: 60, godtagna: 57, ersatta: 2, avvisade: 1 (för sent inkomna: 3)"
    text = "\n".join(lines)
    for english in ("superseded", "rejected", "accepted", "kept apart", "not counted", " row "):
        assert english not in text, f"English in the account: {english!r}"


def test_a_receipt_passes_axe(driver, compiled):
    from test_accessibility import AXE_TAGS
    from selenium_axe_python import Axe
    from conftest import axe_script_path

    receipts = sorted((compiled / "kvitton").glob("*.html"))
    assert len(receipts) == 57, "one receipt per counted answer"
    reset_viewport(driver)
    driver.get((compiled / "kvitton" / "remissvar-stromstad-2025-06-19.html").as_uri())
    assert "kom in efter sista svarsdagen" in driver.find_element(By.TAG_NAME, "main").text
    Axe(driver, script_url=str(axe_script_path())).inject()
    outcome = driver.execute_async_script(AXE_RUN_JS, {"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert outcome["ok"], outcome.get("error")
    assert not outcome["results"]["violations"], _format_violations("kvitto", outcome["results"]["violations"])


def test_receipts_are_printed_to_pdf_with_chromium(tmp_path):
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        pytest.fail("Chromium is not installed (scripts/install-deps installs it)", pytrace=False)
    answers = tmp_path / "svar"
    answers.mkdir()
    for name in ("remissvar-boras-2025-06-04.json", "remissvar-regionstyrelsen.json"):
        shutil.copy(FIXTURE / "svar" / name, answers / name)
    corpus = tmp_path / "korpus"
    shutil.copytree(CORPUS, corpus)
    shutil.copy(FIXTURE / "remissinstanser.yml", corpus / "remissinstanser.yml")
    output = tmp_path / "ut"
    command = [str(require_avtal_binary()), "responses", "compile", str(answers), "--root", str(corpus), "--for", VERSION,
               "--output", str(output), "--pdf", "--csv-dialect", "comma"]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    pdfs = sorted(p.name for p in (output / "kvitton").glob("*.pdf"))
    assert pdfs == ["remissvar-boras-2025-06-04.pdf", "remissvar-regionstyrelsen.pdf"]
    assert all((output / "kvitton" / p).read_bytes().startswith(b"%PDF") for p in pdfs)
    # --csv-dialect comma: RFC 4180 with commas and no BOM.
    raw = (output / "kommentarer.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with (output / "kommentarer.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert rows and {"kommentar-id", "organisation"} <= set(rows[0])

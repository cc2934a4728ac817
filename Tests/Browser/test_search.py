"""The offline search of the site (sok.html, sok.js, sokindex.js) in headless Chromium.

A reader types into the labelled search field and presses Enter; the results appear as a list of
links with number, heading and a snippet with the hit marked, and the count is announced in a polite
live region. The page with results shown passes axe-core and the Nu HTML Checker.
"""

from __future__ import annotations

from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import axe_script_path
from test_accessibility import AXE_RUN_JS, AXE_TAGS, _format_violations
from test_html_valid import _run_checker, _split

RESULTS_JS = """
return [...document.querySelectorAll('#sok-traffar > li')].map(li => {
  const link = li.querySelector('a');
  const snippet = li.querySelector('.search-snippet');
  return {href: link.getAttribute('href'), text: link.textContent.trim(),
          where: li.querySelector('.search-where').textContent,
          snippet: snippet ? snippet.textContent : '',
          marks: [...li.querySelectorAll('mark')].map(m => m.textContent)};
});
"""


def search(driver, query: str) -> tuple[str, list[dict]]:
    """Types `query` into the search field, presses Enter, and returns the announced status and the results."""
    driver.execute_script("document.documentElement.removeAttribute('data-sok-klar')")
    field = driver.find_element(By.ID, "sok-fraga")
    field.clear()
    field.send_keys(query, Keys.ENTER)
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.documentElement.hasAttribute('data-sok-klar')"))
    status = driver.find_element(By.ID, "sok-status").text
    return status, driver.execute_script(RESULTS_JS)


def test_search_form_is_a_labelled_landmark_and_the_status_a_polite_live_region(open_page):
    driver = open_page("working/sok.html")
    form = driver.find_element(By.CSS_SELECTOR, "form[role=search]")
    assert form.is_displayed(), "the script did not show the search form"
    assert form.get_attribute("aria-label"), "the search landmark has no name"
    label = driver.find_element(By.CSS_SELECTOR, "label[for=sok-fraga]")
    assert label.text.strip(), "the search field has no visible label"
    status = driver.find_element(By.ID, "sok-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert not driver.execute_script("return [...document.scripts].some(s => s.src && !s.src.startsWith('file:'))"), \
        "the search page loads a script from outside the site"


def test_a_word_finds_longer_forms_regardless_of_case_and_accents(open_page):
    driver = open_page("working/sok.html")
    status, results = search(driver, "VARDAG")
    hrefs = [r["href"] for r in results]
    # 3.1.2 says "tre vardagar", ok-psykisk-funktionsnedsattning "stödet i vardagen".
    assert "ok-betalningsansvar.html#kallelse-till-sip" in hrefs, results
    assert any(h.startswith("ok-psykisk-funktionsnedsattning.html#") for h in hrefs), results
    assert status.startswith(f"{len(results)} träffar för"), status
    kallelse = next(r for r in results if r["href"] == "ok-betalningsansvar.html#kallelse-till-sip")
    assert kallelse["text"].startswith("3.1.2 "), kallelse
    assert "vardagar" in kallelse["marks"], kallelse
    # Without accents: "forhallningssatt" finds "förhållningssätt".
    _, results = search(driver, "forhallningssatt")
    assert any(r["href"] == "hos-avtal.html#personcentrerat-forhallningssatt" for r in results), results


def test_a_number_or_an_id_finds_the_clause(open_page):
    driver = open_page("working/sok.html")
    for query in ("3.1.2", "punkt 3.1.2"):
        status, results = search(driver, query)
        hrefs = [r["href"] for r in results]
        assert "ok-betalningsansvar.html#kallelse-till-sip" in hrefs, (query, results)
        assert all(r["text"].startswith("3.1.2 ") for r in results), (query, results)
    _, results = search(driver, "kallelse-till-sip")
    assert results and results[0]["href"] == "ok-betalningsansvar.html#kallelse-till-sip", results


def test_a_glossary_term_is_found_by_its_name_and_abbreviation(open_page):
    driver = open_page("working/sok.html")
    _, results = search(driver, "utskrivningsklar")
    assert results[0]["where"] == "Begrepp" and results[0]["href"].startswith("begrepp.html#"), results
    assert results[0]["marks"] == ["utskrivningsklar"], results
    assert "slutenvården" in results[0]["snippet"], results
    _, results = search(driver, "sip")
    assert any(r["where"] == "Begrepp" and "(SIP)" in r["text"] for r in results), results


def test_no_hit_is_announced_and_corpus_text_stays_text(open_page):
    driver = open_page("working/sok.html")
    status, results = search(driver, "<img src=x onerror=alert(1)> zzzqqq")
    assert results == [] and status.startswith("Inga träffar för"), (status, results)
    assert "<img" in status, "the query is not shown as typed"
    assert not driver.find_elements(By.CSS_SELECTOR, "main img"), "the query became markup"
    assert not driver.find_element(By.ID, "sok-traffar").is_displayed(), "an empty result list is shown"


def test_a_result_link_leads_to_the_clause(open_page):
    driver = open_page("working/sok.html")
    search(driver, "3.1.2")
    driver.find_element(By.CSS_SELECTOR, "#sok-traffar a").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("ok-betalningsansvar.html#kallelse-till-sip"))
    assert driver.find_element(By.ID, "kallelse-till-sip").is_displayed()


def test_the_query_in_the_address_is_searched_on_load(open_page, site):
    driver = open_page("working/sok.html")
    driver.get((site / "working" / "sok.html").as_uri() + "?q=vardag")
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.documentElement.hasAttribute('data-sok-klar')"))
    assert driver.find_element(By.ID, "sok-fraga").get_attribute("value") == "vardag"
    assert driver.execute_script(RESULTS_JS), "the query of the address found nothing"


def test_page_with_results_passes_axe_and_the_nu_checker(open_page, tmp_path: Path):
    from selenium_axe_python import Axe

    driver = open_page("working/sok.html")
    _, results = search(driver, "vardag")
    assert results
    axe = Axe(driver, script_url=str(axe_script_path()))
    axe.inject()
    known = driver.execute_script("return arguments[0].filter(t => axe.getRules([t]).length > 0)", AXE_TAGS)
    outcome = driver.execute_async_script(AXE_RUN_JS, {"runOnly": {"type": "tag", "values": known}})
    assert outcome["ok"], outcome.get("error")
    assert outcome["results"]["violations"] == [], _format_violations("working/sok.html", outcome["results"]["violations"])
    # The page as the reader has it now, results and all, through the Nu checker.
    dom = driver.execute_script(
        "const copy = document.documentElement.cloneNode(true);"
        "copy.querySelectorAll('script:not([src])').forEach(s => s.remove());"
        "return '<!DOCTYPE html>\\n' + copy.outerHTML;")
    (tmp_path / "sok.html").write_text(dom, encoding="utf-8")
    report = _run_checker(tmp_path)
    errors, warnings = _split(report, tmp_path, ".html")
    assert "<mark>" in dom
    assert not errors, "the search page with results is not valid HTML:\n  " + "\n  ".join(errors)


HOSTILE = "`<img src=x onerror=\"window.sokXss=1\">` och `</script><b>fet</b>`"


def test_markup_in_the_corpus_text_is_shown_as_text(tmp_path: Path, driver):
    """Corpus text that looks like markup reaches the results as text: no element is made from it."""
    import shutil

    from conftest import CORPUS, build_or_fail

    corpus = tmp_path / "korpus"
    shutil.copytree(CORPUS, corpus, symlinks=True)
    document = corpus / "ok-munhalsa.md"
    text = document.read_text(encoding="utf-8")
    anchor = "i sitt hem eller i ett särskilt boende."
    assert anchor in text
    document.write_text(text.replace(anchor, anchor + " Texten nämner " + HOSTILE + ".", 1), encoding="utf-8")
    site = build_or_fail(tmp_path / "site", root=corpus)
    assert "onerror" in (site / "working" / "sokindex.js").read_text(encoding="utf-8")
    driver.get((site / "working" / "sok.html").as_uri())
    _, results = search(driver, "onerror")
    hit = next((r for r in results if r["href"] == "ok-munhalsa.html#malgrupp"), None)
    assert hit, results
    assert '<img src=x onerror="window.sokXss=1">' in hit["snippet"] and "</script><b>fet</b>" in hit["snippet"], hit
    assert hit["marks"] == ["onerror"], hit
    assert not driver.find_elements(By.CSS_SELECTOR, "#sok-traffar img, #sok-traffar b, #sok-traffar script")
    assert driver.execute_script("return window.sokXss === undefined"), "corpus text ran as script"

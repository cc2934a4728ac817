"""From the response form to the compilation, end to end.

`avtal remiss remiss-2025 --output DIR` makes the form (DIR/remiss/remiss-2025/svar.html). Two
organisations fill it in and save it in headless Chromium, the way test_response_form.py drives it
(labelled controls, downloads into a folder of the test's own). The two downloaded files go into one
folder, `avtal responses compile` compiles them, and every comment entered must come out in
kommentarer.csv under its clause and its organisation.

Offline like the other browser tests: file:// URLs, Debian's chromium + chromedriver, Selenium
Manager kept offline. The avtal binary is AVTAL_BIN or <repo>/.build/debug/avtal (conftest.py).
"""

from __future__ import annotations

import os

# Before selenium is imported: never let Selenium Manager go online.
os.environ["SE_OFFLINE"] = "true"

import csv
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from selenium.webdriver.common.by import By

from conftest import CORPUS, REPO_ROOT, require_avtal_binary

VERSION = "remiss-2025"

# What two organisations enter: grades with comments on a document and a chapter, comments on clauses.
# The texts hold what a CSV and a page must carry safely: quotes, a comma, a semicolon, å ä ö, a line break.
ANSWERS = [
    {
        "organisation": ("kommun-1480", "Göteborg"),
        "contact": ("Anna Sjöberg", "anna.sjoberg@goteborg.example.se"),
        "grades": [
            ("hos-avtal", None, "2", "Göteborgs Stad instämmer delvis; ansvarsfördelningen behöver bli tydligare."),
            ("hos-avtal", "avtalstid", "1", 'Avtalstiden bör vara "fyra år", inte till 2031.'),
            ("ok-munhalsa", None, "ingen-synpunkt", ""),
        ],
        "comments": {
            "ok-betalningsansvar#kallelse-till-sip": "Rättelsen till tre dagar välkomnas, men helgerna måste räknas med.",
            "hos-avtal#uppsagning": "Det bör framgå vem som företräder kommunerna vid en uppsägning.\nAndra stycket: GR?",
        },
    },
    {
        "organisation": ("kommun-1490", "Borås"),
        "contact": ("Lena Dahl", "lena.dahl@boras.example.se"),
        "grades": [
            ("ok-betalningsansvar", None, "3", "Borås stad tillstyrker, med en synpunkt om processen."),
            ("ok-betalningsansvar", "processen", "2", "Vad gäller när underrättelsen kommer en fredag eftermiddag?"),
        ],
        "comments": {
            "ok-munhalsa#daglig-munvard": "Daglig munvård ska ingå i genomförandeplanen, <b>inte</b> i en egen rutin.",
            "ok-betalningsansvar#kallelse-till-sip": "Kallelsen ska gå till kommunens samordnare, inte till handläggaren.",
        },
    },
]


@pytest.fixture(scope="module")
def svar_page(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("avtal-remiss")
    command = [str(require_avtal_binary()), "remiss", VERSION, "--root", str(CORPUS), "--output", str(output)]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)
    page = output / "remiss" / VERSION / "svar.html"
    if result.returncode != 0 or not page.is_file():
        pytest.fail(f"`{' '.join(command)}` exited with {result.returncode} and wrote no {page}\n"
                    f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}", pytrace=False)
    return page




class Form:
    """svar.html, driven through its labelled controls as a person would."""

    def __init__(self, driver, page: Path, downloads: Path):
        self.driver, self.page, self.downloads = driver, page, downloads

    def open_empty(self):
        from selenium.webdriver.support.ui import WebDriverWait
        for visit in ("clear", "fill"):
            self.driver.get("about:blank")
            self.driver.get(f"{self.page.as_uri()}?besok={visit}-{time.monotonic_ns()}")
            WebDriverWait(self.driver, 20).until(
                lambda d: d.execute_script("return document.documentElement.dataset.svarReady === 'true'"))
            if visit == "clear":
                self.driver.execute_script("window.localStorage.clear()")

    def element(self, selector: str):
        from selenium.webdriver.common.by import By
        element = self.driver.find_element(By.CSS_SELECTOR, selector)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        return element

    def type(self, selector: str, text: str):
        field = self.element(selector)
        field.clear()
        field.send_keys(text)

    def button(self, name: str):
        from selenium.webdriver.common.by import By
        buttons = [b for b in self.driver.find_elements(By.TAG_NAME, "button")
                   if b.is_displayed() and " ".join(b.text.split()) == name]
        assert len(buttons) == 1, f"expected one visible button {name!r}, found {len(buttons)}"
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", buttons[0])
        return buttons[0]

    def fill(self, answer: dict):
        from selenium.webdriver.support.ui import Select
        Select(self.element("#organisation")).select_by_value(answer["organisation"][0])
        self.type("#kontakt-namn", answer["contact"][0])
        self.type("#kontakt-epost", answer["contact"][1])
        for doc, chapter, value, comment in answer["grades"]:
            item = (f'section[data-doc="{doc}"] .grade-item[data-chapter="{chapter}"]' if chapter
                    else f'section[data-doc="{doc}"] .grade-item.document-grade')
            radio = self.element(f'{item} input[type=radio][value="{value}"]')
            self.element(f'label[for="{radio.get_attribute("id")}"]').click()
            assert radio.is_selected(), f"the grade {value} of {doc}/{chapter} is not chosen"
            if comment:
                self.type(f"{item} textarea", comment)
        for key, text in answer["comments"].items():
            Select(self.element("#punkt")).select_by_value(key)
            self.type("#punkt-kommentar", text)
            self.button("Lägg till kommentar").click()

    def save(self, timeout: float = 20) -> Path:
        for path in self.downloads.iterdir():
            path.unlink()
        self.button("Spara svar").click()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            files = [p for p in self.downloads.iterdir() if p.is_file()]
            done = [p for p in files if not p.name.endswith((".crdownload", ".tmp")) and not p.name.startswith(".")]
            if done and len(done) == len(files):
                time.sleep(0.2)  # let Chromium finish renaming
                return done[0]
            time.sleep(0.1)
        raise AssertionError(f"no download within {timeout} s: {list(self.downloads.iterdir())}")


def test_two_saved_forms_compile_into_the_comments_csv(browser, svar_page, downloads, tmp_path):
    responses = tmp_path / "svar"
    responses.mkdir()
    form = Form(browser, svar_page, downloads)
    for answer in ANSWERS:
        form.open_empty()
        assert browser.find_element(By.ID, "sista-dag-passerad").is_displayed(), "the form says the deadline has passed"
        form.fill(answer)
        saved = form.save()
        assert saved.suffix == ".json", saved.name
        shutil.move(str(saved), responses / saved.name)
    assert len(list(responses.iterdir())) == 2, "two organisations, two files"

    output = tmp_path / "sammanstallning"
    command = [str(require_avtal_binary()), "responses", "compile", str(responses), "--root", str(CORPUS), "--for", VERSION,
               "--output", str(output)]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    said = f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    assert result.returncode == 0, f"`{' '.join(command)}` exited with {result.returncode}\n{said}"
    lines = [line for line in result.stdout.splitlines() if line]
    assert lines[-1] == "files: 2 read, 2 accepted, 0 superseded, 0 rejected", said
    # The remiss's deadline (2025) has passed: both saves are accepted and marked late, nothing else.
    remarks = [line for line in lines[:-1] if not line.startswith(("comments:", "late:"))]
    assert len(remarks) == 4 and all(r.endswith(": accepted") or "kom in för sent" in r for r in remarks), said
    assert "late: 2 saved after the deadline" in result.stdout, said

    with (output / "kommentarer.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    compiled = sorted((r["organisation-id"], r["organisation"], r["dokument"], r["punkt"], r["kommentar"]) for r in rows)
    expected = []
    for answer in ANSWERS:
        org_id, name = answer["organisation"]
        for doc, chapter, _, comment in answer["grades"]:
            if comment:
                expected.append((org_id, name, doc, chapter or "", comment))
        for key, text in answer["comments"].items():
            doc, clause = key.split("#")
            expected.append((org_id, name, doc, clause, text))
    assert compiled == sorted(expected), "kommentarer.csv does not hold exactly the comments entered"
    # Grades come along with the comments they belong to.
    grades = {(r["organisation-id"], r["dokument"], r["punkt"]): r["betyg"] for r in rows}
    assert grades[("kommun-1480", "hos-avtal", "avtalstid")] == "1"
    assert grades[("kommun-1490", "ok-betalningsansvar", "")] == "3"
    # Every row has a comment ID, and the IDs are all different.
    ids = [r["kommentar-id"] for r in rows]
    assert all(ids) and len(set(ids)) == len(ids), ids

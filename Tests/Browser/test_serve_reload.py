"""`avtal serve` in Chromium: a page open in the browser shows an edit without a manual reload, and a
broken reference brings up the banner of problems over the last good text, then a fix takes it away.
The corpus is a copy of the fixture corpus in a temporary folder.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import CORPUS, require_avtal_binary

OLD = "Kommunens personal hjälper den enskilde med den dagliga munvården."
NEW = "Kommunens personal hjälper den enskilde med munvården morgon och kväll."


@pytest.fixture
def served(tmp_path: Path):
    corpus = tmp_path / "Agreement"
    shutil.copytree(CORPUS, corpus)
    process = subprocess.Popen([str(require_avtal_binary()), "serve", "--root", str(corpus), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    match = re.fullmatch(r"serving (http://127\.0\.0\.1:\d+/)\n", line)
    assert match, line
    yield corpus, match.group(1)
    process.terminate()
    process.wait(timeout=10)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_open_page_follows_the_edits(driver, served) -> None:
    corpus, url = served
    driver.get(url + "working/ok-munhalsa.html")
    body = lambda: driver.find_element(By.TAG_NAME, "body").text
    assert OLD in body()
    # Set on the page as loaded: gone once the page has reloaded itself.
    driver.execute_script("window.avtalBeforeEdit = true")

    replace_in(corpus / "ok-munhalsa.md", OLD, NEW)
    WebDriverWait(driver, 15).until(lambda d: NEW in body())
    assert driver.execute_script("return window.avtalBeforeEdit === undefined")

    replace_in(corpus / "ok-munhalsa.md", "[](#malgrupp)", "[](#finns-inte)")
    banner = WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "avtal-problems"))[0]
    assert "ok-munhalsa.md:" in banner.text and "finns-inte" in banner.text
    assert NEW in body()

    replace_in(corpus / "ok-munhalsa.md", "[](#finns-inte)", "[](#malgrupp)")
    WebDriverWait(driver, 15).until(lambda d: not d.find_elements(By.ID, "avtal-problems"))
    assert NEW in body()

"""Shared fixtures for the browser tests of the rendered site.

The site is built once per session by the real `avtal` binary (env AVTAL_BIN, default
<repo>/.build/debug/avtal) into a temporary folder; one headless Chromium serves every test.
Nothing here touches the network: pages are opened from file:// URLs and Selenium Manager is
kept offline (SE_OFFLINE=true), so it never downloads a browser or a driver.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

# Before selenium is imported anywhere: never let Selenium Manager go online.
os.environ["SE_OFFLINE"] = "true"

REPO_ROOT = Path(__file__).resolve().parents[2]
# The fixture corpus shared with the Swift tests: five short documents, a glossary, patient cases, a
# published version with two patches and a remiss. The tests never read the shipped Agreement/.
CORPUS = REPO_ROOT / "Tests" / "Fixtures" / "remiss-korpus"
TEMPLATES = REPO_ROOT / "Templates"
SCREENSHOT_DIR = REPO_ROOT / "Output" / "screenshots"
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_CANDIDATES = [Path("/usr/bin/chromium"), Path("/usr/bin/chromium-browser")]

DESKTOP_SIZE = (1280, 900)


def avtal_binary() -> Path:
    return Path(os.environ.get("AVTAL_BIN", str(REPO_ROOT / ".build" / "debug" / "avtal")))


def require_avtal_binary() -> Path:
    binary = avtal_binary()
    if not binary.is_file() or not os.access(binary, os.X_OK):
        pytest.fail(
            f"the avtal binary is missing: {binary} does not exist or is not executable.\n"
            f"Build it with `swift build --product avtal` in {REPO_ROOT}, "
            f"or point AVTAL_BIN at a built binary.",
            pytrace=False,
        )
    return binary


def run_build(output: Path, root: Path = CORPUS, templates: Path | None = None,
              extra: list[str] | None = None) -> subprocess.CompletedProcess:
    """Runs `avtal build --root ROOT --output OUTPUT` from the repository root."""
    cmd = [str(require_avtal_binary()), "build", "--root", str(root), "--output", str(output)]
    if templates is not None:
        cmd += ["--templates", str(templates)]
    cmd += extra or []
    return subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)


def build_or_fail(output: Path, **kwargs) -> Path:
    result = run_build(output, **kwargs)
    if result.returncode != 0:
        pytest.fail(
            f"`avtal build` failed with exit status {result.returncode}\n"
            f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}",
            pytrace=False,
        )
    if not (output / "index.html").is_file():
        pytest.fail(f"`avtal build` succeeded but wrote no {output / 'index.html'}", pytrace=False)
    return output


def site_files(site: Path, suffix: str | None = None) -> list[Path]:
    """Every file of the site (relative paths, sorted), optionally only those ending in suffix."""
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    return [p for p in files if suffix is None or p.name.endswith(suffix)]


def resolve_page(site: Path, spec: str) -> Path:
    """A page of the site by relative path; a glob (`remiss-2025/beslut-*.html`) means its first match."""
    if any(ch in spec for ch in "*?["):
        matches = sorted(p.relative_to(site) for p in site.glob(spec) if p.is_file())
        assert matches, f"the built site has no page matching {spec}"
        return matches[0]
    assert (site / spec).is_file(), f"the built site has no page {spec}"
    return Path(spec)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once for the whole session."""
    return build_or_fail(tmp_path_factory.mktemp("avtal-site") / "site")


@pytest.fixture(scope="session")
def html_pages(site) -> list[Path]:
    pages = site_files(site, ".html")
    assert pages, f"the built site in {site} holds no .html files"
    return pages


def _chrome_options():
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={DESKTOP_SIZE[0]},{DESKTOP_SIZE[1]}",
                     "--force-device-scale-factor=1",
                     "--lang=sv-SE", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync"):
        options.add_argument(argument)
    for candidate in CHROMIUM_CANDIDATES:
        if candidate.is_file():
            options.binary_location = str(candidate)
            break
    return options


def start_chromium(downloads: Path | None = None, script_timeout: int = 60):
    """A headless Chromium; with `downloads`, files it downloads are saved there without asking."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = _chrome_options()
    if downloads is not None:
        options.add_experimental_option("prefs", {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "download.directory_upgrade": True,
            "profile.default_content_setting_values.automatic_downloads": 1,
        })
    service = Service(str(CHROMEDRIVER)) if CHROMEDRIVER.is_file() else Service()
    try:
        browser = webdriver.Chrome(service=service, options=options)
    except Exception as error:  # pragma: no cover - environment problem, reported clearly
        pytest.fail(f"cannot start headless Chromium via chromedriver: {error}", pytrace=False)
    browser.set_script_timeout(script_timeout)
    browser.set_page_load_timeout(60)
    return browser


def axe_script_path() -> Path:
    """AXE_SCRIPT if set, else the axe-core 4.x that selenium-axe-python bundles (a local file:
    nothing is fetched). 4.x is needed for the wcag21a/aa tags."""
    if os.environ.get("AXE_SCRIPT"):
        return Path(os.environ["AXE_SCRIPT"])
    import selenium_axe_python
    candidate = Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js"
    if candidate.is_file():
        return candidate
    pytest.fail("no axe-core engine: install selenium-axe-python (axe-core 4.x) or set AXE_SCRIPT", pytrace=False)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("svar-downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    """A headless Chromium of the test module's own: files it downloads go to `downloads` without asking."""
    driver = start_chromium(downloads, script_timeout=120)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def driver():
    """One headless Chromium for the whole session."""
    browser = start_chromium()
    try:
        yield browser
    finally:
        browser.quit()


def reset_viewport(browser) -> None:
    """Back to the plain desktop window: no device emulation."""
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.set_window_size(*DESKTOP_SIZE)


def emulate_width(browser, width: int, height: int = 800, mobile: bool = True) -> None:
    """A viewport of exactly `width` CSS pixels, narrower than the window can be made."""
    browser.set_window_size(max(width, 500), height)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile,
    })


@pytest.fixture
def open_page(driver, site):
    """Opens a page of the site (path relative to the site root) from its file:// URL."""

    def _open(relative: str | Path):
        path = site / resolve_page(site, str(relative))
        driver.get(path.as_uri())
        driver.execute_script("return document.readyState")
        return driver

    reset_viewport(driver)
    yield _open
    reset_viewport(driver)

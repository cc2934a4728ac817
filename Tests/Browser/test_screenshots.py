"""Full-page screenshots for review, at a desktop (1280 px) and a phone (375 px) width.

Written to Output/screenshots/ (not committed: Output/ is gitignored except its README) as
<version>-<page>-<width>.png. The test only checks that each PNG is there, has the requested
width and is not trivially small; looking at them is for people.
"""

from __future__ import annotations

import base64
import struct

import pytest

from conftest import SCREENSHOT_DIR, emulate_width

PAGES = {
    "start": "remiss-2025/index.html",
    "document": "remiss-2025/hos-avtal.html",
    "redline": "remiss-2025/andringar.html",
    "alla": "remiss-2025/alla.html",
}
WIDTHS = [1280, 375]
MIN_BYTES = 10_000
# captureBeyondViewport renders the whole page (alla.html is ~73,000 px tall at 375 px);
# the cap only guards against a runaway layout.
MAX_HEIGHT = 120_000


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
@pytest.mark.parametrize("name", list(PAGES), ids=list(PAGES))
def test_full_page_screenshot(open_page, driver, name, width):
    page = PAGES[name]
    emulate_width(driver, width, 900, mobile=width < 600)
    open_page(page)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    content = metrics.get("cssContentSize") or metrics["contentSize"]
    height = min(int(content["height"] + 0.5), MAX_HEIGHT)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png",
        "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
    })
    data = base64.b64decode(shot["data"])

    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOT_DIR / f"{page.replace('/', '-').removesuffix('.html')}-{width}.png"
    target.write_bytes(data)

    assert target.is_file(), f"{target} was not written"
    size = target.stat().st_size
    assert size > MIN_BYTES, f"{target} is only {size} bytes: a blank page?"
    shot_width, shot_height = _png_size(target.read_bytes())
    assert shot_width == width, f"{target} is {shot_width} px wide, expected {width}"
    assert shot_height >= min(height, 900), f"{target} is {shot_height} px tall; the page is {height} px"

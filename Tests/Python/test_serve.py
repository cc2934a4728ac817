"""`avtal serve` end to end: a copy of a fixture corpus is served, edited, broken and fixed while a client
listens to the reload events, and hostile request targets are sent over a raw socket. The server must
serve only its in-memory site, keep the last good text when the corpus has errors, and write nothing.

Run from the repository root: AVTAL_BIN=.build/debug/avtal .venv/bin/python -m pytest Tests/Python -q -k serve
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
AVTAL = os.environ.get("AVTAL_BIN", str(REPO_ROOT / ".build/debug/avtal"))
FIXTURE = REPO_ROOT / "Tests/Fixtures/remiss-korpus"
PAGE = "/working/ok-munhalsa.html"
CLAUSE_FILE = "ok-munhalsa.md"
OLD_SENTENCE = "Kommunens personal hjälper den enskilde med den dagliga munvården."
NEW_SENTENCE = "Kommunens personal hjälper den enskilde med munvården morgon och kväll."


class Preview:
    """A running `avtal serve --port 0`, with the URL it printed."""

    def __init__(self, corpus: Path) -> None:
        self.process = subprocess.Popen(
            [AVTAL, "serve", "--root", str(corpus), "--port", "0", "--poll", "20"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=corpus.parent)
        line = self.process.stdout.readline()
        match = re.fullmatch(r"serving http://127\.0\.0\.1:(\d+)/\n", line)
        assert match, f"unexpected first line {line!r}; stderr: {self.process.stderr.read() if not line else ''}"
        self.port = int(match.group(1))

    def get(self, path: str) -> tuple[int, str, dict[str, str]]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode("utf-8")
        connection.close()
        return response.status, body, dict(response.getheaders())

    def raw(self, request: bytes) -> int | None:
        """Sends `request` as bytes and returns the status the server answered, or None if it closed."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as connection:
            connection.sendall(request)
            answer = b""
            try:
                while b"\r\n" not in answer:
                    chunk = connection.recv(4096)
                    if not chunk:
                        break
                    answer += chunk
            except ConnectionResetError:
                return None
        match = re.match(rb"HTTP/1\.1 (\d{3}) ", answer)
        return int(match.group(1)) if match else None

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class Events:
    """The server-sent events stream a preview page listens to."""

    def __init__(self, preview: Preview) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=20)
        self.connection.request("GET", "/_avtal/events")
        self.response = self.connection.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type").startswith("text/event-stream")
        self.seen: list[dict] = []

    def until(self, preview: Preview, shows) -> str:
        """The page after the first announced rebuild whose page satisfies `shows`: a save may reach
        the server in more than one rebuild (an editor truncating the file, then writing it)."""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            self.next_generation()
            page = preview.get(PAGE)[1]
            if shows(page):
                return page
        raise AssertionError("the page never showed the change")

    def next_generation(self) -> int:
        while True:
            line = self.response.readline().decode("utf-8")
            assert line, "the event stream ended"
            if line.startswith("data: "):
                message = json.loads(line[len("data: "):])
                self.seen.append(message)
                return message["generation"]

    def close(self) -> None:
        self.connection.close()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    copy = tmp_path / "Agreement"
    shutil.copytree(FIXTURE, copy)
    return copy


@pytest.fixture
def preview(corpus: Path):
    running = Preview(corpus)
    yield running
    running.stop()


def files_below(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def edit(corpus: Path, old: str, new: str) -> None:
    path = corpus / CLAUSE_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_reaches_the_open_page_and_errors_keep_the_last_good_text(preview: Preview, corpus: Path) -> None:
    before = files_below(corpus.parent)
    status, page, headers = preview.get(PAGE)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert OLD_SENTENCE in page
    assert '/_avtal/events' in page and 'id="avtal-problems"' not in page
    events = Events(preview)
    events.next_generation()

    edit(corpus, OLD_SENTENCE, NEW_SENTENCE)
    page = events.until(preview, lambda page: NEW_SENTENCE in page)
    assert OLD_SENTENCE not in page
    # The first event on connecting names no paths (every page checks it); an edit names the pages it
    # changed, and the stylesheet is not one of them.
    assert events.seen[0]["changed"] is None
    changed = [path for message in events.seen[1:] for path in message["changed"] or []]
    assert PAGE.lstrip("/") in changed and "style.css" not in changed

    # A reference to a clause that does not exist, with markup in it: an error, shown escaped.
    edit(corpus, "[](#malgrupp)", "[](#finns-<b>inte</b>)")
    page = events.until(preview, lambda page: "finns-" in page)
    banner = re.search(r'<div id="avtal-problems".*?</div>', page, re.S)
    assert banner, "no banner of problems on the page"
    assert re.search(r"ok-munhalsa\.md:\d+:\d+", banner.group(0))
    # Each problem links to the clause it concerns on the preview: the broken link is in Lagstöd.
    assert re.search(r'<a href="/working/ok-munhalsa\.html#lagstod"><code>ok-munhalsa\.md:18:\d+</code></a>', banner.group(0)), \
        banner.group(0)
    assert "<b>inte</b>" not in page and "&lt;b&gt;inte&lt;/b&gt;" in banner.group(0)
    assert NEW_SENTENCE in page, "the last good text is not shown while the corpus has errors"

    edit(corpus, "[](#finns-<b>inte</b>)", "[](#malgrupp)")
    page = events.until(preview, lambda page: "finns-" not in page)
    assert 'id="avtal-problems"' not in page and NEW_SENTENCE in page
    events.close()
    assert files_below(corpus.parent) == before, "the preview wrote files"


def test_only_the_sites_own_paths_are_served(preview: Preview) -> None:
    assert preview.get("/")[0] == 200
    assert preview.get("/working/")[0] == 200
    status, css, _ = preview.get("/style.css")
    assert status == 200 and "_avtal" not in css
    # The corpus's own files, and every spelling of a way out of the site.
    for path in ["/agreement.yml", "/ok-munhalsa.md", "/../agreement.yml", "/working/../../agreement.yml",
                 "/%2e%2e/agreement.yml", "/working/%2E%2E/%2e%2e/etc/passwd", "/%2fetc%2fpasswd",
                 "/working/.%2e/.%2e/ok-munhalsa.md", "/nothing.html", "http://127.0.0.1/../agreement.yml"]:
        assert preview.raw(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode()) in (400, 404), path
    for target in ["//etc/passwd", "/%zz", "/working/%ff.html", "/a%00b", "/a%5c..%5cagreement.yml"]:
        assert preview.raw(f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode()) == 400, target


def test_oversized_and_unexpected_requests_are_refused(preview: Preview) -> None:
    long_target = "/" + "a" * 10_000
    assert preview.raw(f"GET {long_target} HTTP/1.1\r\nHost: x\r\n\r\n".encode()) == 414
    big_body = b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n" + b"x" * 1000
    assert preview.raw(big_body) == 413
    assert preview.raw(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n") == 405
    huge_header = b"GET / HTTP/1.1\r\nHost: x\r\nX-Filler: " + b"y" * 200_000 + b"\r\n\r\n"
    status = preview.raw(huge_header)
    assert status is None or 400 <= status < 500
    # The server still answers after all that.
    assert preview.get("/")[0] == 200


def test_it_listens_only_on_the_loopback_interface(preview: Preview) -> None:
    # /proc/net/tcp lists each socket as local address:port in hex; 0A is LISTEN.
    listening = []
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        address, port = fields[1].split(":")
        if int(port, 16) == preview.port and fields[3] == "0A":
            listening.append(address)
    assert listening == ["0100007F"], listening

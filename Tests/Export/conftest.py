"""Shared fixtures for the export tests: the fixture corpus exported by the real `avtal` binary (env
AVTAL_BIN, default <repo>/.build/debug/avtal), and LibreOffice, headless, as the consumer that opens the
Word files. The tests never read the shipped Agreement/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = REPO_ROOT / "Tests" / "Fixtures" / "remiss-korpus"
VERSION = "remiss-2025"
# Every timestamp of an export comes from here, so two runs give the same bytes.
EPOCH = "1738368000"


def avtal_binary() -> Path:
    binary = Path(os.environ.get("AVTAL_BIN", str(REPO_ROOT / ".build" / "debug" / "avtal")))
    if not binary.is_file():
        pytest.fail(f"the avtal binary is missing: build it with `swift build --product avtal` (or set AVTAL_BIN)",
                    pytrace=False)
    return binary


def avtal(*args: str, env: dict[str, str] | None = None, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess:
    environment = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    environment.update(env or {})
    return subprocess.run([str(avtal_binary()), *args], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env=environment)


def avtal_ok(*args: str, **kwargs) -> subprocess.CompletedProcess:
    result = avtal(*args, **kwargs)
    assert result.returncode == 0, f"avtal {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


# A Basic macro that opens a document, accepts or rejects every tracked change and saves it as text:
# what a jurist does with Accept All / Reject All in Word, done by LibreOffice headless.
RESOLVE_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub ResolveChanges(inPath As String, outPath As String, mode As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), &quot;_blank&quot;, 0, load())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  If mode = &quot;accept&quot; Then
    helper.executeDispatch(doc.CurrentController.Frame, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Else
    helper.executeDispatch(doc.CurrentController.Frame, &quot;.uno:RejectAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  End If
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;Text&quot;
  doc.storeToURL(ConvertToURL(outPath), store())
  doc.close(True)
End Sub
</script:module>
"""


class LibreOffice:
    """soffice --headless with a private profile, so it never touches the user's and runs beside other instances."""

    def __init__(self, profile: Path):
        self.binary = shutil.which("soffice")
        if self.binary is None:
            pytest.fail("LibreOffice is not installed: run scripts/install-deps (libreoffice-writer-nogui)", pytrace=False)
        self.profile = profile
        self.run("--terminate_after_init")
        module = profile / "user" / "basic" / "Standard" / "Module1.xba"
        assert module.parent.is_dir(), "LibreOffice did not create its Basic library in the profile"
        module.write_text(RESOLVE_MACRO, encoding="utf-8")

    def run(self, *args: str) -> None:
        result = subprocess.run([self.binary, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", *args],
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, f"soffice {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"

    def convert(self, files: list[Path], target: str, outdir: Path) -> dict[str, Path]:
        """Converts every file in one run: 'pdf' or 'txt:Text (encoded):UTF8'. Returns stem → converted file."""
        outdir.mkdir(parents=True, exist_ok=True)
        self.run("--convert-to", target, "--outdir", str(outdir), *map(str, files))
        suffix = "." + target.split(":")[0]
        converted = {f.stem: outdir / (f.stem + suffix) for f in files}
        for stem, path in converted.items():
            assert path.is_file(), f"LibreOffice did not convert {stem}"
        return converted

    def resolve(self, docx: Path, mode: str, out: Path) -> str:
        self.run(f"macro:///Standard.Module1.ResolveChanges({docx},{out},{mode})")
        assert out.is_file(), f"LibreOffice did not {mode} the changes of {docx}"
        return out.read_text(encoding="utf-8-sig")


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory) -> LibreOffice:
    return LibreOffice(tmp_path_factory.mktemp("lo-profile"))


# Appended to the working text of a copy of the corpus: the fixture's published text has a table but
# no list and no emphasis.
EXTRA_CLAUSE = """
# Ordning vid oenighet {#ordning}

En *betonad* och **stark** mening.

- första steget
- andra steget

1. ett
2. två
"""


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """A copy of the fixture corpus whose working text also has lists and emphasis."""
    root = tmp_path_factory.mktemp("corpus") / "korpus"
    shutil.copytree(CORPUS, root)
    with open(root / "bilagor" / "eskaleringstrappa.md", "a", encoding="utf-8") as f:
        f.write(EXTRA_CLAUSE)
    return root


def export(corpus: Path, out: Path, version: str, fmt: str) -> Path:
    avtal_ok("export", version, "--root", str(corpus), "--format", fmt, "--output", str(out))
    return out


@pytest.fixture(scope="session", params=[VERSION, "working"])
def version(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def docx_export(tmp_path_factory, corpus) -> dict[str, Path]:
    """Both versions exported to Word: version → folder."""
    base = tmp_path_factory.mktemp("export")
    return {v: export(corpus, base / v, v, "docx") for v in (VERSION, "working")}


@pytest.fixture(scope="session")
def site(tmp_path_factory, corpus) -> Path:
    """The HTML site of both versions: the oracle for the text a Word file must hold."""
    out = tmp_path_factory.mktemp("site") / "site"
    avtal_ok("build", "--root", str(corpus), "--output", str(out))
    return out


@pytest.fixture(scope="session")
def docx_text(tmp_path_factory, libreoffice, docx_export) -> dict[str, dict[str, str]]:
    """Every exported .docx as LibreOffice reads it, as text: version → document → text."""
    texts = {}
    for version, folder in docx_export.items():
        converted = libreoffice.convert(sorted(folder.glob("*.docx")), "txt:Text (encoded):UTF8",
                                        tmp_path_factory.mktemp("txt"))
        texts[version] = {stem: path.read_text(encoding="utf-8-sig") for stem, path in converted.items()}
    return texts

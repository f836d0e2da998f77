"""The W3C Nu HTML checker, a judge nobody here wrote, over every page of the built site.

The hub's own markup must draw no message at all. The theme's and the checker's own
known messages are listed once below, each with the reason it is not the hub's to mend;
a listed message that no longer appears fails too, so the list cannot grow stale.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO

VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")

pytestmark = [
    pytest.mark.build,
    pytest.mark.skipif(
        JAVA is None or not VNU_JAR.is_file(),
        reason="the Nu checker needs Java and `npm ci` (make test installs both)",
    ),
]


@dataclass(frozen=True)
class Known:
    """A message that is not the hub's: what it says, the markup it quotes, and why."""

    message: str
    extract: str
    reason: str

    def matches(self, found: dict[str, str]) -> bool:
        return bool(
            re.search(self.message, found["message"])
            and re.search(self.extract, found.get("extract", ""))
        )


KNOWN = (
    Known(
        r"^Attribute “autocomplete” is only allowed when the input type is",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
        "Material's base.html gives its drawer and search toggles autocomplete=off, so "
        "that Firefox does not restore a checkbox's state on reload.",
    ),
    Known(
        r"^Bad value “” for attribute “tabindex” on element “label”",
        r'<label class="md-nav__link[^"]*" for="__nav_\d+" id="__nav_\d+_label" tabindex="">',
        "Material's nav-item partial writes an empty tabindex on section labels.",
    ),
    Known(
        r"^Trailing slash on void elements has no effect",
        r"<hr />",
        "Python-Markdown writes XHTML-style void tags for a guide's `---` rule (info only).",
    ),
    Known(
        r"^Inline script violates Content Security Policy \(meta tag\)",
        r'<script id="__config" type="application/json">',
        "Material's configuration is a JSON data block, which a browser never runs, so "
        "script-src does not apply to it; the checker counts it as a script.",
    ),
    Known(
        r"^Resource violates Content Security Policy \(meta tag\): "
        r"(image|external (stylesheet|script)) “[^”]+” blocked",
        r"",
        "The checker reads the pages as file: URLs, which no 'self' source matches. "
        "Served over HTTP, Chromium reports no violation (tests/test_browser.py).",
    ),
)


@pytest.fixture(scope="module")
def messages(real_build: Path) -> list[dict[str, str]]:
    """Every message the checker gives for the real project's built pages."""
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--skip-non-html", "--format", "json", "--exit-zero-always",
         str(real_build / "site")],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    return json.loads(result.stderr)["messages"]


def where(found: dict[str, str]) -> str:
    page = found.get("url", "").split("/site/", 1)[-1]
    return f"{page}:{found.get('lastLine', '?')}: {found['message']}"


def test_the_checker_read_every_page(messages: list[dict[str, str]], real_build: Path) -> None:
    """Every page carries the theme's drawer toggle, so every page read draws its message."""
    site = real_build / "site"
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    toggles = {where(m).split(":", 1)[0] for m in messages if KNOWN[0].matches(m)}
    assert len(pages) > 80
    assert toggles == pages
    assert [where(m) for m in messages if m["type"] == "non-document-error"] == []


def test_the_hubs_own_markup_draws_no_message(messages: list[dict[str, str]]) -> None:
    """Errors, warnings and infos alike: anything not listed in KNOWN is the hub's."""
    ours = [where(m) for m in messages if not any(k.matches(m) for k in KNOWN)]
    assert ours == []


@pytest.mark.parametrize("known", KNOWN, ids=lambda k: k.message[1:40])
def test_every_known_message_still_appears(known: Known, messages: list[dict[str, str]]) -> None:
    assert any(known.matches(m) for m in messages), f"no longer seen, drop it: {known.reason}"


def test_the_checker_catches_a_figure_holding_details(tmp_path: Path) -> None:
    """The message the hub's charts drew before their numbers moved out of the figure:
    the checker, as called here, reports it."""
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
        "<body><figure><div>bars</div><figcaption>c</figcaption><details><summary>s</summary></details>"
        "</figure></body></html>",
        encoding="utf-8",
    )
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", str(page)],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    found = json.loads(result.stderr)["messages"]
    assert [m["type"] for m in found] == ["error"]
    assert "“details” not allowed as child of element “figure”" in found[0]["message"]

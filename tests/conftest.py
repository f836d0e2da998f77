"""Shared helpers: tiny fixture projects built from the real config, hooks and content."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

from peerhub.chromium import ARGS, CHROMIUM
from peerhub.hub import Hub
from peerhub.project import load_hub
from peerhub.settings import load_settings

from synthetic import write_groups

REPO = Path(__file__).resolve().parents[1]
FIXTURE_NAV = """nav:
  - Home: index.md
  - Formats: formats/index.md
  - Groups: groups/index.md
  - Pick an outcome: outcomes/index.md
  - Contribute: contribute.md
  - Evaluate: evaluate/index.md
"""

VALID_GROUP = """\
name: Example circle
summary: Six team leads who meet monthly to help each other.
added: 2025-01-15
formats: [troika-consulting]
outcomes:
  primary: support
"""


def macro_pages() -> list[str]:
    """The pages mkdocs.yml lets macros run in (`extra.peerhub.macro_pages`); read when
    a test asks, never at import (a mutation run must not call mutated code then)."""
    return load_settings(REPO)[0].macro_pages


def make_project(
    root: Path,
    *,
    groups: dict[str, str] | None = None,
    docs: dict[str, str] | None = None,
    macros: tuple[str, ...] = (),
) -> Path:
    """A small hub: the real mkdocs.yml (with a short nav), hooks, theme overrides,
    formats and outcomes, plus the given groups and docs pages; `macros` lists the
    docs pages that may use macros."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "src" / "peerhub").mkdir(parents=True)  # watched by `mkdocs serve`
    for folder in ("formats", "outcomes", "hooks", "overrides"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "docs" / "assets", root / "docs" / "assets")
    config = (REPO / "mkdocs.yml").read_text()
    listed = "".join(f"      - {page}\n" for page in macros)
    real = "".join(f"      - {page}\n" for page in macro_pages())
    listed = f"    macro_pages:\n{listed}" if listed else "    macro_pages: []\n"
    config = config.replace("    macro_pages:\n" + real, listed)
    nav = FIXTURE_NAV + "".join(f"  - {name}\n" for name in docs or {})
    (root / "mkdocs.yml").write_text(config[: config.index("\nnav:")] + "\n" + nav)
    (root / "groups").mkdir()
    for name, text in (groups or {}).items():
        (root / "groups" / name).write_text(text)
    pages = {
        "index.md": "# Fixture hub\n\nA tiny hub for tests.\n",
        "contribute.md": "# Contribute\n\nGenerated pages link here.\n",
        "evaluate/index.md": "# Evaluate\n\nFormat pages and design cards link here.\n",
        **(docs or {}),
    }
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def repo_copy(target: Path, synthetic: int = 0) -> Path:
    """A copy of the real project, without caches, tests or a built site; optionally
    with `synthetic` seeded groups added (the benchmark's generator)."""
    ignore = shutil.ignore_patterns(
        ".venv", "site", ".site-*", ".git", "__pycache__", ".*_cache", "tests", "benchmarks"
    )
    shutil.copytree(REPO, target, ignore=ignore)
    if synthetic:
        write_groups(target, synthetic)
    return target


def built_copy(target: Path, synthetic: int = 0, **env_vars: str) -> Path:
    """`repo_copy`, built with `mkdocs build --strict`; returns the project folder."""
    root = repo_copy(target, synthetic)
    result = mkdocs_build(root, **env_vars)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def mkdocs_build(
    root: Path, site: str = "site", **env_vars: str
) -> subprocess.CompletedProcess[str]:
    """Run the maintainer's command, `mkdocs build --strict`, in a separate process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_vars}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def failed_build_keeps_site(root: Path) -> str:
    """Run `mkdocs build --strict` over a previous `site/`: it must fail without a
    traceback and leave that site as it was. Returns what it printed."""
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>the previous site</p>")
    before = site_files(site)
    result = mkdocs_build(root)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert site_files(site) == before
    return output


def git_commit(root: Path, when: str, *paths: str) -> None:
    """Commit `paths` in `root` (a git repository) as made at `when` (ISO 8601)."""
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    env |= {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "add", *paths], cwd=root, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", "x"], cwd=root, check=True, env=env)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite expected files from the current output, for review in a diff",
    )


@pytest.fixture(scope="session")
def repo_hub() -> Hub:
    """The repository's hub, loaded once per run (never at import: a mutation-testing
    run forks from a process that imported the tests, and must not inherit its state)."""
    return load_hub(REPO)


@pytest.fixture
def hub(repo_hub: Hub) -> Hub:
    """The repository's hub with nothing derived yet, so each test computes what it
    checks instead of reading what an earlier test left in the hub's cached properties."""
    return dataclasses.replace(repo_hub)


def golden(name: str, actual: str, update: bool) -> None:
    """Compare with tests/golden/<name>, a file a person reviewed; rewrite it on update."""
    path = REPO / "tests" / "golden" / name
    if update:
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; review the diff"


def golden_json(name: str, data: object, update: bool) -> None:
    """`golden` for data, written as indented JSON."""
    golden(name, json.dumps(data, indent=2, ensure_ascii=False) + "\n", update)


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "hub", groups={"example-circle.yml": VALID_GROUP})


#: What the hub's components may put in a page: their own tags plus the sanitized subset.
ALLOWED_TAGS = {
    "article",
    "section",
    "div",
    "nav",
    "h1",
    "h2",
    "h3",
    "p",
    "dl",
    "dt",
    "dd",
    "a",
    "ul",
    "ol",
    "li",
    "em",
    "strong",
    "code",
    "br",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
}
ALLOWED_ATTRIBUTES = {"class", "id", "href", "rel", "scope", "aria-label", "aria-current"}


def unsafe_parts(fragment: object) -> list[str]:
    """Elements, attributes or links in a parsed fragment that the allowlist forbids."""
    found = []
    for tag in fragment.find_all(True):
        if tag.name not in ALLOWED_TAGS:
            found.append(f"<{tag.name}>")
        for name, value in tag.attrs.items():
            if name not in ALLOWED_ATTRIBUTES:
                found.append(f"<{tag.name} {name}>")
            if name == "href":
                scheme = value.split(":", 1)[0].lower() if ":" in value else ""
                if scheme not in {"", "https", "mailto"} or value.startswith("//"):
                    found.append(f"href={value!r}")
    return found


#: Browser tests need Debian's chromium. Locally they are skipped without it; in CI
#: (`CI` set) a missing browser fails them instead, so a skip cannot pass for a pass.
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"),
    reason="Debian's chromium is not installed",
)

#: The picker's lookup code runs in Node (Debian's nodejs), skipped or failed the same way.
NODE = shutil.which("node") or "node"
needs_node = pytest.mark.skipif(
    shutil.which("node") is None and not os.environ.get("CI"),
    reason="Node.js is not installed",
)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def served(root: Path) -> Iterator[str]:
    """Build `root` for the address it is served at, serve it, yield that address."""
    handler = functools.partial(QuietHandler, directory=str(root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    # Material's instant navigation only works when site_url is where the site is served.
    result = mkdocs_build(root, PEERHUB_SITE_URL=url, SOURCE_DATE_EPOCH="1800000000")
    assert result.returncode == 0, result.stdout + result.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


#: Each element's font size as drawn: a text inside an SVG counts with the SVG's scale,
#: so a chart that grows with the page (and its text with it) is measured as drawn.
RENDERED_SIZES = """([body, texts]) => {
  const size = e => {
    const own = parseFloat(getComputedStyle(e).fontSize);
    const svg = e.ownerSVGElement || (e.closest('svg') !== e && e.closest('svg'));
    return svg ? own * svg.getScreenCTM().a : own;
  };
  return {body: size(document.querySelector(body)),
          sizes: [...document.querySelectorAll(texts)].map(size)};
}"""


def rendered_sizes(tab: object, body: str, texts: str) -> tuple[float, list[float]]:
    """The drawn font size of the first `body` element and of every `texts` element."""
    found = tab.evaluate(RENDERED_SIZES, [body, texts])
    return found["body"], found["sizes"]


def plain_id(text: str, length: int = 40) -> str:
    """A test id of letters, digits and dashes. pytest escapes other characters in ids
    given with `ids=` once more each time it collects in the same process, and mutmut
    collects twice: a newline in an id made `make mutate` stop with "not found"."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:length] or "empty"

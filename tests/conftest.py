"""Shared helpers: tiny fixture projects built from the real config, hooks and content."""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import functools
import inspect
import io
import itertools
import json
import logging
import os
import re
import runpy
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from inline_snapshot import external_file
from playwright.sync_api import sync_playwright

from peerhub.content.settings import load_settings
from peerhub.content.vocabulary import OUTCOME_IDS
from peerhub.decisions.picker.choices import Constraints
from peerhub.decisions.picker.recommend import Answer
from peerhub.render.chromium import ARGS, DRIVEN
from peerhub.render.picker_table import CHOICES
from peerhub.render.project import load_site
from peerhub.site import Site

from synthetic import write_groups

REPO = Path(__file__).resolve().parents[1]
#: Expected files a person reviewed (see `golden`).
GOLDEN = REPO / "tests" / "golden"
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
        ".venv",
        "node_modules",
        "site",
        ".site-*",
        ".git",
        "__pycache__",
        ".*_cache",
        "tests",
        "benchmarks",
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


#: `mkdocs_build` or `mkdocs_build_here`.
Builds = Callable[..., subprocess.CompletedProcess[str]]


def mkdocs_build_here(
    root: Path, site: str = "site", **env_vars: str
) -> subprocess.CompletedProcess[str]:
    """`mkdocs_build` without a new process: MkDocs' own command line, `mkdocs build
    --strict`, run in this one (as `peerhub build` runs it), with the same exit code
    and output. Saves starting Python and importing MkDocs, Material and the hub for
    each build; `tests/test_cases.py` checks that both report the same.
    """
    argv = ["mkdocs", "build", "--strict", "--site-dir", site]
    out, err = io.StringIO(), io.StringIO()
    # Each run adds a handler to MkDocs' logger and a filter that drops any message
    # logged before. Start as a new process would, without either, and put back what
    # was there after: an earlier build (here or `peerhub build`) must hide nothing.
    logger = logging.getLogger("mkdocs")
    build_log = logging.getLogger("mkdocs.commands.build")
    saved = (logger.handlers[:], logger.propagate, logger.level, build_log.filters[:])
    logger.handlers[:], build_log.filters[:] = [], []
    code: int | str | None = 0
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {"NO_MKDOCS_2_WARNING": "1", **env_vars}.items():
            patch.setenv(name, value)
        patch.chdir(root)
        patch.setattr(sys, "argv", argv)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                runpy.run_module("mkdocs", run_name="__main__")
        except SystemExit as done:  # how a command line ends: None or 0 is success
            code = done.code
        finally:
            logger.handlers[:], logger.propagate, _, build_log.filters[:] = saved
            logger.setLevel(saved[2])
    returncode = 0 if code is None else code if isinstance(code, int) else 1
    return subprocess.CompletedProcess(argv, returncode, out.getvalue(), err.getvalue())


def failed_build_keeps_site(root: Path, build: Builds = mkdocs_build) -> str:
    """Run `mkdocs build --strict` (`build`: in a process of its own, or in this one)
    over a previous `site/`: it must fail without a traceback and leave that site as it
    was. Returns what it printed."""
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>the previous site</p>")
    before = site_files(site)
    result = build(root)
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


# Tiers. Every test gets one of three markers, from what it uses:
#   browser  it asks for the `browser` fixture (Chromium through Playwright);
#   build    it, a fixture it asks for, or a function of its file or of this one that it
#            calls, starts a program (`subprocess`, `sync_playwright`) or a build (this
#            file's helpers, `main(["build", ...])`), or it is marked `build` by hand;
#   unit     everything else: pure Python, run by `make test-fast`.
# A unit test that starts a program or a build fails (see `_refused_if_unit`),
# so a test cannot sit in the fast tier by mistake.
TIERS = ("unit", "build", "browser")
#: Names whose use starts a program or a build; functions that use them join the set.
STARTERS = frozenset({"subprocess", "sync_playwright", "Popen"})


def _calls_peerhub_build(node: ast.AST) -> bool:
    """`main(["build", ...])`: the peerhub command's build, run in this process."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "main"
        and bool(node.args)
        and isinstance(node.args[0], ast.List)
        and bool(node.args[0].elts)
        and isinstance(node.args[0].elts[0], ast.Constant)
        and node.args[0].elts[0].value == "build"
    )


def _set(node: ast.Name) -> bool:
    """A local variable being set (or deleted), not read."""
    return not isinstance(node.ctx, ast.Load)


@functools.cache
def starters(path: str) -> frozenset[str]:
    """The names in a test file (or this one) that start a program or a build: the
    `STARTERS`, this file's functions that use them, and the file's own top-level
    functions (tests, fixtures, helpers) that use any of those. A function's parameters
    (fixtures, judged on their own: see `tier`) and local variables do not count."""
    seeds = STARTERS if path == __file__ else starters(__file__)
    uses: dict[str, set[str]] = {}
    for node in ast.parse(Path(path).read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef):
            inner = list(ast.walk(node))
            local = {n.arg for n in inner if isinstance(n, ast.arg)}
            local |= {n.id for n in inner if isinstance(n, ast.Name) and _set(n)}
            names = {n.id for n in inner if isinstance(n, ast.Name)} - local
            names |= {n.attr for n in inner if isinstance(n, ast.Attribute)}
            if any(_calls_peerhub_build(n) for n in inner):
                names.add("subprocess")
            uses[node.name] = names
    found = set(seeds)
    while grown := {name for name, used in uses.items() if used & found} - found:
        found |= grown
    return frozenset(found)


def _starts_something(function: object) -> bool:
    function = inspect.unwrap(function)
    code = getattr(function, "__code__", None)
    if code is None or not code.co_filename.startswith(str(REPO / "tests")):
        return False
    return function.__name__ in starters(code.co_filename)


def tier(item: pytest.Item) -> str:
    """The tier a test belongs to (see TIERS above)."""
    given = [name for name in TIERS if item.get_closest_marker(name)]
    if given:
        return given[-1]
    if "browser" in item.fixturenames:
        return "browser"
    info = getattr(item, "_fixtureinfo", None)
    fixtures = [d.func for ds in (info.name2fixturedefs.values() if info else []) for d in ds]
    if any(_starts_something(f) for f in [getattr(item, "function", None), *fixtures] if f):
        return "build"
    return "unit"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        name = tier(item)
        if not item.get_closest_marker(name):
            item.add_marker(name)
    items[:] = heaviest_files_first(items)


def heaviest_files_first(items: list[pytest.Item]) -> list[pytest.Item]:
    """The tests in an order that lets pytest-xdist's workers finish together: files
    with browser tests first, then files with builds or exhaustive (`slow`) tests, then
    the rest (Python alone). A file's tests stay together and in their order, so its
    module-scoped fixtures (a build, a server) are made once per worker, not again
    each time the file comes back.
    """
    weight: dict[Path, int] = {}
    for item in items:
        rank = -max(TIERS.index(m) for m in TIERS if item.get_closest_marker(m))
        if item.get_closest_marker("slow"):
            rank = min(rank, -TIERS.index("build"))
        weight[item.path] = min(weight.get(item.path, rank), rank)
    return sorted(items, key=lambda item: weight[item.path])


class StartedSomething(BaseException):
    """A unit test started a program or a build: it belongs in the `build` tier. (Not an
    `Exception`, so code that catches those cannot hide it.)"""


@contextlib.contextmanager
def _refused_if_unit(item: pytest.Item) -> Iterator[None]:
    """In a `unit` test (its fixtures included), starting a process or an in-process
    mkdocs build raises `StartedSomething`."""
    if not item.get_closest_marker("unit"):
        yield
        return
    import mkdocs.commands.build  # noqa: PLC0415 - only where a unit test runs

    def refuse(*_: object, **__: object) -> None:
        raise StartedSomething(f"{item.nodeid} is a unit test: mark it `build` to start this")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(subprocess.Popen, "_execute_child", refuse)
        for name in ("fork", "forkpty", "posix_spawn", "posix_spawnp", "system"):
            if hasattr(os, name):
                patch.setattr(os, name, refuse)
        patch.setattr(mkdocs.commands.build, "build", refuse)
        yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    with _refused_if_unit(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    with _refused_if_unit(item):
        return (yield)


@pytest.fixture(scope="session")
def repo_hub() -> Site:
    """The repository's hub, loaded once per run (never at import: a mutation-testing
    run forks from a process that imported the tests, and must not inherit its state)."""
    return load_site(REPO)


@pytest.fixture(scope="session")
def every_ranking(repo_hub: Site) -> dict[tuple[str, tuple[str, ...]], Answer]:
    """The whole ranking (not only the three shown) for every outcome under every
    combination of the picker's choices, keyed by (outcome, combination): 89,600
    answers, worked out once per run (or per worker) for the exhaustive tests to share.
    `test_recommend` checks that the picker's three are this ranking's first three."""
    return {
        (outcome, combination): repo_hub.recommender.recommend(
            outcome, Constraints.from_choices(*combination), limit=99
        )
        for outcome in OUTCOME_IDS
        for combination in itertools.product(*CHOICES.values())
    }


@pytest.fixture
def hub(repo_hub: Site) -> Site:
    """The repository's hub with nothing derived yet, so each test computes what it
    checks instead of reading what an earlier test left in the hub's cached properties."""
    return dataclasses.replace(repo_hub)


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/<name>, a file a person reviewed. After an intended
    change, `pytest -p no:xdist --inline-snapshot=fix` rewrites the file (with
    inline-snapshot's `external_file`) for review in a diff."""
    assert actual == external_file(GOLDEN / name, format=".txt"), f"{name} changed; review it"


def golden_json(name: str, data: object) -> None:
    """`golden` for data, written as indented JSON."""
    golden(name, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


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


#: Browser tests need Debian's chromium-headless-shell (or chromium). Locally they are
#: skipped without it; in CI (`CI` set) a missing browser fails them instead, so a skip
#: cannot pass for a pass.
needs_chromium = pytest.mark.skipif(
    not Path(DRIVEN).exists() and not os.environ.get("CI"),
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
    for url, _ in served_build(root):
        yield url


def served_build(root: Path) -> Iterator[tuple[str, subprocess.CompletedProcess[str]]]:
    """`served`, also yielding the build's result."""
    handler = functools.partial(QuietHandler, directory=str(root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    # Material's instant navigation only works when site_url is where the site is served.
    result = mkdocs_build(root, PEERHUB_SITE_URL=url, SOURCE_DATE_EPOCH="1800000000")
    assert result.returncode == 0, result.stdout + result.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url, result
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A copy of the real project built once with `mkdocs build --strict` (for the
    address it is served at) and served: its address and its folder, shared by every
    test that only reads the site, browser or not (one build per run, or per worker
    with pytest-xdist)."""
    root = repo_copy(tmp_path_factory.mktemp("served") / "hub")
    for url, result in served_build(root):
        assert "WARNING" not in result.stderr
        yield url, root


@pytest.fixture(scope="session")
def real_build(real_site: tuple[str, Path]) -> Path:
    """The folder of `real_site`'s project, for the tests that read its built files."""
    return real_site[1]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=DRIVEN, args=ARGS)
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

"""The README's commands work, and CI runs the README's test command."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from servers import first_answer, free_port

from peerhub.render.chromium import DRIVEN

from conftest import REPO, repo_copy

sys.path.insert(0, str(REPO / "scripts"))
import module_table

README = (REPO / "README.md").read_text()
BIN = Path(sys.executable).parent


def commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    lines = [line.split("#")[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line]


def test_quick_start_names_the_two_commands() -> None:
    quick = README.split("## Quick start")[1].split("\n## ")[0]
    first_block = re.search(r"```sh\n(.*?)```", quick, flags=re.S)
    assert first_block is not None
    assert [line.split()[:2] for line in first_block.group(1).splitlines()] == [
        ["make", "serve"],
        ["make", "test"],
    ]


def test_ci_runs_the_readme_test_command() -> None:
    assert re.search(r"^make test$", (REPO / ".ci" / "run").read_text(), flags=re.M)


def test_ci_and_make_test_install_the_browser_the_tests_drive() -> None:
    """The browser tests drive Debian's chromium-headless-shell when it is there (and
    fall back to the slower full browser): both ways of running the suite install it."""
    assert "missing+=(chromium-headless-shell)" in (REPO / ".ci" / "run").read_text()
    chromium_step = (REPO / "Makefile").read_text().split("\nchromium:", 1)[1].split("\n\n")[0]
    assert 'missing="$$missing chromium-headless-shell"' in chromium_step
    shell = shutil.which("chromium-headless-shell")
    if shell and not os.environ.get("PEERHUB_CHROMIUM"):
        assert shell == DRIVEN


def test_every_make_target_in_the_readme_exists() -> None:
    targets = {c.split()[1] for c in commands() if c.startswith("make ")}
    assert targets >= {"serve", "test", "build"}
    for target in targets:
        result = subprocess.run(
            ["make", "-n", target], cwd=REPO, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr


PROGRAMS = [c for c in commands() if not c.startswith("make ")]


@pytest.mark.parametrize("command", PROGRAMS)
def test_commands_from_the_readme(command: str, tmp_path: Path) -> None:
    """Each command, run in a fresh copy of the project, succeeds."""
    root = repo_copy(tmp_path / "repo")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    program, *rest = re.findall(r'"[^"]*"|\S+', command)
    argv = [str(BIN / Path(program).name), *(a.strip('"') for a in rest)]
    result = subprocess.run(
        argv, cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"


def test_readme_shows_the_peerhub_and_mkdocs_commands() -> None:
    assert [c.split()[:2] for c in PROGRAMS] == [
        [".venv/bin/peerhub", "validate"],
        [".venv/bin/peerhub", "new"],
        [".venv/bin/mkdocs", "build"],
    ]


def test_make_serve_serves_the_site() -> None:
    port = free_port()
    process = subprocess.Popen(
        ["make", "serve", f"SERVE_ADDR=127.0.0.1:{port}"],
        cwd=REPO,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        body = first_answer(f"http://127.0.0.1:{port}/groups/", process)
        assert "Staff-plus engineers peer group" in body
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_the_module_table_is_the_docstrings() -> None:
    """ARCHITECTURE.md's module table is what the modules' docstrings say, and names
    every module of the package once.
    """
    text = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")
    assert module_table.written(text) == text
    listed = re.findall(r"^\| \| `(\w+)` \|", text, flags=re.M)
    listed += re.findall(r"^\| `site` \| `(site)` \|", text, flags=re.M)
    modules = [p for p in (REPO / "src" / "peerhub").rglob("*.py") if p.name != "__init__.py"]
    assert sorted(listed) == sorted(p.stem for p in modules)


def test_the_readme_links_the_architecture() -> None:
    assert "[ARCHITECTURE.md](ARCHITECTURE.md)" in README

"""`peerhub build` / `make build`: a failed build never leaves a half-published site."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from peerhub.cli import main

from conftest import REPO, mkdocs_build, site_files

BROKEN_GUIDE = "# Broken\n\nSee [a missing page](nowhere.md).\n"


def seed_site(root: Path) -> dict[str, bytes]:
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>previous site</p>")
    return site_files(site)


def test_successful_build_replaces_site(project: Path) -> None:
    seed_site(project)
    assert main(["build", "--root", str(project)]) == 0
    assert "previous site" not in (project / "site" / "index.html").read_text()
    assert (project / "groups").is_dir() and (
        project / "site" / "groups" / "example-circle"
    ).is_dir()
    assert not (project / ".site-new").exists() and not (project / ".site-old").exists()


def test_failure_late_in_the_build_keeps_previous_site(project: Path) -> None:
    # A broken link is only reported after MkDocs has cleaned its output folder.
    (project / "docs" / "index.md").write_text(BROKEN_GUIDE)
    before = seed_site(project)
    assert main(["build", "--root", str(project)]) != 0
    assert site_files(project / "site") == before
    assert not (project / ".site-new").exists()


def test_content_error_keeps_previous_site(project: Path) -> None:
    (project / "groups" / "broken.yml").write_text("name: [\n")
    before = seed_site(project)
    assert main(["build", "--root", str(project)]) == 1
    assert site_files(project / "site") == before


def test_interrupted_build_keeps_previous_site(project: Path) -> None:
    before = seed_site(project)
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "peerhub"), "build"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not (project / ".site-new").exists():  # wait until MkDocs is writing
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    process.wait(timeout=60)
    assert process.returncode != 0
    assert site_files(project / "site") == before
    assert not (project / ".site-new").exists()


def test_two_builds_are_byte_identical(project: Path, tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1795000000"}
    first = mkdocs_build(project, str(tmp_path / "one"), **env)
    second = mkdocs_build(project, str(tmp_path / "two"), **env)
    assert first.returncode == second.returncode == 0
    one, two = site_files(tmp_path / "one"), site_files(tmp_path / "two")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_installs_are_pinned_by_hash() -> None:
    for lock in ("site.txt", "dev.txt"):
        text = (REPO / "requirements" / lock).read_text()
        pins = [line for line in text.splitlines() if re.match(r"^[a-z0-9][a-z0-9._-]*==", line)]
        assert len(pins) > 20
        for block in text.split("\n\n"):
            if "==" in block:
                assert "--hash=sha256:" in block
    makefile = (REPO / "Makefile").read_text()
    assert makefile.count("--require-hashes") >= 2
    for workflow in (REPO / ".github" / "workflows").glob("*.yml"):
        for line in workflow.read_text().splitlines():
            if "pip install" in line and "-r requirements" in line:
                assert "--require-hashes" in line, workflow.name

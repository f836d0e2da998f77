"""`peerhub build` / `make build`: a failed build never leaves a half-published site."""

from __future__ import annotations

from pathlib import Path

from peerhub.cli import main

from conftest import site_files

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

"""Last-updated dates from git, shown by the theme on guides and generated pages."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from peerhub.content.revisions import last_changes

from conftest import VALID_GROUP, make_project, mkdocs_build, soup
from conftest import git_commit as commit

ANONYMOUS = VALID_GROUP.replace(
    "name: Example circle",
    "name: Example circle\nvisibility: anonymous\nanonymous_id: k4r7tq2mzx9w",
)


def test_dates_come_from_each_files_newest_commit(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "hub", groups={"example-circle.yml": VALID_GROUP, "quiet.yml": ANONYMOUS}
    )
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    commit(root, "2025-03-01T12:00:00Z", ".")
    (root / "docs" / "contribute.md").write_text("# Contribute\n\nUpdated.\n")
    commit(root, "2025-06-15T12:00:00Z", "docs/contribute.md")
    changes = last_changes(root)
    assert changes["docs/contribute.md"] == dt.date(2025, 6, 15)
    assert changes["docs/index.md"] == dt.date(2025, 3, 1)
    assert changes["groups/example-circle.yml"] == dt.date(2025, 3, 1)
    assert mkdocs_build(root).returncode == 0
    site = root / "site"

    def updated(url: str) -> str | None:
        fact = soup(site / url / "index.html").select_one(".md-source-file__fact")
        return fact.get_text(strip=True) if fact else None

    assert updated("contribute") == "2025-06-15"
    assert updated("groups/example-circle") == "2025-03-01"
    assert updated("groups/anonymous-k4r7tq2mzx9w") is None  # its file is not named
    assert updated("groups") is None  # made from every group, from no one file


@pytest.mark.build  # runs git
def test_no_dates_outside_a_checkout(tmp_path: Path) -> None:
    assert last_changes(tmp_path) == {}

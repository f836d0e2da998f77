"""One load per build: the hook and the macros share a hub until a content file changes."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from peerhub.content.project import fingerprint
from peerhub.render import project
from peerhub.render.project import check_project_cached

from conftest import VALID_GROUP, make_project


def test_the_hub_is_reused_until_a_content_file_changes(tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub", groups={"example.yml": VALID_GROUP})
    first, problems = check_project_cached(root)
    assert problems == []
    again, _ = check_project_cached(root)
    assert again is first
    group = root / "groups" / "example.yml"
    group.write_text(VALID_GROUP.replace("Example circle", "Renamed circle"))
    os.utime(group, ns=(1, 1))
    changed, _ = check_project_cached(root)
    assert changed is not first
    assert changed.groups["example"].name == "Renamed circle"
    (root / "groups" / "second.yml").write_text(VALID_GROUP.replace("Example", "Second"))
    added, _ = check_project_cached(root)
    assert set(added.groups) == {"example", "second"}


def test_an_edited_setting_is_read_again(tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub", groups={"example.yml": VALID_GROUP})
    first, _ = check_project_cached(root)
    assert first.settings.feed_length == 50
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  peerhub:\n", "  peerhub:\n    feed_length: 9\n")
    )
    os.utime(config, ns=(1, 1))
    edited, _ = check_project_cached(root)
    assert edited.settings.feed_length == 9


def test_the_fingerprint_names_every_content_file_and_each_docs_link(tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub", groups={"example.yml": VALID_GROUP})
    names = [Path(name).relative_to(root).as_posix() for name, _, _ in fingerprint(root)]
    assert names[0] == "mkdocs.yml"
    assert "groups/example.yml" in names
    assert any(n.startswith("formats/") for n in names)
    assert any(n.startswith("outcomes/") for n in names)
    before = fingerprint(root)
    (root / "docs" / "linked.md").symlink_to(root / "docs" / "index.md")
    after = fingerprint(root)
    assert after[-1] == ("docs/linked.md", 0, 0)
    assert after[:-1] == before


def test_a_new_day_checks_the_project_again_for_that_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs serve` left running past midnight: intakes and lifespans count to the new
    day, so the cached site is not reused, and the new one is built for that day."""
    root = make_project(tmp_path / "hub", groups={"example.yml": VALID_GROUP})
    monkeypatch.setattr(project, "today", lambda: dt.date(2026, 3, 1))
    first, _ = check_project_cached(root)
    assert check_project_cached(root)[0] is first
    monkeypatch.setattr(project, "today", lambda: dt.date(2026, 3, 2))
    second, _ = check_project_cached(root)
    assert second is not first
    assert (first.today, second.today) == (dt.date(2026, 3, 1), dt.date(2026, 3, 2))


def test_the_site_is_built_for_the_day_the_content_is_checked_on(tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub", groups={"example.yml": VALID_GROUP})
    site, _ = project.check_project(root, on=dt.date(2026, 3, 1))
    assert site.today == dt.date(2026, 3, 1)

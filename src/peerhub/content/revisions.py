"""When each file last changed, from git, for "last updated" dates on pages.

One `git log` over the content folders gives every file's newest commit, so the cost
does not grow with the number of pages. Outside a git checkout (or without git) there
are no dates and pages show none; a shallow clone dates everything to its one commit,
so the deploy workflow fetches the whole history.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

__all__ = ["FOLDERS", "OPENED", "last_changes", "opened"]

FOLDERS = ("docs", "formats", "groups", "outcomes")
#: A line that makes a group open to new members (`git log -G` reads it as a regex).
OPENED = "^joining:[[:space:]]*[\"']*open"


def last_changes(root: Path) -> dict[str, dt.date]:
    """Project-relative path → the day of the newest commit that touched it."""
    return _newest(root, FOLDERS)


def opened(root: Path) -> dict[str, dt.date]:
    """Group file → the day of the newest commit that added or removed its
    `joining: open` line: for a group that is open now, the day it (last) opened.
    """
    return _newest(root, ("groups",), f"-G{OPENED}")


def _newest(root: Path, folders: tuple[str, ...], *only: str) -> dict[str, dt.date]:
    git = shutil.which("git")
    if git is None:
        return {}
    try:
        log = subprocess.run(  # noqa: S603 - a fixed git command, no shell
            [git, "log", "--format=%x00%ct", "--name-only", *only, "--", *folders],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    changes: dict[str, dt.date] = {}
    for commit in log.split("\0")[1:]:
        stamp, *names = commit.strip().splitlines()
        day = dt.datetime.fromtimestamp(int(stamp), tz=dt.UTC).date()
        for name in filter(None, names):
            changes.setdefault(name, day)  # newest first: keep the first seen
    return changes

"""Which group pages a live site publishes that the content no longer would.

A failed build keeps the previous site. When the content has since withdrawn a group
(made it private or anonymous, or deleted its file), that site must not stay: the
build that failed is the one that would have taken the group's page down. The live
site's `api/groups.json` lists the address of every group page it publishes; the
group files say which addresses the content publishes now. Group files are read
leniently, as a build that failed may have failed on them: a file that does not
parse but says `visibility: private` withdraws its group all the same.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from peerhub.content.filenames import ANONYMOUS_PREFIX
from peerhub.content.folders import content_files
from peerhub.render.urls import group_url

__all__ = ["live_addresses", "published_now", "withdrawn"]

_VISIBILITY = re.compile(r"^visibility\s*:\s*['\"]?(\w+)", re.MULTILINE)
_ANONYMOUS_ID = re.compile(r"^anonymous_id\s*:\s*['\"]?([\w-]+)", re.MULTILINE)


def live_addresses(site: Path) -> list[str]:
    """The group pages the built site at `site` publishes (none if it cannot tell)."""
    try:
        groups = json.loads((site / "api" / "groups.json").read_text(encoding="utf-8"))
        return sorted(str(group["url"]) for group in groups)
    except (OSError, ValueError, TypeError, KeyError):
        return []


def _fields(text: str) -> tuple[str, str]:
    """A group file's visibility and anonymous_id, read even from a broken file."""
    try:
        # Every value as text: a broken date or number in the file must not stop this.
        data = yaml.load(text, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds only str, list, dict
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        visibility, anonymous_id = _VISIBILITY.search(text), _ANONYMOUS_ID.search(text)
        data = {
            "visibility": visibility.group(1) if visibility else "public",
            "anonymous_id": anonymous_id.group(1) if anonymous_id else "",
        }
    return str(data.get("visibility") or "public"), str(data.get("anonymous_id") or "")


def published_now(root: Path) -> dict[str, tuple[str, str, str]]:
    """Every group file under `root`, by its name: its visibility, its anonymous_id and
    the address the content publishes it at now ("" for none).
    """
    found = {}
    for path in content_files(root, "groups"):
        visibility, anonymous_id = _fields(path.read_text(encoding="utf-8", errors="replace"))
        if visibility == "anonymous":
            address = group_url(ANONYMOUS_PREFIX + anonymous_id) if anonymous_id else ""
        elif visibility == "private":
            address = ""
        else:
            address = group_url(path.stem)
        found[f"groups/{path.name}"] = (visibility, anonymous_id, address)
    return found


def withdrawn(root: Path, site: Path) -> list[str]:
    """One line for each group page the site at `site` publishes that the content under
    `root` withdrew, saying why.
    """
    now = published_now(root)
    addresses = {address for *_, address in now.values()}
    lines = []
    for url in live_addresses(site):
        if url in addresses:
            continue
        slug = url.removeprefix("groups/").rstrip("/")
        files = [
            name
            for name, (_, anonymous_id, _) in now.items()
            if slug in {Path(name).stem, ANONYMOUS_PREFIX + anonymous_id}
        ]
        if files:
            lines.append(f"/{url}: {files[0]} is now {now[files[0]][0]}")
        else:
            lines.append(f"/{url}: no group file publishes it now (deleted or renamed)")
    return lines

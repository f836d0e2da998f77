"""The rules for content file names, which become page addresses.

A file's name is its page's address, so it must be lower-case words joined by
hyphens, must not take an address the hub needs itself (`index`, `/groups/page/N/`,
an anonymous group's `anonymous-…`), and must not be a name some systems cannot check out.
Both the loader and the issue-form writer apply these rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from peerhub.content.fieldtypes import is_slug
from peerhub.content.problems import FILE_FIELD, Problem

__all__ = [
    "ANONYMOUS_PREFIX",
    "RESERVED_IN",
    "RESERVED_SLUGS",
    "file_name_problem",
    "slug_problem",
    "slugify",
]

RESERVED_SLUGS = {
    "index",
    "page",  # /groups/page/N/ holds the directory's further pages
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}
#: Names taken in one folder only, by a page the hub makes there (and why).
RESERVED_IN = {"formats": {"cards": "/formats/cards/ is the printable card deck"}}

#: Anonymous groups' addresses start with this; group file names may not.
ANONYMOUS_PREFIX = "anonymous-"


def file_name_problem(path: Path, display: str, folder: str) -> Problem | None:
    """The most basic thing wrong with a content file's name, as a problem, if any."""
    message = next(_file_name_messages(path, folder), None)
    return Problem(display, 1, 1, FILE_FIELD, message) if message else None


def _file_name_messages(path: Path, folder: str) -> Iterator[str]:
    """What is wrong with a content file's name, most basic first."""
    if path.is_symlink():
        yield "symbolic links are not allowed in content folders; copy the file instead"
    if not path.is_file():
        yield "not a regular file"
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        yield "the file name is not valid UTF-8; rename it with lower-case letters and hyphens"
    if path.suffix != ".yml":
        yield f"rename the file to {path.stem}.yml (the hub reads .yml files)"
    if not is_slug(path.stem):
        yield (
            f"file name '{path.name}' must be lower-case words joined by hyphens, "
            f"such as '{slugify(path.stem) or 'my-group'}.yml'"
        )
    reserved = slug_problem(path.stem, folder)
    if reserved:
        yield f"{reserved}; choose another file name"


def slug_problem(slug: str, folder: str) -> str | None:
    """Why `slug` may not name a file in `folder` (a page address the hub needs), if so."""
    if slug in RESERVED_SLUGS:
        return f"'{slug}' is a reserved name"
    taken_by = RESERVED_IN.get(folder, {}).get(slug)
    if taken_by:
        return f"'{slug}' is a reserved name ({taken_by})"
    if folder == "groups" and slug.startswith(ANONYMOUS_PREFIX):
        return (
            f"file names starting with '{ANONYMOUS_PREFIX}' are reserved for the addresses "
            "of anonymous groups"
        )
    return None


def slugify(text: str) -> str:
    """`"Staff-Plus Peer Group!"` → `staff-plus-peer-group` (ASCII letters and digits only)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")

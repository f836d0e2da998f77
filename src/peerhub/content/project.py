"""Load a project's content (formats, groups, outcomes, settings) and check it.

`check_content` returns everything it could load as one `Content` plus every problem
in the files. It is the read stage's whole answer: the checks that need the site
built from the content (the guides' macro calls, clashes with generated pages) are
`render.project.check_project`, which the CLI and the MkDocs hook both call.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from peerhub.content import rules
from peerhub.content.fieldtypes import new_opaque_id
from peerhub.content.folders import Entry, findings, load_folder, yaml_named
from peerhub.content.formats import Format
from peerhub.content.groups import Group
from peerhub.content.outcomes import Outcome
from peerhub.content.problems import FILE_FIELD, Problem
from peerhub.content.refused import Refused, accepted_findings, unknown_names
from peerhub.content.settings import CONFIG_FILE, Settings, load_settings, site_problems
from peerhub.content.vocabulary import OUTCOME_IDS

__all__ = [
    "FOLDERS",
    "Content",
    "check_content",
    "fingerprint",
    "linked_docs",
    "stray_files",
]

FOLDERS = ("formats", "groups", "outcomes")
M = TypeVar("M", bound=BaseModel)


@dataclass(eq=False)
class Content:
    """Everything a project's files hold that loaded and validated, keyed by slug in
    file-name order (outcomes in their fixed order).
    """

    root: Path
    formats: dict[str, Format] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    #: The maintainers' options from `extra.peerhub` in mkdocs.yml.
    settings: Settings = field(default_factory=Settings)


def linked_docs(root: Path, folder: str = "docs") -> Iterator[Problem]:
    """Errors for symbolic links in `docs/`: MkDocs would publish whatever they point to
    (`/etc/passwd`, `/proc/self/environ`), so pages and assets must be real files.
    """
    top = root / folder
    for directory, dirs, files in os.walk(top):
        for name in sorted(dirs + files):
            path = Path(directory) / name
            if path.is_symlink():
                yield Problem(
                    path.relative_to(root).as_posix(),
                    1,
                    1,
                    FILE_FIELD,
                    f"symbolic links are not allowed in {folder}/ (the site would publish "
                    "whatever they point to); copy the file instead",
                )


def stray_files(root: Path, folder: str) -> Iterator[Problem]:
    """Warnings for files a content folder holds but the hub does not read, such as
    `x.yml.bak` or `notes.txt`: a contributor may think the hub reads them.
    """
    directory = root / folder
    if not directory.is_dir():
        return
    # Content, hidden files and the folder's README are not strays.
    names = (p.name for p in directory.iterdir() if not yaml_named(p))
    for name in sorted(n for n in names if not n.startswith(".") and n != "README.md"):
        yield Problem(
            f"{folder}/{name}",
            1,
            1,
            FILE_FIELD,
            "not read: the hub reads only files whose names end in .yml"
            + (f"; rename it to {name.split('.')[0]}.yml if it is content" if "." in name else ""),
            "warning",
        )


def check_content(
    root: Path, *, on: dt.date, config: str = CONFIG_FILE
) -> tuple[Content, list[Problem]]:
    """Load and check every content file under `root` as on the day `on`, and the
    settings in its `config` file; never raises for bad content.
    """
    root = root.resolve()
    content = Content(root)
    problems: list[Problem] = [p for folder in FOLDERS for p in stray_files(root, folder)]
    problems += linked_docs(root)
    content.settings, found = load_settings(root, config)
    problems += found
    problems += site_problems(root, config)
    refused_files: dict[str, list[Refused[Any]]] = {"formats": [], "groups": []}
    formats = load_folder(root, "formats", Format, problems, refused_files=refused_files["formats"])
    content.formats = {e.slug: e.model for e in formats}
    check_format = partial(rules.check_format, formats=content.formats)
    check_group = partial(rules.check_group, formats=content.formats, today=on)
    # Thousands of group files: each is checked as it loads and keeps only where its
    # anonymous_id is written (the one check across them), so the project's documents
    # are never all held at once.
    shared = "anonymous_id"
    groups = load_folder(
        root,
        "groups",
        Group,
        problems,
        refused_files=refused_files["groups"],
        check=lambda e: check_group(e.slug, e.model),
        keep=(shared,),
    )
    outcomes = load_folder(root, "outcomes", Outcome, problems)
    # A file the schema refused is still checked for formats that do not exist, so a
    # contributor sees every problem in one round, not the names only after the fields.
    problems += unknown_names(refused_files["formats"], "related", content.formats)
    problems += unknown_names(refused_files["groups"], "formats", content.formats)
    problems += findings(formats, lambda e: check_format(e.slug, e.model))
    # ...and the fields it accepted go through the rules that only their own values trip.
    problems += accepted_findings(refused_files["formats"], check_format)
    problems += accepted_findings(refused_files["groups"], check_group)
    problems += _same_value(
        groups,
        shared,
        f"the same anonymous_id; each group needs its own (such as '{new_opaque_id()}')",
    )
    problems += findings(outcomes, lambda e: rules.check_outcome(e.model, content.formats))
    for entry in outcomes:
        if entry.slug not in OUTCOME_IDS:
            problems.append(
                Problem(
                    entry.doc.path,
                    1,
                    1,
                    FILE_FIELD,
                    f"'{entry.slug}' is not one of the ten outcomes: {', '.join(OUTCOME_IDS)}",
                )
            )
    loaded = {e.slug for e in outcomes}
    outcome_dir_known = (root / "outcomes").is_dir()
    for missing in (o for o in OUTCOME_IDS if o not in loaded and outcome_dir_known):
        if not (root / "outcomes" / f"{missing}.yml").exists():
            problems.append(
                Problem(
                    f"outcomes/{missing}.yml",
                    1,
                    1,
                    FILE_FIELD,
                    "missing: each of the ten outcomes needs its own file",
                )
            )
    problems += _same_value(formats, "name", "the same name; each format needs its own")
    content.groups = {e.slug: e.model for e in groups}
    content.outcomes = {o: e.model for o in OUTCOME_IDS for e in outcomes if e.slug == o}
    return content, sorted(set(problems))


def _same_value(entries: list[Entry[M]], field: str, message: str) -> Iterator[Problem]:
    """Errors for a file whose `field` repeats an earlier file's (None never repeats)."""
    seen: dict[object, str] = {}
    for entry in entries:
        value = getattr(entry.model, field)
        if value is None:
            continue
        key = value.casefold() if isinstance(value, str) else value
        if key in seen:
            line, column = entry.doc.where((field,))
            yield Problem(entry.doc.path, line, column, field, f"{seen[key]} has {message}")
        else:
            seen[key] = entry.doc.path


def fingerprint(root: Path, config: str = CONFIG_FILE) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of all content files and of the settings
    file (`mkdocs serve` reloads on its edits too): cheap change detection.
    """
    stats = []
    settings = root / config
    paths = [settings] if settings.is_file() else []
    for folder in FOLDERS:
        paths += sorted((root / folder).iterdir()) if (root / folder).is_dir() else []
    for path in paths:
        st = os.lstat(path)
        stats.append((str(path), st.st_size, st.st_mtime_ns))
    stats += [(p.path, 0, 0) for p in linked_docs(root)]
    return tuple(stats)

"""Read one content folder: each file's name checked, its YAML read, its model
validated and (for groups) its rules run, thousands of group files shared between
both cores (`bothcores`). `project.check_content` reads the three folders with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from peerhub.content.bothcores import head_and_tail
from peerhub.content.filenames import file_name_problem
from peerhub.content.problems import FILE_FIELD, Finding, Problem, dotted
from peerhub.content.refused import Refused, refused
from peerhub.content.validation import validate
from peerhub.content.yamlsafe import Document, YamlProblem, load_file

__all__ = ["Entry", "content_files", "findings", "load_folder", "yaml_named"]

M = TypeVar("M", bound=BaseModel)


@dataclass
class Entry(Generic[M]):
    """One loaded file: its slug, its document (for positions) and its model."""

    slug: str
    doc: Document
    model: M


def yaml_named(path: Path) -> bool:
    """Whether `path` looks like a content file: `.yml` or `.yaml`, in any case."""
    return path.suffix.lower() in {".yml", ".yaml"}


def content_files(root: Path, folder: str) -> list[Path]:
    """The YAML-looking files of one content folder (`yaml_named`), by name."""
    directory = root / folder
    if not directory.is_dir():
        return []
    # By name: the same order as comparing the paths (one folder), several times faster.
    return sorted(filter(yaml_named, directory.iterdir()), key=lambda path: path.name)


def load_folder(
    root: Path,
    folder: str,
    model: type[M],
    problems: list[Problem],
    *,
    refused_files: list[Refused[M]] | None = None,
    check: Callable[[Entry[M]], Iterator[Finding]] | None = None,
    keep: tuple[str, ...] = (),
) -> list[Entry[M]]:
    """The folder's files that validated; with `check`, each is checked at once and
    keeps only the positions of the top-level fields in `keep` (`Document.only`), and
    the files are shared between both cores (`bothcores`).
    """
    paths = content_files(root, folder)
    load = partial(_load_files, folder=folder, model=model, check=check, keep=keep)
    parts = [load(paths)] if check is None else head_and_tail(paths, load)
    entries: list[Entry[M]] = []
    for part in parts:
        entries += part.entries
        problems += part.problems
        if refused_files is not None:
            refused_files += part.refused
    return entries


@dataclass
class _Loaded(Generic[M]):
    """What reading some files of one folder gave (pickled, from a forked copy)."""

    entries: list[Entry[M]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    refused: list[Refused[M]] = field(default_factory=list)


def _load_files(
    paths: Sequence[Path],
    *,
    folder: str,
    model: type[M],
    check: Callable[[Entry[M]], Iterator[Finding]] | None,
    keep: tuple[str, ...],
) -> _Loaded[M]:
    loaded: _Loaded[M] = _Loaded()
    for path in paths:
        display = f"{folder}/{path.name}"
        problem = file_name_problem(path, display, folder)
        if problem:
            loaded.problems.append(problem)
            continue
        try:
            doc = load_file(path, display)
        except YamlProblem as exc:
            loaded.problems.append(exc.problem)
            continue
        except OSError as exc:
            loaded.problems.append(
                Problem(display, 1, 1, FILE_FIELD, f"cannot read: {exc.strerror}")
            )
            continue
        instance, found = validate(doc, model)
        loaded.problems += found
        if instance is None:
            loaded.refused.append(refused(path.stem, doc, model, found))
            continue
        entry = Entry(path.stem, doc, instance)
        if check is not None:
            loaded.problems += findings([entry], check)
            entry = Entry(path.stem, doc.only(*keep), instance)
        loaded.entries.append(entry)
    return loaded


def findings(
    entries: Iterable[Entry[M]], check: Callable[[Entry[M]], Iterator[Finding]]
) -> Iterator[Problem]:
    """What `check` finds in each entry, located in its file."""
    for entry in entries:
        for loc, message, severity in check(entry):
            line, column = entry.doc.where(loc)
            yield Problem(entry.doc.path, line, column, dotted(loc), message, severity)

"""Files the schema refused, still checked in the same round.

A contributor should see every problem at once, not the next one only after fixing
the first. So a refused file keeps the model its accepted fields make, if they make
one, for the rules that only the fields' own values can trip; and the format names it
gives are looked up even when another of its fields is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from peerhub.content import rules
from peerhub.content.fieldtypes import is_slug
from peerhub.content.formats import Format
from peerhub.content.problems import Finding, Problem, dotted
from peerhub.content.yamlsafe import Document

__all__ = [
    "CHECKED_WHEN_REFUSED",
    "Refused",
    "accepted_findings",
    "refused",
    "refused_fields",
    "unknown_names",
]

M = TypeVar("M", bound=BaseModel)

#: In a file the schema refused, `rules` still check the fields it accepted, in the
#: same round, where leaving the refused fields out cannot trip them: by the field a
#: finding is about, the fields whose absence could (none, for a rule that fires only on
#: values that are there: a date in the future, an unknown name, a min above its max).
#: A finding about any other field waits until the file passes the schema.
CHECKED_WHEN_REFUSED: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("added", "started", "ended", "running", "checkins", "size", "formats", "outcomes",
         "program_months", "related", "agenda"),
        frozenset(),
    ),
    "publish_contact": frozenset({"contact", "visibility"}),
    "joining": frozenset({"running", "ended", "started"}),
    "join_how": frozenset({"joining", "visibility", "publish_contact", "contact"}),
}  # fmt: skip


def refused_fields(problems: Iterable[Problem]) -> set[str]:
    """The top-level fields `problems` name (`links[1].url` → `links`)."""
    return {re.split(r"[.\[]", p.field)[0] for p in problems}


def refused(slug: str, doc: Document, model: type[M], problems: list[Problem]) -> Refused[M]:
    """A refused file, with the model of `doc` without the fields `problems` name, if
    the rest is valid.
    """
    left_out = refused_fields(problems)
    try:
        rest = model.model_validate({k: v for k, v in doc.data.items() if k not in left_out})
    except ValidationError:
        rest = None
    return Refused(slug, doc, rest, problems)


@dataclass(frozen=True)
class Refused(Generic[M]):
    """A file the schema refused: its slug, document and problems, and the model of
    the fields it accepted, if they make one (see `refused`).
    """

    slug: str
    doc: Document
    rest: M | None
    problems: list[Problem]


def accepted_findings(
    refused: list[Refused[M]], check: Callable[[str, M], Iterator[Finding]]
) -> Iterator[Problem]:
    """`check`'s findings on the fields the schema accepted in files it refused, where
    the rest makes a valid model (see `CHECKED_WHEN_REFUSED`).
    """
    for file in refused:
        if file.rest is None:
            continue
        left_out = refused_fields(file.problems)
        for loc, message, severity in check(file.slug, file.rest):
            causes = CHECKED_WHEN_REFUSED.get(str(loc[0]))
            if causes is not None and loc[0] not in left_out and not causes & left_out:
                line, column = file.doc.where(loc)
                yield Problem(file.doc.path, line, column, dotted(loc), message, severity)


def unknown_names(
    refused: list[Refused[Any]], field: str, formats: Mapping[str, Format]
) -> list[Problem]:
    """Unknown formats named in `field` of documents the schema refused (a list of
    names is checked as it was written; anything else, or a text that is no name, has
    its schema error already).
    """
    found = []
    for doc in (file.doc for file in refused):
        names = doc.data.get(field) if isinstance(doc.data, dict) else None
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            continue
        for loc, message, severity in rules.unknown_references(
            (field,), names, formats, "format", "formats"
        ):
            if not is_slug(names[loc[-1]]):
                continue  # not a name at all: the schema's error says so
            line, column = doc.where(loc)
            found.append(Problem(doc.path, line, column, dotted(loc), message, severity))
    return found

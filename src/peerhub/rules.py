"""Checks that span fields or files: ranges, agenda arithmetic, cross-references, dates.

Each rule yields `(loc, message)` pairs; `project.py` turns them into located problems.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Mapping

from .fieldtypes import partial_date_start
from .models import Design, Format, Group, Outcome, Range
from .validation import suggest
from .yamlsafe import PathKey

Finding = tuple[PathKey, str, str]  # loc, message, severity
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")


def _range(loc: PathKey, value: Range) -> Iterator[Finding]:
    if value.min > value.max:
        yield (*loc, "max"), f"max ({value.max}) is smaller than min ({value.min})", "error"


def _refs(
    loc: PathKey, slugs: list[str], known: Mapping[str, object], what: str, folder: str
) -> Iterator[Finding]:
    for index, slug in enumerate(slugs):
        if slug not in known:
            hint = suggest(slug, known) or f"; see the files in {folder}/"
            yield (*loc, index), f"no {what} '{slug}' exists{hint}", "error"


def _secondary(loc: PathKey, primary: list[str], secondary: list[str]) -> Iterator[Finding]:
    for index, outcome in enumerate(secondary):
        if outcome in primary:
            yield (*loc, "secondary", index), f"'{outcome}' is already a primary outcome", "error"


def check_format(slug: str, fmt: Format, formats: Mapping[str, Format]) -> Iterator[Finding]:
    yield from _range(("size",), fmt.size)
    yield from _range(("program_months",), fmt.program_months)
    total = sum(step.minutes for step in fmt.agenda)
    if total != fmt.session_minutes:
        yield (
            ("agenda",),
            f"the steps add up to {total} minutes but session_minutes is "
            f"{fmt.session_minutes}; make them match",
            "error",
        )
    yield from _secondary(("outcomes",), fmt.outcomes.primary, fmt.outcomes.secondary)
    yield from _refs(("related",), fmt.related, formats, "format", "formats")
    if slug in fmt.related:
        yield ("related", fmt.related.index(slug)), "a format cannot be related to itself", "error"


def check_group(group: Group, formats: Mapping[str, Format], today: dt.date) -> Iterator[Finding]:
    yield from _refs(("formats",), group.formats, formats, "format", "formats")
    yield from _secondary(("outcomes",), [group.outcomes.primary], group.outcomes.secondary)
    for field in ("started", "ended"):
        value = getattr(group, field)
        if value and partial_date_start(value) > today:
            yield (field,), f"{value} is in the future; use the date it really happened", "error"
    if group.started and group.ended and _before(group.ended, group.started):
        yield ("ended",), f"{group.ended} is before started ({group.started})", "error"
    counts = [(name, getattr(group.size, name)) for name in ("invited", "members", "attendance")]
    known = [(name, value) for name, value in counts if value is not None]
    for (bigger, big), (smaller, small) in itertools.pairwise(known):
        if small > big:
            yield (
                ("size", smaller),
                f"{smaller} ({small}) is larger than {bigger} ({big})",
                "error",
            )
    if group.publish_contact:
        if group.visibility != "public":
            yield (
                ("publish_contact",),
                f"contacts are never published for {group.visibility} "
                "groups; remove this line or set visibility: public",
                "error",
            )
        elif group.contact is None:
            yield ("publish_contact",), "there is no contact to publish; add contact:", "error"
    if group.visibility == "anonymous":
        yield from _emails_in_text(group)


def _before(first: str, second: str) -> bool:
    """Whether partial date `first` is surely before `second` (2024 is not before 2024-05)."""
    common = min(len(first), len(second))
    return first[:common] < second[:common]


def _emails_in_text(group: Group) -> Iterator[Finding]:
    texts: list[tuple[PathKey, str | None]] = [
        (("name",), group.name),
        (("summary",), group.summary),
        (("story",), group.story),
    ]
    for field in ("what_worked", "challenges", "advice"):
        texts += [((field, i), text) for i, text in enumerate(getattr(group, field))]
    for loc, text in texts:
        if text and _EMAIL.search(text):
            yield (
                loc,
                "looks like an e-mail address; an anonymous group's text is published, "
                "so remove it",
                "warning",
            )


def check_outcome(outcome: Outcome, formats: Mapping[str, Format]) -> Iterator[Finding]:
    for index, design in enumerate(outcome.designs):
        yield from _check_design(("designs", index), design, formats)


def _check_design(loc: PathKey, design: Design, formats: Mapping[str, Format]) -> Iterator[Finding]:
    yield from _range((*loc, "size"), design.size)
    yield from _range((*loc, "program_months"), design.program_months)
    yield from _refs((*loc, "formats"), design.formats, formats, "format", "formats")

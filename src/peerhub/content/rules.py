"""Checks that span fields or files: ranges, agenda arithmetic, cross-references, dates.

Each rule yields `(loc, message)` pairs; `project.py` turns them into located problems.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Mapping

from peerhub.content.datefields import partial_date_start
from peerhub.content.fieldtypes import NAME_MAX, new_opaque_id
from peerhub.content.formats import Format
from peerhub.content.groups import CheckIn, Group
from peerhub.content.modelbase import Range
from peerhub.content.outcomes import FORMAT_DESIGN_SUFFIX, Design, Outcome
from peerhub.content.problems import Finding, PathKey, suggest

__all__ = ["check_checkins", "check_format", "check_group", "check_outcome", "unknown_references"]

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_ADDRESS = re.compile(r"https?:|mailto:|www\.|\]\(", re.IGNORECASE)
_WORDS = re.compile(r"[^\W_]+")


def _range(loc: PathKey, value: Range) -> Iterator[Finding]:
    if value.min > value.max:
        yield (*loc, "max"), f"max ({value.max}) is smaller than min ({value.min})", "error"


def unknown_references(
    loc: PathKey, slugs: list[str], known: Mapping[str, object], what: str, folder: str
) -> Iterator[Finding]:
    """An error for each of `slugs` that names no `what` in `known`, with the nearest
    name, else where the names are (`folder`).
    """
    for index, slug in enumerate(slugs):
        if slug not in known:
            hint = suggest(slug, known) or f"; see the files in {folder}/"
            yield (*loc, index), f"no {what} '{slug}' exists{hint}", "error"


def _secondary(loc: PathKey, primary: list[str], secondary: list[str]) -> Iterator[Finding]:
    for index, outcome in enumerate(secondary):
        if outcome in primary:
            yield (*loc, "secondary", index), f"'{outcome}' is already a primary outcome", "error"


def check_format(slug: str, fmt: Format, formats: Mapping[str, Format]) -> Iterator[Finding]:
    """Findings for one format beyond its schema: known outcomes, timing that adds up."""
    longest = NAME_MAX - len(FORMAT_DESIGN_SUFFIX)
    if len(fmt.name) > longest:
        yield (
            ("name",),
            f"is {len(fmt.name)} characters long; a format's name can have at most {longest}, "
            f"because the picker names designs after it ('{FORMAT_DESIGN_SUFFIX.strip()}' added)",
            "error",
        )
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
    yield from unknown_references(("related",), fmt.related, formats, "format", "formats")
    if slug in fmt.related:
        yield ("related", fmt.related.index(slug)), "a format cannot be related to itself", "error"


def check_group(
    slug: str, group: Group, formats: Mapping[str, Format], today: dt.date
) -> Iterator[Finding]:
    """Findings for one group beyond its schema: known formats, dates, names on anonymous pages."""
    yield from unknown_references(("formats",), group.formats, formats, "format", "formats")
    yield from _secondary(("outcomes",), [group.outcomes.primary], group.outcomes.secondary)
    yield from _dates(group, today)
    yield from check_checkins(group, today)
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
    yield from _joining(group)
    if group.visibility == "anonymous" and not group.anonymous_id:
        yield (
            ("visibility",),
            "an anonymous group needs a random page address that says nothing about it; "
            f"add the line 'anonymous_id: {new_opaque_id()}'",
            "error",
        )
    if group.anonymous_id:
        yield from _opaque_enough(slug, group)
    if group.visibility != "public":
        yield from _identifying_text(slug, group)


def _joining(group: Group) -> Iterator[Finding]:
    """Joining says what a reader can do: ask to join a group that still meets, where
    the way to ask is published (`join_how` goes wherever the contact goes).
    """
    if group.joining in {"open", "waitlist"} and group.status == "ended":
        yield (
            ("joining",),
            f"the group has ended, so it cannot be '{group.joining}'; use joining: closed "
            "or remove the line",
            "error",
        )
    if group.join_how is None:
        return
    if group.joining is None:
        yield (
            ("join_how",),
            "say first whether the group takes new members: add joining: open, waitlist or closed",
            "error",
        )
    if group.visibility != "public":
        yield (
            ("join_how",),
            f"how to join is never published for {group.visibility} groups (it would "
            "point at the group's people); remove this line",
            "error",
        )
    elif not group.publish_contact:
        yield (
            ("join_how",),
            "is published only with the contact; add contact: and publish_contact: true, "
            "or remove this line",
            "error",
        )


def _dates(group: Group, today: dt.date) -> Iterator[Finding]:
    for field in ("started", "ended"):
        value = getattr(group, field)
        if value and partial_date_start(value) > today:
            yield (field,), f"{value} is in the future; use the date it really happened", "error"
    if group.running and group.ended:
        yield (
            ("running",),
            f"the group ended in {group.ended}; remove 'running: true' or the end date",
            "error",
        )
    if group.added > today:
        yield (
            ("added",),
            f"{group.added} is in the future; use the day you add the file",
            "error",
        )
    if group.started and group.ended and _before(group.ended, group.started):
        yield ("ended",), f"{group.ended} is before started ({group.started})", "error"


def _before(first: str, second: str) -> bool:
    """Whether partial date `first` is surely before `second` (2024 is not before 2024-05)."""
    common = min(len(first), len(second))
    return first[:common] < second[:common]


def _free_text(group: Group) -> Iterator[tuple[PathKey, str]]:
    """The text an anonymous group's page shows (see `privacy.PAGE`), by location."""
    for field in ("summary", "audience", "sector", "story"):
        value = getattr(group, field)
        if value:
            yield (field,), value
    for field in ("tools", "what_worked", "challenges", "advice"):
        for index, value in enumerate(getattr(group, field)):
            yield (field, index), value
    for index, checkin in enumerate(group.checkins):
        if checkin.note:
            yield ("checkins", index, "note"), checkin.note


def _phrase(text: str) -> str:
    """Lower-case words joined by single spaces, padded, for whole-word matching."""
    return " " + " ".join(_WORDS.findall(text.lower())) + " "


def _identifying_text(slug: str, group: Group) -> Iterator[Finding]:
    """Free text of an anonymous or private group must not name what its page withholds."""
    names: list[tuple[str, str]] = [("its name", group.name)]
    if "-" in slug:  # one-word file names ("other") match ordinary words too often
        names.append(("its file name", slug.replace("-", " ")))
    if group.organization:
        names.append(("its organization", group.organization))
    if group.contact and group.contact.name:
        names.append(("its contact", group.contact.name))
        names += [("its contact", part) for part in _WORDS.findall(group.contact.name)]
    wanted = [(what, _phrase(value)) for what, value in names if len(value.strip()) >= 3]
    why = (
        "an anonymous group's page is published without its name, organization, people, "
        "links or contact, so reword this"
        if group.visibility == "anonymous"
        else "a private group keeps its name, organization, people, links and contact out "
        "of its text, so reword this"
    )
    for loc, value in _free_text(group):
        text = _phrase(value)
        hits = [(what, name) for what, name in wanted if name in text]
        # "Dana Smith" found: say so once, not again for "dana" and "smith".
        found = list(
            dict.fromkeys(
                f"{what} ('{name.strip()}')"
                for what, name in hits
                if not any(name != other and name in other for _, other in hits)
            )
        )
        if _ADDRESS.search(value) or _EMAIL.search(value):
            found.append("a link or an e-mail address")
        if found:
            yield loc, f"mentions {' and '.join(found)}; {why}", "error"


def _opaque_enough(slug: str, group: Group) -> Iterator[Finding]:
    """The random address must not spell part of what it hides."""
    value = group.anonymous_id or ""
    sources = [group.name, slug, group.organization or ""]
    words = {w for text in sources for w in _WORDS.findall(text.lower()) if len(w) >= 4}
    clue = next((w for w in sorted(words) if w[:4] in value), None)
    if clue:
        yield (
            ("anonymous_id",),
            f"contains '{clue[:4]}' from the group's name or file name; use random "
            f"letters and digits such as '{new_opaque_id()}'",
            "error",
        )


def check_outcome(outcome: Outcome, formats: Mapping[str, Format]) -> Iterator[Finding]:
    """Findings for one outcome beyond its schema: its designs use formats that exist."""
    for index, design in enumerate(outcome.designs):
        yield from _check_design(("designs", index), design, formats)


def _check_design(loc: PathKey, design: Design, formats: Mapping[str, Format]) -> Iterator[Finding]:
    yield from _range((*loc, "size"), design.size)
    yield from _range((*loc, "program_months"), design.program_months)
    yield from unknown_references((*loc, "formats"), design.formats, formats, "format", "formats")


def check_checkins(group: Group, today: dt.date) -> Iterator[Finding]:
    """Findings across a group's check-ins; each is located at the check-in's field."""
    started = partial_date_start(group.started) if group.started else None
    previous: CheckIn | None = None
    for index, checkin in enumerate(group.checkins):
        at: PathKey = ("checkins", index)
        day = checkin.date
        if day > today:
            yield (*at, "date"), f"{day} is in the future; record a check-in after it", "error"
        if started and day < started:
            yield (
                (*at, "date"),
                f"{day} is before the group started ({group.started})",
                "error",
            )
        if previous is not None and day <= previous.date:
            yield (
                (*at, "date"),
                f"{day} is not after the check-in above it ({previous.date}); "
                "list check-ins oldest first",
                "error",
            )
        elif previous is not None and (day.year, day.month) == (
            previous.date.year,
            previous.date.month,
        ):
            yield (
                (*at, "date"),
                f"a second check-in in {day:%Y-%m}; record at most one a month "
                "(merge it into the one above)",
                "error",
            )
        if checkin.attendance > checkin.members:
            yield (
                (*at, "attendance"),
                f"{checkin.attendance:g} is more than members ({checkin.members}); attendance "
                "is how many members come to a meeting, on average",
                "error",
            )
        previous = checkin

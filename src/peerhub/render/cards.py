"""What a design card says: one recommended design, as readers see it everywhere.

An outcome's page (no JavaScript) and the picker show the same card, made from one
template, `design_card.html`. The page fills it here, at build time; the picker
page carries the same template blank (`BLANK`, one empty item per list) inside a
`<template>` element, and its script fills copies of that from the picker's data
by the `data-slot`, `data-list` and `data-part` names the template gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from peerhub.content.outcomes import Design
from peerhub.content.vocabulary import CADENCE_LABELS, FACILITATION_LABELS, MODE_LABELS
from peerhub.decisions.picker.agenda import timetable
from peerhub.decisions.picker.recommend import Recommendation, design_key
from peerhub.render import urls

if TYPE_CHECKING:
    from peerhub.site import Site

__all__ = ["BLANK", "DesignCard", "design_card", "design_texts", "meetings_text"]


def meetings_text(cadence: str, minutes: int) -> str:
    """How often and how long a design meets, as its card says it: "Monthly, 90 minutes"."""
    return f"{CADENCE_LABELS[cadence]}, {minutes} minutes"


def design_texts(design: Design) -> dict[str, Any]:
    """The facts of a design that no choice changes, as the card words them."""
    return {
        "title": design.title,
        "program": f"{design.program_months.span()} months",
        "facilitation": FACILITATION_LABELS[design.facilitation],
        "modes": ", ".join(MODE_LABELS[m] for m in design.modes),
        "who": design.composition,
        "why": [[topic.capitalize(), text] for topic, text in design.reasons],
    }


@dataclass(frozen=True)
class DesignCard:
    """One card's content; every text is plain, escaped by the template."""

    number: int
    title: str
    #: (site URL, name) of each format.
    formats: tuple[tuple[str, str], ...]
    size: str
    meetings: str
    program: str
    facilitation: str
    modes: str
    who: str
    changes: tuple[str, ...]
    #: What the design says about itself, whatever the choices.
    notes: tuple[str, ...]
    #: (topic, reason), such as ("Size", "Six to eight people can ...").
    why: tuple[tuple[str, str], ...]
    #: (time span, step, what happens) for each step of the first meeting.
    agenda: tuple[tuple[str, str, str], ...]
    #: (site URL, name) of each published group like this design.
    groups: tuple[tuple[str, str], ...]
    #: The start kit's site address for this design (`urls.kit_url`).
    kit: str
    #: What the groups in the hub show about the design (`Evidence.texts`).
    maturity: str = ""
    lasting: str = ""
    medians: str = ""


BLANK = DesignCard(
    number=0,
    title="",
    formats=(("", ""),),
    size="",
    meetings="",
    program="",
    facilitation="",
    modes="",
    who="",
    changes=("",),
    notes=("",),
    why=(("", ""),),
    agenda=(("", "", ""),),
    groups=(("", ""),),
    kit=urls.KITS,
)


def design_card(
    hub: Site, outcome_id: str, r: Recommendation, number: int, groups: list[str]
) -> DesignCard:
    """The card of recommendation `r`, shown as design `number`; `groups` are the
    addresses of the published groups like it.
    """
    texts = design_texts(r.design)
    views = hub.published_views
    key = design_key(outcome_id, r.key)
    return DesignCard(
        number=number,
        title=texts["title"],
        formats=tuple((urls.format_url(s), hub.formats[s].name) for s in r.design.formats),
        size=r.size_text,
        meetings=meetings_text(r.cadence, r.session_minutes),
        program=texts["program"],
        facilitation=texts["facilitation"],
        modes=texts["modes"],
        who=texts["who"],
        changes=r.changes,
        notes=r.notes,
        why=tuple((topic, reason) for topic, reason in texts["why"]),
        agenda=tuple(timetable((s.title, s.minutes, s.detail) for s in r.agenda)),
        groups=tuple((urls.group_url(s), views[s].name) for s in groups),
        kit=urls.kit_url(outcome_id, key),
        **hub.evidence["designs"][key].texts("design"),
    )

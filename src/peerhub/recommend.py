"""From one primary outcome and optional constraints to ranked group designs, with reasons.

Pure functions over the validated hub. The picker page ships the answers this
module gives for every combination of choices, so the browser only looks them up.
Each design keeps the reasons its outcome file gives and adds a note for every
constraint that changed it, so a reader can see why the answer differs from the
default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from .agenda import Step, first_meeting, later_meeting
from .choices import Constraints
from .effects import (
    Rank,
    cadence_effect,
    facilitation_effect,
    minutes_effect,
    mode_effect,
    rank,
    size_effect,
    source_size_effect,
    stretch_effect,
)
from .models import FORMAT_DESIGN_SUFFIX, Design, Format, Reasons
from .vocabulary import CADENCE_LABELS, FACILITATION_LABELS

if TYPE_CHECKING:
    from .hub import Hub

__all__ = [
    "Answer",
    "Recommendation",
    "as_designed",
    "candidates",
    "design_from_format",
    "explain_second",
    "meeting_agenda",
    "recommend",
]


@dataclass(frozen=True)
class Recommendation:
    """One ranked design, adapted to the constraints, with every reason behind it."""

    key: str
    design: Design
    size_text: str
    session_minutes: int
    agenda: tuple[Step, ...]
    later: tuple[Step, ...]
    #: The cadence to plan: the reader's, where they chose one, else the design's.
    cadence: str
    #: Its place in the ranking (see `effects.Rank`).
    rank: Rank
    #: What the reader's choices change, one line per choice that changes anything.
    changes: tuple[str, ...] = ()
    #: The changes that mean the choices do not fit the design as it stands.
    conflicts: tuple[str, ...] = ()
    #: What the design says about itself, whatever the choices (it stretches a format).
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """The picker's answer for one outcome and one set of constraints."""

    designs: tuple[Recommendation, ...]
    notes: tuple[str, ...] = field(default=())


def candidates(hub: Hub, outcome: str) -> list[tuple[str, Design, float]]:
    """The outcome's own designs (best first), then one design per format that serves
    it first, can carry a group alone and is not already the main format of a design
    (`hub.candidates`).
    """
    own = hub.outcomes[outcome].designs
    found = [(f"{outcome}/{i + 1}", d, float(i)) for i, d in enumerate(own)]
    main_formats = {d.formats[0] for d in own}
    for slug, fmt in hub.formats.items():
        if fmt.standalone and outcome in fmt.outcomes.primary and slug not in main_formats:
            found.append((f"format/{slug}", design_from_format(hub, slug, fmt, outcome), 3.0))
    return found


def design_from_format(hub: Hub, slug: str, fmt: Format, outcome: str) -> Design:
    """A plain design built from a format's own figures, for outcomes it serves first."""
    name = hub.outcomes[outcome].name.lower()
    return Design(
        title=fmt.name + FORMAT_DESIGN_SUFFIX,
        formats=[slug],
        size=fmt.size,
        session_minutes=fmt.session_minutes,
        cadence=fmt.cadence,
        program_months=fmt.program_months,
        facilitation=fmt.facilitation[0],
        modes=fmt.modes,
        composition="Peers at a similar level who share the aim of " + name + ".",
        reasons=Reasons(
            formats=f"{fmt.name} lists {name} among the outcomes it serves best.",
            size=f"The format is designed for {fmt.size.span()} people.",
            cadence=f"Groups using it usually meet {CADENCE_LABELS[fmt.cadence].lower()} "
            f"for {fmt.session_minutes} minutes.",
            program=f"Programs built on it usually run {fmt.program_months.span()} months.",
            facilitation="The format works with this facilitation: "
            f"{_lower_first(FACILITATION_LABELS[fmt.facilitation[0]])}.",
            composition="Similar roles make members' experience relevant to each other.",
        ),
    )


def recommend(hub: Hub, outcome: str, constraints: Constraints, limit: int = 3) -> Answer:
    """Ranked designs for `outcome` under `constraints` (see `effects.Rank`; ties keep
    the candidates' order); never empty.
    """
    ranked = [
        _adapt(hub, key, design, base, constraints) for key, design, base in hub.candidates[outcome]
    ]
    ranked.sort(key=lambda r: r.rank)
    best = tuple(ranked[:limit])
    top = best[0]
    notes = (
        (
            f"Your choices do not fit any design as it stands. The nearest sound one is "
            f"\u201c{top.design.title}\u201d, adapted: {top.conflicts[0]}",
        )
        if top.conflicts
        else ()
    )
    return Answer(best, notes)


def as_designed(hub: Hub, outcome: str, number: int) -> Recommendation:
    """Design `number` of an outcome as its page shows it: the answer with no choice."""
    return recommend(hub, outcome, Constraints()).designs[number - 1]


def explain_second(hub: Hub, primary: str, second: str) -> str:
    """Why the hub designs for one outcome when the reader picks a second one too, and
    where the second outcome's own first design is (its page's first: the designs
    shown for the primary outcome depend on the choices, so the note names none of them).
    """
    one, two = hub.outcomes[primary], hub.outcomes[second]
    other = as_designed(hub, second, 1)
    b = other.design
    return (
        f"Design for one outcome: {one.name}. A program built for {one.name.lower()} and "
        f"{two.name.lower()} at once ends up serving neither well, like two houses on one "
        f"foundation. Expect {two.name.lower()} as a side benefit of the designs below, or "
        f"run a separate program for it, such as \u201c{b.title}\u201d ({other.size_text}, "
        f"{CADENCE_LABELS[other.cadence].lower()}, for {b.program_months.span()} months)."
    )


def _adapt(hub: Hub, key: str, design: Design, base: float, c: Constraints) -> Recommendation:
    main = hub.formats[design.formats[0]]
    size, size_text = size_effect(design, c.size)
    minutes, session = minutes_effect(design, main, c.minutes)
    cadence, planned = cadence_effect(design, c.cadence)
    # In the order of the picker's choices (`picker.CHOICES`): the card lists them so.
    choices = (mode_effect(design, c.mode), size, minutes, cadence)
    choices = (*choices, facilitation_effect(design, c.facilitation))
    itself = stretch_effect(design, main)
    sources = source_size_effect(design, c, session)
    agenda = meeting_agenda(hub, design, session, c.mode or design.modes[0])
    return Recommendation(
        key,
        design,
        size_text,
        session,
        agenda,
        later_meeting(agenda),
        planned,
        rank((*choices, itself, sources), base),
        changes=tuple(e.change for e in choices if e.change),
        conflicts=tuple(e.change for e in choices if e.conflict and e.change),
        notes=(itself.change,) if itself.change else (),
    )


def meeting_agenda(hub: Hub, design: Design, session: int, mode: str) -> tuple[Step, ...]:
    """The first meeting of `design` at `session` minutes in `mode`, made once per hub."""
    memo = _AGENDAS.setdefault(hub, {})
    key = (tuple(design.formats), session, mode)
    if key not in memo:
        main = hub.formats[design.formats[0]]
        others = [hub.formats[f] for f in design.formats[1:]]
        memo[key] = first_meeting(main, session, mode, others)
    return memo[key]


#: Agendas already made, per hub: the picker asks for the same few thousand times.
_AGENDAS: WeakKeyDictionary[Hub, dict[tuple[tuple[str, ...], int, str], tuple[Step, ...]]] = (
    WeakKeyDictionary()
)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]

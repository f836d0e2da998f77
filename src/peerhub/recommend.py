"""From one primary outcome and optional constraints to ranked group designs, with reasons.

Pure functions over the validated hub. The picker page ships the answers this
module gives for every combination of choices, so the browser only looks them up.
Each design keeps the reasons its outcome file gives and adds a note for every
constraint that changed it, so a reader can see why the answer differs from the
default.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from .models import FORMAT_DESIGN_SUFFIX, Design, Format, Range, Reasons
from .project import Hub
from .vocabulary import CADENCE_LABELS, FACILITATION_LABELS, MODE_LABELS

#: The picker's choices; "any" means no constraint. Order matters: it fixes the data layout.
MODES = ("any", "virtual", "in-person", "hybrid")
SIZES: dict[str, tuple[int, int] | None] = {
    "any": None,
    "3-5": (3, 5),
    "6-8": (6, 8),
    "9-12": (9, 12),
    "13-20": (13, 20),
    "21-40": (21, 40),
    "41-plus": (41, 200),
}
MINUTES = ("any", "30", "60", "90", "120", "180")
FACILITATION = ("any", "members", "volunteer", "paid")
SIZE_LABELS = {
    "any": "Any number",
    "3-5": "3 to 5 people",
    "6-8": "6 to 8 people",
    "9-12": "9 to 12 people",
    "13-20": "13 to 20 people",
    "21-40": "21 to 40 people",
    "41-plus": "41 or more",
}
FACILITATION_CHOICE_LABELS = {
    "any": "Not sure yet",
    "members": "Members only",
    "volunteer": "A volunteer",
    "paid": "A paid facilitator",
}
#: Who a facilitation model needs, and which of the picker's answers can provide it.
_CAN_PROVIDE = {
    "members": {"members", "volunteer", "paid"},
    "volunteer": {"volunteer", "paid"},
    "paid": {"paid"},
    "paid-then-members": {"paid"},
}
KICKOFF_MINUTES = 25
#: Ranking cost of each circle beyond the first when the people available outnumber
#: a design: two circles of 15-20 beat four circles of 8-12 for 40 people.
SPLIT_PENALTY = 0.75
#: What the sources advise: 6-8 people for virtual or short meetings (two hours or
#: less), 15-20 when there is more time; groups of 6-10 are the common case.
SHORT_MEETING_MINUTES = 120
SOURCE_SIZES = {"short": (6, 10), "long": (15, 20)}
#: Words that mark a format's first step as an arrival round; the first meeting opens
#: with its own welcome, so a second one would repeat it.
OPENING_WORDS = ("check-in", "welcome", "arrival", "introductions", "opening round", "update")
T = TypeVar("T")


@dataclass(frozen=True)
class Constraints:
    """What the program designer can offer; None means "no constraint"."""

    mode: str | None = None
    size: str | None = None
    minutes: int | None = None
    facilitation: str | None = None

    @classmethod
    def from_choices(cls, mode: str, size: str, minutes: str, facilitation: str) -> Constraints:
        return cls(
            mode=None if mode == "any" else mode,
            size=None if size == "any" else size,
            minutes=None if minutes == "any" else int(minutes),
            facilitation=None if facilitation == "any" else facilitation,
        )


@dataclass(frozen=True)
class Step:
    """One step of the first meeting's agenda."""

    title: str
    minutes: int
    detail: str


@dataclass(frozen=True)
class Recommendation:
    """One ranked design, adapted to the constraints, with every reason behind it."""

    key: str
    design: Design
    size_text: str
    session_minutes: int
    agenda: tuple[Step, ...]
    later: tuple[Step, ...]
    changes: tuple[str, ...] = ()
    #: The changes that mean the choices do not fit the design as it stands.
    conflicts: tuple[str, ...] = ()
    penalty: float = 0.0


@dataclass(frozen=True)
class Answer:
    """The picker's answer for one outcome and one set of constraints."""

    outcome: str
    designs: tuple[Recommendation, ...]
    notes: tuple[str, ...] = field(default=())


def candidates(hub: Hub, outcome: str) -> list[tuple[str, Design, float]]:
    """The outcome's own designs (best first), then one design per format that serves
    it first and is not already the main format of a design."""
    return hub.memo(("candidates", outcome), lambda: _candidates(hub, outcome))


def _candidates(hub: Hub, outcome: str) -> list[tuple[str, Design, float]]:
    own = hub.outcomes[outcome].designs
    found = [(f"{outcome}/{i + 1}", d, float(i)) for i, d in enumerate(own)]
    main_formats = {d.formats[0] for d in own}
    for slug, fmt in hub.formats.items():
        if outcome in fmt.outcomes.primary and slug not in main_formats:
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
            size=f"The format is designed for {_range(fmt.size)} people.",
            cadence=f"Groups using it usually meet {CADENCE_LABELS[fmt.cadence].lower()} "
            f"for {fmt.session_minutes} minutes.",
            program=f"Programs built on it usually run {_range(fmt.program_months)} months.",
            facilitation="The format works with this facilitation: "
            f"{_lower_first(FACILITATION_LABELS[fmt.facilitation[0]])}.",
            composition="Similar roles make members' experience relevant to each other.",
        ),
    )


def recommend(hub: Hub, outcome: str, constraints: Constraints, limit: int = 3) -> Answer:
    """Ranked designs for `outcome` under `constraints`; never empty."""
    ranked = [
        _adapt(hub, key, design, base, constraints)
        for key, design, base in candidates(hub, outcome)
    ]
    ranked.sort(key=lambda r: r.penalty)
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
    return Answer(outcome, best, notes)


def as_designed(hub: Hub, outcome: str, number: int) -> Recommendation:
    """Candidate number `number` of an outcome with no constraints: what its page shows."""
    key, design, base = candidates(hub, outcome)[number - 1]
    return _adapt(hub, key, design, base, Constraints())


def explain_second(hub: Hub, primary: str, second: str) -> str:
    """Why the hub designs for one outcome when the reader picks a second one too."""
    one, two = hub.outcomes[primary], hub.outcomes[second]
    a, b = one.designs[0], two.designs[0]
    contrasts = []
    if a.size != b.size:
        contrasts.append(f"{_range(a.size)} people rather than {_range(b.size)}")
    if a.cadence != b.cadence:
        contrasts.append(
            f"meeting {CADENCE_LABELS[a.cadence].lower()} rather than "
            f"{CADENCE_LABELS[b.cadence].lower()}"
        )
    if a.program_months != b.program_months:
        contrasts.append(
            f"running {_range(a.program_months)} months rather than {_range(b.program_months)}"
        )
    if set(a.formats) != set(b.formats):
        first, other = hub.formats[a.formats[0]].name, hub.formats[b.formats[0]].name
        contrasts.append(f"{first.lower()} rather than {other.lower()}")
    detail = "; ".join(contrasts) if contrasts else "different people and a different rhythm"
    return (
        f"Design for one outcome: {one.name}. A program built for {one.name.lower()} and "
        f"{two.name.lower()} at once ends up serving neither well, like two houses on one "
        f"foundation. Here the first design for {one.name.lower()} means {detail}. "
        f"Expect {two.name.lower()} as a side benefit, or run a separate program for it."
    )


@dataclass(frozen=True)
class Effect:
    """What one constraint does to one design: a ranking penalty and a note saying why."""

    penalty: float = 0.0
    change: str | None = None
    conflict: bool = False


NO_EFFECT = Effect()


def mode_effect(design: Design, mode: str | None) -> Effect:
    if not mode or mode in design.modes:
        return NO_EFFECT
    works = ", ".join(MODE_LABELS[m].lower() for m in design.modes)
    if mode == "virtual":
        change = (
            f"It is designed for {works} meetings, not virtual ones; if you go ahead, open "
            "every meeting with a short member-led get-to-know-you activity and plan one "
            "in-person meeting."
        )
    else:
        change = f"It is designed for {works} meetings; adapt it with care."
    return Effect(3, change, conflict=True)


def facilitation_effect(design: Design, available: str | None) -> Effect:
    if not available:
        return NO_EFFECT
    wanted = FACILITATION_LABELS[design.facilitation].lower()
    if available not in _CAN_PROVIDE[design.facilitation]:
        if available == "members":
            return Effect(
                2,
                f"It assumes {wanted}; with members only, rotate the facilitator "
                "from the first meeting and spend the first two meetings practising "
                "the format's steps together.",
            )
        return Effect(
            2,
            f"It assumes {wanted}; a volunteer can take that role if they are "
            "given the format's steps in advance and a co-facilitator from the group.",
        )
    if available == "paid" and design.facilitation == "members":
        return Effect(
            0,
            "Your paid facilitator can run the first two or three meetings, then "
            "hand the role to members so the group stays theirs.",
        )
    return NO_EFFECT


def size_effect(design: Design, size: str | None) -> tuple[Effect, str]:
    """The effect of the number of people available, and how to describe the group size."""
    text = f"{_range(design.size)} people"
    if not size:
        return NO_EFFECT, text
    low, high = SIZES[size] or (0, 0)
    if low > design.size.max:
        fewest, most = math.ceil(low / design.size.max), math.ceil(high / design.size.max)
        # Each extra circle is another group to start and to keep linked.
        penalty = 1 + SPLIT_PENALTY * (most - 1)
        if high >= 200:
            return Effect(
                penalty,
                f"{SIZE_LABELS[size]} is more than one group can hold; split into "
                f"circles of {text} and link them with a shared channel.",
                conflict=True,
            ), f"circles of {text}"
        return Effect(
            penalty,
            f"{SIZE_LABELS[size]} is more than one group of {_range(design.size)} "
            f"can hold; split into circles of {text} (for example {high} people make "
            f"{most} circles) and link them with a shared channel and an occasional "
            "joint meeting.",
            conflict=True,
        ), f"{fewest if fewest == most else f'{fewest}–{most}'} circles of {text}"
    if high < design.size.min:
        return Effect(
            2,
            f"{SIZE_LABELS[size]} is fewer than the {_range(design.size)} this "
            "design needs; invite a few more peers, or choose a design for smaller "
            "groups.",
            conflict=True,
        ), text
    return NO_EFFECT, text


def source_size_effect(design: Design, c: Constraints, session: int) -> Effect:
    """Rank designs the way the sources size groups: 6-8 people (6-10 at most) for
    virtual or short meetings, 15-20 when meetings are long enough for a larger group,
    which is what a reader with more than a dozen people to meet in person needs."""
    many = c.size is not None and (SIZES[c.size] or (0, 0))[0] > 12
    if c.mode == "virtual" or (c.minutes is not None and c.minutes <= SHORT_MEETING_MINUTES):
        band = "short"
    elif many:
        band = "long"
    else:
        band = "short" if session <= SHORT_MEETING_MINUTES else "long"
    low, high = SOURCE_SIZES[band]
    if design.size.max < low or design.size.min > high:
        return Effect(1)
    return NO_EFFECT


def stretch_effect(design: Design, fmt: Format) -> Effect:
    """A design that runs its main format outside the format's own size or cadence says
    so, and ranks a little lower (never enough to overturn the outcome file's own order
    of designs, which differ by 1)."""
    notes, penalty = [], 0.0
    if design.size.max > fmt.size.max:
        notes.append(
            f"It runs {fmt.name.lower()} in sub-groups of {_range(fmt.size)}, the size the "
            "format's own page describes."
        )
        penalty += 0.25
    if design.cadence != fmt.cadence:
        notes.append(
            f"It meets {CADENCE_LABELS[design.cadence].lower()}, where the page of "
            f"{fmt.name.lower()} describes meeting {CADENCE_LABELS[fmt.cadence].lower()}; "
            "expect to adapt its steps."
        )
        penalty += 0.5
    return Effect(penalty, " ".join(notes)) if notes else NO_EFFECT


def minutes_effect(design: Design, minutes: int | None) -> tuple[Effect, int]:
    """The effect of the meeting length available, and the session length to plan."""
    planned = design.session_minutes
    if not minutes:
        return NO_EFFECT, planned
    if minutes < planned:
        penalty = 1 if minutes / planned >= 0.6 else 2.5
        return Effect(
            penalty,
            f"Your {minutes}-minute meetings are shorter than the {planned} "
            "minutes it plans: the first-meeting agenda is shortened to fit, and "
            "meeting more often keeps the same total time.",
        ), minutes
    if minutes >= planned * 1.5:
        return Effect(
            0.5,
            f"You have {minutes} minutes, more than the {planned} it needs: the "
            "agenda leaves time for an extra round and informal time.",
        ), minutes
    return NO_EFFECT, planned


def _adapt(hub: Hub, key: str, design: Design, base: float, c: Constraints) -> Recommendation:
    def memo(name: str, value: object, compute: Callable[[], T]) -> T:
        # Each effect depends on one choice only: compute it once per design and value.
        return hub.memo(("effect", key, design.title, name, value), compute)

    size, size_text = memo("size", c.size, lambda: size_effect(design, c.size))
    minutes, session = memo("minutes", c.minutes, lambda: minutes_effect(design, c.minutes))
    effects = (
        memo("mode", c.mode, lambda: mode_effect(design, c.mode)),
        memo("facilitation", c.facilitation, lambda: facilitation_effect(design, c.facilitation)),
        size,
        minutes,
    )
    mode = c.mode or design.modes[0]
    main = hub.formats[design.formats[0]]
    effects = (
        memo("stretch", None, lambda: stretch_effect(design, main)),
        *effects,
        memo("sources", (c, session), lambda: source_size_effect(design, c, session)),
    )
    others = [hub.formats[f] for f in design.formats[1:]]
    agenda = memo("agenda", (session, mode), lambda: first_meeting(main, session, mode, others))
    return Recommendation(
        key,
        design,
        size_text,
        session,
        agenda,
        later_meeting(agenda),
        changes=tuple(e.change for e in effects if e.change),
        conflicts=tuple(e.change for e in effects if e.conflict and e.change),
        penalty=base + sum(e.penalty for e in effects),
    )


def first_meeting(
    fmt: Format, minutes: int, mode: str, others: Sequence[Format] = ()
) -> tuple[Step, ...]:
    """The first meeting: welcome and ground rules, the main format's own steps (without
    its arrival round, which the welcome replaces), a short round of each other format
    the design uses, and the calendar; scaled to fit `minutes`."""
    opening = (
        Step(
            "Get-to-know-you activity",
            10,
            "A member leads a short activity so people meet as people, not only as job titles.",
        )
        if mode in {"virtual", "hybrid"}
        else Step(
            "Welcome and introductions",
            10,
            "Each person says who they are and what they hope the group will give them.",
        )
    )
    kickoff = [
        opening,
        Step(
            "Purpose and ground rules",
            10,
            "Agree the group's one outcome, confidentiality "
            "and how members will hold each other to their commitments.",
        ),
        Step(
            "Calendar and roles",
            5,
            "Confirm the meeting series and who hosts and takes notes next time.",
        ),
    ]
    steps = list(fmt.agenda)
    if len(steps) > 1 and any(word in steps[0].step.lower() for word in OPENING_WORDS):
        steps = steps[1:]
    body = [Step(s.step, s.minutes, s.detail) for s in steps]
    # A round of each other format the design names, before the main format's close.
    extra = [Step(f"A short {other.name.lower()} round", 15, other.summary) for other in others]
    body = [*body[:-1], *extra, body[-1]] if len(body) > 1 else [*body, *extra]
    if minutes >= KICKOFF_MINUTES + 15:
        body = _scale(body, minutes - KICKOFF_MINUTES)
        return (kickoff[0], kickoff[1], *body, kickoff[2])
    return tuple(_scale([kickoff[0], kickoff[1], *body, kickoff[2]], minutes))


def later_meeting(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """Meetings after the first swap the kickoff for a check-in and report-back."""
    check_in = Step(
        "Check-in and report-back",
        steps[0].minutes + steps[1].minutes,
        "Each member: one thing since last time, and how their action went.",
    )
    return (
        check_in,
        *steps[2:-1],
        Step(
            "Actions and next time",
            steps[-1].minutes,
            "Each member names one action; confirm the next host.",
        ),
    )


def _scale(steps: list[Step], total: int) -> list[Step]:
    """Share `total` minutes among steps in proportion to their length (at least 1 each)."""
    if total < len(steps):
        steps = steps[:total]
    planned = sum(s.minutes for s in steps)
    exact = [s.minutes * total / planned for s in steps]
    whole = [max(1, math.floor(x)) for x in exact]
    order = sorted(range(len(steps)), key=lambda i: exact[i] - whole[i], reverse=True)
    for i in order[: max(0, total - sum(whole))]:
        whole[i] += 1
    while sum(whole) > total:  # only when the 1-minute floor pushed us over
        i = max(range(len(whole)), key=lambda j: whole[j])
        whole[i] -= 1
    return [Step(s.title, m, s.detail) for s, m in zip(steps, whole, strict=True)]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _range(r: Range) -> str:
    return str(r.min) if r.min == r.max else f"{r.min}–{r.max}"

"""From one primary outcome and optional constraints to ranked group designs, with reasons.

Pure functions over the validated hub. The picker page ships the answers this
module gives for every combination of choices, so the browser only looks them up.
Each design keeps the reasons its outcome file gives and adds a note for every
constraint that changed it, so a reader can see why the answer differs from the
default.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from .agenda import Step, first_meeting, later_meeting
from .choices import Constraints
from .effects import (
    facilitation_effect,
    minutes_effect,
    mode_effect,
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
    "recommend",
]

T = TypeVar("T")


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
    """Ranked designs for `outcome` under `constraints`; never empty."""
    ranked = [
        _adapt(hub, key, design, base, constraints) for key, design, base in hub.candidates[outcome]
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
    return Answer(best, notes)


def as_designed(hub: Hub, outcome: str, number: int) -> Recommendation:
    """Candidate number `number` of an outcome with no constraints: what its page shows."""
    key, design, base = hub.candidates[outcome][number - 1]
    return _adapt(hub, key, design, base, Constraints())


def explain_second(hub: Hub, primary: str, second: str) -> str:
    """Why the hub designs for one outcome when the reader picks a second one too."""
    one, two = hub.outcomes[primary], hub.outcomes[second]
    a, b = one.designs[0], two.designs[0]
    contrasts = []
    if a.size != b.size:
        contrasts.append(f"{a.size.span()} people rather than {b.size.span()}")
    if a.cadence != b.cadence:
        contrasts.append(
            f"meeting {CADENCE_LABELS[a.cadence].lower()} rather than "
            f"{CADENCE_LABELS[b.cadence].lower()}"
        )
    if a.program_months != b.program_months:
        contrasts.append(
            f"running {a.program_months.span()} months rather than {b.program_months.span()}"
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


def _adapt(hub: Hub, key: str, design: Design, base: float, c: Constraints) -> Recommendation:
    def memo(name: str, value: object, compute: Callable[[], T]) -> T:
        # Each effect depends on one choice only: compute it once per design and value.
        memo_key = (key, design.title, name, value)
        if memo_key not in hub.effects:
            hub.effects[memo_key] = compute()
        return hub.effects[memo_key]  # type: ignore[no-any-return]

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


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]

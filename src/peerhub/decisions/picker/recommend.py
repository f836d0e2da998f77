"""From one primary outcome and optional constraints to ranked group designs, with reasons.

A `Recommender` ranks the designs of one set of formats and outcomes and keeps its own
memo of the agendas it has made; `Site.recommender` is the one a build uses. The picker
page ships the answers it gives for every combination of choices, so the browser only
looks them up.
Each design keeps the reasons its outcome file gives and adds a note for every
constraint that changed it, so a reader can see why the answer differs from the
default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from peerhub.content.formats import Format
from peerhub.content.outcomes import FORMAT_DESIGN_SUFFIX, Design, Outcome, Reasons
from peerhub.content.vocabulary import CADENCE_LABELS, FACILITATION_LABELS
from peerhub.decisions.picker.agenda import Step, first_meeting, later_meeting
from peerhub.decisions.picker.choices import Constraints
from peerhub.decisions.picker.effects import (
    cadence_effect,
    facilitation_effect,
    minutes_effect,
    mode_effect,
    stretch_effect,
)
from peerhub.decisions.picker.ranking import Rank, rank
from peerhub.decisions.picker.sizing import size_effect, source_size_effect

__all__ = [
    "Answer",
    "Candidate",
    "Recommendation",
    "Recommender",
    "candidates",
    "conflict_note",
    "design_from_format",
    "design_key",
]

#: An outcome's candidate: its key (`support/1`, `format/troika-consulting`), the
#: design and its base rank (the outcome's own order first, formats after).
Candidate = tuple[str, Design, float]
#: What an agenda depends on: the design's formats, the minutes and the mode.
AgendaKey = tuple[tuple[str, ...], int, str]


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
    #: Its place in the ranking (see `ranking.Rank`).
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


def conflict_note(title: str, change: str) -> str:
    """What the picker says above its designs when the first one conflicts with a choice."""
    return (
        "Your choices do not fit any design as it stands. The nearest sound one is "
        f"\u201c{title}\u201d, adapted: {change}"
    )


def design_key(outcome: str, key: str) -> str:
    """`support/1` → `support-1`; `format/troika-consulting` → `support-format-troika-consulting`.

    The word "format" keeps a format's key apart from a design's number, so a format
    file named `1.yml` cannot take the place of an outcome's first design.
    """
    kind, _, name = key.partition("/")
    return f"{outcome}-{name}" if kind == outcome else f"{outcome}-format-{name}"


def candidates(
    formats: Mapping[str, Format], outcomes: Mapping[str, Outcome], outcome: str
) -> list[Candidate]:
    """The outcome's own designs (best first), then one design per format that serves
    it first, can carry a group alone and is not already the main format of a design.
    """
    own = outcomes[outcome].designs
    found = [(f"{outcome}/{i + 1}", d, float(i)) for i, d in enumerate(own)]
    main_formats = {d.formats[0] for d in own}
    for slug, fmt in formats.items():
        if fmt.standalone and outcome in fmt.outcomes.primary and slug not in main_formats:
            found.append((f"format/{slug}", design_from_format(slug, fmt, outcomes[outcome]), 3.0))
    return found


def design_from_format(slug: str, fmt: Format, outcome: Outcome) -> Design:
    """A plain design built from a format's own figures, for outcomes it serves first."""
    name = outcome.name.lower()
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


@dataclass(eq=False)
class Recommender:
    """Ranked designs over one set of formats and outcomes. Each answer is a function
    of its inputs; the agendas behind them are made once (the picker asks for the same
    few thousand) and kept here, with the recommender that made them.
    """

    formats: Mapping[str, Format]
    outcomes: Mapping[str, Outcome]
    _agendas: dict[AgendaKey, tuple[Step, ...]] = field(default_factory=dict, repr=False)

    @cached_property
    def candidates(self) -> dict[str, list[Candidate]]:
        """Each outcome's candidate designs, best first (see `candidates`)."""
        return {oid: candidates(self.formats, self.outcomes, oid) for oid in self.outcomes}

    def recommend(self, outcome: str, constraints: Constraints, limit: int = 3) -> Answer:
        """Ranked designs for `outcome` under `constraints` (see `ranking.Rank`; ties
        keep the candidates' order); never empty.
        """
        ranked = [
            self._adapt(key, design, base, constraints)
            for key, design, base in self.candidates[outcome]
        ]
        ranked.sort(key=lambda r: r.rank)
        best = tuple(ranked[:limit])
        top = best[0]
        notes = (conflict_note(top.design.title, top.conflicts[0]),) if top.conflicts else ()
        return Answer(best, notes)

    def as_designed(self, outcome: str, number: int) -> Recommendation:
        """Design `number` of an outcome as its page shows it: the answer with no choice."""
        return self.recommend(outcome, Constraints()).designs[number - 1]

    def explain_second(self, primary: str, second: str) -> str:
        """Why the hub designs for one outcome when the reader picks a second one too,
        and where the second outcome's own first design is (its page's first: the
        designs shown for the primary outcome depend on the choices, so the note names
        none of them).
        """
        one, two = self.outcomes[primary], self.outcomes[second]
        other = self.as_designed(second, 1)
        b = other.design
        return (
            f"Design for one outcome: {one.name}. A program built for {one.name.lower()} and "
            f"{two.name.lower()} at once ends up serving neither well, like two houses on one "
            f"foundation. Expect {two.name.lower()} as a side benefit of the designs below, or "
            f"run a separate program for it, such as \u201c{b.title}\u201d "
            f"({other.size_text}, {CADENCE_LABELS[other.cadence].lower()}, "
            f"for {b.program_months.span()} months)."
        )

    def meeting_agenda(self, design: Design, session: int, mode: str) -> tuple[Step, ...]:
        """The first meeting of `design` at `session` minutes in `mode`, made once."""
        key = (tuple(design.formats), session, mode)
        if key not in self._agendas:
            main = self.formats[design.formats[0]]
            others = [self.formats[f] for f in design.formats[1:]]
            self._agendas[key] = first_meeting(main, session, mode, others)
        return self._agendas[key]

    def _adapt(self, key: str, design: Design, base: float, c: Constraints) -> Recommendation:
        main = self.formats[design.formats[0]]
        size, size_text = size_effect(design, c.size)
        minutes, session = minutes_effect(design, main, c.minutes)
        cadence, planned = cadence_effect(design, c.cadence)
        # In the order of the picker's choices (`picker.CHOICES`): the card lists them so.
        choices = (mode_effect(design, c.mode), size, minutes, cadence)
        choices = (*choices, facilitation_effect(design, c.facilitation))
        itself = stretch_effect(design, main)
        sources = source_size_effect(design, c, session)
        agenda = self.meeting_agenda(design, session, c.mode or design.modes[0])
        return Recommendation(
            key,
            design,
            size_text,
            session,
            agenda,
            later_meeting(agenda),
            planned,
            rank((*choices, itself, sources), base),
            changes=tuple(e.change for e in (*choices, sources) if e.change),
            conflicts=tuple(e.change for e in (*choices, sources) if e.conflict and e.change),
            notes=(itself.change,) if itself.change else (),
        )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]

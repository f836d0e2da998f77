"""The outcome picker's data: what each choice does to each design, compacted.

The ranking is decided here, at build time, by `recommend`: each design's effects
depend on one choice each (`peerhub.decisions.picker.effects`), so the data carries, for every
candidate design and every value of every choice, the effect's numbers (size cost,
conflict, penalty) and its words, and for every meeting length and mode the adapted
agenda. Every word a reader sees is made here, once: the card's meetings text, each
agenda step's time span, the labels, the start kit's address (`urls.kit_url`), in
objects with named fields. The browser (`hub.js`) adds up the numbers of the chosen
values, orders the designs by `ranking.Rank` and places the words; it formats nothing
and decides no rule of its own. `tests/test_picker_data.py` runs that code in Node over every
combination of choices and compares it with `recommend`.
"""

from __future__ import annotations

import itertools
from typing import Any

from peerhub.content.outcomes import Design
from peerhub.content.vocabulary import CADENCE_LABELS, MODE_LABELS, OUTCOME_IDS
from peerhub.decisions.evidence import matching_groups
from peerhub.decisions.picker.agenda import Step, later_meeting, timetable
from peerhub.decisions.picker.choices import (
    CADENCE_CHOICE_LABELS,
    CADENCE_CHOICES,
    FACILITATION,
    FACILITATION_CHOICE_LABELS,
    MINUTES,
    MODES,
    SIZE_LABELS,
    SIZES,
    Constraints,
)
from peerhub.decisions.picker.effects import (
    Effect,
    cadence_effect,
    facilitation_effect,
    minutes_effect,
    mode_effect,
    stretch_effect,
)
from peerhub.decisions.picker.recommend import conflict_note, design_key
from peerhub.decisions.picker.sizing import size_effect, source_size_effect
from peerhub.render import urls
from peerhub.render.cards import design_texts, meetings_text
from peerhub.render.kit_words import kit_words, running_modes
from peerhub.site import Site

__all__ = ["CHOICES", "CHOICE_LABELS", "PENALTY_SCALE", "RANKED", "picker_data"]

CHOICES: dict[str, tuple[str, ...]] = {
    "mode": MODES,
    "size": ("any", *SIZES),
    "minutes": MINUTES,
    "cadence": CADENCE_CHOICES,
    "facilitation": FACILITATION,
}
#: Designs shown per answer.
RANKED = 3
#: Penalties travel as whole thousandths, so the browser's sums are exact.
PENALTY_SCALE = 1000
CHOICE_LABELS = {
    "mode": {"any": "Any", **MODE_LABELS},
    "size": SIZE_LABELS,
    "minutes": {"any": "Any length", **{m: f"{m} minutes" for m in MINUTES[1:]}},
    "cadence": CADENCE_CHOICE_LABELS,
    "facilitation": FACILITATION_CHOICE_LABELS,
}


class _Table:
    """Stores each distinct value once; `add` returns its number."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._index: dict[str, int] = {}

    def add(self, value: Any) -> int:
        token = repr(value)
        if token not in self._index:
            self._index[token] = len(self.items)
            self.items.append(value)
        return self._index[token]


def _sources(design: Design, sessions: list[int], texts: _Table) -> dict[str, Any]:
    effects = [
        source_size_effect(
            design,
            Constraints(
                mode=_value("mode", m),  # type: ignore[arg-type]
                size=_value("size", z),  # type: ignore[arg-type]
                minutes=_value("minutes", n),  # type: ignore[arg-type]
            ),
            sessions[MINUTES.index(n)],
        )
        for m, z, n in itertools.product(MODES, CHOICES["size"], MINUTES)
    ]
    # Its words name only the design's largest size: one text per design, and the note
    # the picker shows when it is the first design's first conflict.
    said = sorted({e.change for e in effects if e.conflict and e.change})
    return {
        "sources": "".join(str(2 if e.conflict else round(e.penalty)) for e in effects),
        "sources_text": texts.add(said[0]) if said else -1,
        "sources_note": texts.add(conflict_note(design.title, said[0])) if said else -1,
    }


def _value(choice: str, value: str) -> str | int | None:
    """A form value as `Constraints` holds it."""
    if value == "any":
        return None
    return int(value) if choice == "minutes" else value


def picker_data(hub: Site, only: str | None = None) -> dict[str, Any]:
    """Everything the picker and the start kit need, as plain JSON-ready data: for one
    outcome's designs (`only`, what a page fetches), or for every outcome's.
    """
    chosen = [only] if only else list(OUTCOME_IDS)
    texts, steps, agendas, effects = _Table(), _Table(), _Table(), _Table()
    groups = hub.published_views
    designs: list[dict[str, Any]] = []
    candidates: dict[str, list[int]] = {}

    def text(value: str | None) -> int:
        return -1 if value is None else texts.add(value)

    def agenda(items: tuple[Step, ...]) -> int:
        spans = [span for span, _, _ in timetable((s.title, s.minutes, s.detail) for s in items)]
        return agendas.add(
            [
                {
                    "step": steps.add({"title": text(s.title), "detail": text(s.detail)}),
                    "minutes": s.minutes,
                    "time": text(span),
                }
                for s, span in zip(items, spans, strict=True)
            ]
        )

    later: dict[int, int] = {}

    for outcome in chosen:
        candidates[outcome] = []
        for key, design, base in hub.candidates[outcome]:
            candidates[outcome].append(len(designs))
            main = hub.formats[design.formats[0]]

            def effect(found: Effect, title: str = design.title) -> int:
                note = conflict_note(title, found.change or "") if found.conflict else None
                return effects.add(
                    (
                        found.size_cost,
                        int(found.conflict),
                        round(found.penalty * PENALTY_SCALE),
                        text(found.change),
                        text(note),
                    )
                )

            sessions = [minutes_effect(design, main, _value("minutes", m))[1] for m in MINUTES]
            cadences = [cadence_effect(design, _value("cadence", c))[1] for c in CADENCE_CHOICES]
            modes = [design.modes[0] if m == "any" else m for m in MODES]
            first = {}
            for session, mode in itertools.product(sorted(set(sessions)), dict.fromkeys(modes)):
                made = hub.recommender.meeting_agenda(design, session, mode)
                first[(session, mode)] = agenda(made)
                later[first[(session, mode)]] = agenda(later_meeting(made))
            itself = stretch_effect(design, main)
            dkey = design_key(outcome, key)
            designs.append(
                {
                    **_summary(design),
                    "key": dkey,
                    "outcome": outcome,
                    "kit": urls.kit_url(outcome, dkey),
                    "groups": matching_groups(groups, outcome, design),
                    # The card's slots of the same names: maturity, lasting, medians.
                    "evidence": {
                        slot: texts.add(t)
                        for slot, t in hub.evidence["designs"][dkey].texts("design").items()
                    },
                    "base": round((base + itself.penalty) * PENALTY_SCALE),
                    "notes": [text(itself.change)] if itself.change else [],
                    # By choice: one effect per value, in the order of CHOICES.
                    "effects": {
                        "mode": [effect(mode_effect(design, _value("mode", v))) for v in MODES],
                        "size": [
                            effect(size_effect(design, _value("size", v))[0])
                            for v in CHOICES["size"]
                        ],
                        "minutes": [
                            effect(minutes_effect(design, main, _value("minutes", v))[0])
                            for v in MINUTES
                        ],
                        "cadence": [
                            effect(cadence_effect(design, _value("cadence", v))[0])
                            for v in CADENCE_CHOICES
                        ],
                        "facilitation": [
                            effect(facilitation_effect(design, _value("facilitation", v)))
                            for v in FACILITATION
                        ],
                    },
                    "size": [
                        text(size_effect(design, _value("size", v))[1]) for v in CHOICES["size"]
                    ],
                    "session": sessions,
                    # By (meeting length, cadence): "Monthly, 90 minutes".
                    "meetings": [
                        text(meetings_text(c, s)) for s, c in itertools.product(sessions, cadences)
                    ],
                    # By (meeting length, mode): the first meeting's agenda.
                    "agendas": [first[(s, m)] for s, m in itertools.product(sessions, modes)],
                    # By (mode, size, meeting length): 1 where the sources' sizes advise
                    # against the design, 2 where they also conflict with it and the card
                    # says so in `sources_text` (`sizing.source_size_effect`).
                    **_sources(design, sessions, texts),
                }
            )
    second = {
        f"{a}|{b}": texts.add(hub.recommender.explain_second(a, b))
        for a in chosen
        for b in OUTCOME_IDS
        if a != b
    }
    return {
        "choices": CHOICES,
        "ranked": RANKED,
        "penalty_scale": PENALTY_SCALE,
        "outcomes": {
            o: {
                "name": hub.outcomes[o].name,
                "url": urls.outcome_url(o),
                "question": hub.outcomes[o].question,
            }
            for o in OUTCOME_IDS
        },
        "formats": {s: {"name": f.name, "url": urls.format_url(s)} for s, f in hub.formats.items()},
        # Only the groups its cards name: a file per outcome, not the whole directory each.
        "groups": {
            s: {"name": groups[s].name, "url": urls.group_url(s)}
            for s in sorted({slug for d in designs for slug in d["groups"]})
        },
        "candidates": candidates,
        "designs": designs,
        # Each effect by column: size cost, conflict (0 or 1), penalty in thousandths,
        # the card's words (a text, -1 for none) and the answer's note when it conflicts.
        "effects": {
            name: [item[i] for item in effects.items]
            for i, name in enumerate(("size_cost", "conflict", "penalty", "change", "note"))
        },
        "texts": texts.items,
        # Each agenda step's title and detail (texts); each agenda's steps with their
        # minutes and time span as shown (such as "0 to 15 min", dashed; a text).
        "steps": steps.items,
        "agendas": agendas.items,
        # The later meetings' agenda for each first-meeting agenda (by position).
        "later": [later.get(i, -1) for i in range(len(agendas.items))],
        "second": second,
        "kit": kit_words(),
    }


def _summary(design: Design) -> dict[str, Any]:
    texts = design_texts(design)
    return {
        "title": texts["title"],
        "formats": design.formats,
        "cadence": CADENCE_LABELS[design.cadence],
        **{k: texts[k] for k in ("program", "facilitation", "modes", "who")},
        # The modes in running text: "virtual, in person or hybrid".
        "modes_words": running_modes(design.modes),
        "months": {"min": design.program_months.min, "max": design.program_months.max},
        "cadence_id": design.cadence,
        "why": [{"topic": topic, "reason": reason} for topic, reason in texts["why"]],
    }

"""The outcome picker's data: every answer for every combination of choices, compacted.

The browser decides nothing. For each outcome and each combination of choices the
data holds the answer `recommend` gives: ranked designs, each adapted to the choices
(size, meeting length, notes on what the choices changed, first and later meeting
agendas). The script computes an index from the chosen values and looks the answer
up; the start kit page looks up the same answer. Repeated strings, agendas, adapted
designs and answers are stored once.
"""

from __future__ import annotations

import itertools
from typing import Any

from . import urls
from .agenda import Step
from .cards import design_key, design_texts
from .choices import (
    FACILITATION,
    FACILITATION_CHOICE_LABELS,
    MINUTES,
    MODES,
    SIZE_LABELS,
    SIZES,
    Constraints,
)
from .evidence import matching_groups
from .hub import Hub
from .models import Design
from .recommend import Recommendation, as_designed, explain_second, recommend
from .vocabulary import CADENCE_LABELS, MODE_LABELS, OUTCOME_IDS

CHOICES: dict[str, tuple[str, ...]] = {
    "mode": MODES,
    "size": ("any", *SIZES),
    "minutes": MINUTES,
    "facilitation": FACILITATION,
}
#: Designs shown per answer.
RANKED = 3
CHOICE_LABELS = {
    "mode": {"any": "Any", **MODE_LABELS},
    "size": SIZE_LABELS,
    "minutes": {"any": "Any length", **{m: f"{m} minutes" for m in MINUTES[1:]}},
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


def picker_data(hub: Hub) -> dict[str, Any]:
    """Everything the picker and the start kit need, as plain JSON-ready data."""
    texts, agendas, adapted = _Table(), _Table(), _Table()
    designs: list[dict[str, Any]] = []
    ids: dict[tuple[str, str], int] = {}
    later: dict[int, int] = {}
    groups = hub.published_views

    def steps(agenda: tuple[Step, ...]) -> int:
        # Step names and details repeat across agendas: each is stored once, in texts.
        return agendas.add([[texts.add(s.title), s.minutes, texts.add(s.detail)] for s in agenda])

    def entry(outcome: str, r: Recommendation) -> int:
        first = steps(r.agenda)
        later[first] = steps(r.later)
        return adapted.add(
            [
                ids[(outcome, r.key)],
                texts.add(r.size_text),
                r.session_minutes,
                first,
                [texts.add(change) for change in r.changes],
            ]
        )

    for outcome in OUTCOME_IDS:
        for key, design, _ in hub.candidates[outcome]:
            ids[(outcome, key)] = len(designs)
            designs.append(
                {
                    **_summary(design),
                    "key": design_key(outcome, key),
                    "outcome": outcome,
                    "groups": matching_groups(groups, outcome, design),
                    # (maturity, lasting, medians): picker.js fills the card's slots by position.
                    "evidence": [
                        texts.add(t)
                        for t in hub.evidence["designs"][design_key(outcome, key)]
                        .texts("design")
                        .values()
                    ],
                }
            )
        for number, item in enumerate(designs[-len(hub.candidates[outcome]) :], start=1):
            # The design with no choices made: what its outcome page and kit links show.
            item["as_designed"] = entry(outcome, as_designed(hub, outcome, number))
    # Answers are stored by column (first design, second, third, note), one value per
    # combination of choices in the order of `CHOICES`: columns of similar numbers
    # compress far better than a list of mixed answers.
    ranked: dict[str, list[list[int]]] = {}
    notes: dict[str, list[int]] = {}
    for outcome in OUTCOME_IDS:
        columns: list[list[int]] = [[] for _ in range(RANKED)]
        notes[outcome] = []
        for mode, size, minutes, facilitation in itertools.product(*CHOICES.values()):
            answer = recommend(
                hub, outcome, Constraints.from_choices(mode, size, minutes, facilitation)
            )
            ids_ = [entry(outcome, r) for r in answer.designs]
            for rank, column in enumerate(columns):
                column.append(ids_[rank] if rank < len(ids_) else -1)
            notes[outcome].append(texts.add(answer.notes[0]) if answer.notes else -1)
        ranked[outcome] = columns
    second = {
        f"{a}|{b}": texts.add(explain_second(hub, a, b))
        for a in OUTCOME_IDS
        for b in OUTCOME_IDS
        if a != b
    }
    return {
        "choices": CHOICES,
        "outcomes": {
            o: [hub.outcomes[o].name, urls.outcome_url(o), hub.outcomes[o].question]
            for o in OUTCOME_IDS
        },
        "formats": {s: [f.name, urls.format_url(s)] for s, f in hub.formats.items()},
        "groups": {s: [g["name"], urls.group_url(s)] for s, g in groups.items()},
        "designs": designs,
        "texts": texts.items,
        "agendas": agendas.items,
        # The later meetings' agenda for each first-meeting agenda (by position).
        "later": [later.get(i, -1) for i in range(len(agendas.items))],
        # Each design as adapted to some choices, by column: which design, its size
        # text, meeting minutes, first-meeting agenda, and the notes on what changed.
        "adapted": {
            name: [item[i] for item in adapted.items]
            for i, name in enumerate(("design", "size", "minutes", "agenda", "changes"))
        },
        "ranked": ranked,
        "notes": notes,
        "second": second,
    }


def _summary(design: Design) -> dict[str, Any]:
    texts = design_texts(design)
    return {
        "title": texts["title"],
        "formats": design.formats,
        "cadence": CADENCE_LABELS[design.cadence],
        **{k: texts[k] for k in ("program", "facilitation", "modes", "who")},
        "months": [design.program_months.min, design.program_months.max],
        "cadence_id": design.cadence,
        "why": texts["why"],
    }


__all__ = ["CHOICES", "CHOICE_LABELS", "picker_data"]

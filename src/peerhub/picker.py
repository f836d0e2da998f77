"""The outcome picker's data: every answer for every combination of choices, compacted.

The browser decides nothing. For each outcome and each combination of choices the
data holds the ranked designs (computed by `recommend`), and for each design the
note, size and agenda each choice leads to (computed by the same effect functions
`recommend` uses). The script computes an index from the chosen values and looks
the answer up. Repeated strings, agendas and answers are stored once.
"""

from __future__ import annotations

import itertools
from typing import Any

from . import urls
from .models import Design
from .privacy import published_views
from .project import Hub
from .recommend import (
    FACILITATION,
    FACILITATION_CHOICE_LABELS,
    MINUTES,
    MODES,
    SIZE_LABELS,
    SIZES,
    Constraints,
    candidates,
    explain_second,
    facilitation_effect,
    first_meeting,
    minutes_effect,
    mode_effect,
    recommend,
    size_effect,
)
from .vocabulary import CADENCE_LABELS, FACILITATION_LABELS, MODE_LABELS, OUTCOME_IDS

CHOICES: dict[str, tuple[str, ...]] = {
    "mode": MODES,
    "size": tuple(SIZES),
    "minutes": MINUTES,
    "facilitation": FACILITATION,
}
CHOICE_LABELS = {
    "mode": {"any": "Any", **MODE_LABELS},
    "size": SIZE_LABELS,
    "minutes": {"any": "Any length", **{m: f"{m} minutes" for m in MINUTES[1:]}},
    "facilitation": FACILITATION_CHOICE_LABELS,
}


def kit_key(outcome: str, key: str) -> str:
    """`support/1` → `support-1`; `format/troika-consulting` → `support-format-troika-consulting`.

    The word "format" keeps a format's key apart from a design's number, so a format
    file named `1.yml` cannot take over the kit of an outcome's first design."""
    kind, _, name = key.partition("/")
    return f"{outcome}-{name}" if kind == outcome else f"{outcome}-format-{name}"


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
    """Everything the picker page needs, as plain JSON-ready data."""
    texts, agendas, answers = _Table(), _Table(), _Table()
    designs: list[dict[str, Any]] = []
    ids: dict[tuple[str, str], int] = {}
    groups = published_views(hub)
    for outcome in OUTCOME_IDS:
        for key, design, _ in candidates(hub, outcome):
            ids[(outcome, key)] = len(designs)
            matches = [
                s
                for s, g in groups.items()
                if g["outcomes"]["primary"] == outcome and set(design.formats) & set(g["formats"])
            ]
            designs.append(
                {
                    **_summary(design),
                    "groups": matches,
                    "kit": f"kits/{kit_key(outcome, key)}/",
                    **_effects(hub, design, texts, agendas),
                }
            )
    index: dict[str, list[int]] = {}
    for outcome in OUTCOME_IDS:
        rows = []
        for mode, size, minutes, facilitation in itertools.product(*CHOICES.values()):
            answer = recommend(
                hub, outcome, Constraints.from_choices(mode, size, minutes, facilitation)
            )
            ranked = [ids[(outcome, r.key)] for r in answer.designs]
            rows.append(answers.add([ranked, *[texts.add(n) for n in answer.notes]]))
        index[outcome] = rows
    second = {
        f"{a}|{b}": texts.add(explain_second(hub, a, b))
        for a in OUTCOME_IDS
        for b in OUTCOME_IDS
        if a != b
    }
    return {
        "choices": CHOICES,
        "outcomes": {o: [hub.outcomes[o].name, urls.outcome_url(o)] for o in OUTCOME_IDS},
        "formats": {s: [f.name, urls.format_url(s)] for s, f in hub.formats.items()},
        "groups": {s: [g["name"], urls.group_url(s)] for s, g in groups.items()},
        "designs": designs,
        "texts": texts.items,
        "agendas": agendas.items,
        "answers": answers.items,
        "index": index,
        "second": second,
    }


def _summary(design: Design) -> dict[str, Any]:
    low, high = design.program_months.min, design.program_months.max
    return {
        "title": design.title,
        "formats": design.formats,
        "cadence": CADENCE_LABELS[design.cadence],
        "program": f"{low} months" if low == high else f"{low}–{high} months",
        "facilitation": FACILITATION_LABELS[design.facilitation],
        "modes": ", ".join(MODE_LABELS[m] for m in design.modes),
        "who": design.composition,
        "why": [[topic.capitalize(), text] for topic, text in design.reasons],
    }


def _effects(hub: Hub, design: Design, texts: _Table, agendas: _Table) -> dict[str, Any]:
    """Per choice value: [note or -1, conflict] (and size text, session, agenda)."""

    def note(change: str | None) -> int:
        return texts.add(change) if change else -1

    def value(choice: str) -> str | None:
        return None if choice == "any" else choice

    mode = [mode_effect(design, value(m)) for m in MODES]
    fac = [facilitation_effect(design, value(f)) for f in FACILITATION]
    size = [size_effect(design, value(s)) for s in SIZES]
    mins = [minutes_effect(design, int(m) if m != "any" else None) for m in MINUTES]
    main = hub.formats[design.formats[0]]
    return {
        "effects": {
            "mode": [[note(e.change), int(e.conflict)] for e in mode],
            "facilitation": [[note(e.change), int(e.conflict)] for e in fac],
            "size": [[note(e.change), int(e.conflict), texts.add(t)] for e, t in size],
            "minutes": [[note(e.change), int(e.conflict), session] for e, session in mins],
        },
        "agenda": [
            [
                agendas.add([[s.title, s.minutes] for s in first_meeting(main, session, m)])
                for m in (design.modes[0] if mm == "any" else mm for mm in MODES)
            ]
            for _, session in mins
        ],
    }


__all__ = ["CHOICE_LABELS", "picker_data"]

"""The start kit's words for the reader's choices, made once here for its script to look up.

The kit names the cadence, mode and facilitation the reader chose in its facts, its
charter and its calendar; `picker_table` carries these words in the picker's data,
so `kit.js` places them and never words a choice itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from peerhub.content.vocabulary import CADENCE_LABELS, MODE_LABELS

__all__ = ["CHOSEN_FACILITATION", "kit_words", "running_modes"]

#: Who facilitates, when the reader said who can (the picker's `facilitation`).
CHOSEN_FACILITATION = {
    "members": "Members facilitate, taking turns",
    "volunteer": "One volunteer facilitator",
    "paid": "A paid facilitator",
}


def running_modes(modes: Iterable[str]) -> str:
    """Modes as running text: ("virtual", "in-person", "hybrid") → "virtual, in person
    or hybrid".
    """
    words = [MODE_LABELS[m].lower() for m in modes]
    return " or ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else words[0]


def kit_words() -> dict[str, dict[str, object]]:
    """Each cadence's and mode's label (a fact, a menu) and words (running text), and
    who facilitates for each facilitation the reader may choose.
    """
    return {
        "cadences": {
            c: {"label": label, "words": label.lower()} for c, label in CADENCE_LABELS.items()
        },
        "modes": {
            m: {"label": label, "words": running_modes([m])} for m, label in MODE_LABELS.items()
        },
        "facilitation": dict(CHOSEN_FACILITATION),
    }

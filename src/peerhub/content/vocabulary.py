"""The hub's fixed words: outcome ids, cadences, modes, facilitation models.

These are contracts (URLs, the picker's query string and contributors' files use
them), so they live in code; what each outcome *means* is data in `outcomes/`.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "CADENCES",
    "CADENCE_LABELS",
    "FACILITATION_LABELS",
    "JOINING_LABELS",
    "MEETINGS_PER_YEAR",
    "MODES",
    "MODE_LABELS",
    "OUTCOME_IDS",
    "STATUS_LABELS",
    "Cadence",
    "Facilitation",
    "Joining",
    "Mode",
    "OutcomeId",
    "Visibility",
]

OutcomeId = Literal[
    "coaching-culture",
    "core-coaching-skills",
    "leadership-development",
    "management-development",
    "deep-networking",
    "problem-solving",
    "supervisory-development",
    "support",
    "team-building",
    "transfer-of-training",
]
OUTCOME_IDS: tuple[str, ...] = get_args(OutcomeId)

Cadence = Literal["weekly", "fortnightly", "monthly", "every-two-months", "quarterly"]
CADENCES: tuple[str, ...] = get_args(Cadence)
#: Meetings a year at each cadence, for calendars and figures.
MEETINGS_PER_YEAR = {
    "weekly": 52,
    "fortnightly": 26,
    "monthly": 12,
    "every-two-months": 6,
    "quarterly": 4,
}
CADENCE_LABELS = {
    "weekly": "Weekly",
    "fortnightly": "Every two weeks",
    "monthly": "Monthly",
    "every-two-months": "Every two months",
    "quarterly": "Quarterly",
}

Mode = Literal["virtual", "in-person", "hybrid"]
MODES: tuple[str, ...] = get_args(Mode)
MODE_LABELS = {"virtual": "Virtual", "in-person": "In person", "hybrid": "Hybrid"}

Facilitation = Literal["members", "volunteer", "paid", "paid-then-members"]
FACILITATION_LABELS = {
    "members": "Members take turns",
    "volunteer": "One volunteer facilitator",
    "paid": "A paid facilitator",
    "paid-then-members": "A paid facilitator at first, then members",
}

Visibility = Literal["public", "anonymous", "private"]

Joining = Literal["open", "waitlist", "closed"]
#: How a group's joining state reads: its badge, the directory facet, the home page.
JOINING_LABELS = {"open": "Open to new members", "waitlist": "Waitlist", "closed": "Closed"}

#: How a group's status reads on its page and in the directory.
STATUS_LABELS = {"active": "Still meeting", "ended": "Ended", "unknown": "Not recorded"}

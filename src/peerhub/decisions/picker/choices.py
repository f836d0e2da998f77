"""The picker's choices and what each means: the constraints a program designer gives.

Order matters: the choices' order fixes the layout of the picker's answer table.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CADENCE_CHOICES",
    "CADENCE_CHOICE_LABELS",
    "FACILITATION",
    "FACILITATION_CHOICE_LABELS",
    "MINUTES",
    "MODES",
    "SIZES",
    "SIZE_LABELS",
    "Constraints",
]

#: The picker's choices; "any" means no constraint. Order matters: it fixes the data layout.
MODES = ("any", "virtual", "in-person", "hybrid")
#: Group sizes the picker offers besides "any", as (fewest, most) people.
SIZES: dict[str, tuple[int, int]] = {
    "3-5": (3, 5),
    "6-8": (6, 8),
    "9-12": (9, 12),
    "13-20": (13, 20),
    "21-40": (21, 40),
    "41-plus": (41, 200),
}
#: Meeting lengths in 15-minute steps, 30 minutes to four hours.
MINUTES = ("any", *(str(m) for m in range(30, 241, 15)))
#: How often the group can meet.
CADENCE_CHOICES = ("any", "weekly", "fortnightly", "monthly", "every-two-months")
CADENCE_CHOICE_LABELS = {
    "any": "Any",
    "weekly": "Every week",
    "fortnightly": "Every two weeks",
    "monthly": "Every month",
    "every-two-months": "Every two months",
}
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


@dataclass(frozen=True)
class Constraints:
    """What the program designer can offer; None means "no constraint"."""

    mode: str | None = None
    size: str | None = None
    minutes: int | None = None
    cadence: str | None = None
    facilitation: str | None = None

    @classmethod
    def from_choices(
        cls, mode: str, size: str, minutes: str, cadence: str, facilitation: str
    ) -> Constraints:
        """Constraints from the picker's form values, where "any" means no constraint."""
        return cls(
            mode=None if mode == "any" else mode,
            size=None if size == "any" else size,
            minutes=None if minutes == "any" else int(minutes),
            cadence=None if cadence == "any" else cadence,
            facilitation=None if facilitation == "any" else facilitation,
        )

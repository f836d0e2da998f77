"""Joining a group: the words a page uses for it, and which groups are open now.

Everything here reads published views (see `privacy`): only a group with a page can
be joined through the hub, so a private group is never counted or listed as open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from peerhub.decisions.views import GroupView

__all__ = ["MONTHS", "intake", "open_groups"]

#: English month names, whatever the machine's locale (`strftime("%B")` follows it).
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def intake(month: str | None, today: dt.date) -> str | None:
    """`next_intake` as readers see it ("March 2027"), or None once that month is past:
    a stale intake would promise a place that is no longer on offer.
    """
    if not month or month < today.strftime("%Y-%m"):
        return None
    year, number = month.split("-")
    return f"{MONTHS[int(number) - 1]} {year}"


def open_groups(
    directory: Sequence[tuple[str, GroupView]],
) -> list[tuple[str, GroupView]]:
    """The groups of `directory` (address, published view) open to new members, in
    its order.
    """
    return [(slug, view) for slug, view in directory if view.joining == "open"]

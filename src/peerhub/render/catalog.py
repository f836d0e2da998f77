"""The format catalog's filters: what a reader can narrow the catalog by, and each
format's values for them.

The values go into the page as data attributes on each card, so the catalog's small
script only shows and hides cards; without it, every card is listed.
"""

from __future__ import annotations

from typing import NamedTuple

from peerhub.content.formats import Format
from peerhub.content.vocabulary import FACILITATION_LABELS, MODE_LABELS
from peerhub.decisions.picker.choices import SIZE_LABELS, SIZES
from peerhub.site import Site

__all__ = ["LENGTHS", "CatalogFilter", "card_values", "catalog_filters"]

#: Meeting lengths a reader can ask for: the longest session each allows.
LENGTHS = (
    ("30", "Up to 30 minutes"),
    ("60", "Up to an hour"),
    ("90", "Up to 90 minutes"),
    ("120", "Up to two hours"),
    ("longer", "More than two hours"),
)


class CatalogFilter(NamedTuple):
    """One menu of the catalog's filter form (a tuple, as the form's macro unpacks it)."""

    name: str
    label: str
    options: tuple[tuple[str, str], ...]


def catalog_filters(hub: Site) -> tuple[CatalogFilter, ...]:
    """The menus, in the order the form shows them, with the site's own words."""
    return (
        CatalogFilter(
            "outcome", "Outcome", tuple((o, out.name) for o, out in hub.outcomes.items())
        ),
        CatalogFilter("size", "Group size", tuple((b, SIZE_LABELS[b]) for b in SIZES)),
        CatalogFilter("minutes", "Meeting length", LENGTHS),
        CatalogFilter("facilitation", "Facilitation", tuple(FACILITATION_LABELS.items())),
        CatalogFilter("mode", "How you meet", tuple(MODE_LABELS.items())),
    )


def card_values(fmt: Format) -> dict[str, str]:
    """A format's values for each menu, as the card's `data-` attributes carry them:
    the outcomes it serves, its size range, its length, who can facilitate, its modes.
    """
    return {
        "outcome": " ".join([*fmt.outcomes.primary, *fmt.outcomes.secondary]),
        "size": f"{fmt.size.min} {fmt.size.max}",
        "minutes": str(fmt.session_minutes),
        "facilitation": " ".join(fmt.facilitation),
        "mode": " ".join(fmt.modes),
    }

"""How the effects of a reader's choices add up to a design's place among the candidates.

Designs rank by three sums, in order (`Rank`):

1. how far the group is from the design's size (0 where it fits): a group too small
   for a design costs the people it is short, a group too large the extra circles it
   must split into;
2. how many choices the design does not fit as it stands (conflicts);
3. everything else: the outcome file's own order, adaptations that fit, and the
   sources' preferred sizes.

So a design that fits every choice ranks above any design that conflicts with one,
and a design the group is too small for never comes first when one that fits its
size is offered.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerhub.decisions.picker.effects import Effect

__all__ = ["Rank", "rank"]


@dataclass(frozen=True, order=True)
class Rank:
    """A design's place: lower is better, compared field by field."""

    size_cost: float
    conflicts: int
    penalty: float


def rank(effects: tuple[Effect, ...], base: float) -> Rank:
    """The rank of a design with `base` (its place among its outcome's candidates)
    under `effects`.
    """
    return Rank(
        sum(e.size_cost for e in effects),
        sum(1 for e in effects if e.conflict),
        round(base + sum(e.penalty for e in effects), 6),
    )

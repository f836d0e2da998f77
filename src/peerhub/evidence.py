"""Which published groups stand behind a recommended design.

A group counts as evidence for a design when it serves the design's outcome first
and its size (members, else people at a typical meeting) falls within the design's
size range: a group of 50 is no evidence for a circle of six, whatever its formats.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .models import Design

__all__ = ["matching_groups"]


def matching_groups(
    views: Mapping[str, Mapping[str, Any]], outcome: str, design: Design
) -> list[str]:
    """Addresses of published groups that match `design` by outcome and size."""
    found = []
    for address, view in views.items():
        size = view["size"]["members"] or view["size"]["attendance"]
        if (
            view["outcomes"]["primary"] == outcome
            and size is not None
            and design.size.min <= size <= design.size.max
        ):
            found.append(address)
    return found

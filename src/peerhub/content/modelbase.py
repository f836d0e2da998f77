"""The base every content model builds on, and the small parts several share: a range and a link.

`Strict` refuses unknown fields and freezes values, so a typo in a content file is an
error rather than a field quietly ignored.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from peerhub.content.fieldtypes import Count, Name, Url

__all__ = ["Link", "Range", "Strict"]


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Range(Strict):
    """From `min` to `max`, both included."""

    min: Count(1, 1000)  # type: ignore[valid-type]
    """The smallest sensible value."""
    max: Count(1, 1000)  # type: ignore[valid-type]
    """The largest sensible value."""

    def span(self) -> str:
        """As a reader sees it: `4-8` (with an en dash), or `6` when both ends agree."""
        return str(self.min) if self.min == self.max else f"{self.min}–{self.max}"


class Link(Strict):
    """A titled link to read more."""

    title: Name
    """What the reader will find there."""
    url: Url
    """An https:// address."""

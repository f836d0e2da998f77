"""Date field types for the content models: a day, a month, or a year, month or day.

Values arrive as the strings the YAML file holds; these types decide what is
acceptable and say so in words a contributor can act on.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

__all__ = ["FIRST_YEAR", "Day", "Month", "PartialDate", "partial_date_start"]


#: Group dates before this year are typing mistakes, not history.
FIRST_YEAR = "1900"


def _partial_date(value: object) -> object:
    if not isinstance(value, str):
        return value
    text = value.strip()
    if re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", text) and text >= FIRST_YEAR:
        padded = text + "-01" * (2 - text.count("-"))
        try:
            dt.date.fromisoformat(padded)
        except ValueError:
            pass
        else:
            return text
    raise PydanticCustomError(
        "partial_date",
        "expected a date from " + FIRST_YEAR + " on, as YYYY, YYYY-MM or YYYY-MM-DD "
        "(such as 2024-03), got '{value}'",
        {"value": text[:40]},
    )


PartialDate = Annotated[str, BeforeValidator(_partial_date)]
"""A year, a month or a day: `2023`, `2023-09` or `2023-09-14`."""


MONTH_PATTERN = r"[0-9]{4}-(0[1-9]|1[0-2])"


def _month(value: object) -> object:
    text = str(value).strip()
    if re.fullmatch(MONTH_PATTERN, text) and text >= FIRST_YEAR:
        return text
    raise PydanticCustomError(
        "month",
        "expected a month as YYYY-MM (such as 2027-03), got '{value}'",
        {"value": text[:40]},
    )


Month = Annotated[str, Field(pattern=f"^{MONTH_PATTERN}$"), BeforeValidator(_month)]
"""A calendar month written as YYYY-MM."""


def _full_date(value: object) -> object:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError(
                "full_date",
                "expected a date as YYYY-MM-DD (such as 2026-01-31), got '{value}'",
                {"value": value[:40]},
            ) from None
    return value


Day = Annotated[dt.date, BeforeValidator(_full_date)]
"""A calendar day written as YYYY-MM-DD."""


def partial_date_start(text: str) -> dt.date:
    """The first day a partial date can mean: `2023-09` → 2023-09-01."""
    return dt.date.fromisoformat(text + "-01" * (2 - text.count("-")))

"""The day a build is for: today, or the day SOURCE_DATE_EPOCH names."""

from __future__ import annotations

import datetime as dt
import os

__all__ = ["today"]


def today() -> dt.date:
    """Today, or the day SOURCE_DATE_EPOCH names, so that builds can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()

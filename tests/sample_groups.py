"""Sample group files, one per visibility, each field filled with a marker that a test
can look for in whatever the build publishes."""

import datetime as dt
from typing import Any

from peerhub.decisions.views import CheckInView, GroupView, OutcomesView, SizeView

PUBLIC = """\
name: Platform leads circle
summary: Platform team leads comparing notes every month.
added: 2025-02-01
organization: Public Org Ltd
audience: Platform team leads
formats: [troika-consulting, case-clinic]
outcomes:
  primary: problem-solving
  secondary: [support]
size: {invited: 12, members: 9, attendance: 7}
mode: hybrid
cadence: monthly
session_minutes: 90
facilitation: members
started: 2023-05
story: |
  We *rotate* the host. See [our notes](https://example.org/notes).
contact:
  name: Robin Contact
  email: robin@example.org
publish_contact: true
"""

ANONYMOUS = """\
name: Quiet directors circle
visibility: anonymous
anonymous_id: q7w2e9r4t5y8
summary: Directors of small charities supporting each other.
added: 2025-03-01
organization: ANON-ORG-MARKER
credit: ANON-CREDIT-MARKER
formats: [discussion-group]
outcomes:
  primary: support
contact:
  name: ANON-NAME-MARKER
  email: anon-marker@example.org
links:
  - title: ANON-LINK-MARKER
    url: https://anon-marker.example.org/
"""

ANON = "anonymous-q7w2e9r4t5y8"

PRIVATE = """\
name: PRIVATE-NAME-MARKER
visibility: private
summary: PRIVATE-SUMMARY-MARKER
added: 2025-03-02
organization: PRIVATE-ORG-MARKER
story: PRIVATE-STORY-MARKER
formats: [troika-consulting]
outcomes:
  primary: support
advice: [PRIVATE-ADVICE-MARKER]
"""

#: Four check-ins a year, one with a note: to append to a group with no `started`.
CHECKINS = """\
started: 2025-01
running: true
checkins:
  - {date: 2025-03-01, members: 8, meetings: 3, attendance: 6, process: 3, results: 2, safety: 4}
  - {date: 2025-06-01, members: 8, meetings: 3, attendance: 7, process: 4, results: 3, safety: 4}
  - date: 2025-09-01
    members: 10
    meetings: 3
    attendance: 7.5
    process: 4
    results: 4
    safety: 5
    note: Two new members joined after the summer.
  - {date: 2025-12-01, members: 10, meetings: 3, attendance: 9, process: 5, results: 4, safety: 5}
"""


def checkin_view(data: dict[str, Any]) -> CheckInView:
    """A published check-in from the fields a test cares about (date as in a file)."""
    fields = {"meetings": 1, "note": None, **data}
    fields["date"] = dt.date.fromisoformat(str(fields["date"]))
    return CheckInView(**fields)


def group_view(**fields: Any) -> GroupView:
    """A published view with every field empty but those given; check-ins may be given
    as dicts (see `checkin_view`)."""
    base: dict[str, Any] = {
        "slug": "g",
        "name": "G",
        "status": "unknown",
        "anonymous": False,
        "summary": "A group.",
        "added": dt.date(2025, 1, 1),
        "organization": None,
        "audience": None,
        "sector": None,
        "story": None,
        "formats": (),
        "outcomes": OutcomesView("support", ()),
        "size": SizeView(None, None, None),
        "mode": None,
        "cadence": None,
        "session_minutes": None,
        "facilitation": None,
        "started": None,
        "ended": None,
        "running": None,
        "tools": (),
        "what_worked": (),
        "challenges": (),
        "advice": (),
        "links": (),
        "joining": None,
        "next_intake": None,
        "join_how": None,
        "contact": None,
        "credit": None,
        "sources": (),
        "checkins": (),
    }
    checkins = fields.pop("checkins", ())
    made = tuple(checkin_view(c) if isinstance(c, dict) else c for c in checkins)
    return GroupView(**{**base, **fields, "checkins": made})

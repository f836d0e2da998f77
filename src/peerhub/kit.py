"""A starter kit for one recommended design: a calendar, a charter and a run-sheet.

The calendar is an RFC 5545 file (made with `icalendar`) with one event per meeting
for the program's first term and an alarm a week before each, the moment to send
the agenda and readings. Dates start from a reference day passed in, so a build
with a fixed date (SOURCE_DATE_EPOCH) gives the same file every time.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Alarm, Calendar, Event

from .markup import text
from .models import Design, Outcome
from .recommend import Step
from .vocabulary import CADENCE_LABELS, FACILITATION_LABELS, MEETINGS_PER_YEAR

MEETING_HOUR = 16
_MONTH_STEP = {"monthly": 1, "every-two-months": 2, "quarterly": 3}
_DAY_STEP = {"weekly": 7, "fortnightly": 14}


def meeting_count(design: Design) -> int:
    """Meetings in the program's shortest planned term at its cadence."""
    months = design.program_months.min
    return max(1, round(months * MEETINGS_PER_YEAR[design.cadence] / 12))


def meeting_dates(design: Design, reference: dt.date) -> list[dt.date]:
    """Meeting days: first Tuesday of the month after `reference`, then at the cadence."""
    start = _first_tuesday(_add_months(reference.replace(day=1), 1))
    count = meeting_count(design)
    if design.cadence in _DAY_STEP:
        step = _DAY_STEP[design.cadence]
        return [start + dt.timedelta(days=step * i) for i in range(count)]
    step = _MONTH_STEP[design.cadence]
    return [_first_tuesday(_add_months(start.replace(day=1), step * i)) for i in range(count)]


def calendar(
    key: str, outcome: Outcome, design: Design, format_names: list[str], reference: dt.date
) -> bytes:
    """The meeting series as an .ics file, with an alarm a week before each meeting."""
    cal = Calendar()
    cal.add("prodid", "-//Peer Group Hub//Meeting kit//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{design.title} ({outcome.name})")
    stamp = dt.datetime.combine(reference, dt.time(0, 0), tzinfo=dt.UTC)
    dates = meeting_dates(design, reference)
    for number, day in enumerate(dates, start=1):
        event = Event()
        event.add("uid", f"{key}-{number}@peer-group-hub")
        event.add("dtstamp", stamp)
        start = dt.datetime.combine(day, dt.time(MEETING_HOUR, 0))  # floating: local time
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=design.session_minutes))
        event.add("summary", f"{design.title}: meeting {number} of {len(dates)}")
        event.add(
            "description",
            f"{outcome.name} peer group. Formats: "
            f"{', '.join(format_names)}. Move this series to the day that suits you.",
        )
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", dt.timedelta(days=-7))
        alarm.add("description", "Meeting in one week: send the agenda and any readings.")
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


def charter(outcome: Outcome, design: Design, format_names: list[str]) -> str:
    """A group charter template in Markdown, pre-filled from the design.

    Every value from content files is escaped (`text`): whoever renders the download
    as Markdown sees the words, never markup."""
    design = design.model_copy(
        update={"title": text(design.title), "composition": text(design.composition)}
    )
    outcome = outcome.model_copy(
        update={"name": text(outcome.name), "question": text(outcome.question)}
    )
    format_names = [str(text(name)) for name in format_names]
    months = design.program_months
    term = f"{months.min}" if months.min == months.max else f"{months.min} to {months.max}"
    size = design.size
    members = f"{size.min}" if size.min == size.max else f"{size.min} to {size.max}"
    return f"""# Group charter: {design.title}

## Purpose
<!-- One sentence in your own words. -->
We meet so that each of us can ...

## Outcome
Our one primary outcome is **{outcome.name}**: {outcome.question}

## Members
{members} people. {design.composition}

| Name | Role | Joined |
| --- | --- | --- |
|  |  |  |

## Timeframe
We meet {CADENCE_LABELS[design.cadence].lower()} for {design.session_minutes} minutes,
for {term} months, starting on ____. At the end we decide together whether to stop,
renew for another term, or continue as an alumni group.

## Confidentiality
What members share stays in the group unless the person who shared it agrees
otherwise. Minutes record themes and actions, never personal details.

## Commitment
- Come to every meeting you can; tell the host in advance when you cannot.
- Bring a real issue when it is your turn, and report back on your actions.
- After missing two meetings in a row, talk with the convener about what would help.

## Facilitation
{FACILITATION_LABELS[design.facilitation]}. The host role rotates in this order:

1. ____
2. ____
3. ____

## Formats
{", ".join(format_names)} (see the hub's format pages for the steps).

Signed on ____ by the members above.
"""


def later_meeting(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """Meetings after the first swap the kickoff for a check-in and report-back."""
    check_in = Step(
        "Check-in and report-back",
        steps[0].minutes + steps[1].minutes,
        "Each member: one thing since last time, and how their action went.",
    )
    return (
        check_in,
        *steps[2:-1],
        Step(
            "Actions and next time",
            steps[-1].minutes,
            "Each member names one action; confirm the next host.",
        ),
    )


def _first_tuesday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(1 - day.weekday()) % 7)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    return day.replace(year=day.year + index // 12, month=index % 12 + 1)

"""What the groups in the hub show about each format and each recommended design.

Evidence comes from the groups' own files: which formats they use, how long they ran
and their check-ins. For one format or design the hub says

- its **maturity**: untried (no group yet, shown as "New here"), tried (1 or 2 groups)
  or established (3 or more), like a pattern library's "known instances", but counted,
  not graded by hand;
- how many of those groups **ran 12 months or more** (`checkins.months_running`);
- the **medians** of the groups' latest check-ins (attendance rate and the three
  ratings), only where at least `min_groups` groups with check-ins stand behind them.

Like every figure, evidence counts the published groups alone (`privacy.FIGURES_RULE`),
whose formats, sizes and check-ins their own pages show anyway. `/evaluate/` states
these rules in words (`rules`), and `/api/evidence.json` carries the figures
(`evidence_data`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from statistics import median
from typing import Literal

from pydantic import Field

from peerhub.content.modelbase import Strict
from peerhub.content.outcomes import Design
from peerhub.decisions.checkins import RATINGS, months_running
from peerhub.decisions.picker.recommend import design_key
from peerhub.decisions.privacy import FIGURES_RULE, MIN_GROUPS, fewer
from peerhub.decisions.views import CheckInView, GroupView

__all__ = [
    "ESTABLISHED",
    "LEVELS",
    "LONG_RUNNING",
    "Evidence",
    "EvidenceFile",
    "evidence_for",
    "matches",
    "matching_groups",
    "rules",
    "site_evidence",
]

#: Groups a format or design needs to count as established.
ESTABLISHED = 3
#: Months a group must have met to count as long-running.
LONG_RUNNING = 12
#: Each maturity level and how readers see it.
LEVELS = {"untried": "New here", "tried": "Tried", "established": "Established"}
#: What the groups do with a format or design: (one group, several groups).
VERBS = {
    "format": ("uses this format", "use this format"),
    "design": ("matches this design", "match this design"),
}


def matches(view: GroupView, outcome: str, design: Design) -> bool:
    """Whether a group is like `design`: it serves the design's outcome first and its
    size (members, else people at a typical meeting) falls within the design's range;
    a group of 50 is no evidence for a circle of six, whatever its formats.
    """
    size = view.size.members or view.size.attendance
    return (
        view.outcomes.primary == outcome
        and size is not None
        and design.size.min <= size <= design.size.max
    )


def matching_groups(views: Mapping[str, GroupView], outcome: str, design: Design) -> list[str]:
    """Addresses of published groups like `design` (see `matches`)."""
    return [address for address, view in views.items() if matches(view, outcome, design)]


class Medians(Strict):
    """The middle value of the groups' latest check-ins."""

    attendance: float
    """Members present at a meeting, as a percentage of members."""
    process: float
    """How well the meetings ran, 1-5."""
    results: float
    """Progress on the main outcome, 1-5."""
    safety: float
    """How openly members speak, 1-5."""


class Figures(Strict):
    """What the groups in the hub show about one format or design."""

    level: Literal["untried", "tried", "established"]
    """Maturity: untried (no group), tried (1-2 groups), established (3 or more)."""
    groups: int
    """The published groups the level counts."""
    long_running: int
    """Of those, the groups that met 12 months or more."""
    checked: int
    """Groups whose check-ins stand behind the medians; 0 where too few to show them."""
    medians: Medians | None
    """Medians of the latest check-ins; null with fewer than min_groups such groups."""


class Evidence(Figures):
    """`Figures` with what showing them needs; every count is already safe to show."""

    least: int = Field(default=MIN_GROUPS, exclude=True)
    """The fewest groups with check-ins that medians may be taken over."""

    def texts(self, kind: str) -> dict[str, str]:
        """The evidence in sentences, for a format's page, a design card and the picker;
        `kind` is "format" or "design".
        """
        n = self.groups
        groups = f"{n} group{'s' if n != 1 else ''}"
        verb = VERBS[kind][n != 1]
        maturity = {
            "untried": f"New here: no group in the hub {VERBS[kind][0]} yet.",
            "tried": f"Tried: {groups} in the hub {verb}.",
            "established": f"Established: {groups} in the hub {verb}.",
        }[self.level]
        lasting = medians = ""
        if n:
            lasting = f"{self.long_running} of {n} ran {LONG_RUNNING} months or more."
        if n and self.medians is None:
            medians = f"Check-in medians: {fewer(self.least)} with check-ins so far."
        elif self.medians is not None:
            m = self.medians
            ratings = ", ".join(f"{RATINGS[k].lower()} {getattr(m, k):g} of 5" for k in RATINGS)
            medians = (
                f"Medians of the latest check-ins of {self.checked} groups: "
                f"attendance {m.attendance:g}% of members; {ratings}."
            )
        return {"maturity": maturity, "lasting": lasting, "medians": medians}


def evidence_for(views: Iterable[GroupView], today: dt.date, least: int = MIN_GROUPS) -> Evidence:
    """The evidence from the published groups that use a format or are like a design."""
    least = max(least, MIN_GROUPS)
    counted = list(views)
    n = len(counted)
    level = "untried" if n == 0 else "tried" if n < ESTABLISHED else "established"
    lasting = [v for v in counted if (months_running(v, today) or 0) >= LONG_RUNNING]
    checked = [v for v in counted if v.checkins]
    return Evidence(
        level=level,  # type: ignore[arg-type]
        groups=n,
        long_running=len(lasting),
        checked=len(checked) if len(checked) >= least else 0,
        medians=_medians([v.checkins[-1] for v in checked]) if len(checked) >= least else None,
        least=least,
    )


def _medians(latest: Sequence[CheckInView]) -> Medians:
    rates = [100 * c.attendance / c.members for c in latest]
    ratings = {k: round(median(getattr(c, k) for c in latest), 1) for k in RATINGS}
    return Medians(attendance=round(median(rates)), **ratings)


def site_evidence(
    published: Mapping[str, GroupView],
    formats: Iterable[str],
    candidates: Mapping[str, Sequence[tuple[str, Design, float]]],
    least: int,
    today: dt.date,
) -> dict[str, dict[str, Evidence]]:
    """Evidence for every format (by slug) and every candidate design (by its card key,
    `recommend.design_key`), with medians behind at least `least` groups; read it as
    `Site.evidence`.
    """
    views = list(published.values())
    return {
        "formats": {
            slug: evidence_for((v for v in views if slug in v.formats), today, least)
            for slug in formats
        },
        "designs": {
            design_key(outcome, key): evidence_for(
                (v for v in views if matches(v, outcome, design)), today, least
            )
            for outcome, found in candidates.items()
            for key, design, _ in found
        },
    }


def rules(least: int = MIN_GROUPS) -> list[tuple[str, str]]:
    """The rules above in words, as `/evaluate/` states them: (name, rule)."""
    least = max(least, MIN_GROUPS)
    return [
        (LEVELS["untried"], "no group in the hub uses it."),
        (LEVELS["tried"], f"1 or {ESTABLISHED - 1} groups use it."),
        (LEVELS["established"], f"{ESTABLISHED} or more groups use it."),
        (
            "Ran 12 months or more",
            f"a group that met for {LONG_RUNNING} months or more: from its start to its "
            "end, or to its latest check-in while it still meets.",
        ),
        (
            "Medians",
            "the middle value of each group's latest check-in: attendance as a share of "
            f"members, and the three ratings. Shown only where at least {least} groups "
            "with check-ins stand behind them.",
        ),
        ("Private groups", FIGURES_RULE.removeprefix("A private group is ")),
        (
            "Designs",
            "a group counts for a recommended design when it serves the design's outcome "
            "first and its size falls within the design's range.",
        ),
    ]


class EvidenceFile(Strict):
    """`/api/evidence.json`: evidence for every format and recommended design."""

    established: int
    """Groups a format or design needs to be established."""
    long_running_months: int
    """Months a group must have met to count as long-running."""
    min_groups: int
    """The fewest groups with check-ins behind a median."""
    formats: dict[str, Figures]
    """By format slug (formats/<slug>.yml)."""
    designs: dict[str, Figures]
    """By design key, as the picker's kit links name it: <outcome>-<n> or
    <outcome>-format-<slug>."""

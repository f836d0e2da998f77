"""Seeded synthetic groups: valid, varied, and the same on every run."""

from __future__ import annotations

import random
from pathlib import Path

from peerhub.content.fieldtypes import OPAQUE_ALPHABET
from peerhub.content.vocabulary import CADENCES, MODES, OUTCOME_IDS

ROLES = [
    "engineering managers",
    "staff engineers",
    "product leads",
    "nurse managers",
    "school principals",
    "finance directors",
    "NGO executive directors",
    "data scientists",
    "HR partners",
    "site leads",
    "designers",
    "research leads",
]
PLACES = ["North", "Harbour", "Summit", "Riverside", "Central", "Lakeside", "Eastern", "Valley"]
KINDS = ["circle", "peer group", "roundtable", "forum", "collective", "network"]
SECTORS = ["Technology", "Health", "Education", "Non-profit", "Finance", "Public sector"]
SENTENCES = [
    "We open every meeting with a short check-in.",
    "Members take turns hosting and keeping time.",
    "A shared folder holds notes for anyone who misses a meeting.",
    "Twice a year we meet in person and spend the day together.",
    "Each member brings one live problem to the group.",
    "We close with one action each and review them next time.",
    "New members pair with an existing member for their first month.",
    "The chat channel keeps conversations going between calls.",
]


def group_yaml(index: int, rng: random.Random, formats: list[str]) -> str:
    """One seeded synthetic group file; the same index and seed give the same text."""
    role = rng.choice(ROLES)
    name = f"{rng.choice(PLACES)} {role} {rng.choice(KINDS)} {index}"
    primary = rng.choice(OUTCOME_IDS)
    secondary = rng.sample([o for o in OUTCOME_IDS if o != primary], k=rng.randint(0, 2))
    used = rng.sample(formats, k=rng.randint(1, 3))
    members = rng.randint(5, 40)
    story = "\n".join(rng.sample(SENTENCES, k=4)) + "\n\n" + " ".join(rng.sample(SENTENCES, k=3))
    started_year = rng.randint(2012, 2022)
    ended = f"ended: {started_year + rng.randint(1, 3)}\n" if rng.random() < 0.2 else ""
    visibility = rng.choices(["public", "anonymous", "private"], weights=[8, 1, 1])[0]
    opaque = "".join(rng.choices(OPAQUE_ALPHABET[:23], k=8) + rng.choices("23456789", k=4))
    while opaque[8:] in f"{index:05d}":  # the checks refuse an id that repeats the name
        opaque = opaque[:8] + "".join(rng.choices("23456789", k=4))
    lines = "".join(f"  - {s}\n" for s in rng.sample(SENTENCES, k=2))
    checkins = _checkins(rng, started_year + 1, members)
    joining = _joining(index, ended=bool(ended))
    return f"""name: {name.capitalize()}
visibility: {visibility}
anonymous_id: {opaque}
summary: A group of {role} who meet to support each other and solve problems together.
added: 2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}
audience: {role.capitalize()}
sector: {rng.choice(SECTORS)}
story: |
{chr(10).join("  " + line if line else "" for line in story.splitlines())}
formats: [{", ".join(used)}]
outcomes:
  primary: {primary}
  secondary: [{", ".join(secondary)}]
size:
  members: {members}
  attendance: {max(1, members // rng.randint(2, 4))}
mode: {rng.choice(MODES)}
cadence: {rng.choice(CADENCES)}
session_minutes: {rng.choice([45, 60, 90, 120])}
started: {started_year}-{rng.randint(1, 12):02d}
{ended}{joining}what_worked:
{lines}advice:
{lines}{checkins}"""


def _joining(index: int, *, ended: bool) -> str:
    """Open, waitlist, closed or unsaid in turn (from the index, not the random draws,
    so the other fields stay as they were before groups said whether they take members).
    """
    kind = index % 4
    if kind == 0 and not ended:
        return "joining: open\n"
    if kind == 1 and not ended:
        return f"joining: waitlist\nnext_intake: 2027-{index % 12 + 1:02d}\n"
    return "joining: closed\n" if kind == 2 else ""


def _checkins(rng: random.Random, year: int, members: int) -> str:
    """Four quarterly check-ins in `year` for about half the groups (drawn last, so the
    other fields stay as they were before groups had check-ins)."""
    if rng.random() < 0.5:
        return ""
    rows = []
    for month in (3, 6, 9, 12):
        came = rng.randint(1, members)
        ratings = ", ".join(f"{k}: {rng.randint(2, 5)}" for k in ("process", "results", "safety"))
        rows.append(
            f"  - {{date: {year}-{month:02d}-01, members: {members}, meetings: 3, "
            f"attendance: {came}, {ratings}}}\n"
        )
    return "checkins:\n" + "".join(rows)


def write_groups(root: Path, count: int, seed: int = 2026) -> None:
    """Add `count` synthetic groups to root/groups (seeded: the same files every run).

    The real groups stay, because the guides show some of them.
    """
    rng = random.Random(seed)
    formats = sorted(p.stem for p in (root / "formats").glob("*.yml"))
    folder = root / "groups"
    for index in range(count):
        (folder / f"synthetic-group-{index:05d}.yml").write_text(
            group_yaml(index, rng, formats), encoding="utf-8"
        )

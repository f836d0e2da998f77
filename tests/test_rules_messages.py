"""The cross-field rules for groups, one row per branch: a few lines added to a valid
group, its file name, and the exact findings (field, message) it must give."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from peerhub.content.fieldtypes import NAME_MAX
from peerhub.content.formats import OutcomeLinks
from peerhub.content.groups import Group
from peerhub.content.modelbase import Range
from peerhub.content.outcomes import FORMAT_DESIGN_SUFFIX
from peerhub.content.rules import check_format, check_group, check_outcome
from peerhub.content.validation import validate
from peerhub.content.yamlsafe import load_bytes
from peerhub.site import Site

from conftest import VALID_GROUP, plain_id

TODAY = dt.date(2026, 6, 1)
RANDOM_ID = re.compile(r"(anonymous_id: |such as ')[a-z2-9]{12}\b")
ANONYMOUS = "visibility: anonymous\nanonymous_id: b7n3k9m2x4q8\n"
WHY_ANONYMOUS = (
    "an anonymous group's page is published without its name, organization, people, "
    "links or contact, so reword this"
)
WHY_PRIVATE = (
    "a private group keeps its name, organization, people, links and contact out "
    "of its text, so reword this"
)
CLUE = "from the group's name or file name; use random letters and digits such as '<random id>'"
ROWS = [
    ("started: 2024-05\nended: 2024\n", "g", []),  # same year: not surely before
    ("started: 2024-05\nended: 2023-12\n", "g", [("ended", "2023-12 is before started (2024-05)")]),
    (
        "started: 2026-07\n",
        "g",
        [("started", "2026-07 is in the future; use the date it really happened")],
    ),
    ("started: 2026-06\n", "g", []),  # the month has begun
    (
        "running: true\nended: 2025-03\n",
        "g",
        [("running", "the group ended in 2025-03; remove 'running: true' or the end date")],
    ),
    (
        "size: {invited: 9, members: 10}\n",
        "g",
        [("size.members", "members (10) is larger than invited (9)")],
    ),
    (
        "size: {invited: 9, attendance: 10}\n",
        "g",
        [("size.attendance", "attendance (10) is larger than invited (9)")],
    ),
    ("size: {invited: 10, members: 10, attendance: 10}\n", "g", []),
    (
        "publish_contact: true\n",
        "g",
        [("publish_contact", "there is no contact to publish; add contact:")],
    ),
    (
        "visibility: private\npublish_contact: true\ncontact: {name: Ann Lee}\n",
        "g",
        [
            (
                "publish_contact",
                "contacts are never published for private groups; remove this line or set "
                "visibility: public",
            ),
        ],
    ),
    (
        ANONYMOUS + "story: The north star team meets.\n",
        "north-star",
        [("story", f"mentions its file name ('north star'); {WHY_ANONYMOUS}")],
    ),
    (ANONYMOUS + "story: Nothing other than that.\n", "other", []),  # one-word file names
    (
        ANONYMOUS + "organization: Zed\nstory: Zed staff only.\n",
        "g",
        [("story", f"mentions its organization ('zed'); {WHY_ANONYMOUS}")],
    ),
    (ANONYMOUS + "organization: Al\nstory: Al staff only.\n", "g", []),  # too short to tell
    (
        ANONYMOUS + "contact: {name: Dana Smith}\nstory: Ask Dana Smith or Smith.\n",
        "g",
        [("story", f"mentions its contact ('dana smith'); {WHY_ANONYMOUS}")],
    ),
    (
        "visibility: private\nstory: See https://example.org/x for notes.\n",
        "g",
        [("story", f"mentions a link or an e-mail address; {WHY_PRIVATE}")],
    ),
    (
        "visibility: anonymous\nanonymous_id: acme2k9p3q7x\norganization: Acme\n",
        "g",
        [
            (
                "anonymous_id",
                f"contains 'acme' {CLUE}",
            )
        ],
    ),
    (
        "visibility: anonymous\nanonymous_id: exam2k9p3q7x\n",
        "g",
        [
            (
                "anonymous_id",
                f"contains 'exam' {CLUE}",
            )
        ],
    ),
    (
        "visibility: anonymous\nanonymous_id: zedx2k9p3q7x\norganization: Zed\n",
        "g",
        [],
    ),  # 3 letters
    (
        "visibility: anonymous\n",
        "g",
        [
            (
                "visibility",
                "an anonymous group needs a random page address that says nothing about it; "
                "add the line 'anonymous_id: <random id>'",
            )
        ],
    ),
]


def findings(extra: str, slug: str, hub: Site) -> list[tuple[str, str]]:
    group, problems = validate(load_bytes((VALID_GROUP + extra).encode(), "g.yml"), Group)
    assert group is not None, problems
    found = []
    for loc, message, severity in check_group(slug, group, hub.formats, TODAY):
        assert severity == "error"
        field = ".".join(str(part) for part in loc)
        found.append((field, RANDOM_ID.sub(r"\1<random id>", message)))
    return found


@pytest.mark.parametrize(
    ("extra", "slug", "expected"), ROWS, ids=[plain_id(f"{r[1]} {r[0][:30]}") for r in ROWS]
)
def test_each_rule_gives_its_finding(
    extra: str, slug: str, expected: list[tuple[str, str]], hub: Site
) -> None:
    assert findings(extra, slug, hub) == expected


def format_findings(hub: Site, slug: str, **changes: object) -> list[tuple[str, str, str]]:
    fmt = hub.formats["troika-consulting"].model_copy(update=changes)
    return [(".".join(map(str, loc)), m, s) for loc, m, s in check_format(slug, fmt, hub.formats)]


def test_each_format_rule_gives_its_finding(hub: Site) -> None:
    assert format_findings(hub, "troika-consulting") == []
    assert format_findings(hub, "x", size=Range(min=5, max=4)) == [
        ("size.max", "max (4) is smaller than min (5)", "error")
    ]
    assert format_findings(hub, "x", program_months=Range(min=5, max=4)) == [
        ("program_months.max", "max (4) is smaller than min (5)", "error")
    ]
    outcomes = OutcomeLinks(primary=["support"], secondary=["team-building", "support"])
    assert format_findings(hub, "x", outcomes=outcomes) == [
        ("outcomes.secondary.1", "'support' is already a primary outcome", "error")
    ]
    assert format_findings(hub, "x", related=["case-clinic", "case-clinik", "zzz"]) == [
        ("related.1", "no format 'case-clinik' exists; did you mean 'case-clinic'?", "error"),
        ("related.2", "no format 'zzz' exists; see the files in formats/", "error"),
    ]
    assert format_findings(hub, "case-clinic", related=["troika-consulting", "case-clinic"]) == [
        ("related.1", "a format cannot be related to itself", "error")
    ]
    longest = NAME_MAX - len(FORMAT_DESIGN_SUFFIX)
    assert format_findings(hub, "x", name="n" * longest) == []
    assert format_findings(hub, "x", name="n" * (longest + 1)) == [
        (
            "name",
            f"is {longest + 1} characters long; a format's name can have at most {longest}, "
            f"because the picker names designs after it ('{FORMAT_DESIGN_SUFFIX.strip()}' added)",
            "error",
        )
    ]


def test_each_outcome_rule_gives_its_finding(hub: Site) -> None:
    outcome = hub.outcomes["support"]
    assert list(check_outcome(outcome, hub.formats)) == []
    first, second = outcome.designs[0], outcome.designs[1]
    broken = outcome.model_copy(
        update={
            "designs": [
                first,
                second.model_copy(
                    update={
                        "size": Range(min=9, max=8),
                        "program_months": Range(min=7, max=6),
                        "formats": ["support-circle", "nope"],
                    }
                ),
            ]
        }
    )
    found = [(".".join(map(str, loc)), m, s) for loc, m, s in check_outcome(broken, hub.formats)]
    assert found == [
        ("designs.1.size.max", "max (8) is smaller than min (9)", "error"),
        ("designs.1.program_months.max", "max (6) is smaller than min (7)", "error"),
        ("designs.1.formats.1", "no format 'nope' exists; see the files in formats/", "error"),
    ]

"""Group files read on both cores (`peerhub.content.bothcores`): the answer is the one a
single process gives, whichever half a file falls in, and a copy that fails costs
nothing but time."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from test_ahead import copy_dies_with_its_killed_parent

from peerhub.content import bothcores
from peerhub.content.bothcores import BOTH_CORES_ENV, FEWEST, head_and_tail
from peerhub.content.project import check_content

from conftest import VALID_GROUP, make_project
from synthetic import write_groups

pytestmark = pytest.mark.build  # each test forks a copy of the test's process
DAY = dt.date(2026, 12, 4)
HERE = os.getpid()
RANDOM_ID = re.compile(r"(?<=such as ')[a-z2-9]{12}\b")


def where_worked(items: Sequence[int]) -> tuple[int, list[int]]:
    return os.getpid(), [item * 2 for item in items]


def test_the_copy_works_on_the_tail_and_the_answer_is_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(BOTH_CORES_ENV, "1")
    (here, head), (there, tail) = head_and_tail(list(range(10)), where_worked)
    assert here == os.getpid() != there
    assert head + tail == [item * 2 for item in range(10)]
    assert len(head) == 5  # `HEAD_SHARE` of them


def failing(items: Sequence[int]) -> tuple[int, list[int]]:
    if os.getpid() != HERE:
        raise RuntimeError("the copy fails")
    return where_worked(items)


def leaving(items: Sequence[int]) -> tuple[int, list[int]]:
    if os.getpid() != HERE:
        os._exit(3)  # the copy ends before it answers
    return where_worked(items)


@pytest.mark.parametrize("work", [failing, leaving])
def test_a_copy_that_gives_no_answer_has_its_part_done_here(
    monkeypatch: pytest.MonkeyPatch, work: object
) -> None:
    monkeypatch.setenv(BOTH_CORES_ENV, "1")
    parts = head_and_tail(list(range(10)), work)
    assert [pid for pid, _ in parts] == [os.getpid()] * 2
    assert parts[0][1] + parts[1][1] == [item * 2 for item in range(10)]


@pytest.mark.parametrize(
    ("setting", "items", "parts"),
    [("0", FEWEST * 2, 1), ("", FEWEST - 1, 1), ("", FEWEST, 2), ("1", 1, 2)],
)
def test_the_copy_starts_only_where_it_pays(
    monkeypatch: pytest.MonkeyPatch, setting: str, items: int, parts: int
) -> None:
    monkeypatch.setenv(BOTH_CORES_ENV, setting)
    monkeypatch.setattr(bothcores.os, "sched_getaffinity", lambda _pid: {0, 1})
    monkeypatch.setattr(bothcores.threading, "active_count", lambda: 1)
    assert len(head_and_tail(list(range(items)), where_worked)) == parts


@pytest.mark.parametrize(
    ("setting", "threads", "parts"), [("", 1, 2), ("", 2, 1), ("1", 2, 2), ("0", 1, 1)]
)
def test_no_copy_is_forked_beside_another_thread_unless_asked(
    monkeypatch: pytest.MonkeyPatch, setting: str, threads: int, parts: int
) -> None:
    monkeypatch.setenv(BOTH_CORES_ENV, setting)
    monkeypatch.setattr(bothcores.os, "sched_getaffinity", lambda _pid: {0, 1})
    monkeypatch.setattr(bothcores.threading, "active_count", lambda: threads)
    assert len(head_and_tail(list(range(FEWEST)), where_worked)) == parts


#: One of each kind of problem a group file can have, named so that sorted by name
#: they fall in both halves: the YAML, the schema, a rule, the file name, a refused
#: file's accepted field, and an anonymous_id shared by a file of each half.
BROKEN = {
    "a-broken-yaml.yml": VALID_GROUP + "story: [unclosed\n",
    "a-unknown-field.yml": VALID_GROUP + "colour: red\n",
    "b-anonymous.yml": VALID_GROUP + "visibility: anonymous\nanonymous_id: k7m2q9x4w8p3\n",
    "Bad Name.yml": VALID_GROUP,
    "x-refused-future.yml": VALID_GROUP.replace("2025-01-15", "2999-01-15") + "colour: red\n",
    "y-future.yml": VALID_GROUP.replace("added: 2025-01-15", "added: 2999-01-15"),
    "z-anonymous.yml": VALID_GROUP + "visibility: anonymous\nanonymous_id: k7m2q9x4w8p3\n",
}


def test_a_project_reads_the_same_on_one_core_and_on_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path / "hub", groups=BROKEN)
    write_groups(root, 40)
    answers = []
    for setting in ("0", "1"):
        monkeypatch.setenv(BOTH_CORES_ENV, setting)
        content, problems = check_content(root, on=DAY)
        # Messages suggest a new random anonymous_id each time they are made.
        said = [RANDOM_ID.sub("<random id>", str(p)) for p in problems]
        answers.append((list(content.groups.items()), said))
    assert answers[0] == answers[1]
    groups, problems = answers[1]
    assert len(groups) == 40 + 3  # the synthetic groups, both anonymous ones, the future one
    named = {f"groups/{name}" for name in BROKEN if name != "b-anonymous.yml"}
    assert {line.split(":", 1)[0] for line in problems} == named  # the first keeps its id
    assert any(" groups/b-anonymous.yml has the same anonymous_id" in line for line in problems)
    # A refused file's accepted fields are still checked (`refused.accepted_findings`).
    assert any(
        line.startswith("groups/x-refused-future.yml:3:8: error: added:") for line in problems
    )


KILLED = """
import os, sys, time
from peerhub.content.bothcores import head_and_tail

def work(items):
    if items == [2]:  # the copy's half: say who it is, then take its time
        print(os.getpid(), flush=True)
        time.sleep(60)
    return items

head_and_tail([1, 2], work)
"""


def test_the_copy_dies_with_a_killed_process() -> None:
    """The copy holds its parent's open files (a build's lock among them): killing the
    parent must not leave it running."""
    copy_dies_with_its_killed_parent(KILLED, **{BOTH_CORES_ENV: "1"})

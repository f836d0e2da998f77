"""Work through a long list on two cores: a forked copy of this process takes the
list's tail while this process does its head, and the copy's answer comes back
pickled. Reading and checking thousands of group files is most of `peerhub validate`
and the first part of a build, and one core would otherwise sit idle through it.

The copy starts only on Linux, with two cores or more, `FEWEST` items or more and no
other thread in this process: a copy forked beside a thread could wait forever on a
lock that thread held (`mkdocs serve` runs its file watcher and server in threads, so
it reads on one core). `PEERHUB_BOTH_CORES=0` never starts the copy, `=1` always does.
If the copy fails in any way, this process does the tail itself: the answer never
depends on the copy.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

__all__ = ["BOTH_CORES_ENV", "FEWEST", "die_with", "fork_pays", "head_and_tail"]

T = TypeVar("T")
R = TypeVar("R")

BOTH_CORES_ENV = "PEERHUB_BOTH_CORES"
#: Below this many items, forking and pickling cost more than the other core saves.
FEWEST = 400
#: This process's share of the items.
HEAD_SHARE = 0.5


def head_and_tail(items: Sequence[T], work: Callable[[Sequence[T]], R]) -> list[R]:
    """`[work(items)]`, or `[work(head), work(tail)]` with the tail worked on in a
    forked copy, whose answer must pickle.
    """
    alone = threading.active_count() == 1
    if not fork_pays(BOTH_CORES_ENV, len(items), FEWEST, alone=alone):
        return [work(items)]
    cut = round(len(items) * HEAD_SHARE)
    head, tail = items[:cut], items[cut:]
    parent = os.getpid()
    readable, writable = os.pipe()
    try:
        child = os.fork()
    except OSError:  # no process can be started now: all of it here
        os.close(readable)
        os.close(writable)
        return [work(items)]
    if child == 0:  # the copy: work on the tail, send the answer, leave at once
        os.close(readable)
        try:
            die_with(parent)
            with os.fdopen(writable, "wb") as out:
                pickle.dump(work(tail), out, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(0)
    os.close(writable)
    try:
        mine = work(head)
    finally:
        with os.fdopen(readable, "rb") as answer:
            try:
                theirs: R | None = pickle.load(answer)  # noqa: S301 - our own fork wrote it
            except Exception:  # the copy failed: do its part here
                theirs = None
        os.waitpid(child, 0)
    return [mine, work(tail) if theirs is None else theirs]


def die_with(parent: int) -> None:
    """End this forked copy when the process it came from ends, however it ends (even
    killed): the copy holds that process's open files, a build's lock among them.
    """
    # It runs only in forked copies, where mutmut cannot see which test ran it: the
    # tests that kill a copy's parent (test_ahead, test_bothcores) fail without it.
    pr_set_pdeathsig = 1  # pragma: no mutate
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)  # pragma: no mutate
    if os.getppid() != parent:  # pragma: no mutate - it ended before the line above took effect
        os._exit(0)  # pragma: no mutate


def fork_pays(setting: str, count: int, fewest: int, *, alone: bool = True) -> bool:
    """Whether a forked copy should share work on `count` items: on Linux, with two
    cores or more, `fewest` items or more and (where the caller says it matters) no
    other thread, unless the environment variable named `setting` says `0` (never) or
    `1` (always).
    """
    chosen = os.environ.get(setting, "").strip()
    if chosen == "0" or not sys.platform.startswith("linux"):
        return False
    if chosen == "1":
        return True
    return alone and count >= fewest and len(os.sched_getaffinity(0)) >= 2

"""Bodies rendered ahead in a forked copy (`peerhub.adapter.ahead`): each body is the one
the build would make itself, nothing is waited for, the copy renders only past the
last body the build asked for and only a pipe's worth ahead of it, and it never outlives
the build."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peerhub.adapter.ahead import AHEAD_ENV, FEWEST_AHEAD, Ahead, render_ahead

from conftest import mkdocs_build_here, repo_copy

pytestmark = pytest.mark.build  # each test starts a process


def body_of(key: str) -> str:
    return f"<p>{key} in process {os.getpid()}</p>"


def wait_until(done: object, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not done():  # type: ignore[operator]
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


def test_the_copy_renders_in_order_and_the_build_takes_its_bodies() -> None:
    keys = [f"k{i}" for i in range(40)]
    ahead = Ahead(body_of, keys)
    # The bodies are small: all 40 fit in the pipe, and the copy ends once they are sent.
    wait_until(lambda: ahead._process is not None and not ahead._process.is_alive())
    bodies = [ahead.body(key) for key in keys]
    here = os.getpid()
    # Every body came from the copy (another process), one for each key, in key order.
    assert [b.split(" in process ")[0] for b in bodies] == [f"<p>{k}" for k in keys]
    assert all(f"process {here}<" not in b for b in bodies)
    assert ahead._process is None  # every body given: the copy was stopped


def test_a_body_the_copy_has_not_sent_is_rendered_at_once_and_not_waited_for() -> None:
    def slow(key: str) -> str:
        if os.getpid() != here:
            time.sleep(5)  # the copy is slow
        return body_of(key)

    here = os.getpid()
    ahead = Ahead(slow, ["a", "b"])
    start = time.monotonic()
    assert ahead.body("a") == body_of("a")  # rendered here
    assert time.monotonic() - start < 2
    ahead.close()


def test_the_copy_renders_only_past_the_last_body_the_build_asked_for(tmp_path: Path) -> None:
    log = tmp_path / "rendered"

    def logged(key: str) -> str:
        if os.getpid() != here:
            with log.open("a") as out:
                out.write(key + "\n")
            if key == "k00":
                time.sleep(1)  # the build meanwhile takes k00 to k39 itself
        return body_of(key)

    here = os.getpid()
    keys = [f"k{i:02}" for i in range(60)]
    ahead = Ahead(logged, keys)
    wait_until(log.exists)  # the copy has started on k00
    assert [ahead.body(key) for key in keys[:40]] == [body_of(key) for key in keys[:40]]
    wait_until(lambda: ahead._process is not None and not ahead._process.is_alive())
    assert log.read_text().split() == ["k00", *keys[40:]]  # it skipped what the build did
    ahead._take()
    # The copy's late body for k00, which the build had passed, was not kept.
    assert sorted(ahead._done) == keys[40:]
    ahead.close()


def test_the_copy_waits_while_the_build_has_not_taken_its_bodies(tmp_path: Path) -> None:
    """The build holds a few bodies at a time, not thousands: the pipe (64 KB here)
    fills and the copy waits, so it is never more than a few dozen bodies ahead."""
    log = tmp_path / "rendered"

    def big(key: str) -> str:
        if os.getpid() != here:
            with log.open("a") as out:
                out.write(key + "\n")
        return key + "x" * 10_000

    here = os.getpid()
    keys = [f"k{i:03}" for i in range(400)]
    ahead = Ahead(big, keys)
    time.sleep(1.5)  # ample time for the copy to render all 400 if nothing stopped it
    assert ahead._process is not None
    assert ahead._process.is_alive()
    assert 0 < len(log.read_text().split()) < 40
    assert [ahead.body(key) for key in keys] == [big(key) for key in keys]
    assert ahead._process is None


def test_a_body_the_copy_cannot_render_fails_in_the_build_with_its_own_error() -> None:
    def broken(key: str) -> str:
        raise ValueError(f"no body for {key}")

    ahead = Ahead(broken, ["a", "b"])
    with pytest.raises(ValueError, match="no body for b"):
        ahead.body("b")
    ahead.close()


def test_render_ahead_forks_only_where_it_can_help(monkeypatch: pytest.MonkeyPatch) -> None:
    keys = [str(i) for i in range(FEWEST_AHEAD)]
    monkeypatch.setenv(AHEAD_ENV, "0")
    assert render_ahead(body_of, keys)._process is None
    monkeypatch.setenv(AHEAD_ENV, "1")
    forced = render_ahead(body_of, ["one"])
    assert forced._process is not None
    forced.close()
    monkeypatch.delenv(AHEAD_ENV)
    assert render_ahead(body_of, keys[:-1])._process is None  # too few pages to pay
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0})
    assert render_ahead(body_of, keys)._process is None  # one core: nothing to gain
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1})
    both = render_ahead(body_of, keys)
    assert both._process is not None
    both.close()


KILLED_BUILD = """
import os, sys, time
from peerhub.adapter.ahead import Ahead

def slow(key):
    time.sleep(60)
    return key

ahead = Ahead(slow, ["a"])
print(ahead._process.pid, flush=True)
time.sleep(60)
"""


def test_the_copy_dies_with_a_killed_build() -> None:
    copy_dies_with_its_killed_parent(KILLED_BUILD)


def copy_dies_with_its_killed_parent(script: str, **env: str) -> None:
    """Run `script`, which prints the process id of the copy it forked; kill it (as a
    machine that stops a build would) and wait for the copy to end too."""
    command = [sys.executable, "-c", script]
    environment = {**os.environ, **env}
    with subprocess.Popen(command, stdout=subprocess.PIPE, env=environment) as parent:
        assert parent.stdout is not None
        copy = int(parent.stdout.readline())
        os.kill(copy, 0)  # alive
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    wait_until(lambda: gone(copy))


def gone(pid: int) -> bool:
    """Whether process `pid` has ended."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # A zombie until its new parent reaps it: dead all the same.
    return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"


def test_a_build_that_fails_before_its_pages_stops_the_copy(tmp_path: Path) -> None:
    """A guide's macro fails while MkDocs reads the guides, before it asks for any
    generated body: the copy, still rendering 300 groups' pages, is stopped with the
    failed build and holds none of its files."""
    root = repo_copy(tmp_path / "hub", synthetic=300)
    index = root / "docs" / "index.md"
    index.write_text(index.read_text() + "\n{{ group_chart(no_such_name) }}\n")
    result = mkdocs_build_here(root, PEERHUB_RENDER_AHEAD="1", SOURCE_DATE_EPOCH="1800000000")
    assert result.returncode != 0
    assert "no_such_name" in result.stdout + result.stderr
    assert multiprocessing.active_children() == []

"""The commands that read content look for reference cycles less often (`collector`)."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest

from peerhub.adapter import hook
from peerhub.commands.cli import main
from peerhub.content.collector import YOUNGEST, collect_less


@pytest.fixture(autouse=True)
def python_setting() -> Iterator[None]:
    """Each test starts from Python's own threshold and leaves the process as it was."""
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_the_youngest_generation_is_looked_at_every_ten_thousand_objects() -> None:
    collect_less()
    assert gc.get_threshold() == (10_000, 10, 10)
    assert YOUNGEST == 10_000


@pytest.mark.parametrize("threshold", [(0, 10, 10), (50_000, 5, 5)])
def test_a_collector_turned_off_or_already_rarer_is_left_alone(
    threshold: tuple[int, int, int],
) -> None:
    gc.set_threshold(*threshold)
    collect_less()
    assert gc.get_threshold() == threshold


def test_the_peerhub_command_sets_it_before_anything_else() -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert gc.get_threshold()[0] == YOUNGEST


def test_the_mkdocs_hook_sets_it_when_mkdocs_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hook, "_state", hook._state)  # restored afterwards
    hook.on_startup(command="build", dirty=False)
    assert gc.get_threshold()[0] == YOUNGEST


AT_EXIT = """
import atexit, gc
from peerhub.content.collector import collect_less
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))
collect_less()
collect_less()
print("frozen before:", gc.get_freeze_count() > 0)
"""


@pytest.mark.build  # starts a process, to see what happens as it exits
def test_what_the_process_made_is_frozen_as_it_exits_and_not_before() -> None:
    done = subprocess.run(
        [sys.executable, "-c", AT_EXIT], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["frozen before: False", "frozen at exit: True"]

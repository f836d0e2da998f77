"""Page bodies rendered ahead, on the machine's second core, while MkDocs does the rest.

The hub's page bodies (thousands of group pages) are a good part of a large build's
work, and MkDocs asks for them one at a time, in order, on one core, as it writes each
page (see `FinishedPage`). Once the content is loaded, a forked copy of the build
process renders them in the same order, a little ahead of the page being written, and
the build takes each body the copy has sent. Nothing waits on the build's side: a body
the copy has not sent yet is rendered by the build itself, and the copy then skips past
it. Each body is the same text either process would make (`tests/test_finished_pages.py`
compares the site byte for byte with one built without this).

The copy sends its bodies through a pipe the build reads only when it needs a body, so
when the copy is far enough ahead it waits for the pipe to empty: the build holds a
few bodies at a time, never thousands.

Written here rather than with `concurrent.futures`: a pool hands out work and waits
for it, where this never waits, and it must stay out of the way when the copy fails
(the build then renders that body itself and reports its real error).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection

from peerhub.content.bothcores import die_with, fork_pays

__all__ = ["AHEAD_ENV", "FEWEST_AHEAD", "Ahead", "render_ahead"]

#: "0": render every body in the build's own process; "1": always render ahead.
AHEAD_ENV = "PEERHUB_RENDER_AHEAD"
#: Below this many pages, starting a copy of the build costs more than it saves.
FEWEST_AHEAD = 200
#: Bodies sent together: fewer, larger messages cost less than one per page.
_BATCH = 8


class Ahead:
    """The bodies a forked copy rendered, by key, and the copy itself."""

    def __init__(self, render: Callable[[str], str], keys: Sequence[str]) -> None:
        self._render = render
        self._done: dict[str, str] = {}
        self._left = len(keys)
        self._index = {key: i for i, key in enumerate(keys)}
        self._process: multiprocessing.process.BaseProcess | None = None
        self._receive: Connection | None = None
        if not keys:
            return
        context = multiprocessing.get_context("fork")
        # The place of the last key the build asked for, shared with the copy, which
        # renders only keys after it.
        self._reached = context.Value("q", -1, lock=False)
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_work,
            args=(render, list(keys), self._reached, send, os.getpid()),
            daemon=True,
            name="peerhub-ahead",
        )
        self._process.start()
        send.close()  # the copy holds the only sending end: its exit ends the reading

    def body(self, key: str) -> str:
        """The body for `key`: as the copy sent it, or rendered here and now. Once every
        key's body was given, the copy is stopped.
        """
        self._take()
        found = self._done.pop(key, None)
        if self._process is not None and key in self._index:
            self._reached.value = max(self._reached.value, self._index[key])
        if found is None:
            found = self._render(key)
        self._left -= 1
        if self._left == 0:
            self.close()
        return found

    def _take(self) -> None:
        """Read what the copy has sent so far, without waiting; a body for a key the
        build has already passed is dropped.
        """
        while self._receive is not None and self._receive.poll():
            try:
                batch = self._receive.recv()
            except (EOFError, OSError):  # the copy is done, or gone
                self._receive.close()
                self._receive = None
                return
            passed = self._reached.value
            self._done.update((key, body) for key, body in batch if self._index[key] > passed)

    def close(self) -> None:
        """Stop the copy (it may be rendering bodies nobody needs now, or waiting)."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._process.close()
            self._process = None
        if self._receive is not None:
            self._receive.close()
            self._receive = None
        self._done.clear()


def _work(
    render: Callable[[str], str],
    keys: list[str],
    reached: ctypes.c_longlong,
    send: Connection,
    parent: int,
) -> None:
    """In the copy: render the keys in order, always past the last one the build asked
    for, sending each batch as it fills (and waiting while the pipe is full).
    """
    die_with(parent)
    batch: list[tuple[str, str]] = []
    index = 0
    try:
        while (index := max(index, reached.value + 1)) < len(keys):
            batch.append((keys[index], render(keys[index])))
            index += 1
            if len(batch) >= _BATCH:
                send.send(batch)
                batch = []
        if batch:
            send.send(batch)
    except Exception:  # noqa: S110 - the build renders what is missing and reports it
        pass
    finally:
        send.close()


def render_ahead(render: Callable[[str], str], keys: Sequence[str]) -> Ahead:
    """Bodies for `keys`, rendered ahead in a forked copy where that can help: on Linux,
    with two cores or more and `FEWEST_AHEAD` pages or more. `PEERHUB_RENDER_AHEAD=0`
    renders every body in the build's process; `=1` forks the copy whatever the site.
    """
    if not fork_pays(AHEAD_ENV, len(keys), FEWEST_AHEAD):
        return Ahead(render, ())
    try:
        return Ahead(render, keys)
    except OSError:  # no process could be started: render everything here
        return Ahead(render, ())

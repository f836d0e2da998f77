"""Page bodies rendered ahead, on the machine's second core, while MkDocs does the rest.

The hub's page bodies (thousands of group pages) are a third of a large build's work,
and MkDocs asks for them one at a time on one core. Once the content is loaded, a
forked copy of the build process starts rendering them from the last page backwards;
the build itself renders from the first page on, when MkDocs asks, and takes any body
the copy has already sent. They meet in the middle: no body is waited for, and each
is the same text either process would make (`tests/test_finished_pages.py` compares
the site byte for byte with one built without this).

Written here rather than with `concurrent.futures`: a pool hands out work in order
and waits for it, where this never waits, and it must stay out of the way when the
copy fails (the build then renders that body itself and reports its real error).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
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
        self._reader: threading.Thread | None = None
        if not keys:
            return
        context = multiprocessing.get_context("fork")
        # One flag per key, shared with the copy: set for each body the build rendered
        # itself, so the copy stops where the two meet instead of rendering on.
        self._claimed = context.Array("b", len(keys), lock=False)
        receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_work,
            args=(render, list(keys), self._claimed, send, os.getpid()),
            daemon=True,
            name="peerhub-ahead",
        )
        self._process.start()
        send.close()  # the copy holds the only sending end: its exit ends the reading
        self._reader = threading.Thread(target=self._read, args=(receive,), daemon=True)
        self._reader.start()

    def _read(self, receive: Connection) -> None:
        """Keep the pipe empty, so the copy never waits for the build to read."""
        with receive:
            while True:
                try:
                    batch = receive.recv()
                except (EOFError, OSError):
                    return
                self._done.update(batch)

    def body(self, key: str) -> str:
        """The body for `key`: as the copy sent it, or rendered here and now. Once every
        key's body was given, the copy is stopped.
        """
        found = self._done.pop(key, None)
        if found is None:
            if self._process is not None and key in self._index:
                self._claimed[self._index[key]] = 1
            found = self._render(key)
        self._left -= 1
        if self._left == 0:
            self.close()
        return found

    def close(self) -> None:
        """Stop the copy (it may still be rendering bodies nobody needs now)."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._process.close()
            self._process = None
        if self._reader is not None:
            self._reader.join()
            self._reader = None
        self._done.clear()


def _work(
    render: Callable[[str], str],
    keys: list[str],
    claimed: Sequence[int],
    send: Connection,
    parent: int,
) -> None:
    """In the copy: render from the last key backwards, sending each batch as it fills,
    until a body the build rendered itself.
    """
    die_with(parent)
    batch: list[tuple[str, str]] = []
    try:
        for index in reversed(range(len(keys))):
            if claimed[index]:
                break
            batch.append((keys[index], render(keys[index])))
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

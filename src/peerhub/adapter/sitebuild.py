"""Build the site next to `site/` and swap it in only when everything succeeded.

MkDocs cleans its output folder before writing, so a build that fails half-way
(a broken link under --strict, a crash, Ctrl-C, a full disk) would leave a
half-published site. Instead every build, whether `peerhub build` or the maintainer's
own `mkdocs build` (through the hook), goes through :func:`start`:

1. it takes the project's lock (`.peerhub-build.lock`), so one build runs at a time
   in a checkout; a second one waits, then stops with a one-line message;
2. it refuses a `site/` that is a symbolic link or a file, touching nothing;
3. it puts back the newest complete site an interrupted build left (`recover`),
   before anything else can fail, and deletes the leftovers;
4. MkDocs writes into a fresh folder of its own, `.site-build-<pid>-<random>/`.

A finished build is renamed to `.site-new/` (so that name always holds a complete
site), the old site moves to `.site-old/`, the new one to `site/`, and only then is
the old one deleted. Between two of those renames a crash can leave no `site/`; the
complete site is then `.site-new/` or `.site-old/`, and the next build puts it back.
Nothing is deleted unless `site/` exists, except `.site-withdrawn/`: a site this
module refused to keep (see :meth:`Build.withdraw`), which is never put back.

`peerhub build` runs MkDocs' own command line in this process, so MkDocs never
outlives the command (a killed build leaves no MkDocs writing on), and this package
still imports nothing of MkDocs' code.
"""

from __future__ import annotations

import errno
import fcntl
import os
import runpy
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from peerhub.adapter.sitefolders import Folders, recover, swap_in

__all__ = [
    "WAIT",
    "Build",
    "Builder",
    "Refused",
    "build_site",
    "disk_full",
    "is_staging",
    "mkdocs_builder",
    "start",
]

Builder = Callable[[Path], int]
"""Writes a complete site into the given (new, empty) folder; returns an exit code."""

#: How long a build waits for another build of the same project, in seconds.
WAIT = 600.0
#: Staging folders this process is building into (their builds own the swap).
_staging: set[Path] = set()


class Refused(Exception):
    """A build that cannot start; its message is one line, shown as it is."""


def _say(line: str) -> None:
    print(line, file=sys.stderr)


def _check_site(site: Path) -> None:
    """Refuse a `site` that is not a folder: the swap would rename, or follow, it."""
    if site.is_symlink():
        raise Refused(
            f"{site.name} is a symbolic link; the build replaces {site.name}/ and will not "
            "follow a link out of the project: remove the link and build again"
        )
    if site.exists() and not site.is_dir():
        raise Refused(f"{site.name} is a file, not a folder: move or delete it and build again")


def _lock(path: Path, wait: float, say: Callable[[str], None]) -> int:
    """An open descriptor of `path` holding its exclusive lock (released when closed,
    also by the kernel when the process dies); waits at most `wait` seconds.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    deadline = time.monotonic() + wait
    waiting = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise Refused(
                    f"another build of this project is still running (it holds {path.name}); "
                    "wait for it to finish and build again"
                ) from None
            if not waiting:
                say("waiting for another build of this project to finish")
                waiting = True
            time.sleep(0.1)


class Build:
    """One build, from the lock to the swap: MkDocs writes into `staging`."""

    def __init__(self, folders: Folders, lock: int) -> None:
        self.folders = folders
        self.staging = folders.staging()
        self._lock = lock
        self.staging.mkdir()
        _staging.add(self.staging)

    def publish(self) -> None:
        """Swap the finished build in as `site/`."""
        self.staging.rename(self.folders.new)
        swap_in(self.folders)

    def withdraw(self, shown: list[str]) -> list[str]:
        """After a failed build: `shown` names what the live site publishes although the
        content withdrew it. Such a site is not kept: it moves aside (under a name that
        recovery never puts back) and is deleted. Returns what to say about it.
        """
        name = self.folders.site.name
        self.folders.site.rename(self.folders.withdrawn)
        shutil.rmtree(self.folders.withdrawn, ignore_errors=True)
        return [
            f"the live {name}/ still published what the content withdrew:",
            *(f"  {line}" for line in shown),
            f"{name}/ was deleted so that it stops publishing them; fix the errors above "
            f"and build again to publish {name}/ again",
        ]

    def close(self) -> None:
        """Delete what the build left unfinished and release the lock (call it once)."""
        shutil.rmtree(self.staging, ignore_errors=True)
        _staging.discard(self.staging)
        os.close(self._lock)


def start(folders: Folders, *, wait: float = WAIT, say: Callable[[str], None] = _say) -> Build:
    """Begin a build into `folders.site`: lock, check, recover, then a fresh folder.

    Raises :class:`Refused` (nothing touched) when another build holds the lock past
    `wait` seconds, or when `site` is a symbolic link or a file.
    """
    lock = _lock(folders.lock, wait, say)
    try:
        _check_site(folders.site)
        restored = recover(folders)
        if restored:
            name = folders.site.name
            say(f"restored {name}/ from {restored}/, left by an interrupted build")
        return Build(folders, lock)
    except BaseException:
        os.close(lock)
        raise


def is_staging(folder: Path) -> bool:
    """Whether a build of this process writes into `folder` (and so owns its swap)."""
    return folder.resolve() in _staging


def disk_full(error: BaseException) -> str | None:
    """The one-line message for an error that says the disk is full, else None."""
    if isinstance(error, OSError) and error.errno in {errno.ENOSPC, errno.EDQUOT}:
        where = f" ({error.filename})" if error.filename else ""
        return f"the disk is full{where}: free some space and build again"
    return None


def mkdocs_builder(root: Path, extra_args: tuple[str, ...] = ()) -> Builder:
    """`mkdocs build --strict` of the project at `root`, run in this process exactly as
    its command line runs it, so MkDocs lives and dies with this command.
    """

    def build(target: Path) -> int:
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        config = str(root / "mkdocs.yml")
        argv = ["mkdocs", "build", "--strict", "--config-file", config, "--site-dir", str(target)]
        saved = sys.argv
        sys.argv = [*argv, *extra_args]
        try:
            runpy.run_module("mkdocs", run_name="__main__")
        except SystemExit as done:  # how a command line ends: None or 0 is success
            code = done.code
            return 0 if code is None else code if isinstance(code, int) else 1
        finally:
            sys.argv = saved
        return 0

    return build


def build_site(
    root: Path,
    site: str = "site",
    *,
    extra_args: tuple[str, ...] = (),
    builder: Builder | None = None,
    check: Callable[[], int] | None = None,
    withdrawn: Callable[[Path], list[str]] | None = None,
    wait: float = WAIT,
) -> int:
    """Build into a fresh folder; swap it in on success. `site/` is never left half-built.

    `check` (the content's validation) runs after an interrupted build's site is put
    back; `withdrawn` names what a live site shows that the content no longer
    publishes, asked only when the build fails.
    """
    folders = Folders.of(root.resolve(), site)
    try:
        build = start(folders, wait=wait)
    except Refused as refused:
        print(f"error: {refused}", file=sys.stderr)
        return 1
    run = builder or mkdocs_builder(root.resolve(), extra_args)
    try:
        code = check() if check else 0
        if code == 0:
            try:
                code = run(build.staging)
            except OSError as error:
                message = disk_full(error)
                if message is None:
                    raise
                print(f"error: {message}", file=sys.stderr)
                code = 1
        if code == 0 and not (build.staging / "index.html").is_file():
            code = 1
        if code != 0:
            shown = withdrawn(folders.site) if withdrawn and folders.site.is_dir() else []
            if shown:
                first, *rest = build.withdraw(shown)
                print(f"build failed; error: {first}", *rest, sep="\n", file=sys.stderr)
            else:
                print(f"build failed; {site}/ was left as it was", file=sys.stderr)
            return code
        build.publish()
    finally:
        build.close()
    print(f"built {site}/", file=sys.stderr)
    return 0

"""Build the site next to `site/` and swap it in only when everything succeeded.

MkDocs cleans its output folder before writing, so a build that fails half-way
(a broken link under --strict, a crash, Ctrl-C) would leave a half-published
site. Instead MkDocs writes into `.site-build/`; a finished build is renamed to
`.site-new/` (so that name always holds a complete site), the old site moves to
`.site-old/`, the new one to `site/`, and only then is the old one deleted.

Between two of those renames a crash can leave no `site/`; the complete site is then
`.site-new/` or `.site-old/`, and `recover` (run first by every build, whether the
build then succeeds or fails) puts it back. Nothing is deleted unless `site/` exists.
MkDocs runs as a separate process, so this package need not import it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Builder", "Folders", "build_site", "mkdocs_builder", "recover", "swap_in"]

Builder = Callable[[Path], int]
"""Writes a complete site into the given (new, empty) folder; returns an exit code."""


@dataclass(frozen=True)
class Folders:
    """The four folders of the swap, for a site folder named `site`."""

    site: Path
    building: Path  # MkDocs writes here; may be incomplete
    new: Path  # a complete site waiting to be swapped in
    old: Path  # the previous complete site, until the new one is in place

    @classmethod
    def of(cls, root: Path, site: str = "site") -> Folders:
        """The folders of a build of `root` into `site`."""
        return cls(
            root / site, root / f".{site}-build", root / f".{site}-new", root / f".{site}-old"
        )


def recover(folders: Folders) -> str | None:
    """Make `site/` the newest complete site left by an interrupted swap, then delete
    the leftovers. Returns what was restored (a folder name), if anything.
    """
    restored = None
    if not folders.site.exists():
        for candidate in (folders.new, folders.old):
            if candidate.is_dir():
                candidate.rename(folders.site)
                restored = candidate.name
                break
    if folders.site.exists():
        for leftover in (folders.building, folders.new, folders.old):
            shutil.rmtree(leftover, ignore_errors=True)
    return restored


def swap_in(folders: Folders) -> None:
    """Put the complete site in `.site-new/` at `site/`; the old site is deleted last.

    A rename onto an existing folder fails, so a leftover is never overwritten.
    """
    if folders.site.exists():
        folders.site.rename(folders.old)
    folders.new.rename(folders.site)
    shutil.rmtree(folders.old, ignore_errors=True)


def mkdocs_builder(root: Path, extra_args: tuple[str, ...] = ()) -> Builder:
    """`mkdocs build --strict` of the project at `root`, in a separate process."""

    def build(target: Path) -> int:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)]
        return subprocess.call([*command, *extra_args], cwd=root, env=env)  # noqa: S603 - mkdocs, no shell

    return build


def build_site(
    root: Path,
    site: str = "site",
    *,
    extra_args: tuple[str, ...] = (),
    builder: Builder | None = None,
) -> int:
    """Build into a fresh folder; swap it in on success. `site/` is never left half-built."""
    folders = Folders.of(root.resolve(), site)
    restored = recover(folders)
    if restored:
        print(f"restored {site}/ from {restored}/, left by an interrupted build", file=sys.stderr)
    shutil.rmtree(folders.building, ignore_errors=True)
    build = builder or mkdocs_builder(root.resolve(), extra_args)
    try:
        code = build(folders.building)
        if code != 0 or not (folders.building / "index.html").is_file():
            print(f"build failed; {site}/ was left as it was", file=sys.stderr)
            return code or 1
        folders.building.rename(folders.new)
        swap_in(folders)
    finally:
        shutil.rmtree(folders.building, ignore_errors=True)
    print(f"built {site}/", file=sys.stderr)
    return 0

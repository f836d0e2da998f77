"""The folders of a staged build: the live site, the build's own folder and the
copies a swap leaves, and how an interrupted swap is put right.

A finished build is renamed to `.site-new/` (so that name always holds a complete
site), the old site moves to `.site-old/`, the new one to `site/`, and only then is
the old one deleted. `recover` puts back the newest complete site a crash between two
of those renames left.
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LOCK_FILE", "Folders", "recover", "swap_in"]

#: The lock file in the project folder: one build at a time per checkout.
LOCK_FILE = ".peerhub-build.lock"


@dataclass(frozen=True)
class Folders:
    """The folders of a build into `site`, and the project's lock file."""

    site: Path
    lock: Path

    @property
    def root(self) -> Path:
        """The project folder (where the lock file is)."""
        return self.lock.parent

    @classmethod
    def of(cls, root: Path, site: str | Path = "site") -> Folders:
        """The folders of a build of the project at `root` into `site` (relative to it)."""
        return cls(root / site, root / LOCK_FILE)

    def _sibling(self, suffix: str) -> Path:
        return self.site.with_name(f".{self.site.name}-{suffix}")

    @property
    def new(self) -> Path:
        """A complete site waiting to be swapped in."""
        return self._sibling("new")

    @property
    def old(self) -> Path:
        """The previous complete site, until the new one is in place."""
        return self._sibling("old")

    @property
    def withdrawn(self) -> Path:
        """A site refused because it publishes what the content withdrew."""
        return self._sibling("withdrawn")

    def staging(self) -> Path:
        """A fresh, unique folder name for one build to write into."""
        return self._sibling(f"build-{os.getpid()}-{secrets.token_hex(4)}")

    def unfinished(self) -> list[Path]:
        """Folders builds were writing into (`.site-build` of older versions too)."""
        return sorted(self.site.parent.glob(f".{self.site.name}-build*"))


def recover(folders: Folders) -> str | None:
    """Make `site/` the newest complete site left by an interrupted swap, then delete
    the leftovers. Returns what was restored (a folder name), if anything.
    """
    shutil.rmtree(folders.withdrawn, ignore_errors=True)  # never to be published again
    restored = None
    if not folders.site.exists():
        for candidate in (folders.new, folders.old):
            if candidate.is_dir():
                candidate.rename(folders.site)
                restored = candidate.name
                break
    if folders.site.exists():
        for leftover in (*folders.unfinished(), folders.new, folders.old):
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

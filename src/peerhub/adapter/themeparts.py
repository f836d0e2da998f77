"""The theme's parts that pages outside the nav, in one folder, share.

Material renders its header, tabs, nav, footer, styles, scripts and configuration for
every page. For thousands of generated pages in one folder (groups/a/, groups/b/) these
are the same but for the header's title: nothing in them is active, and their links are
relative. `hub-page.html` asks for them through `once` and `titled`, so each is rendered
once per folder; `tests/test_finished_pages.py` checks the site against one built with
every part rendered anew.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from mkdocs.structure.pages import Page

__all__ = ["TITLE_MARK", "SharedParts"]

#: Stands in for a page's title while a part that shows it is rendered for the folder.
TITLE_MARK = "\x00peerhub-title\x00"


def _folder(page_url: str) -> str:
    return posixpath.dirname(page_url.rstrip("/"))


class SharedParts:
    """One build's shared renderings, by part and folder."""

    def __init__(self) -> None:
        self._fragments: dict[tuple[str, str], str] = {}
        self._shells: dict[tuple[str, str], list[str]] = {}

    def once(self, name: str, page_url: str, render: Callable[[], str]) -> str:
        """Part `name` as rendered for the first page of the folder."""
        key = (name, _folder(page_url))
        if key not in self._fragments:
            self._fragments[key] = render()
        return self._fragments[key]

    def titled(self, name: str, page: Page, render: Callable[[], str]) -> str:
        """Part `name`, which shows the page's title: rendered once per folder with a
        mark in the title's place, which each page's own title replaces. A part that
        shows the title more than once, or never, is rendered for each page.
        """
        key = (name, _folder(page.url))
        if key not in self._shells:
            title = page.meta["title"]
            page.meta["title"] = TITLE_MARK
            try:
                self._shells[key] = render().split(TITLE_MARK)
            finally:
                page.meta["title"] = title
        before, *after = self._shells[key]
        if len(after) != 1:
            return render()
        return before + page.meta["title"] + after[0]

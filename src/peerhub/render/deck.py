"""The card deck: every format on printable cards, made from the same data as the site.

A card is 95 by 130 mm, four to a sheet on A4 and on US Letter. A format's first card
shows on its front what a facilitator chooses by (summary, size, minutes, cadence,
outcomes, a QR code to the format's page) and on its back the roles and the agenda.
When those do not fit one back, they go on more sides: the next card's front and back,
headed "continued", so nothing is ever cut off. Whether a side is full is estimated
here from the length of its text (`SIDE_LINES` lines of `LINE_CHARS` characters), on
the safe side; a browser test checks the printed boxes of every card.

Backs are printed on the next sheet in mirror order (the right-hand card's back on the
left), so that a sheet printed double-sided, flipped on its long edge, puts each back
behind its front.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import segno
from markupsafe import Markup, escape

from peerhub.content.vocabulary import CADENCE_LABELS
from peerhub.decisions.picker.agenda import timetable
from peerhub.render import urls
from peerhub.render.chromium import print_to_pdf

if TYPE_CHECKING:
    from peerhub.content.formats import Format, Reference
    from peerhub.site import Site

__all__ = [
    "CARDS_PER_SHEET",
    "CUT_MARKS",
    "LINE_CHARS",
    "SIDE_LINES",
    "Card",
    "Item",
    "Section",
    "Sheet",
    "cards",
    "print_deck",
    "qr_svg",
    "sheets",
]

CARDS_PER_SHEET = 4
#: Characters that surely fit on one line of a card side (about 58 do, at 8.5 pt).
LINE_CHARS = 55
#: Lines that surely fit on one side below its heading (about 28 do).
SIDE_LINES = 27
#: Where a sheet's cut marks go: on each edge, in line with the three cut lines.
CUT_MARKS = tuple(f"{edge}-{n}" for edge in ("top", "bottom", "left", "right") for n in (1, 2, 3))


@dataclass(frozen=True)
class Item:
    """A role (what the person does), an agenda step (when, and what happens) or a
    reference (who, and its title).
    """

    title: str
    text: str
    when: str = ""

    @property
    def lines(self) -> float:
        """Lines this item takes on a card, rounded up, with the gap after it."""
        words = len(self.when) + len(self.title) + 2 + len(self.text)
        return math.ceil(words / LINE_CHARS) + 0.25


@dataclass(frozen=True)
class Section:
    """A heading ("Roles", "Agenda") and the items under it on one side."""

    heading: str
    items: tuple[Item, ...]
    continued: bool = False


@dataclass(frozen=True)
class Front:
    """What the first card of a format shows on its front."""

    summary: str
    facts: tuple[tuple[str, str], ...]
    #: The format page's absolute address as printed, without its scheme ("" without a
    #: site URL, and then no QR code either).
    shown_url: str
    qr: Markup | None


#: One side of a card: a format's front, or sections of its roles and agenda.
Side = Front | tuple[Section, ...]


@dataclass(frozen=True)
class Card:
    """One card of a format (`number` of `count`), with both its sides."""

    slug: str
    name: str
    number: int
    count: int
    front: Side
    back: Side


@dataclass(frozen=True)
class Sheet:
    """Up to four cards: `fronts` in reading order, `backs` as placed on the next
    sheet, each with its grid slot (1 to 4, left to right, top to bottom).
    """

    fronts: tuple[tuple[int, Card], ...]
    backs: tuple[tuple[int, Card], ...]


def cards(hub: Site, site_url: str) -> list[Card]:
    """Every format's cards, in catalogue order."""
    deck: list[Card] = []
    for slug, fmt in hub.formats.items():
        sides: list[Side] = [_front(hub, slug, fmt, site_url), *_pages(_sections(fmt))]
        if len(sides) % 2:
            sides.append(())  # the last card's back stays blank
        count = len(sides) // 2
        for number in range(count):
            front, back = sides[2 * number], sides[2 * number + 1]
            deck.append(Card(slug, fmt.name, number + 1, count, front, back))
    return deck


def sheets(deck: list[Card]) -> list[Sheet]:
    """The deck four cards at a time, with each back in its mirrored slot."""
    result = []
    for start in range(0, len(deck), CARDS_PER_SHEET):
        chunk = deck[start : start + CARDS_PER_SHEET]
        fronts = tuple((index + 1, card) for index, card in enumerate(chunk))
        backs = tuple((_mirror(index) + 1, card) for index, card in enumerate(chunk))
        result.append(Sheet(fronts, backs))
    return result


def _mirror(index: int) -> int:
    """The slot behind slot `index` (0-based) once the sheet is turned on its long edge."""
    row, column = divmod(index, 2)
    return row * 2 + (1 - column)


@functools.lru_cache(maxsize=1024)
def qr_svg(url: str) -> Markup:
    """An SVG QR code of `url`, sized by CSS, named for screen readers. Remembered: the
    same address gives the same code, and `mkdocs serve` rebuilds the deck on every
    edit (finding each code's best mask is most of the deck's cost).
    """
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        scale=1,
        border=2,
        dark="#000",
        light="#fff",
        omitsize=True,
        svgclass="ph-qr",
        lineclass=None,
    )  # white behind the code, so that it scans on a dark screen too
    label = escape(f"QR code of the link to this format: {url}")
    named = svg.replace("<svg", f'<svg role="img" aria-label="{label}"', 1)
    return Markup(named)  # noqa: S704 - segno's own markup, and the label escaped


def _front(hub: Site, slug: str, fmt: Format, site_url: str) -> Front:
    served = [hub.outcomes[o].name for o in fmt.outcomes.primary if o in hub.outcomes]
    also = [hub.outcomes[o].name for o in fmt.outcomes.secondary if o in hub.outcomes]
    facts = [
        ("Size", f"{fmt.size.span()} people"),
        ("Time", f"{fmt.session_minutes} minutes"),
        ("Cadence", CADENCE_LABELS[fmt.cadence]),
        ("Best for", ", ".join(served)),
    ]
    if also:
        facts.append(("Also serves", ", ".join(also)))
    url = urls.absolute(site_url, urls.format_url(slug))
    if not url.startswith(("https://", "http://")):
        return Front(fmt.summary, tuple(facts), "", None)  # no site URL: nothing to scan
    return Front(fmt.summary, tuple(facts), url.partition("://")[2], qr_svg(url))


def _sections(fmt: Format) -> list[tuple[str, list[Item]]]:
    roles = [Item(role.name, role.does) for role in fmt.roles]
    rows = timetable((step.step, step.minutes, step.detail) for step in fmt.agenda)
    steps = [Item(title, detail, when) for when, title, detail in rows]
    # Where the facts come from, so a printed card can be checked like its page.
    read = [Item(_credit(ref), ref.title) for ref in fmt.references]
    return [
        ("Roles", roles),
        (f"Agenda, {fmt.session_minutes} minutes", steps),
        ("References", read),
    ]


def _credit(ref: Reference) -> str:
    return f"{ref.author} ({ref.year})" if ref.year else ref.author


def _pages(sections: list[tuple[str, list[Item]]]) -> list[tuple[Section, ...]]:
    """Sections spread over as many sides as they need, never splitting an item."""
    sides: list[tuple[Section, ...]] = []
    current: list[Section] = []
    room = float(SIDE_LINES)
    for heading, items in sections:
        placed: list[Item] = []
        continued = False
        for item in items:
            needed = item.lines + (0 if placed else 1.5)  # a section opens with its heading
            if needed > room and (placed or current):
                if placed:
                    current.append(Section(heading, tuple(placed), continued))
                sides.append(tuple(current))
                continued = continued or bool(placed)  # "continued" once some went before
                current, placed, room = [], [], float(SIDE_LINES)
                needed = item.lines + 1.5
            placed.append(item)
            room -= needed
        if placed:
            current.append(Section(heading, tuple(placed), continued))
    if current:
        sides.append(tuple(current))
    return sides


def print_deck(site: Path) -> list[Path]:
    """Print the built deck page in `site` to one PDF per paper (`urls.CARD_PDFS`), with
    Chromium; each PDF is written next to its final name and then renamed, so a site
    never holds half a PDF. Raises when Chromium fails.
    """
    page = (site / "formats" / "cards" / "index.html").resolve()
    written = []
    for paper, path in urls.CARD_PDFS.items():
        target = site / path
        partial = target.with_name(f".{target.name}.part")
        print_to_pdf(f"{page.as_uri()}#{paper}", partial)
        partial.replace(target)
        written.append(target)
    return written

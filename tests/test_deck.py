"""The format card deck: what each card holds, how cards pair up on a sheet, the page
that prints them and the two PDFs `peerhub build --cards` prints with Chromium.

The built hub is the real one plus one format written to be as long as the models
allow (a name of 92 characters, step names of 100, sentences of 400, 12 roles, 20
agenda steps, all ten outcomes): if that fits its cards, every format does.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from peerhub.commands.cli import main
from peerhub.render import deck, urls
from peerhub.render.deck import SIDE_LINES, Card, Section, cards, qr_svg, sheets
from peerhub.render.project import load_site
from peerhub.site import Site

from conftest import REPO, golden, make_project, needs_chromium, soup

SITE_URL = "https://hub.example.org/"
WORDS = (
    "The facilitator checks that everyone has understood the question before the group moves "
    "on, writes each agreed action on the shared board with a name and a date, and keeps the "
    "quieter members in the conversation by asking them first; when time runs short the "
    "group parks the rest of the discussion for next month rather than rushing a decision "
    "that nobody will own, and the note taker sends the summary within two days of meeting."
)
LONG_NAME = ("Extraordinarily long-winded structured peer consultation format " * 2)[:92].strip()
OUTCOMES = sorted(p.stem for p in (REPO / "outcomes").glob("*.yml"))


def sentence(n: int) -> str:
    """A 400-character sentence (the longest a field may hold), different for each `n`."""
    return f"Step {n}: {WORDS}"[:399].rsplit(" ", 1)[0] + "."


def longest_format() -> str:
    data = yaml.safe_load((REPO / "formats" / "troika-consulting.yml").read_text())
    steps = [
        {"step": f"Part {n} " + ("of the long consultation round " * 4)[:88], "minutes": 5}
        for n in range(1, 21)
    ]
    for n, step in enumerate(steps, start=1):
        step["detail"] = sentence(n)
    data |= {
        "name": LONG_NAME,
        "summary": sentence(0),
        "session_minutes": 100,
        "roles": [{"name": f"Role {n} " + "x" * 80, "does": sentence(n)} for n in range(12)],
        "agenda": steps,
        "outcomes": {
            "primary": ["problem-solving"],
            "secondary": [o for o in OUTCOMES if o != "problem-solving"],
        },
        "related": [],
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("deck") / "hub")
    (root / "formats" / "longest-format.yml").write_text(longest_format())
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PEERHUB_SITE_URL", SITE_URL)
        env.setenv("SOURCE_DATE_EPOCH", "1800000000")
        assert main(["build", "--cards", "--root", str(root)]) == 0
    return root


def outline(card: Card) -> str:
    """One line per card: which format, which card, and what each side holds."""

    def side(content: object) -> str:
        if isinstance(content, deck.Front):
            qr = "QR" if content.qr else "no QR"
            facts = "; ".join(f"{k} {v}" for k, v in content.facts)
            return f"front: {content.summary[:24]}...; {facts}; {content.shown_url} ({qr})"
        if not content:
            return "notes"
        return " / ".join(_section(s) for s in content)

    head = f"{card.slug} {card.number}/{card.count} {card.name!r}"
    return f"{head} | {side(card.front)} | {side(card.back)}"


def _section(section: Section) -> str:
    more = " (continued)" if section.continued else ""
    items = (f"{i.title} {i.when}".strip() for i in section.items)
    return f"{section.heading}{more}: " + ", ".join(items)


def test_the_real_deck_matches_the_reviewed_golden(hub: Site) -> None:
    lines = [outline(card) for card in cards(hub, SITE_URL)]
    golden("deck.txt", "\n".join(lines) + "\n")


def test_backs_sit_in_mirrored_slots_so_a_long_edge_flip_pairs_them() -> None:
    one = Card("a", "A", 1, 1, (), ())
    layout = [
        ([s for s, _ in sheet.fronts], [s for s, _ in sheet.backs]) for sheet in sheets([one] * 7)
    ]
    assert layout == [([1, 2, 3, 4], [2, 1, 4, 3]), ([1, 2, 3], [2, 1, 4])]


@pytest.mark.parametrize(
    ("site_url", "shown"),
    [
        ("https://hub.example.org/", "hub.example.org/formats/troika-consulting/"),
        ("https://hub.example.org/peer", "hub.example.org/peer/formats/troika-consulting/"),
        ("http://intranet.local/hub/", "intranet.local/hub/formats/troika-consulting/"),
        ("", ""),  # no site URL: no address to print or scan
        ("/hub/", ""),
    ],
)
def test_a_front_prints_and_encodes_its_format_page_under_the_site_url(
    hub: Site, site_url: str, shown: str
) -> None:
    (card,) = [c for c in cards(hub, site_url) if c.slug == "troika-consulting"]
    assert card.name == "Troika consulting"
    assert isinstance(card.front, deck.Front)
    assert card.front.summary.startswith("Three peers take turns as client and consultants")
    assert card.front.shown_url == shown
    scheme = site_url.split("://", maxsplit=1)[0]
    assert card.front.qr == (qr_svg(f"{scheme}://{shown}") if shown else None)


def test_a_short_address_still_gets_a_full_size_qr_code() -> None:
    """A micro QR code would hold an address this short, but many phone cameras cannot
    read one: the deck always makes the full kind."""
    svg = BeautifulSoup(qr_svg("http://a/"), "html.parser").svg
    modules = int(svg["viewbox"].split()[2]) - 4  # less the border of two on each side
    assert modules >= 21  # the smallest full QR code; a micro one has 11 to 17


def test_a_format_on_three_sides_gets_a_second_card_with_a_blank_back(tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub")
    data = yaml.safe_load((REPO / "formats" / "troika-consulting.yml").read_text())
    data |= {
        "name": "Three-sided format",
        "session_minutes": 30,
        "agenda": [
            {"step": f"Step {n}", "minutes": 10, "detail": sentence(n)} for n in range(1, 4)
        ],
        "related": [],
        "references": [{"title": "A book", "author": "An author", "year": 2001}],
    }
    (root / "formats" / "three-sided.yml").write_text(yaml.safe_dump(data, sort_keys=False))
    mine = [c for c in cards(load_site(root), SITE_URL) if c.slug == "three-sided"]
    # Roles take 1.5 + 2.25 + 3.25 + 2.25 lines and each step 8.25 (plus 1.5 for the
    # agenda's heading): one step fits beside the roles, the other two go on the next
    # side with the references (1.5 + 1.25: "An author (2001)", "A book" is one line).
    # Front and two sides: two cards, the second with a blank back.
    assert [(c.number, c.count) for c in mine] == [(1, 2), (2, 2)]
    assert [len(s.items) for s in mine[0].back] == [3, 1]
    assert [(s.heading, len(s.items)) for s in mine[1].front] == [
        ("Agenda, 30 minutes", 2),
        ("References", 1),
    ]
    assert mine[1].back == ()


def test_a_long_format_goes_on_to_more_cards_and_loses_nothing(built: Path) -> None:
    hub = load_site(built)
    mine = [c for c in cards(hub, SITE_URL) if c.slug == "longest-format"]
    assert [(c.number, c.count) for c in mine] == [(n, len(mine)) for n in range(1, len(mine) + 1)]
    assert len(mine) >= 4  # 32 items of 10 lines each cannot fit on fewer sides
    assert isinstance(mine[0].front, deck.Front)
    sides = [mine[0].back] + [side for card in mine[1:] for side in (card.front, card.back)]
    placed = [(s.heading, i.title) for side in sides for s in side for i in s.items]
    fmt = hub.formats["longest-format"]
    assert placed == [("Roles", r.name) for r in fmt.roles] + [
        ("Agenda, 100 minutes", a.step) for a in fmt.agenda
    ] + [("References", f"{r.author} ({r.year})" if r.year else r.author) for r in fmt.references]
    for side in sides:
        lines = sum(1.5 + sum(i.lines for i in s.items) for s in side)
        assert lines <= SIDE_LINES, side
    # A side that opens inside a section says it is continued; the first of each does not.
    openers = [side[0] for side in sides if side]
    assert [s.continued for s in openers][:1] == [False]
    assert all(s.continued for s in openers[1:] if s.heading == "Roles")


def test_the_page_shows_every_format_with_a_qr_code_of_its_absolute_address(
    built: Path,
) -> None:
    hub = load_site(built)
    html = soup(built / "site" / "formats" / "cards" / "index.html")
    fronts = html.select(".ph-deck-card--front")
    firsts = {f["data-card"].split("/")[0]: f for f in fronts if "/1/" in f["data-card"]}
    assert list(firsts) == list(hub.formats)
    for slug, fmt in hub.formats.items():
        front = firsts[slug]
        name = front.select_one(".ph-deck-card__name").get_text(" ", strip=True)
        assert re.fullmatch(rf"{re.escape(fmt.name)}( card 1 of [2-9])?", name), name
        url = f"{SITE_URL}formats/{slug}/"
        assert str(front.select_one("svg.ph-qr")) == str(soup_of(qr_svg(url)).svg)
        assert front.select_one("svg.ph-qr")["aria-label"].endswith(url)
        assert front.select_one(".ph-deck-card__link p").get_text() == url.split("://")[1]
    backs = html.select(".ph-deck-card--back")
    assert len(backs) == len(fronts)
    index = soup(built / "site" / "formats" / "index.html")
    links = [a["href"] for a in index.select(".ph-deck-link a")]
    assert links == ["cards/", "cards.pdf", "cards-letter.pdf"]
    for href in links:
        assert (built / "site" / "formats" / href.replace("cards/", "cards/index.html")).is_file()


def soup_of(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


@needs_chromium
@pytest.mark.parametrize(
    ("paper", "points"), [("cards.pdf", (595, 842)), ("cards-letter.pdf", (612, 792))]
)
def test_the_pdfs_hold_every_format_on_the_right_paper(
    built: Path, paper: str, points: tuple[int, int]
) -> None:
    hub = load_site(built)
    count = len(cards(hub, SITE_URL))
    reader = PdfReader(built / "site" / "formats" / paper)
    assert len(reader.pages) == 2 * math.ceil(count / 4)  # a sheet of fronts, one of backs
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == points
    words = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for fmt in hub.formats.values():
        assert fmt.name in words, fmt.name
        assert fmt.agenda[-1].step[:40] in words, fmt.name  # backs reach the last step


@needs_chromium
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_card_overflows_and_each_back_lies_behind_its_front(
    built: Path, browser: object, paper: str
) -> None:
    tab = browser.new_page()
    tab.emulate_media(media="print")
    tab.goto(f"{(built / 'site' / 'formats' / 'cards' / 'index.html').as_uri()}#{paper}")
    boxes = tab.evaluate(
        """() => [...document.querySelectorAll('.ph-deck-card')].map(card => {
          const box = card.getBoundingClientRect(), style = getComputedStyle(card);
          const inner = {left: box.left + parseFloat(style.paddingLeft),
                         right: box.right - parseFloat(style.paddingRight),
                         top: box.top + parseFloat(style.paddingTop),
                         bottom: box.bottom - parseFloat(style.paddingBottom)};
          const out = [...card.querySelectorAll('*')].map(e => [e, e.getBoundingClientRect()])
            .filter(([e, r]) => r.width && r.height && (
              r.left < inner.left - 0.5 || r.right > inner.right + 0.5 ||
              r.top < inner.top - 0.5 || r.bottom > inner.bottom + 0.5))
            .map(([e]) => e.tagName + ' ' + e.textContent.slice(0, 40));
          const sheet = card.closest('.ph-deck-sheet').getBoundingClientRect();
          return {card: card.dataset.card, out, left: box.left - sheet.left,
                  right: sheet.right - box.right, top: box.top - sheet.top,
                  width: box.width, height: box.height, sheetWidth: sheet.width};
        })"""
    )
    tab.close()
    assert [(b["card"], b["out"]) for b in boxes if b["out"]] == []
    mm = 96 / 25.4
    sheet_width = {"a4": 210, "letter": 215.9}[paper]
    by_card = {b["card"]: b for b in boxes}
    for name, front in by_card.items():
        assert (round(front["width"] / mm), round(front["height"] / mm)) == (95, 130)
        assert round(front["sheetWidth"] / mm, 1) == sheet_width
        if name.endswith("/front"):
            back = by_card[name.replace("/front", "/back")]
            assert abs(front["left"] - back["right"]) < 1  # mirrored across the long edge
            assert abs(front["top"] - back["top"]) < 1


@needs_chromium
def test_the_page_says_which_paper_it_is_laid_out_for(built: Path, browser: object) -> None:
    tab = browser.new_page()
    page = (built / "site" / "formats" / "cards" / "index.html").as_uri()
    said = []
    for fragment in ("", "#a4", "#letter"):
        tab.goto(page + fragment)
        said.append(tab.locator(".ph-deck__chosen").inner_text())
    tab.close()
    a4, letter = "The page is laid out for A4 paper.", "The page is laid out for US Letter paper."
    assert said == [a4, a4, letter]


def test_a_deck_that_cannot_be_printed_leaves_the_old_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path / "hub")
    assert main(["build", "--root", str(root)]) == 0
    before = (root / "site" / "index.html").read_bytes()
    (root / "site" / "marker.txt").write_text("the published site")

    def broken(url: str, target: Path, **_: object) -> None:
        target.write_bytes(b"%PDF-1.7 half")  # as if Chromium died half-way
        raise RuntimeError(f"Chromium could not print {url}")

    monkeypatch.setattr(deck, "print_to_pdf", broken)
    assert main(["build", "--cards", "--root", str(root)]) == 1
    assert (root / "site" / "marker.txt").read_text() == "the published site"
    assert (root / "site" / "index.html").read_bytes() == before
    assert not list((root / "site" / "formats").glob("*.pdf"))
    assert not re.search(r"\.site-", " ".join(p.name for p in root.iterdir()))


def lines_long(lines: int) -> deck.Item:
    """An item that takes exactly `lines` lines of LINE_CHARS characters (plus its gap)."""
    return deck.Item("T", "x" * (deck.LINE_CHARS * lines - 3))


def test_a_side_is_filled_to_its_last_line_and_headings_count() -> None:
    assert SIDE_LINES == 27  # the arithmetic below is worked out for 27 lines
    # 1.5 (heading) + 20.25 + 5.25 = 27: exactly full, so both stay on one side.
    exact = deck._pages([("A", [lines_long(20), lines_long(5)])])
    assert [[len(s.items) for s in side] for side in exact] == [[2]]
    # A: 1.5 + 10.25 = 11.75; B: 1.5 + 5.25 + 5.25 = 12, leaving 3.25: no room for a third.
    mixed = deck._pages([("A", [lines_long(10)]), ("B", [lines_long(5)] * 3)])
    assert [[(s.heading, len(s.items), s.continued) for s in side] for side in mixed] == [
        [("A", 1, False), ("B", 2, False)],
        [("B", 1, True)],
    ]
    # After a break the side opens with the heading again (1.5) and is then filled exactly:
    # 1.5 + 20.25 = 21.75, leaving 5.25 for the last item.
    refilled = deck._pages([("A", [lines_long(20), lines_long(20), lines_long(5)])])
    assert [[len(s.items) for s in side] for side in refilled] == [[1], [2]]
    # A section whose first item does not fit starts afresh on the next side.
    fresh = deck._pages([("A", [lines_long(20)]), ("B", [lines_long(5)])])
    assert [[(s.heading, s.continued) for s in side] for side in fresh] == [
        [("A", False)],
        [("B", False)],
    ]


def test_cards_printed_for_the_placeholder_address_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Printed QR codes cannot be corrected: cards made without PEERHUB_SITE_URL point
    at mkdocs.yml's placeholder, and the command says so (and how to fix it). What is
    printed is the `built` fixture's concern; here Chromium's printing is stood in for.
    """
    printed: list[str] = []

    def print_to_pdf(url: str, target: Path, **_: object) -> None:
        printed.append(url.rsplit("#", 1)[1])
        target.write_bytes(b"%PDF-1.7")

    monkeypatch.setattr(deck, "print_to_pdf", print_to_pdf)
    root = make_project(tmp_path / "hub")
    monkeypatch.delenv("PEERHUB_SITE_URL", raising=False)
    assert main(["build", "--cards", "--root", str(root)]) == 0
    said = capsys.readouterr().err
    assert "warning: site_url is the placeholder https://peer-group-hub.example.org/" in said
    assert "Set PEERHUB_SITE_URL to the published address" in said
    monkeypatch.setenv("PEERHUB_SITE_URL", SITE_URL)
    assert main(["build", "--cards", "--root", str(root)]) == 0
    assert "placeholder" not in capsys.readouterr().err
    assert printed == [*urls.CARD_PDFS] * 2  # both builds printed both papers

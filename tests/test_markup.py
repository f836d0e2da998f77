"""Contributor Markdown: a small subset, sanitized, and inert for later Markdown passes."""

from __future__ import annotations

import time

from bs4 import BeautifulSoup
from markupsafe import Markup, escape

from peerhub.render.markup import inert, prose, text


def parsed(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(str(prose(markdown)), "html.parser")


def test_subset_renders() -> None:
    html = parsed("Some *emphasis*, **strong** and `code`.\n\n- one\n- two\n\n> quoted")
    assert [t.name for t in html.find_all(True)] == [
        "p",
        "em",
        "strong",
        "code",
        "ul",
        "li",
        "li",
        "blockquote",
        "p",
    ]


def test_raw_html_is_text() -> None:
    html = parsed('<script>alert(1)</script> <b onclick="x()">bold</b>')
    assert html.find_all(True)[0].name == "p"
    assert len(html.find_all(True)) == 1
    assert html.get_text() == '<script>alert(1)</script> <b onclick="x()">bold</b>'


def test_only_https_and_mailto_links_survive() -> None:
    html = parsed(
        "[a](https://example.org) [b](mailto:x@example.org) [c](javascript:alert(1)) "
        "[d](jav&#x61;script:alert(1)) [e](data:text/html,x) [f](//evil.example) "
        "[g](http://example.org) [h](/relative) <https://auto.example>"
    )
    hrefs = [a.get("href") for a in html.find_all("a")]
    assert hrefs == [
        "https://example.org",
        "mailto:x@example.org",
        None,
        None,
        None,
        None,
        None,
        None,
    ]
    assert "<https://auto.example>" in html.get_text()


def test_images_headings_and_reference_links_are_not_rendered() -> None:
    html = parsed("# Title\n\n![img](https://x.example/a.png)\n\n[ref]\n\n[ref]: https://x.example")
    assert not html.find_all(["h1", "img", "a"])


def test_output_is_inert_for_markdown_and_jinja() -> None:
    out = str(prose("{{ 7*7 }} {% if %} *x* [y] `z` | a | ~~b~~"))
    for char in "{}[]|~`":
        assert char not in out.replace("<code>", "").replace("</code>", "")
    assert "\n" not in out
    assert parsed("{{ 7*7 }}").get_text() == "{{ 7*7 }}"


def test_many_brackets_stay_fast() -> None:
    # The time this process spends, not the clock's: other work on the machine (or the
    # suite's other workers) must not make a fast parse look slow.
    start = time.process_time()
    html = parsed("[" * 5000 + "x")
    assert time.process_time() - start < 0.5
    assert html.get_text() == "[" * 5000 + "x"


def test_plain_text_escaping() -> None:
    value = '<a href="x">&amp; {{ x }}'
    assert BeautifulSoup(str(text(value)), "html.parser").get_text() == value
    assert "<a" not in str(text(value))


def test_texts_with_nothing_to_escape_print_as_the_full_escape_would() -> None:
    """`text` skips escaping a number, or a text with nothing to escape; what it prints
    is what escaping and making inert would have printed, for every character."""

    def full(value: object) -> str:
        return inert(str(escape(value)))

    samples: list[object] = [chr(c) for c in range(0x3000)]
    samples += ["a_b", "x" * 40 + "&", "Ana's group", "size 4-10", "1.5", "", " "]
    samples += [0, -3, 2.5, -0.0, float("inf"), float("nan"), 10**20, 1e-9, True]
    assert [str(text(s)) for s in samples] == [full(s) for s in samples]
    assert all(type(text(s)) is Markup for s in samples)

"""A Content-Security-Policy for each built page, as a <meta> tag.

Everything loads from the site itself. Inline scripts are allowed by the SHA-256 of
their exact text, and only when that text is one the theme's own templates emit
(`known_scripts` reads them: the few small scripts Material inlines, which differ by
page depth only). A page with any other inline script is refused: had contributor
text slipped a script into a page, hashing what the page contains would allow it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

__all__ = [
    "BASE_POLICY",
    "KnownScripts",
    "Scan",
    "UnexpectedScript",
    "known_scripts",
    "parse",
    "policy",
    "quick_scan",
    "with_policy",
]

#: A start tag's attributes, quoted values included (they may hold ">").
_ATTRS = r"""(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?"""
_SCRIPT = re.compile(rf"<script(?P<attrs>{_ATTRS})>(?P<body>.*?)</script", re.S | re.I)
_HEAD = re.compile(rf"<head{_ATTRS}>", re.I)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
#: Script types that hold data, not code: the browser never runs them.
_DATA_TYPES = {"application/json", "application/ld+json"}
_JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
#: What a template expression inside a theme script may print: a URL or a word, never
#: a quote, a bracket or white space that could start new code.
_EXPRESSION_VALUE = r"[A-Za-z0-9_./#?=&%:-]*"

BASE_POLICY = (
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


class UnexpectedScript(ValueError):
    """A page holds an inline script that no theme template emits."""


@dataclass
class KnownScripts:
    """The inline scripts the theme can emit, as patterns of their exact text."""

    patterns: list[re.Pattern[str]]
    _hashes: dict[str, str] = field(default_factory=dict, repr=False)

    def hash_of(self, body: str) -> str:
        """`'sha256-…'` for a known script; UnexpectedScript for any other."""
        cached = self._hashes.get(body)
        if cached is None:
            if not any(p.fullmatch(body) for p in self.patterns):
                shown = " ".join(body.split())[:80]
                raise UnexpectedScript(f"an inline script no theme template emits: {shown!r}")
            digest = hashlib.sha256(body.encode("utf-8")).digest()
            cached = self._hashes[body] = f"'sha256-{base64.b64encode(digest).decode()}'"
        return cached


def known_scripts(template_dirs: Iterable[Path]) -> KnownScripts:
    """Patterns for every executable inline script in the theme's templates.

    Literal text must match exactly; each `{{ expression }}` may print a URL-like value.
    Scripts with template logic (`{% %}`) are not allowed inline at all.
    """
    patterns = []
    for directory in template_dirs:
        for template in sorted(Path(directory).rglob("*.html")):
            for body in parse(template.read_text(encoding="utf-8")).inline_scripts:
                if body.strip() and "{%" not in body:
                    parts = _JINJA_EXPRESSION.split(body)
                    pattern = _EXPRESSION_VALUE.join(re.escape(part) for part in parts)
                    patterns.append(re.compile(pattern))
    return KnownScripts(patterns)


@dataclass(frozen=True)
class Scan:
    """What a page's policy depends on: the exact text of each inline script the
    browser would run, and the offset where the `<head>` start tag ends (None: none).
    """

    inline_scripts: tuple[str, ...]
    head_end: int | None


class _Parser(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.head_end: int | None = None
        self._body: list[str] | None = None
        self._html = html

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head" and self.head_end is None:
            line, column = self.getpos()
            # getpos() counts lines by "\n" only, so split the same way.
            start = sum(len(text) + 1 for text in self._html.split("\n")[: line - 1]) + column
            self.head_end = start + len(self.get_starttag_text() or "")
        elif tag == "script":
            self._body = [] if _runs(_first_of_each(attrs)) else None

    def handle_data(self, data: str) -> None:
        if self._body is not None:
            self._body.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._body is not None:
            self.scripts.append("".join(self._body))
            self._body = None


def _runs(attrs: dict[str, str | None]) -> bool:
    """Whether a script element's own text runs (no `src`, not a data type)."""
    return "src" not in attrs and (attrs.get("type") or "").strip().lower() not in _DATA_TYPES


def _first_of_each(attrs: Iterable[tuple[str, str | None]]) -> dict[str, str | None]:
    """Attributes by name; of a repeated one, browsers keep the first."""
    named: dict[str, str | None] = {}
    for name, value in attrs:
        named.setdefault(name.lower(), value)
    return named


def _attributes(text: str) -> dict[str, str | None]:
    return _first_of_each(
        (m.group(1), next((v for v in m.group(2, 3, 4) if v is not None), None))
        for m in _ATTR.finditer(text)
    )


def parse(html: str) -> Scan:
    """`Scan` by Python's HTML parser: the reference, used for the theme's templates
    and, in the tests, to check `quick_scan` on every built page.
    """
    parser = _Parser(html)
    parser.feed(html)
    parser.close()
    return Scan(tuple(parser.scripts), parser.head_end)


def quick_scan(html: str) -> Scan:
    """`Scan` of a page MkDocs rendered, forty times faster than `parse` (0.05 ms a
    page, not 2 ms: 10 s of a 5,000-group build). It reads only start tags of
    `script` and `head` and a script's text up to `</script`, as the parser does.
    """
    scripts = []
    for match in _SCRIPT.finditer(html):
        if _runs(_attributes(match["attrs"])):
            scripts.append(match["body"])
    head = _HEAD.search(html)
    return Scan(tuple(scripts), head.end() if head else None)


def policy(html: str, known: KnownScripts) -> str:
    """The policy for one page: the base policy plus hashes of its (known) inline scripts."""
    return _policy(quick_scan(html), known)


def _policy(scan: Scan, known: KnownScripts) -> str:
    hashes = {known.hash_of(body) for body in scan.inline_scripts}
    scripts = " ".join(["script-src 'self'", *sorted(hashes)])
    return "; ".join([BASE_POLICY[0], scripts, *BASE_POLICY[1:]])


def with_policy(html: str, known: KnownScripts) -> str:
    """The page with its policy as the first element of <head>."""
    scan = quick_scan(html)
    if scan.head_end is None:
        raise UnexpectedScript("the page has no <head> to carry its security policy")
    tag = f'<meta http-equiv="Content-Security-Policy" content="{_policy(scan, known)}">'
    return html[: scan.head_end] + tag + html[scan.head_end :]

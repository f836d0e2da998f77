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
from pathlib import Path

_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
_DATA_ONLY = re.compile(r"""\btype=["']?application/(ld\+)?json["']?""", re.I)
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
    Scripts with template logic (`{% %}`) are not allowed inline at all."""
    patterns = []
    for directory in template_dirs:
        for template in sorted(Path(directory).rglob("*.html")):
            text = template.read_text(encoding="utf-8")
            for match in _SCRIPT.finditer(text):
                body = match.group("body")
                if _executable(match.group("attrs")) and body.strip() and "{%" not in body:
                    parts = _JINJA_EXPRESSION.split(body)
                    pattern = _EXPRESSION_VALUE.join(re.escape(part) for part in parts)
                    patterns.append(re.compile(pattern))
    return KnownScripts(patterns)


def _executable(attrs: str) -> bool:
    return "src=" not in attrs and not _DATA_ONLY.search(attrs)


def policy(html: str, known: KnownScripts) -> str:
    """The policy for one page: the base policy plus hashes of its (known) inline scripts."""
    hashes = {
        known.hash_of(m.group("body"))
        for m in _SCRIPT.finditer(html)
        if _executable(m.group("attrs"))
    }
    scripts = " ".join(["script-src 'self'", *sorted(hashes)])
    return "; ".join([BASE_POLICY[0], scripts, *BASE_POLICY[1:]])


def with_policy(html: str, known: KnownScripts) -> str:
    """The page with its policy as the first element of <head>."""
    head = _HEAD.search(html)
    if head is None:
        raise UnexpectedScript("the page has no <head> to carry its security policy")
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, known)}">'
    return html[: head.end()] + tag + html[head.end() :]

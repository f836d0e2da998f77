"""Safe HTML from contributor text.

Contributor prose is rendered with a small Markdown subset (paragraphs, emphasis,
links, lists, inline code) with raw HTML switched off, then sanitized by an
allowlist (nh3). Links survive only as https: or mailto:. Finally, `inert` turns
the characters Markdown and Jinja react to into character references, so the
HTML stays literal even when MkDocs runs the page through Markdown again.
"""

from __future__ import annotations

import html as html_module
import re

import markdown
import nh3
from markupsafe import Markup, escape

__all__ = ["ALLOWED_ATTRIBUTES", "ALLOWED_TAGS", "MAX_BRACKETS", "inert", "plain", "prose", "text"]

ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "br", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
_SAFE_HREF = re.compile(r"^(https://[^/\s]|mailto:[^\s@]+@)", re.IGNORECASE)
# Characters that Markdown (with the hub's extensions) or Jinja act on inside a line of
# text. Line-start syntax (`-`, `+`, `1.`, `>`) cannot occur: contributor text is
# one line (names, sentences) or collapsed onto one line (prose) behind a tag.
_INERT_CHARACTERS = "\\`*_{}[]!|#~^"
_INERT = {ord(c): f"&#{ord(c)};" for c in _INERT_CHARACTERS}
# A text with none of these (HTML's and Markdown's) is printed as it is.
_ACTIVE = re.compile("[" + re.escape("&<>'\"" + _INERT_CHARACTERS) + "]")
# Tags and character references are kept as they are; only text between them changes.
_TAG = re.compile(r"(<[^>]*>|&#?[A-Za-z0-9]+;)")
# Python-Markdown slows quadratically on many unmatched "[": past this many, no links.
MAX_BRACKETS = 64


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.deregister("automail")
    md.inlinePatterns.deregister("autolink")
    # Reference definitions ("[x]: url") would let text define links by surprise.
    md.parser.blockprocessors.deregister("reference")
    md.inlinePatterns.deregister("reference")
    md.inlinePatterns.deregister("short_reference")
    md.inlinePatterns.deregister("image_link")
    md.inlinePatterns.deregister("image_reference")
    md.inlinePatterns.deregister("short_image_ref")
    for block in ("hashheader", "setextheader", "hr", "code"):
        md.parser.blockprocessors.deregister(block)
    return md


_MD = _markdown()


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    if tag == "a" and name == "href":
        return value if _SAFE_HREF.match(value) else None
    return value


def prose(text: str | None) -> Markup:
    """Render contributor Markdown to sanitized, Markdown-inert HTML."""
    if not text:
        return Markup("")
    if text.count("[") > MAX_BRACKETS:
        text = text.replace("[", "\\[")
    html = _MD.reset().convert(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "mailto"},
        attribute_filter=_keep_attribute,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
    return Markup(inert(clean.replace("\n", " ")))  # noqa: S704 - sanitized by nh3 above


def inert(html: str) -> str:
    """Escape Markdown/Jinja syntax in the text parts of HTML (tags are left alone)."""
    parts = _TAG.split(html)
    return "".join(p if i % 2 else p.translate(_INERT) for i, p in enumerate(parts))


def text(value: object) -> Markup:
    """Escape plain contributor text for HTML, and make it inert for Markdown. Most
    texts and every number have nothing to escape: they skip the work (a group page
    prints hundreds of values).
    """
    kind = type(value)
    if kind is int or kind is float:
        return Markup(str(value))  # noqa: S704 - digits, a sign, a point, "e", "inf", "nan"
    if kind is str and not _ACTIVE.search(value):  # type: ignore[arg-type]
        return Markup(value)  # noqa: S704 - nothing in it to escape
    return Markup(inert(str(escape(value))))  # noqa: S704 - escaped just now


def plain(text: str) -> str:
    """Contributor Markdown as plain words (for search): emphasis marks and links gone."""
    html = _MD.reset().convert(text)
    return " ".join(html_module.unescape(nh3.clean(html, tags=set())).split())

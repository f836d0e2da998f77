"""Reusable field types for the content models, each with one friendly rule.

Values arrive as the strings the YAML file holds; these types decide what is
acceptable and say so in words a contributor can act on.
"""

from __future__ import annotations

import re
import secrets
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

__all__ = [
    "NAME_MAX",
    "OPAQUE_ALPHABET",
    "OPAQUE_LENGTH",
    "SLUG_PATTERN",
    "Count",
    "Email",
    "Name",
    "OpaqueId",
    "OptionalProse",
    "Prose",
    "Sentence",
    "Slug",
    "Url",
    "YesNo",
    "first_hidden_character",
    "is_slug",
    "new_opaque_id",
]

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
# Invisible or direction-changing characters that can disguise text.
_SNEAKY = {
    *range(0x200B, 0x2010),  # zero-width space/joiners, LRM, RLM
    *range(0x202A, 0x202F),  # bidi embeddings and overrides
    *range(0x2060, 0x2065),  # word joiner and invisible operators
    *range(0x2066, 0x206A),  # bidi isolates
    0xFEFF,
    0x00AD,
}


_SNEAKY_CLASS = "".join(f"\\u{c:04x}" for c in sorted(_SNEAKY))
# C0/C1 controls, lone surrogates and the non-characters XML 1.0 forbids or discourages
# (U+FDD0-U+FDEF, and the last two code points of every plane).
_CONTROL = (
    "\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufdd0-\\ufdef\\ufffe\\uffff"
    + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 17))
)
_BAD_IN_LINE = re.compile(f"[{_SNEAKY_CLASS}{_CONTROL}\\t\\n]")
_BAD_IN_TEXT = re.compile(f"[{_SNEAKY_CLASS}{_CONTROL}]")


def _refuse(found: re.Match[str] | None, kind: str, message: str) -> None:
    """Raise `message` about the character `found` (if any), naming it and where it is."""
    if found:
        where = {"char": f"U+{ord(found.group()):04X}", "index": found.start() + 1}
        raise PydanticCustomError(kind, message, where)


def first_hidden_character(value: str, *, multiline: bool) -> re.Match[str] | None:
    """The first invisible or control character in `value`, which text fields refuse
    (tabs and line breaks only in one-line fields).
    """
    return (_BAD_IN_TEXT if multiline else _BAD_IN_LINE).search(value)


def _clean_text(value: str, *, multiline: bool) -> str:
    # Every character refused below is one Unicode calls unprintable (a control, format,
    # surrogate, unassigned or separator character), so text Python calls printable
    # (nearly all of it) skips the search; a newline or tab makes prose take it.
    if value.isprintable():
        return value.strip()
    _refuse(
        first_hidden_character(value, multiline=multiline),
        "hidden_character",
        "contains an invisible or control character ({char}) at character "
        "{index}; delete it and type the text again",
    )
    return value.strip()


#: Characters YAML and many editors take for line breaks, besides CR and LF: next line
#: (U+0085), line separator (U+2028) and paragraph separator (U+2029). Python's strip()
#: removes them, so they are looked for before it.
_OTHER_BREAKS = re.compile("[\x85\u2028\u2029]")


def _single_line(value: str) -> str:
    if "\n" in value.strip():
        raise PydanticCustomError("single_line", "must fit on one line")
    _refuse(
        _OTHER_BREAKS.search(value),
        "single_line",
        "must fit on one line, but contains a line break character ({char}) at "
        "character {index}; delete it",
    )
    return _clean_text(value.strip(), multiline=False)


def _multi_line(value: str) -> str:
    return _clean_text(value, multiline=True)


def _not_blank(value: str) -> str:
    if not value:
        raise PydanticCustomError("blank", "must not be empty")
    return value


NAME_MAX = 100
Name = Annotated[
    str, Field(max_length=NAME_MAX), AfterValidator(_single_line), AfterValidator(_not_blank)
]
"""A short name on one line (at most 100 characters)."""

Sentence = Annotated[
    str, Field(max_length=400), AfterValidator(_single_line), AfterValidator(_not_blank)
]
"""One or two sentences on one line (at most 400 characters)."""

Prose = Annotated[
    str, Field(max_length=5000), AfterValidator(_multi_line), AfterValidator(_not_blank)
]
"""Paragraphs with a small Markdown subset: emphasis, links, lists, inline code."""


def _blank_is_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


OptionalProse = Annotated[Prose | None, BeforeValidator(_blank_is_none)]
"""Like Prose, but may be left empty (an empty `story: |` block means "not written yet")."""

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=60)]
"""Lower-case words joined by hyphens, such as `troika-consulting`."""


#: Letters and digits that cannot be mistaken for each other (no 0/o, 1/l/i).
OPAQUE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
OPAQUE_LENGTH = 12


def _opaque_id(value: str) -> str:
    value = value.strip()
    digits = sum(c.isdigit() for c in value)
    if not re.fullmatch(r"[a-z0-9]{10,20}", value) or digits < 2 or len(value) - digits < 2:
        raise PydanticCustomError(
            "opaque_id",
            "expected 10 to 20 random lower-case letters and digits (at least two of each), "
            "such as '{example}'; got '{value}'",
            {"example": new_opaque_id(), "value": value[:40]},
        )
    return value


def new_opaque_id() -> str:
    """A fresh random id for an anonymous group's address (never derived from its content)."""
    while True:
        value = "".join(secrets.choice(OPAQUE_ALPHABET) for _ in range(OPAQUE_LENGTH))
        digits = sum(c.isdigit() for c in value)
        if 2 <= digits <= OPAQUE_LENGTH - 2:
            return value


OpaqueId = Annotated[str, AfterValidator(_opaque_id)]
"""Random letters and digits that say nothing about what they name."""


def is_slug(text: str) -> bool:
    """Whether `text` is lower-case words joined by hyphens, as file names must be."""
    return len(text) <= 60 and bool(_SLUG.fullmatch(text))


_DIGITS = re.compile(r"[0-9]+")  # compiled once: tens of thousands of calls per build


def _whole_number(value: object) -> object:
    if isinstance(value, str) and not _DIGITS.fullmatch(value.strip()):
        raise PydanticCustomError(
            "whole_number", "expected a whole number such as 8, got '{value}'", {"value": value}
        )
    return value


def Count(low: int, high: int) -> object:  # noqa: N802 - used as a type: Count(1, 60)
    """A whole number from `low` to `high` (YAML text '8' is accepted, '19:30' is not)."""
    # The bounds come first, so the JSON Schema states them as minimum and maximum (after a
    # validator, pydantic can only write them as keys no JSON Schema tool reads).
    return Annotated[int, Field(ge=low, le=high), BeforeValidator(_whole_number)]


def _true_false(value: object) -> object:
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"true", "false"}:
            return lowered == "true"
        raise PydanticCustomError(
            "true_false", "write true or false, got '{value}'", {"value": value}
        )
    return value


YesNo = Annotated[bool, BeforeValidator(_true_false)]
"""`true` or `false` (YAML 1.1 words such as `yes`, `on` or `NO` are refused)."""


def _safe_url(value: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme == "mailto" and "@" in parts.path and not re.search(r"[\s<>\"]", value):
        return value
    if parts.scheme == "https" and parts.hostname and not re.search(r"[\s<>\"\\]", value):
        return value
    raise PydanticCustomError(
        "safe_url",
        "links must start with https:// (or mailto: for e-mail), got '{value}'",
        {"value": value[:80]},
    )


Url = Annotated[str, Field(max_length=500), AfterValidator(_single_line), AfterValidator(_safe_url)]
"""An `https://` address, or `mailto:` for e-mail."""


def _email(value: str) -> str:
    value = value.strip()
    if not re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}", value):
        raise PydanticCustomError(
            "email",
            "expected an e-mail address such as name@example.org, got '{value}'",
            {"value": value[:80]},
        )
    return value


Email = Annotated[str, Field(max_length=200), AfterValidator(_single_line), AfterValidator(_email)]
"""An e-mail address."""

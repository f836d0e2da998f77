"""Located problems in content files, formatted the way editors and CI parse them.

Every check in the hub reports through :class:`Problem`, so the CLI, the MkDocs
build and the tests all print exactly the same `PATH:LINE:COLUMN: error: FIELD: message`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "FILE_FIELD",
    "SYNTAX_FIELD",
    "ContentError",
    "Finding",
    "PathKey",
    "Problem",
    "dotted",
    "one_line",
    "suggest",
]

Severity = Literal["error", "warning"]
#: Where in a document: keys and list indexes (from 0), outermost first.
PathKey = tuple[str | int, ...]
#: A rule's finding before it is located in a file: (where, message, severity).
Finding = tuple[PathKey, str, str]

#: FIELD used when a problem concerns the whole file rather than one key.
FILE_FIELD = "(file)"
#: FIELD used when the YAML itself cannot be read.
SYNTAX_FIELD = "(yaml)"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file (line and column count from 1)."""

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        path, field, message = (one_line(t) for t in (self.path, self.field, self.message))
        return f"{path}:{self.line}:{self.column}: {self.severity}: {field}: {message}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (shown on the PR diff)."""
        message = _escape_data(one_line(f"{self.field}: {self.message}"))
        props = ",".join(
            f"{key}={_escape_property(one_line(str(value)))}"
            for key, value in (
                ("file", self.path),
                ("line", self.line),
                ("col", self.column),
                ("title", self.field),
            )
        )
        return f"::{self.severity} {props}::{message}"


def one_line(text: str) -> str:
    r"""Control characters (a newline in a YAML key, say) shown escaped, as `\n`.

    Error lines are read one per line by editors and by GitHub, which would take a
    line starting with `::` from contributor text as a workflow command.
    """
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class ContentError(Exception):
    """Raised when content has errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def dotted(loc: PathKey) -> str:
    """`('agenda', 2, 'minutes')` → `agenda[3].minutes` (items count from 1, like people do)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else part
    return out


def suggest(word: str, choices: Iterable[str]) -> str:
    """A "did you mean" hint, or nothing when no choice is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""

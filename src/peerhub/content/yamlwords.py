"""Parser errors said in plain words, pointing where a contributor can fix them.

libyaml's messages ("did not find expected key", "found character that cannot start
any token") name the parser's state, not the mistake; these name the usual mistakes
behind them (a misaligned line, a tab, an unquoted ': ', an unclosed quote).
"""

from __future__ import annotations

import yaml

__all__ = [
    "indentation_message",
    "line_column",
    "refused_character",
    "syntax_message",
    "unclosed_quote",
]

Position = tuple[int, int]


def refused_character(text: str, exc: yaml.reader.ReaderError) -> tuple[int, int, str]:
    """Line, column and message for a character YAML does not allow in `text`."""
    # libyaml reports the character as a number, the pure-Python reader as a str.
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    message = f"the file contains a control character (U+{code:04X}) that YAML does not allow"
    return (*line_column(text, exc.position), message + "; delete it")


def line_column(text: str, index: int) -> Position:
    """The 1-based line and column of character `index` of `text`."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def indentation_message(lines: list[str], line: int, exc: yaml.MarkedYAMLError) -> str | None:
    """The parser's "did not find expected key" in plain words, when line `line` starts
    at a column that lines up with nothing above it (the usual cause).
    """
    if exc.problem not in {"did not find expected key", "did not find expected '-' indicator"}:
        return None
    if not 0 < line <= len(lines) or not lines[line - 1].strip():
        return None
    here = lines[line - 1]
    above = [t for t in lines[: line - 1] if t.strip() and not t.lstrip().startswith("#")]
    column = len(here) - len(here.lstrip(" ")) + 1
    if not above:
        return None
    last = above[-1]
    last_column = len(last) - len(last.lstrip(" ")) + 1
    if here.lstrip().startswith("-") and last.lstrip().startswith("-") and column < last_column:
        return (
            f"this list item starts at column {column}, left of the item above it (column "
            f"{last_column}); start every '- ' of one list at the same column"
        )
    if any(len(t) - len(t.lstrip(" ")) + 1 == column for t in above):
        return None
    return (
        f"this line starts at column {column}, which lines up with no line above it; "
        "start it where the other fields of its block start (top-level fields at column 1)"
    )


def unclosed_quote(exc: yaml.MarkedYAMLError) -> bool:
    """Whether the parser ran to the end of the file inside a quoted text."""
    return "quoted scalar" in (exc.context or "") and "end of stream" in (exc.problem or "")


def syntax_message(exc: yaml.MarkedYAMLError, *, at_tab: bool) -> str:
    """The parser's complaint in plain words; `at_tab`: it points at a tab character."""
    problem = exc.problem or "the file is not valid YAML"
    if unclosed_quote(exc):
        return "a quote is opened and never closed; end the text with the same quote mark"
    if at_tab:
        return "invalid YAML: a tab character is not allowed here; indent with spaces"
    if problem.startswith("mapping values are not allowed"):
        return "invalid YAML: unexpected ':'; put text that contains ': ' in quotes"
    if exc.context:
        problem = f"{exc.context}: {problem}"
    return f"invalid YAML: {problem}"

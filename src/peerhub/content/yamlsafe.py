"""A strict YAML reader for untrusted content files.

Builds plain data straight from the parser's event stream, so nothing in a file
can construct objects, expand aliases or re-type values. It rejects tags,
anchors and aliases, duplicate keys, non-string keys, several documents, deep
nesting and files over a size cap. Scalars stay strings exactly as written
(``NO`` stays "NO", ``19:30`` stays "19:30"); the models give them types. An
empty value or ``null``/``~`` becomes None. Every key and value keeps its
position, so later checks can point at the exact line and column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from peerhub.content.problems import FILE_FIELD, SYNTAX_FIELD, PathKey, Problem, dotted

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Document",
    "Position",
    "YamlProblem",
    "load_bytes",
    "load_file",
    "refused_character",
]

MAX_BYTES = 64 * 1024
MAX_DEPTH = 12
_NULLS = {"", "~", "null", "Null", "NULL"}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Position = tuple[int, int]


@dataclass
class Document:
    """Data read from one file, with the position of every key and value in it."""

    path: str
    data: dict[str, Any]
    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)

    def where(self, loc: PathKey) -> Position:
        """Best place to point at for `loc`: the key of a list or mapping, else the value."""
        value: Any = self.data
        for part in loc:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return self.position(loc)
        return self.position(loc, key=isinstance(value, dict | list) and loc in self.keys)

    def only(self, *fields: str) -> Document:
        """Just the top-level `fields`, lists emptied: what `where` needs, in little memory."""
        data = {k: self.data[k] for k in fields if k in self.data}
        kept = {(k,) for k in data} | {()}
        return Document(
            self.path,
            {k: type(v)() if isinstance(v, dict | list) else v for k, v in data.items()},
            {loc: at for loc, at in self.values.items() if loc in kept},
            {loc: at for loc, at in self.keys.items() if loc in kept},
        )

    def position(self, loc: PathKey, *, key: bool = False) -> Position:
        """Where `loc` is written; falls back to its nearest written ancestor."""
        table = self.keys if key else self.values
        while loc:
            if loc in table:
                return table[loc]
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))


class YamlProblem(Exception):
    """The file cannot be read as content; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def load_file(path: Path, display: str) -> Document:
    """Read `path` as one YAML mapping; `display` is the name used in messages."""
    return load_bytes(path.read_bytes(), display)


def load_bytes(raw: bytes, display: str) -> Document:
    """Read one YAML mapping from bytes; raise :class:`YamlProblem` when impossible."""

    def fail(line: int, column: int, message: str, fld: str = SYNTAX_FIELD) -> YamlProblem:
        return YamlProblem(Problem(display, line, column, fld, message))

    if len(raw) > MAX_BYTES:
        raise fail(1, 1, f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}", FILE_FIELD)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(line, column, "file is not UTF-8 text; save it with UTF-8 encoding") from None
    # A leading byte-order mark needs no handling: the parser skips it.
    if "\x00" in text:
        line, column = _line_column(text, text.index("\x00"))
        raise fail(line, column, "file contains a NUL character; is it really a text file?")
    builder = _Builder(display)
    try:
        data = builder.build(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote is found at the end of the file: point at where it opened.
        mark = (exc.context_mark if _unclosed_quote(exc) else None) or exc.problem_mark
        mark = mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
        message = _indentation(text.splitlines(), line, exc) or _syntax_message(exc, at_tab=at_tab)
        raise fail(line, column, message) from None
    except yaml.reader.ReaderError as exc:  # characters YAML does not allow in a file
        raise fail(*refused_character(text, exc)) from None
    return Document(display, data, builder.values, builder.keys)


def refused_character(text: str, exc: yaml.reader.ReaderError) -> tuple[int, int, str]:
    """Line, column and message for a character YAML does not allow in `text`."""
    # libyaml reports the character as a number, the pure-Python reader as a str.
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    message = f"the file contains a control character (U+{code:04X}) that YAML does not allow"
    return (*_line_column(text, exc.position), message + "; delete it")


def _line_column(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _indentation(lines: list[str], line: int, exc: yaml.MarkedYAMLError) -> str | None:
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


def _unclosed_quote(exc: yaml.MarkedYAMLError) -> bool:
    return "quoted scalar" in (exc.context or "") and "end of stream" in (exc.problem or "")


def _syntax_message(exc: yaml.MarkedYAMLError, *, at_tab: bool) -> str:
    problem = exc.problem or "the file is not valid YAML"
    if _unclosed_quote(exc):
        return "a quote is opened and never closed; end the text with the same quote mark"
    if at_tab:
        return "invalid YAML: a tab character is not allowed here; indent with spaces"
    if problem.startswith("mapping values are not allowed"):
        return "invalid YAML: unexpected ':'; put text that contains ': ' in quotes"
    if exc.context:
        problem = f"{exc.context}: {problem}"
    return f"invalid YAML: {problem}"


class _Builder:
    """Turns parser events into plain dicts, lists, strings and None."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.values: dict[PathKey, Position] = {}
        self.keys: dict[PathKey, Position] = {}

    def build(self, events: Iterator[yaml.Event]) -> dict[str, Any]:
        stream = iter(events)
        next(stream)  # StreamStartEvent
        event = next(stream)
        if isinstance(event, yaml.StreamEndEvent):
            raise YamlProblem(
                Problem(
                    self.display,
                    1,
                    1,
                    FILE_FIELD,
                    "the file is empty; it should hold fields such as 'name:'",
                )
            )
        data = self._node(stream, next(stream), (), 0)
        next(stream)  # DocumentEndEvent
        event = next(stream)
        if not isinstance(event, yaml.StreamEndEvent):
            raise self._error(
                event, "only one document is allowed; remove the extra '---' line", FILE_FIELD
            )
        if not isinstance(data, dict):
            kind = "a list" if isinstance(data, list) else "a single value"
            raise YamlProblem(
                Problem(
                    self.display,
                    1,
                    1,
                    FILE_FIELD,
                    f"expected fields such as 'name: ...' at the top level, found {kind}",
                )
            )
        return data

    def _error(self, event: yaml.Event, message: str, fld: str = SYNTAX_FIELD) -> YamlProblem:
        mark = event.start_mark
        return YamlProblem(Problem(self.display, mark.line + 1, mark.column + 1, fld, message))

    def _check(self, event: yaml.Event, loc: PathKey, depth: int) -> None:
        # Fast path: nearly every event is fine. Aliases carry an anchor name too.
        if event.anchor is None and getattr(event, "tag", None) is None and depth <= MAX_DEPTH:
            return
        where = dotted(loc) or SYNTAX_FIELD
        if isinstance(event, yaml.AliasEvent):
            raise self._error(
                event, "aliases ('*name') are not allowed; write the value out", where
            )
        if event.anchor is not None:
            raise self._error(
                event, "anchors ('&name') are not allowed; write each value out", where
            )
        if getattr(event, "tag", None) is not None:
            raise self._error(
                event,
                f"tags such as '{event.tag}' are not allowed; "
                "remove the tag (quote the value if it must stay text)",
                where,
            )
        raise self._error(event, f"nested more than {MAX_DEPTH} levels deep", where)

    def _node(
        self, stream: Iterator[yaml.Event], event: yaml.Event, loc: PathKey, depth: int
    ) -> Any:
        self._check(event, loc, depth)
        mark = event.start_mark
        self.values[loc] = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            if event.implicit[0] and event.value in _NULLS:  # plain, unquoted
                return None
            return event.value
        if isinstance(event, yaml.SequenceStartEvent):
            return self._sequence(stream, loc, depth)
        return self._mapping(stream, loc, depth)

    def _sequence(self, stream: Iterator[yaml.Event], loc: PathKey, depth: int) -> list[Any]:
        items: list[Any] = []
        for item in stream:
            if isinstance(item, yaml.SequenceEndEvent):
                break
            items.append(self._node(stream, item, (*loc, len(items)), depth + 1))
        return items

    def _mapping(self, stream: Iterator[yaml.Event], loc: PathKey, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for event in stream:
            if isinstance(event, yaml.MappingEndEvent):
                break
            self._check(event, loc, depth + 1)
            if not isinstance(event, yaml.ScalarEvent) or event.value == "":
                raise self._error(
                    event, "keys must be plain words such as 'name'", dotted(loc) or SYNTAX_FIELD
                )
            key = event.value
            key_loc = (*loc, key)
            if key in mapping:
                first = self.keys[key_loc]
                raise self._error(
                    event,
                    f"duplicate key '{key}' (first set on line {first[0]}); keep only one",
                    dotted(key_loc),
                )
            self.keys[key_loc] = (event.start_mark.line + 1, event.start_mark.column + 1)
            mapping[key] = self._node(stream, next(stream), key_loc, depth + 1)
        return mapping

"""A strict YAML reader for untrusted content files.

Builds plain data straight from the parser's event stream, so nothing in a file
can construct objects, expand aliases or re-type values. It rejects tags,
anchors and aliases, duplicate keys, non-string keys, several documents, deep
nesting and files over a size cap. Scalars stay strings exactly as written
(``NO`` stays "NO", ``19:30`` stays "19:30"); the models give them types. An
empty value or ``null``/``~`` becomes None. Every key and value keeps its
position, so later checks can point at the exact line and column.

Positions are read when first asked for. Nearly every file is valid, and noting
where each of its keys and values is written took a third of reading it; so a
file is read once for its data and its top-level positions (`_quick`), and read
again for the rest only when a problem must point inside it. Anything unusual
(a tag, an alias, a duplicate key...) is left to the full reader (`Builder`),
which says what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from peerhub.content.problems import FILE_FIELD, SYNTAX_FIELD, PathKey, Problem
from peerhub.content.yamlbuilder import LOADER, MAX_DEPTH, NULLS, Builder, Position, YamlProblem
from peerhub.content.yamlwords import (
    indentation_message,
    line_column,
    refused_character,
    syntax_message,
    unclosed_quote,
)

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


@dataclass
class Document:
    """Data read from one file, with the position of every key and value in it."""

    path: str
    data: dict[str, Any]
    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)
    source: str | None = field(default=None, repr=False, compare=False)
    """The file's text while only the top level's positions are known (see `_quick`)."""

    def where(self, loc: PathKey) -> Position:
        """Best place to point at for `loc`: the key of a list or mapping, else the value."""
        self._locate_all()
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
        self._locate_all()
        table = self.keys if key else self.values
        while loc:
            if loc in table:
                return table[loc]
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def _locate_all(self) -> None:
        """Read every key's and value's position, if only the top level's are known."""
        if self.source is not None:
            whole = _read_whole(self.source, self.path)
            self.values, self.keys, self.source = whole.values, whole.keys, None


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
        line, column = line_column(text, text.index("\x00"))
        raise fail(line, column, "file contains a NUL character; is it really a text file?")
    try:
        try:
            return _quick(text, display)
        except _Unusual:
            return _read_whole(text, display)
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote is found at the end of the file: point at where it opened.
        mark = (exc.context_mark if unclosed_quote(exc) else None) or exc.problem_mark
        mark = mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
        message = indentation_message(text.splitlines(), line, exc) or syntax_message(
            exc, at_tab=at_tab
        )
        raise fail(line, column, message) from None
    except yaml.reader.ReaderError as exc:  # characters YAML does not allow in a file
        raise fail(*refused_character(text, exc)) from None


def _read_whole(text: str, display: str) -> Document:
    """`text` read by the full reader, every position noted as it reads."""
    builder = Builder(display)
    data = builder.build(yaml.parse(text, Loader=LOADER))
    return Document(display, data, builder.values, builder.keys)


class _Unusual(Exception):
    """Something `_quick` leaves to `Builder`, which says what is wrong with it."""


def _quick(text: str, display: str) -> Document:
    """A plain mapping of plain values, with the positions of its top-level keys and
    values only; raises `_Unusual` at anything `Builder` would refuse or treat apart.
    """
    loader = LOADER(text)
    try:
        get = loader.get_event
        get()  # StreamStartEvent
        if type(get()) is not yaml.DocumentStartEvent:  # an empty file
            raise _Unusual
        start = get()
        if type(start) is not yaml.MappingStartEvent or start.anchor or start.tag:
            raise _Unusual
        data: dict[str, Any] = {}
        values, keys = {(): _at(start)}, {}
        while type(event := get()) is not yaml.MappingEndEvent:
            key = _plain_key(event, data)
            keys[(key,)] = _at(event)
            value = get()
            values[(key,)] = _at(value)
            data[key] = _plain_value(get, value, 1)
        get()  # DocumentEndEvent
        if type(get()) is not yaml.StreamEndEvent:  # a second document
            raise _Unusual
        return Document(display, data, values, keys, source=text)
    finally:
        loader.dispose()


def _at(event: yaml.Event) -> Position:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _plain_key(event: yaml.Event, mapping: dict[str, Any]) -> str:
    if type(event) is not yaml.ScalarEvent or event.anchor or event.tag:
        raise _Unusual
    if event.value == "" or event.value in mapping:
        raise _Unusual
    return event.value


def _plain_value(get: Callable[[], yaml.Event], event: yaml.Event, depth: int) -> Any:
    kind = type(event)
    # An alias carries the name of its anchor, so the first test stops it too.
    if event.anchor is not None or depth > MAX_DEPTH or event.tag:
        raise _Unusual
    if kind is yaml.ScalarEvent:
        return None if event.implicit[0] and event.value in NULLS else event.value
    if kind is yaml.SequenceStartEvent:
        items = []
        while type(item := get()) is not yaml.SequenceEndEvent:
            items.append(_plain_value(get, item, depth + 1))
        return items
    mapping: dict[str, Any] = {}
    while type(item := get()) is not yaml.MappingEndEvent:
        key = _plain_key(item, mapping)
        mapping[key] = _plain_value(get, get(), depth + 1)
    return mapping

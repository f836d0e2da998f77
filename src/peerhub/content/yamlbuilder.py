"""The full strict reader: plain data from YAML parser events, with the position of
every key and value, refusing what content files may not hold (see `yamlsafe`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from peerhub.content.problems import FILE_FIELD, SYNTAX_FIELD, PathKey, Problem, dotted

__all__ = ["LOADER", "MAX_DEPTH", "NULLS", "Builder", "Position", "YamlProblem"]

MAX_DEPTH = 12
#: Plain (unquoted) values read as None.
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
#: libyaml's parser where installed (it nearly always is), else PyYAML's own.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Position = tuple[int, int]


class YamlProblem(Exception):
    """The file cannot be read as content; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


class Builder:
    """Turns parser events into plain dicts, lists, strings and None."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.values: dict[PathKey, Position] = {}
        self.keys: dict[PathKey, Position] = {}

    def build(self, events: Iterator[yaml.Event]) -> dict[str, Any]:
        """The one document's top-level mapping; raises `YamlProblem` for anything else."""
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
            if event.implicit[0] and event.value in NULLS:  # plain, unquoted
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

"""Write a group file as a contributor would: readable YAML that points at its schema,
and add a check-in to one without touching the rest of it.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["SCHEMA_LINE", "append_checkin", "group_yaml"]

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/group.schema.json\n"


class _Dumper(yaml.SafeDumper):
    r"""Writes multi-line answers as readable `|` blocks, and text holding a character
    that YAML reads as a line break (U+0085, U+2028, U+2029) in double quotes, where it
    is written as an escape (`\L`) and cannot break the file's lines.
    """


#: Characters YAML 1.1 reads as line breaks, besides CR and LF.
_OTHER_BREAKS = frozenset("\x85\u2028\u2029")


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _OTHER_BREAKS.intersection(value) else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def group_yaml(data: dict[str, Any]) -> str:
    """`data` as a group file: fields in the order given, multi-line text as `|` blocks,
    and a first line that lets editors check the file against the group schema.
    """
    return SCHEMA_LINE + yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88
    )


def append_checkin(text: str, entry: dict[str, Any]) -> str:
    """`text` (a group file that loads) with `entry` added as its last check-in.

    Only the entry is inserted: every other character, comment, blank line and line
    ending stays as the group wrote it. A block list gets the entry after its last line,
    indented like the entries above it; a flow list (`[...]`, on one line or several)
    gets it as a flow mapping after its last item; a file without check-ins gets a
    `checkins:` list after its last line (before a `...` document end marker). New
    lines end like the file's first line (CRLF or LF).
    """
    fields = {key: value for key, value in entry.items() if value is not None}
    first_break = text.find("\n")
    eol = "\r\n" if first_break > 0 and text[first_break - 1] == "\r" else "\n"
    events = list(yaml.parse(text, Loader=yaml.SafeLoader))
    top = _top_level(events)
    if "checkins" not in top:
        end = next(e for e in events if isinstance(e, yaml.DocumentEndEvent))
        limit = end.start_mark.index if end.explicit else len(text)
        last_line = len(text[:limit].rstrip(" \t\r\n")) - 1
        at = max(_line_end(text, last_line), _after(text, events[3:-3]))
        lines = ["checkins:", *_block(fields, "  - ")]
        return _insert(text, at, lines, eol)
    value = top["checkins"]
    start = value[0]
    if not isinstance(start, yaml.SequenceStartEvent):  # the file did not validate
        raise ValueError("the group's checkins are not a list")
    if not start.flow_style:  # a block list: a new `- ` entry at the dash's column
        prefix = " " * start.start_mark.column + "- "
        return _insert(text, _after(text, value), _block(fields, prefix), eol)
    items = _children(value[1:-1])
    if not items:  # `[]`: the entry goes inside the brackets
        at = start.end_mark.index
        return text[:at] + _flow(fields) + text[at:]
    last_start = items[-1][0].start_mark.index
    at = items[-1][-1].end_mark.index
    line_start = text.rfind("\n", 0, last_start) + 1
    indent = text[line_start:last_start]
    if line_start > start.start_mark.index and not indent.strip():
        separator = "," + eol + indent  # one item a line: the new one on a line of its own
    else:
        separator = ", "
    return text[:at] + separator + _flow(fields) + text[at:]


def _top_level(events: list[yaml.Event]) -> dict[str, list[yaml.Event]]:
    """The top-level mapping's keys, each with the events of its value."""
    rest = iter(_children(events[3:-3]))  # within stream, document and mapping events
    return {key[0].value: value for key, value in zip(rest, rest, strict=True)}


def _children(events: list[yaml.Event]) -> list[list[yaml.Event]]:
    """`events` (the inside of a collection) split into its nodes' events."""
    nodes: list[list[yaml.Event]] = []
    depth = 0
    for event in events:
        if depth == 0:
            nodes.append([])
        nodes[-1].append(event)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return nodes


def _after(text: str, events: list[yaml.Event]) -> int:
    """Where a line may be inserted after the last value among `events`: the start of
    the line after it (after a `|` or `>` block, which runs to the next line that is
    less indented), or the end of the text.
    """
    flow: list[bool] = []
    last = (0, False)
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            flow.append(bool(event.flow_style))
        elif isinstance(event, yaml.ScalarEvent):
            last = max(last, (event.end_mark.index, event.style in ("|", ">")))
        elif flow.pop():  # the end of a flow collection: its closing bracket
            last = max(last, (event.end_mark.index, False))
    index, block = last
    return index if block else _line_end(text, index)


def _line_end(text: str, index: int) -> int:
    """Where the line holding `index` ends, after its line break (or the end of the text)."""
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def _insert(text: str, at: int, lines: list[str], eol: str) -> str:
    """`lines` inserted at `at` (a line start, or the end of a text without a last line break)."""
    head = eol if at == len(text) and text and not text.endswith("\n") else ""
    return text[:at] + head + "".join(line + eol for line in lines) + text[at:]


def _block(fields: dict[str, Any], prefix: str) -> list[str]:
    """`fields` as a block list entry starting with `prefix` (`  - `)."""
    indent = " " * len(prefix)
    lines = [f"{key}: {_scalar(value)}" for key, value in fields.items()]
    return [prefix + lines[0], *(indent + line for line in lines[1:])]


def _flow(fields: dict[str, Any]) -> str:
    """`fields` as one flow mapping: `{date: 2026-01-05, members: 8}`."""
    return _dump(fields, default_flow_style=True).strip()


def _scalar(value: Any) -> str:
    """One value as YAML writes it on one line (quoted where YAML needs it)."""
    return _dump(value).removesuffix("\n...\n").strip()


def _dump(value: Any, **options: Any) -> str:
    return yaml.dump(
        value, Dumper=_Dumper, allow_unicode=True, width=10**6, sort_keys=False, **options
    )

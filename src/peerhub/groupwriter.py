"""Write a group file as a contributor would: readable YAML that points at its schema,
and add a check-in to one without touching the rest of it.
"""

from __future__ import annotations

from typing import Any

import yaml

from .yamlsafe import Document

__all__ = ["SCHEMA_LINE", "append_checkin", "group_yaml"]

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/group.schema.json\n"


class _Dumper(yaml.SafeDumper):
    """Writes multi-line answers as readable `|` blocks."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def group_yaml(data: dict[str, Any]) -> str:
    """`data` as a group file: fields in the order given, multi-line text as `|` blocks,
    and a first line that lets editors check the file against the group schema.
    """
    return SCHEMA_LINE + yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88
    )


def append_checkin(text: str, doc: Document, entry: dict[str, Any]) -> str:
    """`text` (a group file, read as `doc`) with `entry` added as its last check-in.

    Only lines are added: every other line, comment and blank stays as the group wrote
    it. The entry goes after the last line of the `checkins:` list, indented like the
    entries above it, or under a new `checkins:` key at the end of the file.
    """
    lines = text.splitlines()
    scalars = [f"{key}: {_scalar(value)}" for key, value in entry.items() if value is not None]
    if ("checkins",) not in doc.keys:
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join([*lines, "checkins:", *_item(scalars, "  - ")]) + "\n"
    key_line = doc.keys[("checkins",)][0]
    first = min((pos for k, pos in doc.keys.items() if k[:2] == ("checkins", 0)), default=None)
    if first is None:
        # No entries yet (`checkins:` or `checkins: []`): the key starts a block list.
        lines[key_line - 1] = "checkins:"
        prefix = "  - "
    else:
        # The first entry's dash: on its first key's line (`- date: ...`, `- {date: ...}`),
        # or alone on a line above it.
        dash = next(line for line in reversed(lines[: first[0]]) if line.lstrip().startswith("-"))
        prefix = dash[: len(dash) - len(dash.lstrip())] + "- "
    later = [pos[0] for k, pos in doc.keys.items() if len(k) == 1 and pos[0] > key_line]
    end = min(later) - 1 if later else len(lines)
    while end > key_line and (not lines[end - 1].strip() or lines[end - 1].lstrip()[:1] == "#"):
        end -= 1  # blank lines and comments above the next key stay with that key
    return "\n".join([*lines[:end], *_item(scalars, prefix), *lines[end:]]) + "\n"


def _item(scalars: list[str], prefix: str) -> list[str]:
    indent = " " * len(prefix)
    return [prefix + scalars[0], *(indent + s for s in scalars[1:])]


def _scalar(value: Any) -> str:
    """One value as YAML writes it on one line (quoted where YAML needs it)."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True)
    return dumped.removesuffix("\n...\n").strip()

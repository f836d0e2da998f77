"""Write a group file as a contributor would: readable YAML that points at its schema."""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["SCHEMA_LINE", "group_yaml"]

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

"""JSON Schemas the hub publishes, generated from the models (never edited by hand):
one per kind of content file, and one per `/api/*.json` file.

A content schema is what a contributor's editor checks a file against. An API schema
describes the published records exactly: every field present (a withheld one empty),
nothing more, with the content model's bounds and choices, so that a consumer's
validator refuses what `peerhub validate` refuses.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel, TypeAdapter

from peerhub.content.formats import Format
from peerhub.content.groups import Group
from peerhub.content.outcomes import Outcome
from peerhub.decisions.evidence import EvidenceFile
from peerhub.decisions.views import GroupView

__all__ = ["SCHEMA_BASE", "SCHEMA_NAMES", "schema", "schemas"]

SCHEMA_BASE = "https://json-schema.org/draft/2020-12/schema"
_MODELS = {"format": Format, "group": Group, "outcome": Outcome, "evidence": EvidenceFile}
#: What names a record in each API file besides its fields, and the content it holds.
_API_KEYS: dict[str, tuple[str, type[BaseModel]]] = {
    "formats": ("slug", Format),
    "outcomes": ("id", Outcome),
}
_ADDRESS = {"type": "string", "description": "The record's page, relative to the site."}
#: The published schemas, as `schema/<name>.schema.json` (`api-formats` describes
#: `/api/formats.json`; `evidence` describes `/api/evidence.json`).
SCHEMA_NAMES = (*_MODELS, "api-formats", "api-groups", "api-outcomes")


def schema(name: str) -> dict[str, Any]:
    """One JSON Schema (`name` from `SCHEMA_NAMES`), ready to dump as JSON."""
    if name in _MODELS:
        found = _MODELS[name].model_json_schema(mode="validation")
    elif name == "api-groups":
        found = _groups_api()
    else:
        key, model = _API_KEYS[name.removeprefix("api-")]
        found = _closed(model.model_json_schema(mode="serialization"))
        found["properties"] = {key: {"type": "string"}, "url": _ADDRESS, **found["properties"]}
        found["required"] = list(found["properties"])
    if name.startswith("api-"):
        found = _array_of(found, f"/api/{name.removeprefix('api-')}.json")
    return {"$schema": SCHEMA_BASE, "$id": f"{name}.schema.json", **found}


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema in `SCHEMA_NAMES`, by name."""
    return {name: schema(name) for name in SCHEMA_NAMES}


def _groups_api() -> dict[str, Any]:
    """`GroupView` as the API writes it, each field bounded as the group file's is
    where the two hold the same kinds of value.
    """
    found = _closed(TypeAdapter(GroupView).json_schema(mode="serialization"))
    content = Group.model_json_schema(mode="serialization")["properties"]
    for name, shown in found["properties"].items():
        given = content.get(name)
        if given is None:
            continue
        if _types(shown) == {"null"}:
            shown["description"] = "Steers publishing and is never published."
        elif "$ref" not in str(given) and _types(given) | {"null"} == _types(shown) | {"null"}:
            found["properties"][name] = _nullable(given) if "null" in _types(shown) else given
    found["properties"]["url"] = _ADDRESS
    found["required"] = list(found["properties"])
    return found


def _array_of(item: dict[str, Any], path: str) -> dict[str, Any]:
    """A schema for a file holding a list of `item`s (its `$defs` moved to the top,
    where their `#/$defs/...` references point).
    """
    defs = item.pop("$defs", None)
    found = {
        "title": path,
        "description": f"Every record in {path}, as the hub publishes it.",
        "type": "array",
        "items": item,
    }
    return found | ({"$defs": defs} if defs else {})


def _closed(found: dict[str, Any]) -> dict[str, Any]:
    """Every object in `found` lists all its fields as required (a published record
    always has them) and allows no other.
    """
    for node in (found, *found.get("$defs", {}).values()):
        if "properties" in node:
            node["required"] = list(node["properties"])
            node["additionalProperties"] = False
    return found


def _types(node: dict[str, Any]) -> set[str]:
    return {t for option in node.get("anyOf", [node]) if (t := option.get("type"))}


def _nullable(node: dict[str, Any]) -> dict[str, Any]:
    if "null" in _types(node):
        return node
    kept = {k: node[k] for k in ("title", "description") if k in node}
    rest = {k: v for k, v in copy.deepcopy(node).items() if k not in kept}
    return {**kept, "anyOf": [rest, {"type": "null"}]}

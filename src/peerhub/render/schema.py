"""JSON Schemas for content files and the evidence data, generated from the models
(never edited by hand).
"""

from __future__ import annotations

from typing import Any

from peerhub.content.formats import Format
from peerhub.content.groups import Group
from peerhub.content.outcomes import Outcome
from peerhub.decisions.evidence import EvidenceFile

__all__ = ["SCHEMA_BASE", "SCHEMA_NAMES", "schema", "schemas"]

SCHEMA_BASE = "https://json-schema.org/draft/2020-12/schema"
_MODELS = {"format": Format, "group": Group, "outcome": Outcome, "evidence": EvidenceFile}
#: The published schemas, as `schema/<name>.schema.json`.
SCHEMA_NAMES = tuple(_MODELS)


def schema(name: str) -> dict[str, Any]:
    """One JSON Schema (`name` from `SCHEMA_NAMES`), ready to dump as JSON."""
    found = _MODELS[name].model_json_schema(mode="validation")
    return {"$schema": SCHEMA_BASE, "$id": f"{name}.schema.json", **found}


def schemas() -> dict[str, dict[str, Any]]:
    """`{"format": {...}, "group": {...}, "outcome": {...}, "evidence": {...}}`."""
    return {name: schema(name) for name in SCHEMA_NAMES}

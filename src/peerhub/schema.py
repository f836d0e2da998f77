"""JSON Schemas for content files and the evidence data, generated from the models
(never edited by hand).
"""

from __future__ import annotations

from typing import Any

from .evidence import EvidenceFile
from .models import Format, Group, Outcome

__all__ = ["SCHEMA_BASE", "schemas"]

SCHEMA_BASE = "https://json-schema.org/draft/2020-12/schema"


def schemas() -> dict[str, dict[str, Any]]:
    """`{"format": {...}, "group": {...}, "outcome": {...}, "evidence": {...}}`, ready
    to dump as JSON.
    """
    out = {}
    models = (
        ("format", Format),
        ("group", Group),
        ("outcome", Outcome),
        ("evidence", EvidenceFile),
    )
    for name, model in models:
        schema = model.model_json_schema(mode="validation")
        out[name] = {"$schema": SCHEMA_BASE, "$id": f"{name}.schema.json", **schema}
    return out

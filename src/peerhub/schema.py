"""JSON Schemas for content files, generated from the models (never edited by hand)."""

from __future__ import annotations

from typing import Any

from .models import Format, Group, Outcome

__all__ = ["SCHEMA_BASE", "schemas"]

SCHEMA_BASE = "https://json-schema.org/draft/2020-12/schema"


def schemas() -> dict[str, dict[str, Any]]:
    """`{"format": {...}, "group": {...}, "outcome": {...}}`, ready to dump as JSON."""
    out = {}
    for name, model in (("format", Format), ("group", Group), ("outcome", Outcome)):
        schema = model.model_json_schema(mode="validation")
        out[name] = {"$schema": SCHEMA_BASE, "$id": f"{name}.schema.json", **schema}
    return out

"""Turn one YAML document into a model, or into located, plain-language problems."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from peerhub.content.problems import FILE_FIELD, PathKey, Problem, dotted, suggest
from peerhub.content.vocabulary import (
    CADENCE_LABELS,
    FACILITATION_LABELS,
    JOINING_LABELS,
    MODE_LABELS,
)
from peerhub.content.yamlsafe import Document

__all__ = ["validate"]

M = TypeVar("M", bound=BaseModel)

#: The words the site shows for a value ("Every two weeks"), back to the value a file
#: holds ("fortnightly"): a contributor who copies them is told which value they mean.
_SHOWN_AS = {
    label.casefold(): value
    for labels in (CADENCE_LABELS, MODE_LABELS, FACILITATION_LABELS, JOINING_LABELS)
    for value, label in labels.items()
}


def validate(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate a document against a model; return the model or every problem found."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [_problem(doc, model, error) for error in exc.errors(include_url=False)]


def _problem(doc: Document, model: type[BaseModel], error: ErrorDetails) -> Problem:
    loc: PathKey = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        line, column = doc.position(loc, key=True)
        allowed = _fields_at(model, loc[:-1])
        hint = suggest(str(loc[-1]), allowed) or f"; allowed here: {', '.join(allowed)}"
        return Problem(doc.path, line, column, dotted(loc), f"unknown field{hint}")
    if kind == "missing":
        line, column = doc.position(loc[:-1])
        about = _field_doc(model, loc)
        message = "required field is missing" + (f" ({about})" if about else "")
        return Problem(doc.path, line, column, dotted(loc) or FILE_FIELD, message)
    line, column = doc.where(loc)
    return Problem(doc.path, line, column, dotted(loc) or FILE_FIELD, _message(error))


def _message(error: ErrorDetails) -> str:  # noqa: C901, PLR0911, PLR0912 - one return per kind: a table
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    if value is None:
        return "has no value; write one, or delete the line"
    shown = _show(value)
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx["expected"]))
        meant = _SHOWN_AS.get(" ".join(str(value).split()).casefold())
        if meant in choices:
            hint = f"; that is how the site shows {meant}: write {meant}"
        else:
            hint = suggest(str(value), choices) if isinstance(value, str) else ""
        return f"expected one of: {', '.join(choices)}; got {shown}{hint}"
    if kind in {"list_type", "tuple_type"}:
        return f"expected a list, one '- item' per line; got {shown}"
    if kind in {"dict_type", "model_type"}:
        return f"expected fields written as 'key: value' lines; got {shown}"
    if kind == "string_type":
        return f"expected text; got {shown}"
    if kind in {"int_type", "int_parsing"}:
        return f"expected a whole number such as 8; got {shown}"
    if kind in {"float_type", "float_parsing"}:
        return f"expected a number such as 6 or 6.5; got {shown}"
    if kind == "too_short":
        least = ctx.get("min_length")
        return f"needs at least {least} item{'' if least == 1 else 's'}"
    if kind == "too_long":
        return f"has {ctx.get('actual_length')} items; at most {ctx.get('max_length')} allowed"
    if kind == "string_too_long":
        return f"is {len(str(value))} characters long; the limit is {ctx.get('max_length')}"
    if kind == "string_pattern_mismatch":
        return (
            f"expected lower-case words joined by hyphens, such as 'troika-consulting'; got {shown}"
        )
    if kind == "greater_than_equal":
        return f"must be at least {ctx.get('ge')}; got {shown}"
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le')}; got {shown}"
    return error["msg"]


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "fields"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model class inside `X`, `X | None`, `list[X]` or `Annotated[X, ...]`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_model(typing.get_args(annotation)[0])
    if origin in {list, typing.Union, types.UnionType}:
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found:
                return found
    return None


def _model_at(model: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        current = _inner_model(info.annotation) if info else None
    return current


def _fields_at(model: type[BaseModel], loc: PathKey) -> list[str]:
    found = _model_at(model, loc)
    return list(found.model_fields) if found else []


def _field_doc(model: type[BaseModel], loc: PathKey) -> str:
    parent = _model_at(model, loc[:-1])
    info = parent.model_fields.get(str(loc[-1])) if parent and loc else None
    text = (info.description or "") if info else ""
    return text.split("\n")[0].rstrip(".")

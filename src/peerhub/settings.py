"""What a site's maintainers may tune, read from `extra.peerhub` in `mkdocs.yml`.

Every option is declared once, here, with its type, its limits and a docstring; the
hub checks the values like content (a wrong one is reported as
`mkdocs.yml:LINE:COLUMN: error: extra.peerhub.FIELD: message` and stops the build)
and the reference page `/reference/settings/` is written from these docstrings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, get_origin

import yaml
from pydantic import BaseModel, ConfigDict, Field

from .problems import PathKey, Problem
from .validation import validate
from .yamlsafe import Document, Position

__all__ = ["CONFIG_FILE", "PREFIX", "Option", "SearchBoost", "Settings", "load_settings", "options"]

CONFIG_FILE = "mkdocs.yml"
#: Where the settings sit in the configuration file.
PREFIX: PathKey = ("extra", "peerhub")


class _Options(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class SearchBoost(_Options):
    """How strongly search ranks each kind of generated page (1 is a guide's weight)."""

    formats: Annotated[float, Field(ge=0.1, le=10)] = 2.0
    """A format's page: most questions are about how to run a meeting."""
    outcomes: Annotated[float, Field(ge=0.1, le=10)] = 2.0
    """An outcome's page, with its recommended designs."""
    directory: Annotated[float, Field(ge=0.1, le=10)] = 2.0
    """The first page of the group directory, found by "join a group" and "find a group"."""
    groups: Annotated[float, Field(ge=0.1, le=10)] = 0.5
    """One group's page: an example, found by its name, audience or sector."""


class Settings(_Options):
    """The hub's options under `extra.peerhub`; every one has a default."""

    macro_pages: list[Annotated[str, Field(min_length=1, max_length=200)]] = []
    """The only Markdown pages (paths under `docs/`) where `{{ macro() }}` runs. A page
    cannot turn macros on for itself, so this list is the one place to change it."""
    directory_page_size: Annotated[int, Field(ge=10, le=1000)] = 100
    """Groups listed on one page of the directory; more go to `/groups/page/2/` and on."""
    feed_length: Annotated[int, Field(ge=1, le=500)] = 50
    """How many of the newest groups the Atom feed at `/groups/feed.xml` lists."""
    search_boost: SearchBoost = SearchBoost()
    """Search weights of generated pages, by kind."""
    min_groups: Annotated[int, Field(ge=3, le=50)] = 3
    """A figure that counts a private group is shown only when at least this many groups
    stand behind it (else it says "fewer than N groups"). Contributors are promised 3:
    a site may ask for more, never for less."""


def load_settings(root: Path, config: str = CONFIG_FILE) -> tuple[Settings, list[Problem]]:
    """The settings in `root/<config>` (defaults where it has none), and their problems;
    `config` is the file MkDocs was given (`mkdocs build -f other.yml`).
    """
    path = root / config
    if not path.is_file():
        return Settings(), []
    text = path.read_text(encoding="utf-8")
    node = _node_at(yaml.compose(text, Loader=_Lenient), PREFIX)
    data = _Lenient("").construct_document(node) if node is not None else None
    values: dict[PathKey, Position] = {}
    keys: dict[PathKey, Position] = {}
    if node is not None:
        _positions(node, (), values, keys)
    doc = Document(config, data if isinstance(data, dict) else {}, values, keys)
    if data is not None and not isinstance(data, dict):
        line, column = _mark(node) if node is not None else (1, 1)
        problem = Problem(config, line, column, "extra.peerhub", "expected a mapping")
        return Settings(), [problem]
    settings, problems = validate(doc, Settings)
    located = [
        Problem(p.path, p.line, p.column, f"extra.peerhub.{p.field}", p.message, p.severity)
        for p in problems
    ]
    return settings or Settings(), located


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (`!ENV`, `!!python/name:`) as plain values."""


def _any_tag(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_Lenient.add_multi_constructor("!", _any_tag)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def _node_at(node: yaml.Node | None, path: PathKey) -> yaml.Node | None:
    for part in path:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((v for k, v in node.value if k.value == part), None)
    return node


def _mark(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _positions(
    node: yaml.Node,
    loc: PathKey,
    values: dict[PathKey, Position],
    keys: dict[PathKey, Position],
) -> None:
    values[loc] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            keys[(*loc, key.value)] = _mark(key)
            _positions(value, (*loc, key.value), values, keys)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _positions(item, (*loc, index), values, keys)


@dataclass(frozen=True)
class Option:
    """One row of the settings reference: where it is written and what it takes."""

    name: str
    kind: str
    default: str
    limits: str
    doc: str


def options(model: type[BaseModel] = Settings, prefix: str = "extra.peerhub") -> list[Option]:
    """Every option, nested ones included, in declaration order, as the reference lists it."""
    found = []
    for name, info in model.model_fields.items():
        dotted_name = f"{prefix}.{name}"
        inner = info.annotation
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            found.append(Option(dotted_name, "mapping", "", "", info.description or ""))
            found += options(inner, dotted_name)
            continue
        default = info.get_default(call_default_factory=True)
        found.append(
            Option(
                dotted_name,
                "list of texts" if get_origin(inner) is list else _KINDS[inner],
                json.dumps(default),
                _limits(info.metadata),
                info.description or "",
            )
        )
    return found


_KINDS: dict[Any, str] = {int: "whole number", float: "number"}


def _limits(metadata: list[Any]) -> str:
    words = []
    for item in metadata:
        for attribute, word in (("ge", "at least"), ("le", "at most")):
            if getattr(item, attribute, None) is not None:
                words.append(f"{word} {getattr(item, attribute)}")
    return ", ".join(words)

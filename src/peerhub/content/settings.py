"""What a site's maintainers may tune, read from `extra.peerhub` in `mkdocs.yml`.

Every option is declared once, here, with its type, its limits and a docstring; the
hub checks the values like content (a wrong one is reported as
`mkdocs.yml:LINE:COLUMN: error: extra.peerhub.FIELD: message` and stops the build)
and the reference page `/reference/settings/` is written from these docstrings.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, get_origin
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field

from peerhub.content.problems import PathKey, Problem
from peerhub.content.validation import validate
from peerhub.content.yamlsafe import Document, Position, refused_character

__all__ = [
    "CONFIG_FILE",
    "DOCS_DIR",
    "PREFIX",
    "Option",
    "SearchBoost",
    "Settings",
    "load_settings",
    "options",
    "site_problems",
]

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
    directory: Annotated[float, Field(ge=0.1, le=10)] = 3.0
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
    """Check-in medians are shown only where at least this many groups with check-ins
    stand behind them (else they say "fewer than N groups"), so one group's ratings never
    pass for a median. A site may ask for more than 3, never for less."""


def load_settings(root: Path, config: str = CONFIG_FILE) -> tuple[Settings, list[Problem]]:
    """The settings in `root/<config>` (defaults where it has none), and their problems;
    `config` is the file MkDocs was given (`mkdocs build -f other.yml`).
    """
    path = root / config
    if not path.is_file():
        return Settings(), []
    text = path.read_text(encoding="utf-8")
    try:
        node = _node_at(yaml.compose(text, Loader=_Lenient), PREFIX)
    except yaml.YAMLError as exc:
        return Settings(), [_syntax_problem(config, text, exc)]
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


#: The folder of the maintainers' pages (MkDocs' `docs_dir`, as this project sets it).
DOCS_DIR = "docs"


def site_problems(root: Path, config: str = CONFIG_FILE) -> list[Problem]:
    """What else the build needs of the configuration file, checked before it starts:
    every page listed under `macro_pages` exists, and `site_url` is the published
    http(s) address (the feed, the card deck's QR codes and the sitemap link to it).
    """
    path = root / config
    if not path.is_file():
        return []
    try:
        top = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Lenient)
    except yaml.YAMLError:
        return []  # `load_settings` reports it
    problems = []
    pages = _node_at(top, (*PREFIX, "macro_pages"))
    for index, item in enumerate(pages.value if isinstance(pages, yaml.SequenceNode) else []):
        if isinstance(item.value, str) and not (root / DOCS_DIR / item.value).is_file():
            line, column = _mark(item)
            problems.append(
                Problem(
                    config,
                    line,
                    column,
                    f"extra.peerhub.macro_pages.{index}",
                    f"{DOCS_DIR}/{item.value} does not exist; list a page under {DOCS_DIR}/ "
                    "(such as guides/scope.md)",
                )
            )
    return _site_url_problems(top, config) + problems


def _site_url_problems(top: yaml.Node | None, config: str) -> list[Problem]:
    node = _node_at(top, ("site_url",))
    fix = "set site_url to the published address, such as https://hub.example.org/"
    if node is None:
        if not isinstance(top, yaml.MappingNode):
            return []
        return [Problem(config, 1, 1, "site_url", f"missing; {fix}")]
    value = _resolved(node)
    line, column = _mark(node)
    parts = urlsplit(value.strip()) if isinstance(value, str) else None
    if parts is None or parts.scheme not in {"http", "https"} or not parts.netloc:
        got = f"got {value!r}" if value else "it is empty"
        return [Problem(config, line, column, "site_url", f"{fix}; {got}")]
    return []


def _resolved(node: yaml.Node) -> object:
    """A scalar as MkDocs reads it, `!ENV NAME` and `!ENV [NAME, ..., default]` too."""
    if node.tag != "!ENV":
        return node.value if isinstance(node, yaml.ScalarNode) else None
    items = [node.value] if isinstance(node, yaml.ScalarNode) else [n.value for n in node.value]
    # As pyyaml-env-tag reads it: of two or more items, the last is the default.
    names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    return next((os.environ[name] for name in names if name in os.environ), default)


def _syntax_problem(config: str, text: str, exc: yaml.YAMLError) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow
        line, column, message = refused_character(text, exc)
        return Problem(config, line, column, "(file)", message)
    mark = getattr(exc, "problem_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = getattr(exc, "problem", None) or "not valid YAML"
    return Problem(config, line, column, "(file)", f"not valid YAML: {what}")


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

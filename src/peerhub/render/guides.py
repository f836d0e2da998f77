"""What the maintainers' pages in `docs/` ask of the content, checked before any build.

A guide listed under `extra.peerhub.macro_pages` may call the hub's components
(`{{ group_card("staff-plus-peer-group") }}`); a page anywhere in `docs/` may sit
where the hub generates one. Either would stop MkDocs half-way with a traceback or a
bare message, after `peerhub validate` had said all was well. These checks give the
same problems as located errors, at the guide's line: a call that names a group,
format, outcome or chart the hub does not publish (a group made private has no
card), a call with more arguments than its component takes, a page that is not a
valid template, and a page at the address of a generated one.

The calls are found with Jinja's own parser (only calls whose arguments are written
as plain strings can be checked; anything computed is left to the build).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from difflib import get_close_matches
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, nodes

from peerhub.content.problems import FILE_FIELD, Problem
from peerhub.content.settings import DOCS_DIR
from peerhub.decisions.charts import CHART_NAMES
from peerhub.render.components import Components
from peerhub.render.datafiles import generated_asset_paths
from peerhub.render.pages import generated_page_addresses
from peerhub.site import Site

__all__ = ["MACROS", "docs_collisions", "macro_call_problems", "page_url"]

#: The components guides may call as macros (hooks/macros.py registers exactly these).
#: Beyond this many names, a message says where to look instead of listing them.
LISTED_AT_MOST = 20
MACROS = (
    "format_card",
    "format_page",
    "group_card",
    "group_page",
    "outcome_page",
    "outcomes_table",
    "outcomes_index",
    "hub_figures",
    "group_chart",
    "group_sizes",
    "outcome_counts",
    "formats_index",
    "groups_index",
    "open_groups",
    "checkin_questions",
    "evidence_rules",
    "checkin_advice",
)


def _arguments(name: str) -> tuple[int, int]:
    """How many plain arguments a macro takes: (required, at most). The macros module
    passes `page` by name, so only the parameters before it can be given.
    """
    params = list(inspect.signature(getattr(Components, name)).parameters.values())[1:]
    before = params[: [p.name for p in params].index("page")]
    required = sum(1 for p in before if p.default is inspect.Parameter.empty)
    return required, len(before)


def macro_call_problems(root: Path, hub: Site, pages: list[str]) -> Iterator[Problem]:
    """Problems in the calls that the listed macro pages make to the hub's components."""
    for page in pages:
        path = root / DOCS_DIR / page
        if not path.is_file():
            continue  # the settings check reports a listed page that does not exist
        display = f"{DOCS_DIR}/{page}"
        text = path.read_text(encoding="utf-8")
        try:
            tree = Environment(autoescape=True).parse(text)
        except TemplateSyntaxError as exc:
            yield Problem(
                display,
                exc.lineno or 1,
                1,
                FILE_FIELD,
                f"not a valid template, so its macros cannot run: {exc.message}",
            )
            continue
        lines = text.splitlines()
        for call in tree.find_all(nodes.Call):
            if not isinstance(call.node, nodes.Name) or call.node.name not in MACROS:
                continue
            name = call.node.name
            line = call.node.lineno  # the name's line (the call's is its bracket's)
            column = _column(lines, line, name)
            for message in _call_messages(hub, name, call):
                yield Problem(display, line, column, f"{name}()", message)


def _call_messages(hub: Site, name: str, call: nodes.Call) -> Iterator[str]:
    required, most = _arguments(name)
    given = len(call.args)
    if call.kwargs or call.dyn_args or call.dyn_kwargs:
        return  # computed or named arguments: left to the build
    if not required <= given <= most:
        expected = f"{required} to {most}" if required != most else str(most)
        yield f"takes {expected} argument{'s' if most != 1 else ''}, got {given}"
        return
    if not call.args or not isinstance(call.args[0], nodes.Const):
        return
    value = call.args[0].value
    if not isinstance(value, str):
        yield f"expected a text in quotes, got {value!r}"
    elif name in {"format_card", "format_page"}:
        yield from _known(value, list(hub.formats), "format", "the files in formats/")
    elif name == "outcome_page":
        yield from _known(value, list(hub.outcomes), "outcome")
    elif name == "group_chart":
        yield from _known(value, list(CHART_NAMES), "chart")
    elif name == "checkin_questions":
        yield from _known(value, ["sheet", ""], "variant")
    elif name == "group_card":
        yield from _group(hub, value)
    elif name == "group_page":
        yield from _known(
            value, list(hub.published_views), "published group address", "the group directory"
        )


def _known(value: str, known: list[str], kind: str, where: str = "") -> Iterator[str]:
    if value in known:
        return
    near = get_close_matches(value, known)
    if near:
        hint = f"did you mean '{near[0]}'?"
    elif where and len(known) > LISTED_AT_MOST:  # a long list hides the answer
        hint = f"see {where} ({len(known)} in all)"
    else:
        hint = f"the {kind}s are: {', '.join(known)}"
    yield f"there is no {kind} '{value}'; {hint}"


def _group(hub: Site, slug: str) -> Iterator[str]:
    group = hub.groups.get(slug)
    if group is None:
        yield from _known(slug, list(hub.groups), "group", "the files in groups/")
    elif slug not in hub.addresses:
        yield (
            f"the group '{slug}' is private, so it has no card; remove the call or choose "
            "a published group"
        )
    elif group.visibility == "anonymous":
        yield (
            f"the group '{slug}' is anonymous: a card named by its file name would link its "
            "file to its page; remove the call or choose a public group"
        )


def _column(lines: list[str], line: int, name: str) -> int:
    """Where the call's name starts on its line (its bracket may be on the next)."""
    found = re.search(rf"\b{re.escape(name)}\s*(\(|$)", lines[line - 1])
    return found.start() + 1 if found else 1


def page_url(src_uri: str) -> str:
    """The address MkDocs gives a Markdown page (`use_directory_urls`): `a/b.md` and
    `a/b/index.md` both become `a/b/`, so two such files collide.
    """
    stem = src_uri.removesuffix(".md")
    if stem in {"index", "README"} or stem.endswith(("/index", "/README")):
        stem = stem.rpartition("/")[0]
    return f"{stem}/" if stem else ""


def docs_collisions(root: Path, hub: Site) -> Iterator[Problem]:
    """A page or file in `docs/` at the address of a generated page or data file."""
    top = root / DOCS_DIR
    if not top.is_dir():
        return
    generated = generated_page_addresses(hub)
    assets = set(generated_asset_paths(hub))
    for path in sorted(top.rglob("*")):
        if not path.is_file():
            continue
        src = path.relative_to(top).as_posix()
        clash = f"the page /{page_url(src)}" if page_url(src) in generated else None
        if not src.endswith(".md"):
            clash = f"the file /{src}" if src in assets else None
        if clash is not None:
            yield Problem(
                f"{DOCS_DIR}/{src}",
                1,
                1,
                FILE_FIELD,
                f"the hub generates {clash} from the content; move or rename this file",
            )

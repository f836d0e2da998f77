"""Every file the hub generates from data: pages (Markdown holding raw HTML) and JSON.

`generated_files` is the whole contract between the data and the site: the MkDocs
hook adds exactly these files, and the tests can inspect them without MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from . import kit, urls
from .components import Components
from .markup import text
from .models import Design, Format, today
from .picker import kit_key, picker_data
from .privacy import published
from .project import Hub
from .recommend import candidates
from .schema import schemas

PAGE_TEMPLATE = "hub-page.html"


def page(
    title: str,
    description: str,
    body: Markup,
    *,
    crumb: tuple[str, str] | None = None,
    search_boost: float | None = None,
) -> str:
    """A generated page: JSON front matter (titles pre-escaped) and one raw HTML block.

    Material prints `page.meta.title` and `page.meta.description` without escaping,
    so both are escaped (and made Markdown-inert) here.
    """
    meta: dict[str, Any] = {
        "title": str(text(title)),
        "description": str(text(description)),
        "template": PAGE_TEMPLATE,
        "hide": ["toc"],
    }
    if crumb:
        meta["crumb"] = {"title": crumb[0], "url": crumb[1]}
    if search_boost is not None:
        meta["search"] = {"boost": search_boost}
    front = json.dumps(meta, ensure_ascii=False)
    return f"---\n{front}\n---\n\n{body}\n"


def generated_files(hub: Hub) -> Iterator[tuple[str, str | bytes]]:
    """(docs-relative path, content) for every generated page and data file."""
    c = Components(hub)
    yield (
        "formats/index.md",
        page(
            "Meeting formats",
            "Meeting formats for peer groups, with size, timing and agenda.",
            c.formats_index("formats/"),
        ),
    )
    for slug, fmt in hub.formats.items():
        at = urls.format_url(slug)
        yield (
            f"formats/{slug}.md",
            page(fmt.name, fmt.summary, c.format_page(slug, at), crumb=("Formats", "../")),
        )
    yield (
        "groups/index.md",
        page(
            "Groups' experiences",
            "How real peer groups run, in their members' words.",
            c.groups_index("groups/"),
        ),
    )
    for slug, group in hub.published_groups.items():
        at = urls.group_url(slug)
        yield (
            f"groups/{slug}.md",
            page(group.name, group.summary, c.group_page(slug, at), crumb=("Groups", "../")),
        )
    yield (
        "outcomes/index.md",
        page(
            "Pick an outcome",
            "From the outcome you want to a peer group design you can run.",
            c.outcome_picker("outcomes/"),
        ),
    )
    yield "assets/picker-data.json", _json(picker_data(hub))
    for outcome, key, design in kit_designs(hub):
        folder = f"kits/{kit_key(outcome, key)}"
        crumb = (hub.outcomes[outcome].name, f"../../outcomes/{outcome}/")
        body = c.kit_page(outcome, design, folder + "/")
        title = f"Run-sheet: {design.title}"
        yield f"{folder}.md", page(title, hub.outcomes[outcome].question, body, crumb=crumb)
        names = [hub.formats[f].name for f in design.formats]
        ics = kit.calendar(kit_key(outcome, key), hub.outcomes[outcome], design, names, today())
        yield f"{folder}/calendar.ics", ics
    for oid, outcome in hub.outcomes.items():
        yield (
            f"outcomes/{oid}.md",
            page(
                outcome.name,
                outcome.question,
                c.outcome_page(oid, urls.outcome_url(oid)),
                crumb=("Outcomes", "../"),
            ),
        )
    yield "api/formats.json", _json([_format_data(s, f) for s, f in hub.formats.items()])
    yield "api/groups.json", _json(_groups_data(hub))
    yield (
        "api/outcomes.json",
        _json(
            [
                {"id": oid, "url": urls.outcome_url(oid), **o.model_dump(mode="json")}
                for oid, o in hub.outcomes.items()
            ]
        ),
    )
    for name, schema in schemas().items():
        yield f"schema/{name}.schema.json", json.dumps(schema, indent=2) + "\n"


def kit_designs(hub: Hub) -> Iterator[tuple[str, str, Design]]:
    """Every design the picker can recommend, with its outcome and key."""
    for outcome in hub.outcomes:
        for key, design, _ in candidates(hub, outcome):
            yield outcome, key, design


def downloads(hub: Hub) -> Iterator[tuple[str, str]]:
    """Files to copy into the site as they are, which MkDocs must not treat as pages."""
    for outcome, key, design in kit_designs(hub):
        names = [hub.formats[f].name for f in design.formats]
        yield (
            f"kits/{kit_key(outcome, key)}/charter.md",
            kit.charter(hub.outcomes[outcome], design, names),
        )


def _format_data(slug: str, fmt: Format) -> dict[str, Any]:
    return {"slug": slug, "url": urls.format_url(slug), **fmt.model_dump(mode="json")}


def _groups_data(hub: Hub) -> list[dict[str, Any]]:
    views = ((slug, published(group)) for slug, group in hub.groups.items())
    return [{"slug": s, "url": urls.group_url(s), **v} for s, v in views if v is not None]


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"

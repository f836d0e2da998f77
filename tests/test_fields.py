"""A field added to groups shows up everywhere it must, or one of these tests says where.

Each surface a group field reaches (the privacy table, the JSON Schema, the issue
form, the `peerhub new group` template, the group page) is checked against the
model. Where a surface leaves a field out on purpose, the tables below say why;
a new field is in none of them, so every test that it is missing from fails.
"""

from __future__ import annotations

import json
import re
from typing import Literal

import pytest
from pydantic import Field, TypeAdapter

from peerhub.commands.issues.questions import NOT_ASKED, form_fields
from peerhub.commands.scaffold import MODELS, scaffold, unmentioned
from peerhub.content.fieldtypes import OpaqueId
from peerhub.content.groups import Group
from peerhub.decisions.privacy import CLASSIFICATION, NEVER
from peerhub.site import Site

from conftest import REPO

FIELDS = list(Group.model_fields)
TEMPLATES = REPO / "src" / "peerhub" / "render" / "templates"

#: Fields the group page shows under another name or through a component.
SHOWN_AS = {
    "running": "group.status",  # with `ended`, it gives the status line
    "story": "story",  # rendered by `prose` before the template sees it
    "next_intake": "intake",  # worded ("March 2027") and hidden once past, by `joining`
}


def test_every_field_is_classified_for_publishing() -> None:
    assert list(CLASSIFICATION[Group]) == FIELDS


def test_every_field_is_in_the_committed_schema_with_its_docstring() -> None:
    schema = json.loads((REPO / "schema" / "group.schema.json").read_text())
    assert list(schema["properties"]) == FIELDS
    for name in FIELDS:
        assert schema["properties"][name].get("description"), name


@pytest.mark.parametrize("name", FIELDS)
def test_the_issue_form_asks_for_every_field_it_can(name: str, repo_hub: Site) -> None:
    asked = {f.field.split(".")[0] for f in form_fields(repo_hub)}
    assert (name in asked) != (name in NOT_ASKED), (
        f"{name}: its type gives no plain question; write one in issueform.form_fields, "
        "or say in issueform.NOT_ASKED why it is not asked"
    )


@pytest.mark.parametrize("name", FIELDS)
def test_the_new_group_file_offers_every_field(name: str) -> None:
    """Each field starts a line, or a commented line the contributor turns on (a public
    group, the default, has no anonymous address)."""
    assert re.search(rf"^(# )?{name}:", scaffold("group", "Circle"), re.M), name


@pytest.mark.parametrize("kind", ["group", "format"])
def test_the_templates_word_every_field_themselves(kind: str) -> None:
    """Appending a field under its docstring is the fallback, not the way to ship."""
    template = (REPO / "src" / "peerhub" / "commands" / "templates" / f"new-{kind}.yml").read_text()
    assert unmentioned(template, MODELS[kind]) == []


class _Grown(Group):
    """Groups with the fields a contributor might add next, one of each kind."""

    cadence_weeks: int | None = None
    """Weeks between meetings. Leave it out if the cadence says it."""
    hosts: list[str] = Field(default_factory=list)
    """Who hosts the meetings, one per line."""
    format_kind: Literal["fixed", "rotating"] | None = None
    """Whether the format is fixed or rotates."""
    recorded: bool = False
    """Meetings are recorded."""


def test_a_field_added_to_the_model_is_asked_and_offered_without_more_changes(
    repo_hub: Site,
) -> None:
    questions = {f.field: f for f in form_fields(repo_hub, _Grown)}
    assert (questions["cadence_weeks"].label, questions["cadence_weeks"].kind) == (
        "Weeks between meetings",
        "number",
    )
    assert questions["cadence_weeks"].description == "Leave it out if the cadence says it."
    assert questions["hosts"].kind == "lines"
    assert questions["format_kind"].options == (("fixed", "fixed"), ("rotating", "rotating"))
    assert questions["recorded"].options == (("true", "Yes"), ("false", "No"))
    order = list(questions)
    assert order.index("recorded") < order.index("contact.name")  # the contact comes last
    text = scaffold("group", "Circle", _Grown)
    assert "\n# Weeks between meetings. Leave it out if the cadence says it.\ncadence_weeks:\n" in (
        text
    )
    assert re.search(r"^hosts:$", text, re.M)


@pytest.mark.parametrize("name", FIELDS)
def test_the_group_page_shows_every_field_pages_may_show(name: str) -> None:
    page = (TEMPLATES / "group_page.html").read_text()
    for part in re.findall(r'{% include "([^"]+)" %}', page):  # the page's own parts
        page += (TEMPLATES / part).read_text()
    published = CLASSIFICATION[Group][name] != NEVER
    shown = re.search(rf"\b{re.escape(SHOWN_AS.get(name, f'group.{name}'))}\b", page)
    assert bool(shown) == published, (
        f"{name}: show it in group_page.html" if published else f"{name}: never published"
    )


def test_the_exception_tables_name_only_fields_that_exist() -> None:
    assert set(NOT_ASKED) <= set(FIELDS)
    assert set(SHOWN_AS) <= set(FIELDS)


def test_a_new_group_file_has_an_address_ready_only_for_anonymity() -> None:
    """Public by default, so no anonymous address is set; the commented line holds a
    fresh random one, valid once the contributor turns it on."""
    text = scaffold("group", "Circle")
    assert re.search(r"^visibility: public$", text, re.M)
    assert not re.search(r"^anonymous_id:", text, re.M)
    offered = re.search(r"^# anonymous_id: (\w+)$", text, re.M)
    assert offered is not None
    assert TypeAdapter(OpaqueId).validate_python(offered.group(1)) == offered.group(1)

"""A field added to groups shows up everywhere it must, or one of these tests says where.

Each surface a group field reaches (the privacy table, the JSON Schema, the issue
form, the `peerhub new group` template, the group page) is checked against the
model. Where a surface leaves a field out on purpose, the tables below say why;
a new field is in none of them, so every test that it is missing from fails.
"""

from __future__ import annotations

import json
import re

import pytest

from peerhub.hub import Hub
from peerhub.issueform import form_fields
from peerhub.models import Group
from peerhub.privacy import CLASSIFICATION, NEVER

from conftest import REPO

FIELDS = list(Group.model_fields)
TEMPLATES = REPO / "src" / "peerhub" / "templates"

#: Fields the issue form does not ask for, and why.
NOT_ASKED = {
    "anonymous_id": "the form's reader makes a fresh random one",
    "added": "the form's reader writes the day it reads the issue",
    "credit": "maintainers credit accounts they retell from published material",
    "sources": "maintainers cite the published material they retell",
}
#: Fields the group page shows under another name or through a component.
SHOWN_AS = {
    "running": "group.status",  # with `ended`, it gives the status line
    "story": "story",  # rendered by `prose` before the template sees it
}


def test_every_field_is_classified_for_publishing() -> None:
    assert list(CLASSIFICATION[Group]) == FIELDS


def test_every_field_is_in_the_committed_schema_with_its_docstring() -> None:
    schema = json.loads((REPO / "schema" / "group.schema.json").read_text())
    assert list(schema["properties"]) == FIELDS
    for name in FIELDS:
        assert schema["properties"][name].get("description"), name


@pytest.mark.parametrize("name", FIELDS)
def test_the_issue_form_asks_for_every_field_it_can(name: str, repo_hub: Hub) -> None:
    asked = {f.field.split(".")[0] for f in form_fields(repo_hub)}
    assert (name in asked) != (name in NOT_ASKED), (
        f"{name}: add a question to issueform.form_fields, or say in NOT_ASKED why not"
    )


@pytest.mark.parametrize("name", FIELDS)
def test_the_new_group_template_offers_every_field(name: str) -> None:
    template = (TEMPLATES / "new-group.yml").read_text()
    assert re.search(rf"^{name}:", template, re.M), f"{name}: add it to new-group.yml"


@pytest.mark.parametrize("name", FIELDS)
def test_the_group_page_shows_every_field_pages_may_show(name: str) -> None:
    page = (TEMPLATES / "group_page.html").read_text()
    published = CLASSIFICATION[Group][name] != NEVER
    shown = re.search(rf"\b{re.escape(SHOWN_AS.get(name, f'group.{name}'))}\b", page)
    assert bool(shown) == published, (
        f"{name}: show it in group_page.html" if published else f"{name}: never published"
    )


def test_the_exception_tables_name_only_fields_that_exist() -> None:
    assert set(NOT_ASKED) <= set(FIELDS)
    assert set(SHOWN_AS) <= set(FIELDS)

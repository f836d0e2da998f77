"""What `published_views` gives for one group of each visibility, compared with a
reviewed golden (tests/golden/published-views.json). Update with
`pytest -p no:xdist --inline-snapshot=fix` and review the diff."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from peerhub.content.groups import Group
from peerhub.content.outcomes import Design
from peerhub.decisions import privacy
from peerhub.decisions.evidence import matching_groups
from peerhub.decisions.masking import address, addresses, allowed
from peerhub.decisions.views import GroupView, OutcomesView, SizeView, as_json, view_of
from peerhub.render.project import load_site
from peerhub.site import Site

from conftest import VALID_GROUP, golden_json, make_project
from sample_groups import ANONYMOUS, PRIVATE, PUBLIC, group_view

GOLDEN = Path(__file__).parent / "golden"
REASONS = ("formats", "size", "cadence", "program", "facilitation", "composition")
#: Public, but its contact is not opted in: the contact must stay empty.
UNPUBLISHED_CONTACT = VALID_GROUP.replace("Example circle", "Closed contact circle") + (
    "contact:\n  name: Kept Back\n  email: kept@example.org\n"
)

#: Anonymous, with the two fields its neutral title is made from.
DESCRIBED_ANONYMOUS = ANONYMOUS.replace("q7w2e9r4t5y8", "h3j8k2m9p4x7") + (
    "audience: engineering managers\nsector: Technology\n"
)


@pytest.fixture(scope="module")
def sample_hub(tmp_path_factory: pytest.TempPathFactory) -> Site:
    groups = {
        "platform-leads-circle.yml": PUBLIC,
        "quiet-directors.yml": ANONYMOUS,
        "secret-circle.yml": PRIVATE,
        "closed-contact.yml": UNPUBLISHED_CONTACT,
        "described-quietly.yml": DESCRIBED_ANONYMOUS,
    }
    return load_site(make_project(tmp_path_factory.mktemp("views") / "hub", groups=groups))


def test_published_views_match_the_reviewed_golden(sample_hub: Site) -> None:
    fresh = Site(sample_hub.content, sample_hub.today)
    published = {slug: as_json(view) for slug, view in fresh.published_views.items()}
    golden_json("published-views.json", published)


def test_an_anonymous_group_without_an_id_has_no_address(sample_hub: Site) -> None:
    group = sample_hub.groups["quiet-directors"].model_copy(update={"anonymous_id": None})
    with pytest.raises(ValueError, match="anonymous group 'quiet-directors' has no anonymous_id"):
        address("quiet-directors", group)


def test_evidence_counts_groups_by_outcome_and_size_at_the_range_ends() -> None:
    design = Design.model_validate(
        {
            "title": "Six to eight",
            "formats": ["troika-consulting"],
            "size": {"min": 6, "max": 8},
            "session_minutes": 90,
            "cadence": "monthly",
            "program_months": {"min": 6, "max": 12},
            "facilitation": "members",
            "modes": ["virtual"],
            "composition": "Peers.",
            "reasons": dict.fromkeys(
                ("formats", "size", "cadence", "program", "facilitation", "composition"), "Because."
            ),
        }
    )

    def view(primary: str, members: int | None, attendance: int | None) -> GroupView:
        size = SizeView(invited=None, members=members, attendance=attendance)
        return group_view(outcomes=OutcomesView(primary, ()), size=size)

    views = {
        "smallest": view("support", 6, None),
        "largest": view("support", 8, 20),  # members count before attendance
        "by-attendance": view("support", None, 7),
        "too-small": view("support", 5, 7),
        "too-large": view("support", 9, None),
        "unknown-size": view("support", None, None),
        "other-outcome": view("team-building", 7, None),
    }
    assert matching_groups(views, "support", design) == ["smallest", "largest", "by-attendance"]


def test_addresses_map_file_names_to_published_addresses(sample_hub: Site) -> None:
    assert addresses(sample_hub.groups) == {
        "closed-contact": "closed-contact",
        "described-quietly": "anonymous-h3j8k2m9p4x7",
        "platform-leads-circle": "platform-leads-circle",
        "quiet-directors": "anonymous-q7w2e9r4t5y8",
    }


def test_a_field_nobody_classified_is_left_out_and_the_rest_still_published(
    sample_hub: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = dict(privacy.CLASSIFICATION[Group])
    del rules["summary"]  # as if the field were new
    monkeypatch.setitem(privacy.CLASSIFICATION, Group, rules)
    view = allowed(sample_hub.groups["platform-leads-circle"], "public")
    assert "summary" not in view
    assert view["name"] == "Platform leads circle"
    assert view["formats"] == ["troika-consulting", "case-clinic"]  # fields after it


def test_a_view_holds_exactly_the_classified_fields() -> None:
    """The view and the allow-list say the same: every classified group field is a view
    field, and the view adds only the address, status and anonymity."""
    declared = {f.name for f in dataclasses.fields(GroupView)}
    assert declared == set(privacy.CLASSIFICATION[Group]) | {"slug", "status", "anonymous"}


def test_a_view_refuses_a_field_it_does_not_declare_and_needs_every_one_it_does(
    sample_hub: Site,
) -> None:
    group = sample_hub.groups["platform-leads-circle"]
    data = {**allowed(group, "public", as_json=False), "slug": "x", "status": "active"}
    data["anonymous"] = False
    assert view_of(data).name == "Platform leads circle"
    with pytest.raises(TypeError):
        view_of({**data, "new_field": "shown by accident"})
    del data["summary"]  # classified fields are never left out, so the view notices
    with pytest.raises(TypeError):
        view_of(data)


def test_dates_stay_dates_until_a_page_formats_them(sample_hub: Site) -> None:
    view = sample_hub.published_views["platform-leads-circle"]
    assert view.added == dt.date(2025, 2, 1)
    assert as_json(view)["added"] == "2025-02-01"

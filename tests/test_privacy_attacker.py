"""An attacker's arithmetic against private groups: whatever they hold, the site is the same.

The attacker knows every published group's values (they are on the groups' pages and in
`/api/groups.json`), may subtract them from any figure, and may compare two builds that
differ by one group. The hub's rule (`privacy.FIGURES_RULE`) answers all of that at once
if what the site publishes does not depend on the private groups at all: then no figure,
however combined with the published values or with another build, carries anything of
theirs. So these tests build the same published groups with no private group, with one,
with one whose every value is changed, and with several of different kinds, and demand
that every published byte is the same: every generated page and data file (directory,
evidence, picker data, API, feed), every search entry, and every figure a guide's macro
draws (home charts, headline counts, outcome counts). A second public configuration
(one public group more) shows the same holds across a one-public-group change, so two
consecutive builds differ only by what the published groups themselves show.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peerhub.adapter.material import front_matter
from peerhub.render.components import Components
from peerhub.render.datafiles import generated_assets
from peerhub.render.pages import generated_pages, search_entries
from peerhub.render.project import load_site
from peerhub.site import Site

from conftest import make_project, mkdocs_build, site_files
from sample_groups import ANONYMOUS, CHECKINS, PUBLIC

SITE_URL = "https://hub.example.org/"


def group(name: str, formats: str, outcome: str, members: int, extra: str = "") -> str:
    """A small valid group file."""
    return (
        f"name: {name}\nsummary: A test group.\nadded: 2025-01-15\nformats: [{formats}]\n"
        f"outcomes:\n  primary: {outcome}\nsize:\n  members: {members}\n{extra}"
    )


def checkin(process: int, results: int, safety: int, attendance: int = 6) -> str:
    """One check-in list with one entry, for a group of 8."""
    return (
        "started: 2024-01\nrunning: true\ncheckins:\n"
        f"  - {{date: 2026-06-01, members: 8, meetings: 3, attendance: {attendance}, "
        f"process: {process}, results: {results}, safety: {safety}}}\n"
    )


#: Published groups: two public ones on troika consulting with known ratings (1 and 5,
#: the example of a median that gave a private group away), an anonymous one, and one
#: more public group with check-ins, so medians and maturity are drawn.
PUBLISHED = {
    "platform-leads-circle.yml": PUBLIC,
    "quiet-directors.yml": ANONYMOUS,
    "first.yml": group("First circle", "troika-consulting", "support", 8, checkin(1, 1, 1)),
    "second.yml": group("Second circle", "troika-consulting", "support", 8, checkin(5, 5, 5)),
    "third.yml": group("Third circle", "case-clinic", "problem-solving", 6, CHECKINS),
}
#: One more public group: the neighbouring build of a one-group change.
ONE_MORE = {
    **PUBLISHED,
    "fourth.yml": group("Fourth circle", "troika-consulting", "support", 7, checkin(3, 3, 3)),
}


def private(name: str, formats: str, outcome: str, members: int, extra: str = "") -> str:
    return group(name, formats, outcome, members, extra) + "visibility: private\n"


#: What the private groups may hold, from nothing to several groups that would each
#: move a figure: the same outcome and format as the public pair (Support, troika
#: consulting) with a rating of 2, every value changed, and a spread of kinds.
PRIVATE_SETS = {
    "none": {},
    "one like the public pair": {
        "hidden-a.yml": private("Hidden A", "troika-consulting", "support", 8, checkin(2, 2, 2)),
    },
    "the same one, every value changed": {
        "hidden-a.yml": private(
            "Hidden A",
            "case-clinic",
            "team-building",
            40,
            checkin(4, 1, 3, attendance=30).replace("members: 8", "members: 40")
            + "cadence: weekly\nmode: virtual\nsession_minutes: 30\nfacilitation: paid\n",
        ),
    },
    "four of different kinds": {
        f"hidden-{n}.yml": private(
            f"Hidden {n}",
            fmt,
            outcome,
            members,
            checkin(rating, rating, rating) + f"cadence: {cadence}\n",
        )
        for n, (fmt, outcome, members, rating, cadence) in enumerate(
            [
                ("troika-consulting", "support", 8, 2, "monthly"),
                ("troika-consulting", "support", 6, 4, "weekly"),
                ("case-clinic", "problem-solving", 5, 3, "quarterly"),
                ("mastermind-group", "deep-networking", 12, 1, "every-two-months"),
            ]
        )
    },
}

#: Every component a guide may call that draws figures or lists groups.
MACRO_FIGURES = [
    ("hub_figures",),
    ("outcome_counts",),
    ("group_sizes",),
    ("open_groups",),
    ("formats_index",),
    ("groups_index",),
    ("evidence_rules",),
    ("outcomes_table",),
    *[("group_chart", key) for key in ("sizes", "cadences", "outcomes", "lifespans")],
]


def published_everything(hub: Site) -> dict[str, str]:
    """Every file and fragment the site publishes from this hub, by where it lands."""
    out: dict[str, str] = {}
    for page in generated_pages(hub, SITE_URL):
        out[page.src_uri] = front_matter(page) + str(page.body())
    for path, content in generated_assets(hub, SITE_URL, {}):
        out[path] = content if isinstance(content, str) else content.decode("latin-1")
    out["search entries"] = repr(search_entries(hub))
    components = Components(hub)
    for name, *args in MACRO_FIGURES:
        out[f"macro {name}{tuple(args)}"] = str(getattr(components, name)(*args, page=""))
    return out


def hub_with(tmp_path: Path, published: dict[str, str], hidden: dict[str, str]) -> Site:
    root = tmp_path / f"hub-{len(list(tmp_path.iterdir()))}"
    return load_site(make_project(root, groups={**published, **hidden}))


@pytest.mark.parametrize(
    ("published", "troika", "support"),
    [(PUBLISHED, "Established: 3 groups", 3), (ONE_MORE, "Established: 4 groups", 4)],
    ids=["five-published", "six-published"],
)
def test_no_published_byte_depends_on_the_private_groups(
    tmp_path: Path, published: dict[str, str], troika: str, support: int
) -> None:
    baseline = published_everything(hub_with(tmp_path, published, {}))
    # The figures are really drawn: maturity and charts have groups behind them.
    assert troika in baseline["formats/troika-consulting.md"]
    # Support is served first by the anonymous group and two public ones (three, with
    # the fourth circle).
    chart = baseline["macro group_chart('outcomes',)"]
    assert f"<tr><td>Support</td><td>{support}</td></tr>" in chart
    for label, hidden in PRIVATE_SETS.items():
        if not hidden:
            continue
        hub = hub_with(tmp_path, published, hidden)
        assert sum(g.visibility == "private" for g in hub.groups.values()) == len(hidden)
        found = published_everything(hub)
        assert found.keys() == baseline.keys(), label
        changed = [where for where in baseline if found[where] != baseline[where]]
        assert changed == [], f"{label}: {changed}"


def test_the_one_group_change_is_seen_only_through_the_published_group(tmp_path: Path) -> None:
    """Between two builds that differ by one public group, the figures move by exactly
    that group's own published values: troika consulting goes from 3 groups to 4, and
    the medians that 3 groups with check-ins allow are those of the three published
    ratings."""
    before = hub_with(tmp_path, PUBLISHED, PRIVATE_SETS["four of different kinds"])
    after = hub_with(tmp_path, ONE_MORE, PRIVATE_SETS["four of different kinds"])
    troika = [hub.evidence["formats"]["troika-consulting"] for hub in (before, after)]
    assert (troika[0].groups, troika[1].groups) == (3, 4)
    assert troika[0].medians is None
    # Published ratings 1, 5 and 3 (the new group): median 3; attendance 6 of 8 and
    # 6 of 8 and 6 of 8: 75%.
    assert troika[1].medians is not None
    assert troika[1].medians.model_dump() == {
        "attendance": 75,
        "process": 3,
        "results": 3,
        "safety": 3,
    }


def test_a_real_build_is_the_same_byte_for_byte_with_and_without_private_groups(
    tmp_path: Path,
) -> None:
    """The same through MkDocs and Material, guides' macros, search index and sitemap:
    the home page of the fixture draws the charts and headline figures."""
    figures = "# Figures\n\n{{ hub_figures() }}\n\n{{ group_chart('outcomes') }}\n\n"
    figures += "{{ outcome_counts() }}\n\n{{ group_chart('cadences') }}\n"
    sites = []
    for hidden in (PRIVATE_SETS["none"], PRIVATE_SETS["four of different kinds"]):
        root = make_project(
            tmp_path / f"build-{len(sites)}",
            groups={**PUBLISHED, **hidden},
            docs={"figures.md": figures},
            macros=("figures.md",),
        )
        result = mkdocs_build(root)
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(site_files(root / "site"))
    assert b"Main outcome" in sites[0]["figures/index.html"]
    assert sites[0].keys() == sites[1].keys()
    assert [name for name in sites[0] if sites[0][name] != sites[1][name]] == []

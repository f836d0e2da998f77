"""Privacy: what contributors mark anonymous or private stays so, in every file of site/.

The classification table is pinned by a golden file a person reviewed; the end-to-end
tests build a small hub whose groups carry a marker in every field and look for the
markers (and the file names) in every file and path of the built site.
"""

from __future__ import annotations

import gzip
import inspect
from pathlib import Path

import pytest

from peerhub.content import formats, groups, modelbase, outcomes
from peerhub.decisions.masking import allowed
from peerhub.decisions.privacy import CLASSIFICATION, FIGURES_RULE, READABLE_NOTE, VISIBILITY_TEXT
from peerhub.render.project import load_site

from conftest import REPO, golden, make_project, mkdocs_build, soup

ANONYMOUS = """\
name: Wname Marker Circle
visibility: anonymous
anonymous_id: k4r7tq2mzx9w
summary: Psummary team leads who meet every month.
added: 2025-03-01
organization: Worg Marker Ltd
audience: Paudience leads
sector: Psector
story: |
  Pstory we *rotate* the host.
tools: [Ptools board]
what_worked: [Pworked pairing.]
challenges: [Pchallenge timing.]
advice: [Padvice start small.]
formats: [discussion-group]
outcomes:
  primary: support
credit: Wcredit marker account
contact:
  name: Wcontactname Marker
  email: wcontactemail@example.org
  url: https://wcontacturl.example.org/
links:
  - title: Wlinktitle marker
    url: https://wlinkurl.example.org/
"""

PUBLIC_NO_OPT_IN = """\
name: Open leads circle
summary: Team leads who meet every month.
added: 2025-03-02
formats: [discussion-group]
outcomes:
  primary: support
contact:
  name: Ncontactname Marker
  email: ncontactemail@example.org
  url: https://ncontacturl.example.org/
"""

PUBLIC_OPT_IN = """\
name: Shared leads circle
summary: Team leads who meet every month.
added: 2025-03-03
formats: [discussion-group]
outcomes:
  primary: support
contact:
  name: Ycontactname Marker
  email: ycontactemail@example.org
  url: https://ycontacturl.example.org/
publish_contact: true
"""

PRIVATE = """\
name: Xname marker
visibility: private
anonymous_id: p8m3n6b2v7c4
summary: Xsummary marker.
added: 2025-03-04
organization: Xorg marker
audience: Xaudience marker
sector: Xsector marker
story: Xstory marker.
tools: [Xtools marker]
what_worked: [Xworked marker.]
challenges: [Xchallenge marker.]
advice: [Xadvice marker.]
formats: [troika-consulting]
outcomes:
  primary: support
credit: Xcredit marker
contact:
  name: Xcontactname Xsurname
  email: xcontactemail@example.org
links:
  - title: Xlinktitle marker
    url: https://xlinkurl.example.org/
"""

WITHHELD = [
    # the anonymous group's file name and withheld fields
    "zorblax",
    "quuxcorp",
    "wname",
    "worg",
    "wcredit",
    "wcontactname",
    "wcontactemail",
    "wcontacturl",
    "wlinktitle",
    "wlinkurl",
    # a public group's contact without publish_contact
    "ncontactname",
    "ncontactemail",
    "ncontacturl",
    # everything of the private group, its file name and its random id
    "hushhush",
    "p8m3n6b2v7c4",
    *(f"x{field}" for field in ["name", "summary", "org", "audience", "sector", "story", "tools"]),
    *(f"x{field}" for field in ["worked", "challenge", "advice", "credit", "contactname"]),
    "xcontactemail",
    "xlinktitle",
    "xlinkurl",
]
SHOWN_FOR_ANONYMOUS = [
    "psummary",
    "paudience",
    "psector",
    "pstory",
    "ptools",
    "pworked",
    "pchallenge",
    "padvice",
]
SHOWN_OPT_IN = ["ycontactname", "ycontactemail", "ycontacturl"]
ADDRESS = "groups/anonymous-k4r7tq2mzx9w/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(
        tmp_path_factory.mktemp("privacy") / "hub",
        groups={
            "zorblax-quuxcorp-circle.yml": ANONYMOUS,
            "open-leads-circle.yml": PUBLIC_NO_OPT_IN,
            "shared-leads-circle.yml": PUBLIC_OPT_IN,
            "hushhush-circle.yml": PRIVATE,
        },
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def every_text(site: Path) -> dict[str, str]:
    """Every file of the site as lower-case text (gzip files decompressed), by path."""
    texts = {}
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            texts[path.relative_to(site).as_posix()] = data.decode("utf-8", "replace").lower()
    return texts


def test_nothing_withheld_reaches_any_file_or_path(site: Path) -> None:
    texts = every_text(site)
    assert "sitemap.xml.gz" in texts
    assert "search/search_index.json" in texts
    leaks = [
        f"{where}: {marker}"
        for where, text in texts.items()
        for marker in WITHHELD
        if marker in text or marker in where.lower()
    ]
    assert leaks == []


def test_the_anonymous_group_still_has_its_own_page(site: Path) -> None:
    texts = every_text(site)
    page = texts[ADDRESS + "index.html"]
    assert [m for m in SHOWN_FOR_ANONYMOUS if m not in page] == []
    html = soup(site / ADDRESS / "index.html")
    assert html.h1.get_text() == "Anonymous peer group of Paudience leads, Psector"
    directory = soup(site / "groups" / "index.html")
    links = [a["href"] for a in directory.select(".ph-directory a")]
    assert "anonymous-k4r7tq2mzx9w/" in links  # relative to groups/
    for where in ("api/groups.json", "groups/feed.xml", "search/search_index.json"):
        assert "anonymous peer group of paudience leads, psector" in texts[where], where
    assert ADDRESS in texts["sitemap.xml"]


def test_contact_needs_the_opt_in(site: Path) -> None:
    texts = every_text(site)
    page = texts["groups/shared-leads-circle/index.html"]
    assert [m for m in SHOWN_OPT_IN if m not in page] == []
    assert "ncontact" not in texts["groups/open-leads-circle/index.html"]


def test_every_model_field_is_classified() -> None:
    content_models = [
        cls
        for module in (modelbase, formats, groups, outcomes)
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if cls.__module__ == module.__name__
        and issubclass(cls, modelbase.Strict)
        and cls is not modelbase.Strict
    ]
    assert len(content_models) >= 13
    for cls in content_models:
        assert set(CLASSIFICATION.get(cls, {})) == set(cls.model_fields), cls.__name__


def table_text() -> str:
    lines = ["model.field: public anonymous"]
    for cls, rules in CLASSIFICATION.items():
        for name, rule in rules.items():
            anonymous = "yes" if rule.anonymous else "no"
            lines.append(f"{cls.__name__}.{name}: {rule.public} {anonymous}")
    return "\n".join(lines) + "\n"


def test_classification_matches_the_reviewed_table() -> None:
    golden("privacy-classification.txt", table_text())


def test_unclassified_fields_are_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    group = groups.Group.model_validate(
        {"name": "A", "summary": "B.", "added": "2025-01-01", "outcomes": {"primary": "support"}}
    )
    table = dict(CLASSIFICATION[groups.Group])
    del table["summary"]
    monkeypatch.setitem(CLASSIFICATION, groups.Group, table)
    assert "summary" not in allowed(group, "public")
    assert allowed(group, "public")["name"] == "A"


def anonymous_address(root: Path) -> dict[str, str]:
    return {v.name: slug for slug, v in load_site(root).published_views.items()}


def test_anonymous_address_is_stable_and_unrelated_to_the_file(tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub", groups={"zorblax-quuxcorp-circle.yml": ANONYMOUS})
    label = "Anonymous peer group of Paudience leads, Psector"
    assert anonymous_address(root) == {label: "anonymous-k4r7tq2mzx9w"}
    # Unrelated content changes and a renamed file keep the address.
    (root / "groups" / "zorblax-quuxcorp-circle.yml").rename(root / "groups" / "renamed.yml")
    (root / "groups" / "shared-leads-circle.yml").write_text(PUBLIC_OPT_IN)
    edited = ANONYMOUS.replace("every month", "every other month")
    (root / "groups" / "renamed.yml").write_text(edited)
    assert anonymous_address(root)[label] == "anonymous-k4r7tq2mzx9w"


FIGURES_PAGE = """\
# Figures

{{ hub_figures() }}

{{ group_chart("cadences") }}

{{ outcome_counts() }}
"""


def test_figures_count_the_published_groups_alone(tmp_path: Path) -> None:
    """Three public groups meet monthly and serve support; a private one meets quarterly
    and serves problem solving. Every figure shows the public groups and nothing else
    (three, so that the chart is drawn: `charts.FEWEST_TO_DRAW`)."""
    public = PUBLIC_NO_OPT_IN + "cadence: monthly\n"
    private = PRIVATE.replace("primary: support", "primary: problem-solving") + (
        "cadence: quarterly\n"
    )
    publics = {
        f"{name.lower()}-leads-circle.yml": public.replace("Open leads", f"{name} leads")
        for name in ("Open", "Second", "Third")
    }
    root = make_project(
        tmp_path / "hub",
        groups={**publics, "hushhush-circle.yml": private},
        docs={"figures.md": FIGURES_PAGE},
        macros=("figures.md",),
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    html = soup(root / "site" / "figures" / "index.html")
    figures = [" ".join(li.get_text().split()) for li in html.select(".ph-figures li")]
    assert figures[2] == "3 groups' experiences"
    chart = html.select_one("figure.ph-chart")
    numbers = chart.find_next_sibling("details")  # the numbers follow their figure
    rows = [[td.get_text() for td in tr.select("td")] for tr in numbers.select("tbody tr")]
    assert rows == [
        ["Weekly", "0"],
        ["Every two weeks", "0"],
        ["Monthly", "3"],
        ["Every two months", "0"],
        ["Quarterly", "0"],
    ]
    assert chart.select_one("figcaption").get_text() == "How often groups meet: 3 groups."
    counts = {
        tr.select("td")[0].get_text(): tr.select("td")[1].get_text()
        for tr in html.select("table")[-1].select("tbody tr")
    }
    assert counts["Support"] == "3"
    assert counts["Problem solving"] == "0"
    assert set(counts.values()) == {"0", "3"}


@pytest.mark.parametrize(
    "where",
    [
        "docs/contribute.md",
        "CONTRIBUTING.md",
        "src/peerhub/commands/templates/new-group.yml",
        ".github/ISSUE_TEMPLATE/share-experience.yml",
    ],
)
def test_contributors_are_told_what_each_level_publishes(where: str) -> None:
    text = " ".join((REPO / where).read_text(encoding="utf-8").split()).lower()
    if where.endswith("new-group.yml"):  # placeholders filled by `peerhub new group`
        text = text.replace("{visibility}", " ".join(VISIBILITY_TEXT.values()).lower())
        text = text.replace("{readable}", READABLE_NOTE.lower())
    for level in ("public", "anonymous", "private"):
        assert level in text, level
    assert "neutral title" in text
    assert "random address" in text
    assert "counted in no figure" in text or "no part in any figure" in text
    assert "everyone who can read the repository" in text
    assert "private channel" in text


@pytest.mark.parametrize("where", ["docs/contribute.md", "README.md"])
def test_the_figures_rule_is_stated_in_one_sentence(where: str) -> None:
    text = " ".join((REPO / where).read_text(encoding="utf-8").split())
    assert FIGURES_RULE in text

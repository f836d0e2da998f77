"""Property tests (Hypothesis, derandomized so CI runs the same examples every time).

- Any text in any field either validates or yields located errors; nothing else happens.
- Any bytes as a file are either read or refused with a located problem.
- Whatever validates renders to HTML with only allowlisted elements, attributes and links.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerhub.content.groups import Group
from peerhub.content.validation import validate
from peerhub.content.yamlsafe import YamlProblem, load_bytes
from peerhub.render.components import Components
from peerhub.render.markup import prose
from peerhub.site import Site

from conftest import VALID_GROUP, unsafe_parts

BASE = yaml.safe_load(VALID_GROUP)
TEXT_FIELDS = [
    "name",
    "summary",
    "audience",
    "sector",
    "organization",
    "story",
    "started",
    "mode",
    "cadence",
    "session_minutes",
    "publish_contact",
    "visibility",
]
LIST_FIELDS = ["what_worked", "challenges", "advice", "tools", "formats"]
# Fixed examples (derandomized), a bounded number of them, each within a time limit.
PROPERTY = settings(
    max_examples=200,
    deadline=timedelta(seconds=2),
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# Text that reaches for every trick: markup, template syntax, links, odd Unicode.
TRICKY = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.sampled_from(
            [
                "<script>",
                "</p>",
                "<img src=x onerror=alert(1)>",
                "{{",
                "}}",
                "{%",
                "%}",
                "{#",
                "[a](javascript:x)",
                "[b][r]\n\n[r]: data:x",
                "<https://x.example>",
                "*",
                "_",
                "`",
                "&#x61;",
                "\u202e",
                "\u200b",
                "\n",
                "  ",
                "- ",
                "# ",
                "| a |",
                "https://ok.example",
                "mailto:a@b.example",
                "//evil.example",
                "NO",
                "19:30",
                "~",
                "null",
                "&amp;",
            ]
        ),
        max_size=25,
    ).map("".join),
)


def check_located(text: bytes) -> None:
    try:
        doc = load_bytes(text, "groups/g.yml")
    except YamlProblem as exc:
        problem = exc.problem
        assert problem.path == "groups/g.yml"
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.field
        assert problem.message
        return
    _, problems = validate(doc, Group)
    for problem in problems:
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.field
        assert problem.message


@PROPERTY
@given(field=st.sampled_from(TEXT_FIELDS), value=TRICKY)
def test_any_text_in_any_field_validates_or_is_located(field: str, value: str) -> None:
    data = {**BASE, field: value}
    check_located(yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass"))


@PROPERTY
@given(field=st.sampled_from(LIST_FIELDS), values=st.lists(TRICKY, max_size=4))
def test_any_list_validates_or_is_located(field: str, values: list[str]) -> None:
    data = {**BASE, field: values}
    check_located(yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass"))


@PROPERTY
@given(raw=st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_with_a_location(raw: bytes) -> None:
    check_located(raw)


def render(group: Group, hub: Site) -> BeautifulSoup:
    alone = Site(replace(hub.content, groups={"g": group}), hub.today)
    html = Components(alone).group_page("g", "groups/g/")
    return BeautifulSoup(str(html), "html.parser")


@PROPERTY
@given(name=TRICKY, summary=TRICKY, story=TRICKY, worked=st.lists(TRICKY, max_size=3))
def test_whatever_validates_renders_safely(
    repo_hub: Site, name: str, summary: str, story: str, worked: list[str]
) -> None:
    data = {**BASE, "name": name, "summary": summary, "story": story, "what_worked": worked}
    try:
        doc = load_bytes(yaml.safe_dump(data, allow_unicode=True).encode(), "g.yml")
    except (YamlProblem, UnicodeEncodeError):
        return
    group, _ = validate(doc, Group)
    if group is None:
        return
    page = render(group, repo_hub)
    assert unsafe_parts(page) == []
    assert page.h1.get_text() == group.name


@PROPERTY
@given(text=TRICKY)
def test_prose_output_is_allowlisted(text: str) -> None:
    html = BeautifulSoup(str(prose(text)), "html.parser")
    assert unsafe_parts(html) == []
    assert not {t.name for t in html.find_all(True)} - {
        "p",
        "em",
        "strong",
        "a",
        "ul",
        "ol",
        "li",
        "code",
        "br",
        "blockquote",
    }

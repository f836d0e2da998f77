"""Models and rules: what a contributor is told for each kind of mistake."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from peerhub.content.fieldtypes import first_hidden_character
from peerhub.content.groups import Group
from peerhub.content.problems import ContentError
from peerhub.content.validation import validate
from peerhub.content.yamlsafe import load_bytes
from peerhub.render.project import check_project, load_site

from conftest import VALID_GROUP, make_project


def messages(text: str) -> list[str]:
    doc = load_bytes(text.encode(), "groups/g.yml")
    model, problems = validate(doc, Group)
    assert (model is None) == bool(problems)
    return [str(p) for p in problems]


def group(**extra: str) -> str:
    return VALID_GROUP + "".join(f"{key}: {value}\n" for key, value in extra.items())


def test_valid_group_types_values() -> None:
    doc = load_bytes(group(session_minutes="90", publish_contact="false").encode(), "g.yml")
    model, problems = validate(doc, Group)
    assert problems == []
    assert model is not None
    assert model.session_minutes == 90
    assert model.publish_contact is False
    assert model.added == dt.date(2025, 1, 15)
    assert model.status == "unknown"  # nobody said it still meets
    assert model.model_copy(update={"running": True}).status == "active"
    assert model.model_copy(update={"running": False}).status == "ended"
    assert model.model_copy(update={"ended": "2025"}).status == "ended"


def test_all_errors_reported_at_once() -> None:
    found = messages(group(cadence="sometimes", mode="online", session_minutes="lots"))
    assert [m.split(": error: ")[1].split(":")[0] for m in found] == [
        "mode",
        "cadence",
        "session_minutes",
    ]


def test_unknown_field_without_close_match_lists_allowed_fields() -> None:
    (message,) = messages(group(zzz="1"))
    assert "zzz: unknown field; allowed here: name, visibility, anonymous_id, summary" in message


def test_nested_unknown_field_suggests_from_its_own_model() -> None:
    (message,) = messages(group(size="{membrs: 4}"))
    assert message.endswith("size.membrs: unknown field; did you mean 'members'?")


def test_empty_value_is_explained() -> None:
    (message,) = messages(VALID_GROUP.replace("Example circle", ""))
    assert message == "groups/g.yml:1:6: error: name: has no value; write one, or delete the line"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=c#d", True),
        ("mailto:someone@example.org", True),
        ("http://example.org", False),
        ("javascript:alert(1)", False),
        ("jav&#x61;script:alert(1)", False),
        ("data:text/html,hi", False),
        ("//example.org/x", False),
        ("https:///no-host", False),
        ("ftp://example.org", False),
    ],
)
def test_links_allow_only_https_and_mailto(url: str, ok: bool) -> None:
    found = messages(group(links=f'[{{title: "Page", url: "{url}"}}]'))
    assert (found == []) is ok
    if not ok:
        assert "links must start with https:// (or mailto: for e-mail)" in found[0]


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2023", True),
        ("2023-09", True),
        ("2023-09-14", True),
        ("2023-13", False),
        ("Sept 2023", False),
        ("2023-02-30", False),
    ],
)
def test_partial_dates(value: str, ok: bool) -> None:
    assert (messages(group(started=value)) == []) is ok


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u2066", "\u2060"])
def test_hidden_characters_are_refused(char: str) -> None:
    (message,) = messages(VALID_GROUP.replace("Example", f"Exa{char}mple"))
    assert f"contains an invisible or control character (U+{ord(char):04X}) at character 4" in (
        message
    )


def test_every_character_the_text_fields_refuse_is_one_python_calls_unprintable() -> None:
    """Text Python calls printable skips the search for refused characters: over every
    code point, each refused one must be unprintable, or it would slip through."""
    every = [chr(c) for c in range(sys.maxunicode + 1)]
    refused = [c for c in every if first_hidden_character(c, multiline=False)]
    assert len(refused) > 2000  # controls, surrogates, non-characters, the sneaky ones
    assert [f"U+{ord(c):04X}" for c in refused if c.isprintable()] == []
    in_prose = {c for c in refused if first_hidden_character(c, multiline=True)}
    assert set(refused) - in_prose == {"\t", "\n"}


@pytest.mark.parametrize("char", ["\u202e", "\u00ad", "\U0010ffff", "\u200b", "\ufdd0"])
def test_a_refused_character_in_printable_looking_prose_is_still_found(char: str) -> None:
    story = f"  story: |\n    Line one.\n    Then a hidden {char}mark.\n"
    (message,) = messages(VALID_GROUP + story.replace("  story", "story"))
    assert f"invisible or control character (U+{ord(char):04X})" in message


def test_over_long_text_is_refused() -> None:
    (message,) = messages(VALID_GROUP.replace("Example circle", "x" * 101))
    assert message.endswith("name: is 101 characters long; the limit is 100")


def project_problems(tmp_path: Path, **groups: str) -> list[str]:
    root = make_project(tmp_path / "hub", groups={f"{k}.yml": v for k, v in groups.items()})
    _, problems = check_project(root, on=dt.date(2026, 1, 1))
    return [f"{p.severity}: {p.field}: {p.message}" for p in problems]


def test_cross_field_rules(tmp_path: Path) -> None:
    text = group(
        visibility="anonymous",
        anonymous_id="k4r7tq2mzx9w",
        publish_contact="true",
        started="2024-05",
        ended="2023",
        size="{invited: 5, members: 9, attendance: 3}",
    ).replace("primary: support", "primary: support\n  secondary: [support]")
    found = project_problems(tmp_path, circle=text)
    assert found == [
        "error: outcomes.secondary[1]: 'support' is already a primary outcome",
        "error: publish_contact: contacts are never published for anonymous groups; "
        "remove this line or set visibility: public",
        "error: ended: 2023 is before started (2024-05)",
        "error: size.members: members (9) is larger than invited (5)",
    ]


def test_file_level_rules(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "hub", groups={"index.yml": VALID_GROUP, "other.yaml": VALID_GROUP}
    )
    (root / "groups" / "linked.yml").symlink_to(root / "groups" / "index.yml")
    (root / "outcomes" / "support.yml").unlink()
    (root / "outcomes" / "networking.yml").write_text(
        (root / "outcomes" / "deep-networking.yml").read_text()
    )
    _, problems = check_project(root)
    assert [str(p) for p in problems] == [
        "groups/index.yml:1:1: error: (file): 'index' is a reserved name; choose another file name",
        "groups/linked.yml:1:1: error: (file): symbolic links are not allowed in content "
        "folders; copy the file instead",
        "groups/other.yaml:1:1: error: (file): rename the file to other.yml (the hub reads "
        ".yml files)",
        "outcomes/networking.yml:1:1: error: (file): 'networking' is not one of the ten "
        "outcomes: coaching-culture, core-coaching-skills, leadership-development, "
        "management-development, deep-networking, problem-solving, supervisory-development, "
        "support, team-building, transfer-of-training",
        "outcomes/support.yml:1:1: error: (file): missing: each of the ten outcomes needs its "
        "own file",
    ]


def test_format_rules(tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub")
    path = root / "formats" / "troika-consulting.yml"
    text = path.read_text().replace(
        "related: [case-clinic, peer-coaching-group]", "related: [troika-consulting, case-clinc]"
    )
    path.write_text(text.replace("  min: 3\n  max: 30", "  min: 4\n  max: 3"))
    _, problems = check_project(root)
    assert [p.message for p in problems] == [
        "max (3) is smaller than min (4)",
        "a format cannot be related to itself",
        "no format 'case-clinc' exists; did you mean 'case-clinic'?",
    ]


def test_load_hub_raises_with_every_problem(tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub", groups={"a.yml": "name: [\n", "b.yml": "- x\n"})
    with pytest.raises(ContentError) as caught:
        load_site(root)
    assert [p.path for p in caught.value.problems] == ["groups/a.yml", "groups/b.yml"]


def test_the_real_project_is_valid() -> None:
    root = Path(__file__).resolve().parents[1]
    hub, problems = check_project(root)
    assert problems == []
    assert len(hub.outcomes) == 10
    assert (root / "groups").is_dir()

"""The no-git path: the issue form and `peerhub from-issue`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import typing
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from peerhub.commands.cli import main
from peerhub.commands.issues.definitions import form_yaml
from peerhub.commands.issues.questions import checkin_fields, form_fields
from peerhub.commands.issues.reader import group_from_issue
from peerhub.commands.issues.reply import reply
from peerhub.content.groups import Group
from peerhub.content.problems import Problem
from peerhub.content.validation import validate
from peerhub.content.yamlsafe import load_bytes
from peerhub.render.project import check_project
from peerhub.site import Site

from conftest import REPO, make_project

BODIES = Path(__file__).parent / "issues"


def test_committed_issue_form_is_current(hub: Site) -> None:
    committed = (REPO / ".github" / "ISSUE_TEMPLATE" / "share-experience.yml").read_text()
    assert committed == form_yaml(hub), "run `peerhub issue-form` to refresh it"


def test_form_fields_are_group_fields(hub: Site) -> None:
    for spec in form_fields(hub):
        model: type[BaseModel] = Group
        *parents, last = spec.field.split(".")
        for part in parents:
            annotation = model.model_fields[part].annotation
            model = next(
                a
                for a in (annotation, *typing.get_args(annotation))
                if isinstance(a, type) and issubclass(a, BaseModel)
            )
        assert last in model.model_fields, spec.field


def test_form_is_a_valid_issue_form(hub: Site) -> None:
    form = yaml.safe_load(form_yaml(hub))
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids))
    assert form["labels"] == ["experience"]
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def test_complete_body_becomes_a_valid_group(hub: Site) -> None:
    slug, text, problems = group_from_issue(hub, (BODIES / "complete.md").read_text())
    assert problems == []
    assert slug == "finance-leaders-circle"
    group, found = validate(load_bytes(text.encode(), "g.yml"), Group)
    assert found == []
    assert group is not None
    assert group.outcomes.primary == "problem-solving"
    assert group.outcomes.secondary == ["support", "deep-networking"]
    assert group.formats == ["troika-consulting", "case-clinic"]
    assert (group.size.invited, group.size.members, group.size.attendance) == (12, 8, 6)
    assert group.publish_contact is True
    assert group.what_worked == ["Rotating the host every meeting", "A shared folder for notes"]
    assert group.links[0].url == "https://intranet.example.org/finance-circle"
    assert group.story is not None
    assert "**troika**" in group.story
    assert text.startswith("# yaml-language-server: $schema=../schema/group.schema.json\n")


def test_missing_and_extra_sections_are_explained(hub: Site) -> None:
    _, _, problems = group_from_issue(hub, (BODIES / "missing-and-extra.md").read_text(), "body.md")
    assert [str(p) for p in problems] == [
        "body.md:1:1: error: summary: the section '### One-sentence summary' is missing; "
        "fill it in",
        "body.md:1:1: error: visibility: the section '### What may we publish?' is missing; "
        "fill it in",
        "body.md:9:1: error: (form): unexpected section 'Favourite snacks'; remove it or use "
        "the form as it is",
        "body.md:13:1: error: consent: tick the consent box before we can publish anything",
    ]


@pytest.mark.parametrize("days", [-1, 1])
def test_the_added_day_is_the_day_the_checks_use(hub: Site, days: int) -> None:
    """A run that crosses midnight stamps and checks `added` with one clock: the form
    once stamped the wall clock's day and checked it against the site's day, so a
    run that began before midnight refused its own stamp as "in the future"."""
    day = dt.date.today() + dt.timedelta(days=days)
    _, text, problems = group_from_issue(
        dataclasses.replace(hub, today=day), (BODIES / "complete.md").read_text()
    )
    assert problems == []
    assert yaml.safe_load(text)["added"] == day


def test_bad_answers_point_at_their_sections(hub: Site) -> None:
    _, _, problems = group_from_issue(hub, (BODIES / "bad-values.md").read_text(), "body.md")
    assert [str(p) for p in problems] == [
        "body.md:19:1: error: formats: 'Fishbowl' is not one of the form's options",
        "body.md:23:1: error: session_minutes: expected a whole number such as 8, got 'an hour'",
        # a rule on the written file, reported with the schema's problems (line 27: 2999-01)
        "body.md:27:1: error: started: 2999-01 is in the future; use the date it really happened",
        "body.md:31:1: error: links[1].url: links must start with https:// (or mailto: for "
        "e-mail), got 'http://example.org/owls'",
    ]


def test_rules_apply_too(hub: Site) -> None:
    body = (BODIES / "bad-values.md").read_text()
    body = body.replace(", Fishbowl", "").replace("an hour", "60").replace("http:", "https:")
    _, _, problems = group_from_issue(hub, body, "body.md")
    assert [str(p) for p in problems] == [
        "body.md:27:1: error: started: 2999-01 is in the future; use the date it really happened"
    ]


def test_cli_writes_a_file_the_project_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path / "hub")
    code = main(["from-issue", str(BODIES / "complete.md"), "--write", "--root", str(root)])
    assert code == 0
    assert capsys.readouterr().out == "wrote groups/finance-leaders-circle.yml\n"
    _, problems = check_project(root)
    assert problems == []
    code = main(["from-issue", str(BODIES / "complete.md"), "--root", str(root)])
    assert code == 1
    assert "already exists" in capsys.readouterr().out


def test_cli_reports_problems_with_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["from-issue", str(BODIES / "bad-values.md"), "--root", str(REPO)])
    assert code == 1
    assert capsys.readouterr().out.startswith("bad-values.md:19:1: error: formats:")


def body_with(**answers: str) -> str:
    """The complete example body with some answers replaced (by section label)."""
    text = (BODIES / "complete.md").read_text()
    for label, answer in answers.items():
        text = re.sub(
            rf"(### {re.escape(label)}\n\n)(.*?)(\n\n###|\Z)",
            lambda m, a=answer: m.group(1) + a + m.group(3),
            text,
            count=1,
            flags=re.S,
        )
    return text


def bot_reply(tmp_path: Path, body: str) -> str:
    (tmp_path / "body.md").write_text(body)
    args = ["from-issue", str(tmp_path / "body.md"), "--root", str(REPO)]
    assert main([*args, "--comment", str(tmp_path / "reply.md")]) == 1
    return (tmp_path / "reply.md").read_text()


def test_the_bots_reply_names_the_forms_questions_and_every_problem_at_once(
    tmp_path: Path,
) -> None:
    """A realistic first try: six mistakes, among them a date and a contact that the
    rules check only on the written file. Every one is in the first reply, under the
    question as the form shows it, in the form's order, with what to write there."""
    body = body_with(**{
        "Formats you use": "Troika consultin, Case clinic",
        "Meeting length in minutes": "45 mins",
        "People at a typical meeting": "12",
        "When the group started": "2999-01",
        "Links": "Our page | http://example.org/circle",
        "Contact name": "_No response_",
        "Contact e-mail": "_No response_",
    })  # fmt: skip
    assert bot_reply(tmp_path, body) == (
        "Thanks! A few answers need changing before this can become a page:\n\n"
        "- **Formats you use**: 'Troika consultin' is not one of the form's options; "
        "did you mean 'Troika consulting'?\n"
        "- **Meeting length in minutes**: write a whole number, such as 45 "
        "(the answer was '45 mins')\n"
        "- **People at a typical meeting**: attendance (12) is larger than members (8)\n"
        "- **When the group started**: 2999-01 is in the future; use the date it really happened\n"
        "- **Links**: links must start with https:// (or mailto: for e-mail), "
        "got 'http://example.org/circle'\n"
        "- **Publish the contact?**: there is no contact to publish; add “Contact name”\n"
        "\nEdit the issue and the check runs again.\n"
    )


def test_a_whole_number_question_asks_for_a_whole_number(tmp_path: Path) -> None:
    """ "People at a typical meeting" takes a whole number on this form (the check-in's
    average may be 6.5); the example must be one the question accepts."""
    text = bot_reply(tmp_path, body_with(**{"People at a typical meeting": "about six"}))
    assert "- **People at a typical meeting**: write a whole number, such as 8 " in text


def test_the_bots_reply_gives_no_line_file_or_field_of_a_file(tmp_path: Path) -> None:
    body = body_with(**{"Meeting length in minutes": "an hour", "Sector": "_No response_"})
    body = body.replace("### Sector", "### Favourite snacks") + "\n### Sector\n\nRetail\n"
    body += "\n### Sector\n\nFinance\n"
    text = bot_reply(tmp_path, body)
    assert re.findall(r"body\.md|:\d+|line \d+|session_minutes|###", text) == []
    assert "- **Sector**: the issue answers this question twice; keep one answer\n" in text
    assert "- **The form**: “Favourite snacks” is not a question on the form;" in text


def test_an_answer_cannot_write_markdown_into_the_bots_reply(tmp_path: Path) -> None:
    """A quoted answer shows as written: no heading, code, link, image, mention or
    issue reference of its own."""
    answer = "`x` ## <img src=x onerror=alert(1)> [a](https://evil.example) @octocat #12 *b*"
    text = bot_reply(tmp_path, body_with(**{"How often you meet": answer}))
    line = next(item for item in text.splitlines() if item.startswith("- **How often you meet**"))
    quoted = line.split(": ", 1)[1]
    assert re.findall(r"[`<>\[\]@#*]", re.sub(r"&#\d+;", "", quoted)) == []
    assert "&#64;octocat &#35;12" in quoted
    assert html.unescape(quoted).endswith(f"got '{answer}'")


def test_a_reserved_file_name_is_refused(hub: Site) -> None:
    _, _, problems = group_from_issue(hub, body_with(**{"Group name": "Page"}), "body.md")
    assert [str(p) for p in problems if p.field == "name"] == [
        "body.md:3:1: error: name: the group name gives the file name 'page.yml', but "
        "'page' is a reserved name; choose another name"
    ]


def test_a_section_given_twice_is_an_error(hub: Site) -> None:
    body = body_with() + "\n### Sector\n\nFinance\n"
    _, _, problems = group_from_issue(hub, body, "body.md")
    assert [p.message for p in problems] == [
        "the section '### Sector' appears twice (first on line 17); keep one answer"
    ]


def test_the_form_can_say_whether_the_group_still_meets(hub: Site) -> None:
    body = body_with() + "\n### Is the group still meeting?\n\nNo, it has stopped\n"
    _, text, problems = group_from_issue(hub, body, "body.md")
    assert problems == []
    assert "running: 'false'" in text or "running: false" in text


def test_the_form_can_say_how_to_join(hub: Site) -> None:
    body = body_with() + (
        "\n### Can new members join?\n\nThere is a waitlist\n"
        "\n### Next intake\n\n2099-03\n"
        "\n### How to ask to join\n\nE-mail Sam with a line about your role.\n"
    )
    _, text, problems = group_from_issue(hub, body, "body.md")
    assert problems == []
    group, found = validate(load_bytes(text.encode(), "g.yml"), Group)
    assert found == []
    assert group is not None
    assert (group.joining, group.next_intake) == ("waitlist", "2099-03")
    assert group.join_how == "E-mail Sam with a line about your role."


def test_a_bad_intake_month_points_at_its_answer(hub: Site) -> None:
    body = body_with() + "\n### Can new members join?\n\nThere is a waitlist\n"
    body += "\n### Next intake\n\nspring\n"
    _, _, problems = group_from_issue(hub, body, "body.md")
    lines = body.split("\n")
    assert [str(p) for p in problems] == [
        f"body.md:{lines.index('spring') + 1}:1: error: next_intake: expected a month as "
        "YYYY-MM (such as 2027-03), got 'spring'"
    ]


def test_a_number_answer_int_cannot_read_gets_the_forms_message(hub: Site) -> None:
    body = (BODIES / "bad-values.md").read_text().replace("an hour", "\u00b2")
    _, _, problems = group_from_issue(hub, body, "body.md")
    assert (
        "body.md:23:1: error: session_minutes: expected a whole number such as 8, got '\u00b2'"
        in [str(p) for p in problems]
    )


def test_yes_no_answers_and_whole_numbers_are_written_as_yaml_values(hub: Site) -> None:
    """ "Yes, it still meets" becomes `running: true`, not the text 'true'."""
    complete = (BODIES / "complete.md").read_text()
    asked = "\n\n### Is the group still meeting?\n\n{}\n"
    _, text, problems = group_from_issue(hub, complete + asked.format("Yes, it still meets"))
    assert problems == []
    assert re.search(r"^running: true$", text, re.M)
    assert yaml.safe_load(text)["running"] is True
    _, text, _ = group_from_issue(hub, complete + asked.format("No, it has stopped"))
    assert yaml.safe_load(text)["running"] is False


def said(hub: Site, *found: tuple[str, str], checkin: bool = False) -> list[str]:
    """The bot's items for problems given as (field, message), in its order."""
    questions = checkin_fields() if checkin else form_fields(hub)
    problems = [Problem("issue", 1, 1, field, message) for field, message in found]
    return [line for line in reply(problems, questions).splitlines() if line.startswith("- ")]


def test_the_rules_file_words_become_the_forms_questions_and_answers(hub: Site) -> None:
    """Each rule that names a file's field or value, as the bot says it on the form:
    the question's label, the option as the form shows it, and a cleared answer for a
    removed line. Expected words written from the form's questions and options."""
    assert said(
        hub,
        (
            "join_how",
            "is published only with the contact; add contact: and publish_contact: true, "
            "or remove this line",
        ),
        (
            "publish_contact",
            "contacts are never published for anonymous groups; remove this line or set "
            "visibility: public",
        ),
        (
            "joining",
            "the group has ended, so it cannot be 'open'; use joining: closed or remove the line",
        ),
        ("outcomes.secondary[1]", "leave it out, or make it the main one: primary: support"),
    ) == [
        "- **Other outcomes**: leave it out, or make it the main one: “Main outcome”: Support",
        "- **Can new members join?**: the group has ended, so it cannot be 'open'; use "
        "“Can new members join?”: No, not at the moment or clear that answer",
        "- **How to ask to join**: is published only with the contact; add “Contact name” and "
        "“Publish the contact?”: ticked, or clear that answer",
        "- **Publish the contact?**: contacts are never published for anonymous groups; clear "
        "that answer or set “What may we publish?”: Public",
    ]


def test_each_problem_goes_under_its_question_or_the_form(hub: Site) -> None:
    """A listed field's own question; a nested one's (`links[2].url`, `contact`) the
    first question of its field; the summary's missing section; anything else the form."""
    assert said(
        hub,
        ("favourite_snack", "unknown field"),
        ("consent", "tick the box"),
        ("links[2].url", "links must start with https://"),
        ("contact", "add a name"),
        ("summary", "the section '### One-sentence summary' is missing; fill it in"),
        ("size.attendance", "expected a whole number"),
        ("session_minutes", "expected a whole number, got 'an hour'"),
    ) == [
        "- **One-sentence summary**: this question is gone from the issue; edit the issue and "
        "answer it",
        "- **Meeting length in minutes**: write a whole number, such as 45 (the answer was "
        "'an hour')",
        "- **People at a typical meeting**: write a whole number, such as 8",
        "- **Links**: links must start with https://",
        "- **Contact name**: add a name",
        "- **Consent**: tick the box",
        "- **The form**: unknown field",
    ]


def test_only_the_check_ins_decimal_question_asks_for_a_decimal(hub: Site) -> None:
    attendance = "How many members came to a meeting, on average, in that time?"
    assert said(
        hub,
        ("attendance", "expected a number, got 'most'"),
        ("members", "expected a whole number, got 'six'"),
        checkin=True,
    ) == [
        "- **How many members does the group have today?**: write a whole number, such as 8 "
        "(the answer was 'six')",
        f"- **{attendance}**: write a number, such as 6.5 (the answer was 'most')",
    ]
    assert said(hub, ("attendance", "must be 0 or more"), checkin=True) == [
        f"- **{attendance}**: must be 0 or more"
    ]

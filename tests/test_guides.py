"""Validate ⇒ builds, for what guides and settings ask: every macro call that names a
group, format, outcome or chart, every listed macro page and `site_url` are checked by
`peerhub validate`, located at the line that asks, and stop `mkdocs build --strict` with
the same words and no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from peerhub.commands.cli import main
from peerhub.decisions.checkins import SCALE
from peerhub.render.guides import MACROS, page_url
from peerhub.render.project import load_site

from conftest import REPO, VALID_GROUP, failed_build_keeps_site, make_project, mkdocs_build

PUBLIC = VALID_GROUP.replace("Example circle", "Staff plus circle")
ANONYMOUS = (
    VALID_GROUP.replace("Example circle", "Quiet circle")
    + "visibility: anonymous\nanonymous_id: k4r7tq2mzx9w\n"
)


def validate(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["validate", "--root", str(root)])
    return code, capsys.readouterr().out.splitlines()


def guide_project(tmp_path: Path, guide: str, **groups: str) -> Path:
    files = {"staff-plus-circle.yml": PUBLIC, "quiet-circle.yml": ANONYMOUS}
    files |= {f"{name}.yml": text for name, text in groups.items()}
    return make_project(
        tmp_path / "hub", groups=files, docs={"guide.md": guide}, macros=("guide.md",)
    )


def test_a_card_of_a_group_made_private_is_an_error_at_the_guide_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guide = '# Guide\n\nAn example:\n\n{{ group_card("staff-plus-circle") }}\n'
    root = guide_project(tmp_path, guide)
    assert validate(root, capsys) == (0, [])
    (root / "groups" / "staff-plus-circle.yml").write_text(PUBLIC + "visibility: private\n")
    expected = (
        "docs/guide.md:5:4: error: group_card(): the group 'staff-plus-circle' is private, "
        "so it has no card; remove the call or choose a published group"
    )
    assert validate(root, capsys) == (1, [expected])
    assert expected in failed_build_keeps_site(root)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'format_card("troika-consultng")',
            "format_card(): there is no format 'troika-consultng'; did you mean "
            "'troika-consulting'?",
        ),
        (
            "format_page('zz')",
            "format_page(): there is no format 'zz'; see the files in formats/ "
            f"({len(list((REPO / 'formats').glob('*.yml')))} in all)",
        ),
        (
            'outcome_page("suport")',
            "outcome_page(): there is no outcome 'suport'; did you mean 'support'?",
        ),
        (
            'group_chart("size")',
            "group_chart(): there is no chart 'size'; did you mean 'sizes'?",
        ),
        ("group_chart()", "group_chart(): takes 1 argument, got 0"),
        ('hub_figures("x")', "hub_figures(): takes 0 arguments, got 1"),
        ('checkin_questions("sheet", "x")', "checkin_questions(): takes 0 to 1 argument, got 2"),
        (
            'checkin_questions("sheets")',
            "checkin_questions(): there is no variant 'sheets'; did you mean 'sheet'?",
        ),
        ("format_card(3)", "format_card(): expected a text in quotes, got 3"),
        (
            'group_card("nobody")',
            "group_card(): there is no group 'nobody'; the groups are: quiet-circle, "
            "staff-plus-circle",
        ),
        (
            'group_card("quiet-circle")',
            "group_card(): the group 'quiet-circle' is anonymous: a card named by its file "
            "name would link its file to its page; remove the call or choose a public group",
        ),
        (
            'group_page("staff-plus")',
            "group_page(): there is no published group address 'staff-plus'; did you mean "
            "'staff-plus-circle'?",
        ),
    ],
)
def test_each_call_is_checked_against_what_the_hub_publishes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], call: str, message: str
) -> None:
    root = guide_project(tmp_path, f"# Guide\n\nSee   {{{{ {call} }}}} here.\n")
    assert validate(root, capsys) == (1, [f"docs/guide.md:3:10: error: {message}"])


def test_calls_that_fit_pass_and_computed_arguments_are_left_to_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guide = (
        "# Guide\n\n{{ group_card('staff-plus-circle') }} {{ format_card('case-clinic') }}\n"
        "{{ group_chart('lifespans') }} {{ checkin_questions('sheet') }} {{ hub_figures() }}\n"
        "{{ group_page('anonymous-k4r7tq2mzx9w') }} {{ outcome_page('support') }}\n"
        "{% set slug = 'case-clinic' %}{{ format_card(slug) }} {{ now() }}\n"
        "{{ checkin_questions('') }} {{ checkin_questions() }}\n"
        "{% set names = ['case-clinic'] %}{{ format_card(*names) }}\n"
    )
    root = guide_project(tmp_path, guide)
    assert validate(root, capsys) == (0, [])
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr


def test_a_page_that_is_no_template_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = guide_project(tmp_path, "# Guide\n\nText\n{{ format_card('case-clinic' }}\n")
    code, lines = validate(root, capsys)
    assert code == 1
    assert lines == [
        "docs/guide.md:4:1: error: (file): not a valid template, so its macros cannot run: "
        "unexpected '}', expected ')'"
    ]


def test_every_registered_macro_is_checked() -> None:
    source = (Path(__file__).parents[1] / "src" / "peerhub" / "adapter" / "macros.py").read_text()
    assert "for macro_name in MACROS:" in source
    assert len(MACROS) == 17


@pytest.mark.parametrize(
    ("src", "url"),
    [
        ("index.md", ""),
        ("README.md", ""),
        ("groups/index.md", "groups/"),
        ("groups.md", "groups/"),
        ("guides/README.md", "guides/"),
        ("formats/troika-consulting.md", "formats/troika-consulting/"),
        ("my-index.md", "my-index/"),
    ],
)
def test_page_addresses_follow_mkdocs_directory_urls(src: str, url: str) -> None:
    assert page_url(src) == url


SITE_URL_LINE = 'site_url: !ENV [PEERHUB_SITE_URL, "https://peer-group-hub.example.org/"]\n'


@pytest.mark.parametrize(
    "case",
    [
        ('site_url: ""\n', {}, "it is empty"),
        ("site_url:\n", {}, "it is empty"),
        ('site_url: "javascript:alert(1)"\n', {}, "got 'javascript:alert(1)'"),
        ("site_url: hub.example.org\n", {}, "got 'hub.example.org'"),
        (
            SITE_URL_LINE,
            {"PEERHUB_SITE_URL": "ftp://hub.example.org/"},
            "got 'ftp://hub.example.org/'",
        ),
        ("site_url: !ENV PEERHUB_SITE_URL\n", {}, "it is empty"),
    ],
)
def test_site_url_must_be_an_http_address(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    case: tuple[str, dict[str, str], str],
) -> None:
    line, env, message = case
    monkeypatch.delenv("PEERHUB_SITE_URL", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    root = make_project(tmp_path / "hub")
    config = (root / "mkdocs.yml").read_text()
    assert SITE_URL_LINE in config
    (root / "mkdocs.yml").write_text(config.replace(SITE_URL_LINE, line))
    code, lines = validate(root, capsys)
    column = 10 if line == "site_url:\n" else 11  # an empty value is at the line's end
    fix = "set site_url to the published address, such as https://hub.example.org/"
    assert (code, lines) == (1, [f"mkdocs.yml:5:{column}: error: site_url: {fix}; {message}"])


@pytest.mark.parametrize("env", [{}, {"PEERHUB_SITE_URL": "http://localhost:8000/"}])
def test_a_site_url_from_the_environment_or_its_default_passes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
) -> None:
    monkeypatch.delenv("PEERHUB_SITE_URL", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert validate(make_project(tmp_path / "hub"), capsys) == (0, [])


def test_a_missing_site_url_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path / "hub")
    config = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(config.replace(SITE_URL_LINE, ""))
    fix = "set site_url to the published address, such as https://hub.example.org/"
    assert validate(root, capsys) == (1, [f"mkdocs.yml:1:1: error: site_url: missing; {fix}"])


def test_a_listed_macro_page_that_does_not_exist_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(
        tmp_path / "hub", docs={"guide.md": "# Guide\n"}, macros=("guide.md", "guides/gone.md")
    )
    config = (root / "mkdocs.yml").read_text().splitlines()
    line = config.index("      - guides/gone.md") + 1
    assert validate(root, capsys) == (
        1,
        [
            f"mkdocs.yml:{line}:9: error: extra.peerhub.macro_pages.1: docs/guides/gone.md does "
            "not exist; list a page under docs/ (such as guides/scope.md)"
        ],
    )


def test_a_call_whose_bracket_is_on_the_next_line_points_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guide = "# Guide\n\nA format_card: {{ format_card\n('zz') }} and {{ hub_figures() }}\n"
    root = guide_project(tmp_path, guide)
    code, lines = validate(root, capsys)
    assert code == 1
    assert len(lines) == 1
    # The name's line and column, not the word in the text before it.
    assert lines[0].startswith("docs/guide.md:3:19: error: format_card(): there is no format 'zz';")


def test_a_call_with_named_or_spread_arguments_is_left_to_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for call in ("group_chart(*keys)", "group_chart(**named)", "group_chart(key='sizes')"):
        root = guide_project(tmp_path / call.replace("*", "s"), f"# Guide\n\n{{{{ {call} }}}}\n")
        assert validate(root, capsys) == (0, []), call


def test_repeated_facts_say_what_their_one_source_says() -> None:
    """The rating scale (`checkins.SCALE`) and the health check's length (its format
    file) are written out in several places; each says the same."""
    scale = f"1 ({SCALE[0].lower()}) to 5 ({SCALE[-1].lower()})"
    for path in ("src/peerhub/commands/templates/new-group.yml", "docs/contribute.md"):
        assert scale in " ".join((REPO / path).read_text().split()), path
    minutes = load_site(REPO).formats["health-check"].session_minutes
    for page in ("evaluate/index.md", "guides/provide-value.md"):
        text = " ".join((REPO / "docs" / page).read_text().split())
        sentence = next(s for s in text.split(". ") if "[health check]" in s)
        assert re.findall(r"(\d+) minutes", sentence) == [str(minutes)], page

"""File names become page addresses: slugs, and what a bad name is told."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerhub.content.filenames import file_name_problem, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Staff-Plus Peer Group!", "staff-plus-peer-group"),
        ("  --Café Circle--  ", "cafe-circle"),
        ("!!!", ""),
        ("x" * 59 + " y", "x" * 59),  # cut at 60, no hyphen left at the end
        ("-" + "a" * 70, "a" * 60),  # leading hyphens go before the cut
        ("a" * 60 + "b", "a" * 60),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_a_folder_named_like_a_file_is_not_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "circle.yml").mkdir()
    problem = file_name_problem(tmp_path / "circle.yml", "groups/circle.yml", "groups")
    assert problem is not None
    assert problem.message == "not a regular file"


def message_for(folder: Path, name: str, kind: str) -> str | None:
    """What a file `name` in the content folder `kind` ("groups") is told, if anything."""
    path = folder / name
    path.write_text("name: x\n")
    problem = file_name_problem(path, f"{kind}/{name}", kind)
    return problem.message if problem else None


def test_a_name_with_no_letters_is_offered_an_example(tmp_path: Path) -> None:
    assert message_for(tmp_path, "---.yml", "groups") == (
        "file name '---.yml' must be lower-case words joined by hyphens, such as 'my-group.yml'"
    )


def test_the_card_deck_keeps_its_address_among_the_formats(tmp_path: Path) -> None:
    assert message_for(tmp_path, "cards.yml", "formats") == (
        "'cards' is a reserved name (/formats/cards/ is the printable card deck); "
        "choose another file name"
    )
    assert message_for(tmp_path, "cards.yml", "groups") is None  # a group may

"""The recommendation logic behind the picker, and the data the browser looks answers up in."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys

import pytest

from peerhub.content.vocabulary import OUTCOME_IDS
from peerhub.decisions.picker.agenda import OPENING_WORDS, Step, first_meeting
from peerhub.decisions.picker.choices import Constraints
from peerhub.decisions.picker.recommend import Answer
from peerhub.render.picker_table import CHOICES, picker_data
from peerhub.site import Site

from conftest import REPO, golden

COMBINATIONS = list(itertools.product(*CHOICES.values()))


@pytest.mark.slow
@pytest.mark.parametrize("outcome", OUTCOME_IDS)
def test_every_combination_gets_designs_whose_formats_exist(
    outcome: str, hub: Site, every_ranking: dict[tuple[str, tuple[str, ...]], Answer]
) -> None:
    for combo in COMBINATIONS:
        constraints = Constraints.from_choices(*combo)
        answer = every_ranking[outcome, combo]
        shown = Answer(answer.designs[:3], answer.notes)
        if combo[0] == "any":  # a quarter of them, asked anew for the three a reader sees
            assert hub.recommender.recommend(outcome, constraints) == shown, combo
        assert 1 <= len(shown.designs) <= 3, combo
        for rec in shown.designs:
            assert set(rec.design.formats) <= set(hub.formats)
            assert sum(step.minutes for step in rec.agenda) == rec.session_minutes, combo
            if constraints.minutes:
                assert rec.session_minutes <= max(constraints.minutes, rec.design.session_minutes)
        if shown.designs[0].conflicts:
            assert shown.notes, combo
            assert shown.designs[0].changes, combo


def test_without_constraints_the_outcome_files_order_wins(hub: Site) -> None:
    for outcome in OUTCOME_IDS:
        answer = hub.recommender.recommend(outcome, Constraints())
        assert answer.designs[0].design == hub.outcomes[outcome].designs[0]
        assert answer.designs[0].conflicts == ()
        assert answer.notes == ()


def test_a_crowd_wanting_coaching_skills_is_split_into_circles(hub: Site) -> None:
    # No core-coaching-skills design holds forty: skills are practised in small groups.
    answer = hub.recommender.recommend("core-coaching-skills", Constraints(size="21-40"))
    top = answer.designs[0]
    assert top.conflicts
    assert "circles of" in top.size_text
    assert "split into circles" in top.changes[0]
    assert answer.notes[0].startswith("Your choices do not fit any design as it stands.")


def test_a_crowd_wanting_a_coaching_culture_gets_the_network_designed_for_it(hub: Site) -> None:
    answer = hub.recommender.recommend("coaching-culture", Constraints(size="21-40"))
    top = answer.designs[0]
    assert top.design.title == "Coaching network of linked circles"
    assert (top.conflicts, top.size_text, answer.notes) == ((), "24–60 people", ())


def test_each_constraint_says_what_it_changed(hub: Site) -> None:
    outcome = "leadership-development"  # first design: 120-minute monthly case clinic
    answer = hub.recommender.recommend(
        outcome, Constraints(minutes=60, mode="virtual", facilitation="members")
    )
    changed = " ".join(change for rec in answer.designs for change in rec.changes)
    assert "60-minute meetings are shorter" in changed
    for rec in answer.designs:
        assert rec.session_minutes == min(60, rec.design.session_minutes) or rec.changes


def test_shorter_meetings_rank_shorter_designs_first(hub: Site) -> None:
    answer = hub.recommender.recommend("problem-solving", Constraints(minutes=30))
    assert answer.designs[0].design.session_minutes <= 90


def test_virtual_mode_opens_with_a_get_to_know_you_activity(hub: Site) -> None:
    fmt = hub.formats["peer-coaching-group"]
    assert first_meeting(fmt, 120, "virtual")[0].title == "Get-to-know-you activity"
    assert first_meeting(fmt, 120, "in-person")[0].title == "Welcome and introductions"
    for minutes in (30, 45, 60, 90, 180):
        assert sum(s.minutes for s in first_meeting(fmt, minutes, "virtual")) == minutes


def test_second_outcome_is_explained(hub: Site) -> None:
    text = hub.recommender.explain_second("support", "transfer-of-training")
    assert text.startswith("Design for one outcome: Support.")
    assert "two houses on one foundation" in text
    assert "transfer of training" in text


def test_first_meetings_open_once_and_include_every_format(hub: Site) -> None:
    for outcome in OUTCOME_IDS:
        for combo in COMBINATIONS[::7]:
            for rec in hub.recommender.recommend(outcome, Constraints.from_choices(*combo)).designs:
                titles = [s.title for s in rec.agenda]
                assert len(titles) == len(set(titles)), (outcome, combo, titles)
                openings = [t for t in titles if any(w in t.lower() for w in OPENING_WORDS)]
                assert len(openings) <= 1, (outcome, combo, titles)
                if rec.session_minutes >= 45:
                    for slug in rec.design.formats[1:]:
                        name = hub.formats[slug].name.lower()
                        full = f"{hub.formats[slug].name} round"
                        assert {f"A short {name} round", full} & set(titles), rec.design.title


def test_designs_say_when_they_stretch_their_main_format(hub: Site) -> None:
    for outcome in OUTCOME_IDS:
        for rec in hub.recommender.recommend(outcome, Constraints()).designs:
            fmt = hub.formats[rec.design.formats[0]]
            stretched = (
                rec.design.size.max > fmt.size.max
                or rec.design.cadence != fmt.cadence
                or rec.design.session_minutes < fmt.session_minutes
            )
            mentioned = any(fmt.name.lower() in note for note in rec.notes)
            assert stretched == mentioned, (outcome, rec.design.title)
            assert rec.changes == ()  # with no choice made, nothing "your choices changed"


def test_picker_data_holds_every_effect_of_every_choice(hub: Site) -> None:
    data = picker_data(hub)
    sizes = {name: len(values) for name, values in CHOICES.items()}
    assert sizes == {"mode": 4, "size": 7, "minutes": 16, "cadence": 5, "facilitation": 4}
    assert set(data["candidates"]) == set(OUTCOME_IDS)
    for outcome in OUTCOME_IDS:
        ids = data["candidates"][outcome]
        assert [data["designs"][i]["outcome"] for i in ids] == [outcome] * len(ids)
        assert len(ids) == len(hub.candidates[outcome])
    for design in data["designs"]:
        assert {name: len(e) for name, e in design["effects"].items()} == sizes
        assert len(design["session"]) == 16
        assert len(design["meetings"]) == 16 * 5
        assert len(design["agendas"]) == 16 * 4
        assert len(design["sources"]) == 4 * 7 * 16
        assert set(design["sources"]) <= {"0", "1", "2"}
        # A design the sources' sizes conflict with carries the words its card says.
        assert ("2" in design["sources"]) == (design["sources_text"] >= 0)
    effects = list(zip(*data["effects"].values(), strict=True))
    assert len(effects) == len({repr(e) for e in effects})  # each stored once


def describe(title: str, steps: tuple[Step, ...]) -> list[str]:
    return [f"## {title}", *(f"- {s.title} ({s.minutes} min): {s.detail}" for s in steps), ""]


def test_words_a_reader_sees_match_the_reviewed_golden(hub: Site) -> None:
    """Agendas with every step's detail, the designs made from formats (with their
    reasons) and the second-outcome explanations: tests/golden/recommend-words.md."""
    lines = ["# First and later meetings", ""]
    for outcome, number, minutes, mode in [
        ("support", 1, None, "in-person"),
        ("support", 1, 30, "virtual"),
        ("problem-solving", 1, 180, "hybrid"),
        ("coaching-culture", 2, 60, None),
    ]:
        c = Constraints(mode=mode, minutes=minutes)
        key, design, base = hub.candidates[outcome][number - 1]
        rec = next(
            r for r in hub.recommender.recommend(outcome, c, limit=99).designs if r.key == key
        )
        head = f"{outcome}/{number}, {minutes or 'any'} minutes, {mode or 'any mode'}"
        lines += describe(f"{head}: first meeting", rec.agenda)
        lines += describe(f"{head}: later meetings", rec.later)
    lines += ["# Designs made from a format", ""]
    for outcome in ("support", "problem-solving"):
        for key, design, base in hub.candidates[outcome]:
            if key.startswith("format/"):
                lines += [
                    f"## {outcome}: {key} (rank cost {base})",
                    design.model_dump_json(indent=1),
                    "",
                ]
    lines += ["# A second outcome", ""]
    for first, second in [("support", "transfer-of-training"), ("deep-networking", "support")]:
        lines += [f"## {first} + {second}", hub.recommender.explain_second(first, second), ""]
    golden("recommend-words.md", "\n".join(lines))


def test_what_the_picker_cards_read_matches_the_reviewed_golden(hub: Site) -> None:
    """The design facts, reasons, evidence and names the picker's cards show, for one
    outcome (tests/golden/picker-data-support.json)."""
    data = picker_data(hub)
    texts = data["texts"]
    sample = {
        "designs": [d for d in data["designs"] if d["outcome"] == "support"],
        "outcomes": {k: data["outcomes"][k] for k in ("support", "team-building")},
        "formats": {k: data["formats"][k] for k in ("troika-consulting", "case-clinic")},
        "groups": data["groups"],
        "second": {k: texts[data["second"][k]] for k in ("support|problem-solving",)},
        "pairs": len(data["second"]),
    }
    golden("picker-data-support.json", json.dumps(sample, indent=1, ensure_ascii=False) + "\n")


def test_picker_data_is_the_same_whatever_the_hash_seed() -> None:
    """Python orders sets of strings by a random seed per process; the data (and so the
    built site) must not depend on it."""
    probe = (
        "import hashlib, json; from pathlib import Path; "
        "from peerhub.render.project import load_site; "
        "from peerhub.render.picker_table import picker_data; "
        "print(hashlib.sha256(json.dumps(picker_data(load_site(Path('.')))).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", probe],
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1


def test_each_outcome_has_its_own_picker_data_with_its_designs_only(hub: Site) -> None:
    """The picker fetches the chosen outcome's file only: it holds that outcome's
    designs, the same as in the whole data, and the notes on a second outcome."""
    whole = picker_data(hub)
    for outcome in hub.outcomes:
        own = picker_data(hub, outcome)
        assert list(own["candidates"]) == [outcome]
        expected = [d["key"] for d in whole["designs"] if d["outcome"] == outcome]
        assert [d["key"] for d in own["designs"]] == expected
        assert {k.split("|")[0] for k in own["second"]} == {outcome}
        assert len(own["second"]) == len(hub.outcomes) - 1
        # The group names and addresses its cards link, and no more of the directory.
        assert set(own["groups"]) == {slug for d in own["designs"] for slug in d["groups"]}

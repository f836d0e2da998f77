"""The repository's CI, review and contribution files keep their safety properties."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
UNTRUSTED = re.compile(
    r"\$\{\{\s*github\.(event\.(issue|comment|pull_request|review|head_commit)|head_ref)"
)


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_workflow_is_locked_down(path: Path) -> None:
    workflow = load(path)
    assert "pull_request_target" not in workflow["on"]
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert 0 < job["timeout-minutes"] <= 60, name
        for step in job["steps"]:
            if str(step.get("uses", "")).startswith("actions/checkout"):
                assert step["with"]["persist-credentials"] is False, name
            assert not UNTRUSTED.search(step.get("run", "")), f"{name}: untrusted text in run"


def test_write_permissions_only_where_needed() -> None:
    writers = {}
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            granted = {k for k, v in job.get("permissions", {}).items() if v == "write"}
            if granted:
                writers[f"{path.name}:{name}"] = granted
    assert writers == {
        "deploy.yml:deploy": {"pages", "id-token"},
        "share-experience.yml:reply": {"issues"},
        "share-experience.yml:propose": {"contents", "pull-requests", "issues", "actions"},
    }


def test_jobs_with_write_permissions_run_no_project_code() -> None:
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            if any(v == "write" for v in job.get("permissions", {}).values()):
                runs = " ".join(step.get("run", "") for step in job["steps"])
                for command in ("pip install", ".venv/bin/", "make ", "mkdocs ", "python"):
                    assert command not in runs, f"{path.name}:{name} runs {command}"


def test_every_action_is_pinned_to_a_commit() -> None:
    for path in WORKFLOWS:
        for line in path.read_text().splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


def test_share_experience_keeps_reviews_and_gets_ci() -> None:
    text = (REPO / ".github" / "workflows" / "share-experience.yml").read_text()
    assert "--json reviews" in text
    assert "was not overwritten" in text
    assert "gh workflow run ci.yml" in text
    assert "workflow_dispatch" in load(REPO / ".github" / "workflows" / "ci.yml")["on"]
    assert "--comment out/comment.md" in text


def test_ci_validates_builds_and_tests_pull_requests() -> None:
    ci = load(REPO / ".github" / "workflows" / "ci.yml")
    assert "pull_request" in ci["on"]
    runs = "\n".join(step.get("run", "") for job in ci["jobs"].values() for step in job["steps"])
    assert "--require-hashes" in runs
    assert "peerhub validate" in runs
    assert "mkdocs build --strict" in runs
    assert "make test" in runs


def test_deploy_publishes_main_to_pages() -> None:
    deploy = load(REPO / ".github" / "workflows" / "deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    uses = [step.get("uses", "") for job in deploy["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)


def test_codeowners_protects_the_build() -> None:
    owners = {}
    for line in (REPO / ".github" / "CODEOWNERS").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *teams = line.split()
            owners[pattern] = teams
    for path in ("/mkdocs.yml", "/hooks/", "/overrides/", "/.github/", "/src/"):
        assert owners[path] == ["@peer-group-hub/maintainers"], path


def test_pull_request_template_has_a_checklist() -> None:
    text = (REPO / ".github" / "pull_request_template.md").read_text()
    assert text.count("- [ ]") >= 4
    assert "peerhub validate" in text


def test_workflows_and_issue_form_match_githubs_schemas() -> None:
    checker = Path(sys.executable).parent / "check-jsonschema"
    for schema, files in (
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.github-issue-forms", sorted((REPO / ".github/ISSUE_TEMPLATE").glob("*.yml"))),
    ):
        result = subprocess.run(
            [str(checker), "--builtin-schema", schema, *map(str, files)],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_prints_the_card_deck_inside_the_atomic_build() -> None:
    deploy = load(REPO / ".github" / "workflows" / "deploy.yml")
    runs = [step.get("run", "") for step in deploy["jobs"]["build"]["steps"]]
    assert any(".venv/bin/peerhub build --cards" in run for run in runs)
    makefile = (REPO / "Makefile").read_text()
    assert "\ncards: $(SITE_STAMP) chromium\n\t$(BIN)/peerhub build --cards\n" in makefile

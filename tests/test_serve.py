"""`mkdocs serve`, the maintainers' preview: a group's file saved while it runs shows in
the open page (MkDocs rebuilds, and its live reload refreshes the page). The preview has
no Content-Security-Policy; a built site keeps it (tests/test_policy_and_feed.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from servers import first_answer, free_port

from conftest import VALID_GROUP, make_project, needs_chromium

pytestmark = needs_chromium


def test_a_saved_group_edit_shows_in_the_open_preview(browser: object, tmp_path: Path) -> None:
    root = make_project(tmp_path / "hub", groups={"example.yml": VALID_GROUP})
    port = free_port()
    url = f"http://127.0.0.1:{port}/groups/example/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        served = first_answer(url, server)
        assert "Content-Security-Policy" not in served  # it would block the live reload
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(url)
        assert "Six team leads" in page.locator("div.ph-group").inner_text()
        group = root / "groups" / "example.yml"
        group.write_text(VALID_GROUP.replace("Six team leads", "Seven team leads"))
        page.wait_for_function(
            "() => document.body.innerText.includes('Seven team leads')", timeout=60_000
        )
        page.close()
        assert errors == []
    finally:
        server.terminate()
        server.wait(timeout=30)

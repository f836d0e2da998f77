"""`mkdocs serve`, the maintainers' preview: a group's file saved while it runs shows in
the open page (MkDocs rebuilds, and its live reload refreshes the page), while a built
site keeps its Content-Security-Policy."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import VALID_GROUP, make_project, needs_chromium

pytestmark = needs_chromium


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as answer:
                    served = answer.read().decode()
                break
            except OSError:
                assert server.poll() is None, "mkdocs serve exited"
                assert time.monotonic() < deadline, "mkdocs serve did not answer in time"
                time.sleep(0.5)
        assert "Content-Security-Policy" not in served  # it would block the live reload
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(url)
        assert "Six team leads" in page.locator("article.ph-group").inner_text()
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

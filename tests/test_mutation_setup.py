"""`make mutate` can run its named form (`mutmut run "peerhub.render.deck*"`): mutmut then
collects the selected tests twice in one process and asks for them by id, so each id
must come out the same the second time (see `conftest.plain_id`)."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from conftest import REPO

#: Collects the given test files twice in one process and prints the ids that changed.
TWICE = """
import os, sys, pytest
os.environ["PY_IGNORE_IMPORTMISMATCH"] = "1"  # as mutmut sets it
runs = []
class Ids:
    def pytest_collection_modifyitems(self, items):
        runs.append([item.nodeid for item in items])
for _ in range(2):
    pytest.main(["-q", "-p", "no:cacheprovider", "--collect-only", *sys.argv[1:]], plugins=[Ids()])
print("\\n".join(sorted(set(runs[0]) ^ set(runs[1]))), file=sys.stderr)
"""


def test_a_second_collection_in_one_process_gives_the_same_test_ids() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["mutmut"]
    files = [a for a in config["pytest_add_cli_args_test_selection"] if a.startswith("tests/")]
    result = subprocess.run(
        [sys.executable, "-c", TWICE, *files], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert result.stderr.strip() == ""

"""Each build's hook events share one `BuildState`, made afresh for every build, so a
rebuild in one process (`mkdocs serve`, tests) never sees the previous build's state.
"""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from peerhub.adapter.buildstate import BuildState


def test_a_new_state_has_nothing_of_a_build() -> None:
    first = BuildState(command="serve")
    first.pages["groups/a.md"] = object()  # type: ignore[assignment]
    second = BuildState(command=first.command)
    assert second.pages == {}
    assert second.build is None
    assert second.warnings is None
    assert second.command == "serve"


def test_a_state_before_on_config_says_so() -> None:
    state = BuildState()
    with pytest.raises(PluginError, match="on_config has not run"):
        _ = state.site
    with pytest.raises(PluginError, match="on_config has not run"):
        _ = state.known_scripts

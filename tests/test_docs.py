"""Docs that can drift are checked: every setting and CLI command is in the README."""

from __future__ import annotations

import pytest

from kg.config import SETTINGS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


@pytest.mark.parametrize("name", [s.name for s in SETTINGS])
def test_every_setting_is_documented(name: str) -> None:
    assert f"| `{name}` |" in README


@pytest.mark.parametrize("command", ["parse", "build", "serve", "query"])
def test_every_command_is_documented(command: str) -> None:
    assert f"`kg {command}" in README


def test_quick_start_gives_the_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert "make serve" in quick
    assert "make test" in quick

"""The CLI: every command has --help; usage errors exit 2; input errors are one line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

COMMANDS = ["parse", "build", "serve", "query"]


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_on_every_command(command: str | None) -> None:
    result = _kg(*([command] if command else []), "--help")
    assert result.returncode == 0
    assert "usage: kg" in result.stdout


def test_unknown_command_is_a_usage_error() -> None:
    assert _kg("frobnicate").returncode == 2


def test_missing_file_is_one_clear_line_not_a_traceback() -> None:
    result = _kg("parse", "no/such/page.txt")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "no/such/page.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

"""CI set-up: `.ci/run` installs a package for every tool `make test` checks for."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def _make_test_tools() -> list[str]:
    makefile = (ROOT / "Makefile").read_text()
    (line,) = re.findall(r"^TEST_TOOLS := (.+)$", makefile, re.MULTILINE)
    return line.split()


def _ci_installs() -> dict[str, str]:
    """command → Debian package, from the `tools=(…)` list of .ci/run."""
    script = (ROOT / ".ci" / "run").read_text()
    block = script.split("tools=(", 1)[1].split(")", 1)[0]
    pairs = re.findall(r"^\s*([\w.-]+):([\w.+-]+)", block, re.MULTILINE)
    return dict(pairs)


def test_ci_installs_every_tool_make_test_checks() -> None:
    tools = _make_test_tools()
    installs = _ci_installs()
    assert {"rapper", "chromium", "node", "npm"} <= set(tools)
    missing = [tool for tool in tools if tool not in installs]
    assert not missing, f"add `tool:debian-package` for {missing} to tools=(…) in .ci/run"

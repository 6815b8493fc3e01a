"""The repository stands alone: no test, doc, benchmark or module reads or points at files
kept beside the checkout (a `shared` folder next to it). What the tests need is copied in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT

# Where a reference outside the repo would do harm: what runs and what a user reads.
SCANNED = ("README.md", "Makefile", "pyproject.toml", "package.json", ".ci", "kg", "bench", "docs")
SCANNED_TESTS = "tests"
# `../shared`, `/work/shared`, or a path built to it (`ROOT.parent / "shared"`).
OUTSIDE = re.compile(r"\.\./shared\b|/work/shared\b|parent\s*/\s*[\"']shared[\"']")
SKIPPED_SUFFIXES = {".png", ".jpg", ".gz", ".sqlite", ".pyc"}


def _files(root: Path) -> Iterator[Path]:
    for name in (*SCANNED, SCANNED_TESTS):
        top = root / name
        candidates = [top] if top.is_file() else sorted(top.rglob("*"))
        for path in candidates:
            if (
                path.is_file()
                and path.suffix not in SKIPPED_SUFFIXES
                and "__pycache__" not in path.parts
            ):
                yield path


def references_outside(root: Path) -> list[str]:
    """`file:line: text` for every line under `root` that points outside the repository."""
    found = []
    for path in _files(root):
        if path == Path(__file__):
            continue
        text = path.read_text(errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()[:120]}")
    return found


def test_nothing_points_outside_the_repository() -> None:
    found = references_outside(ROOT)
    assert not found, (
        "these lines point outside the repository; copy what they need into tests/ (data) or "
        "describe it in docs/ (notes), and point there:\n" + "\n".join(found)
    )


def test_the_scan_finds_a_reference_outside(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("fine\nsee ../shared/notes/x.md\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "t.py").write_text('W3C = ROOT.parent / "shared" / "w3c"\n')
    (tmp_path / "Makefile").write_text("cp /work/shared/x .\n")
    assert references_outside(tmp_path) == [
        "Makefile:1: cp /work/shared/x .",
        "docs/a.md:2: see ../shared/notes/x.md",
        'tests/t.py:1: W3C = ROOT.parent / "shared" / "w3c"',
    ]


def test_the_w3c_test_data_keeps_its_licence() -> None:
    data = ROOT / "tests" / "w3c" / "sparql11"
    assert (data / "LICENSE-w3c-test-suites.md").exists()
    assert "W3C TEST SUITES" in (data / "LICENSE-w3c-test-suites.md").read_text()
    assert (data / "protocol" / "manifest.ttl").exists()

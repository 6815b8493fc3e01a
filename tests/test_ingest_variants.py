"""A fixture page for every page variant of docs/inputs.md, read as a cataloguer would.

Each `tests/fixtures/pages/NAME.txt` has `NAME.expected.jsonl`: the records in page order with the
keys that matter for that variant; every key given there must match (whitespace normalised).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.ingest import Lexicon, read_source
from kg.records import Record
from tests.conftest import ROOT, fixture_lexicon

PAGES = ROOT / "tests" / "fixtures" / "pages"
FIXTURES = sorted(p.name.removesuffix(".txt") for p in PAGES.glob("*.txt"))


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return fixture_lexicon()


def normalise(value: Any) -> Any:
    """Whitespace collapsed (non-breaking spaces too) in every string."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    return value


def parse(path: Path, lex: Lexicon) -> list[dict[str, Any]]:
    items = list(read_source(path, lex))
    assert all(isinstance(i, Record) for i in items), [str(i) for i in items]
    return [i.to_json() for i in items if isinstance(i, Record)]


def mismatches(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[str]:
    out = []
    for want, have in zip(expected, got, strict=True):
        for key, value in want.items():
            actual = have.get(key)
            if key == "source":
                actual = {"file": Path(actual["file"]).name, "line": actual["line"]}
            if normalise(value) != normalise(actual):
                out.append(f"{want['title']!r} {key}: want {value!r}, got {actual!r}")
    return out


def test_there_is_a_fixture_for_every_family() -> None:
    families = {name.split("_")[0] for name in FIXTURES}
    expected = {"header", "titles", "bylines", "abstracts", "imprints", "entities", "section"}
    assert families >= expected
    assert len(FIXTURES) >= 14


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_page_reads_as_expected(name: str, lex: Lexicon) -> None:
    expected = [
        json.loads(line)
        for line in (PAGES / f"{name}.expected.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    got = parse(PAGES / f"{name}.txt", lex)
    assert [r["title"] for r in got] == [normalise(e["title"]) for e in expected]
    assert mismatches(expected, got) == []

"""Every shape has an example that passes and one that fails, for the reason it says."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.validate import check, load_shapes
from tests.conftest import ROOT

EXAMPLES = Path(__file__).parent / "shapes"
SHAPE_FILES = sorted(p.stem for p in (ROOT / "shapes").glob("*.ttl"))


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(ROOT / "shapes")


@pytest.mark.parametrize("name", SHAPE_FILES)
def test_valid_example_conforms(name: str, shapes: Graph) -> None:
    data = Graph().parse(EXAMPLES / f"{name}-valid.ttl")
    report = check(data, shapes)
    assert report.conforms, [v.message for v in report.violations]


@pytest.mark.parametrize("name", SHAPE_FILES)
def test_invalid_example_fails_with_its_message(name: str, shapes: Graph) -> None:
    path = EXAMPLES / f"{name}-invalid.ttl"
    data = Graph().parse(path)
    report = check(data, shapes)
    assert not report.conforms
    expected = {
        line.split(":", 1)[1].strip()
        for line in path.read_text().splitlines()
        if line.startswith("# expect:")
    }
    assert expected, f"{path.name} must list the messages it expects (# expect: …)"
    assert expected <= {v.message for v in report.violations}

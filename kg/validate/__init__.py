"""Validation: the only caller of pyshacl. Judges data graphs against the shapes in `shapes/`.

`check` validates one graph. `Gate` judges many records at once: it validates a batch as one
graph (fast when it conforms, as nearly every batch does) and re-checks alone only the records
that mention a failing node, so every verdict is the record's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.namespaces import SH

Triple = tuple[Node, Node, Node]


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


def check(data: Graph, shapes: Graph) -> Report:
    """Validate `data` against `shapes` (no inference, no network)."""
    conforms, results, _text = shacl_validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
        inplace=True,  # no copy of the data graph: callers never reuse it
    )
    return Report(bool(conforms), tuple(_violations(results)), results)


class Gate:
    """Judges records (each a sequence of triples) against the shapes."""

    def __init__(self, shapes: Graph) -> None:
        self.shapes = shapes

    def check(self, triples: Iterable[Triple]) -> Report:
        """One validation run over the union of some triples (a batch)."""
        return check(_graph(triples), self.shapes)

    def verdict(self, triples: Iterable[Triple]) -> Verdict:
        """One record judged alone: its own violations and SHACL report."""
        report = self.check(triples)
        if report.conforms:
            return Verdict()
        return Verdict(report.violations, report.graph.serialize(format="turtle"))

    def judge(self, records: Sequence[Sequence[Triple]]) -> list[Verdict]:
        """One verdict per record: the batch at once, then alone those near a failure."""
        if not records:
            return []
        report = self.check(t for triples in records for t in triples)
        if report.conforms:
            return [Verdict() for _ in records]
        failing = report.failed_nodes()
        return [
            self.verdict(triples) if {str(s) for s, _, _ in triples} & failing else Verdict()
            for triples in records
        ]


def _graph(triples: Iterable[Triple]) -> Graph:
    graph = Graph()
    graph.addN((s, p, o, graph) for s, p, o in triples)
    return graph


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

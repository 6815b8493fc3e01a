"""Validation: the only caller of the SHACL engines. Judges data against the shapes in `shapes/`.

Two engines give the same results on our shapes (tests/test_validate_engines.py shows it):
pySHACL, the reference, over an rdflib Graph (`check`), and pyshacl-turbo (Rust) over an
in-memory Oxigraph store loaded from N-Triples (`Gate`), about four times faster and free of
rdflib graph building. The build uses the `Gate`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pyshacl_turbo
from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef

from kg.namespaces import SH


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
    """Validate `data` against `shapes` with pySHACL (no inference, no network)."""
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
    """The build's validator: shapes compiled once, data given as N-Triples lines."""

    def __init__(self, shapes: Graph) -> None:
        # pyshacl-turbo ships type hints but leaves compile_shapes unannotated.
        self._compiled = pyshacl_turbo.compile_shapes(shapes, advanced=True)  # type: ignore[no-untyped-call]

    def check(self, lines: Iterable[str], focus: Iterable[str] | None = None) -> Report:
        """One validation run over the union of some N-Triples statements (a batch); with
        `focus`, only those nodes are judged (the others are there for their types)."""
        store = ox.Store()
        data = "\n".join(lines)
        if data:
            store.bulk_load((data + "\n").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        nodes = sorted(focus) if focus is not None else None
        conforms, results, _text = self._compiled.validate(
            store, allow_warnings=True, focus_nodes=nodes
        )
        return Report(bool(conforms), tuple(_violations(results)), results)

    def verdict(self, lines: Iterable[str]) -> Verdict:
        """One record judged alone: its own violations and SHACL report."""
        report = self.check(lines)
        if report.conforms:
            return Verdict()
        return Verdict(report.violations, report.graph.serialize(format="turtle"))


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

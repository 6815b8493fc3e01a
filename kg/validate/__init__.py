"""Validation: the only caller of pyshacl. Judges a data graph against the shapes in `shapes/`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


def load_shapes(shapes_dir: Path) -> Graph:
    """Every `*.ttl` file in the shapes folder, as one graph."""
    graph = Graph()
    for path in sorted(shapes_dir.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def check(data: Graph, shapes: Graph) -> Report:
    """Validate `data` against `shapes` (no inference, no network)."""
    conforms, results, _text = shacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    return Report(bool(conforms), tuple(_violations(results)), results)


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
    return sorted(out, key=lambda v: (v.focus, v.path or "", v.message))

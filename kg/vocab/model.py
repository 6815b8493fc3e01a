"""Typed concepts and schemes read from the vocabulary graphs (pure: no I/O)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal as TypingLiteral

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.namespaces import DCTERMS, OWL, RDF, SKOS
from kg.vocab.files import VocabFile, read_vocab_file, vocab_paths

LabelKind = TypingLiteral["pref", "alt", "hidden"]
LABEL_PREDICATES: tuple[tuple[LabelKind, URIRef], ...] = (
    ("pref", SKOS.prefLabel),
    ("alt", SKOS.altLabel),
    ("hidden", SKOS.hiddenLabel),
)


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    lang: str | None
    kind: LabelKind


@dataclass(frozen=True, slots=True)
class Concept:
    """One skos:Concept as the specialist wrote it."""

    iri: str
    schemes: tuple[str, ...]
    labels: tuple[Label, ...]
    broader: tuple[str, ...]
    narrower: tuple[str, ...]
    related: tuple[str, ...]
    top_of: tuple[str, ...]
    deprecated: bool
    replaced_by: tuple[str, ...]

    def pref_label(self, lang: str = "en") -> str:
        prefs = [label for label in self.labels if label.kind == "pref"]
        for label in prefs:
            if label.lang == lang:
                return label.text
        return prefs[0].text if prefs else self.iri.rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Scheme:
    iri: str
    title: str
    version: str | None
    modified: str | None
    tops: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Every concept and scheme of a vocabulary folder, and the files they came from."""

    files: tuple[VocabFile, ...]
    concepts: dict[str, Concept]
    schemes: dict[str, Scheme]

    def file_of(self, iri: str) -> VocabFile:
        """The file whose text defines `iri` (the first one that mentions it as a subject)."""
        for vocab_file in self.files:
            if iri in vocab_file.subject_lines:
                return vocab_file
        for vocab_file in self.files:
            if (URIRef(iri), None, None) in vocab_file.graph:
                return vocab_file
        return self.files[0]

    def successor(self, iri: str) -> str | None:
        """The live concept a (possibly deprecated) concept stands for, or None."""
        seen: set[str] = set()
        current: str | None = iri
        while current is not None and current not in seen:
            seen.add(current)
            concept = self.concepts.get(current)
            if concept is None:
                return None
            if not concept.deprecated:
                return current
            current = concept.replaced_by[0] if concept.replaced_by else None
        return None

    def scheme_graph(self, scheme: str) -> Graph:
        """The triples of one scheme: the scheme itself and the concepts in it."""
        members = {URIRef(c.iri) for c in self.concepts.values() if scheme in c.schemes}
        members.add(URIRef(scheme))
        graph = Graph()
        for vocab_file in self.files:
            for prefix, namespace in vocab_file.graph.namespaces():
                graph.bind(prefix, namespace, override=False)
            for triple in vocab_file.graph:
                if triple[0] in members:
                    graph.add(triple)
        return graph


def load_vocabulary(folder: Path, id_base: str) -> Vocabulary:
    """Read every Turtle file of a vocabulary folder (IRIs relative to `id_base`)."""
    files = tuple(read_vocab_file(path, id_base) for path in vocab_paths(folder))
    return vocabulary_from_files(files)


def vocabulary_from_files(files: Iterable[VocabFile]) -> Vocabulary:
    files = tuple(files)
    graph = Graph()
    for vocab_file in files:
        graph += vocab_file.graph
    concepts = {str(s): _concept(graph, s) for s in _iris(graph.subjects(RDF.type, SKOS.Concept))}
    schemes = {
        str(s): _scheme(graph, s) for s in _iris(graph.subjects(RDF.type, SKOS.ConceptScheme))
    }
    return Vocabulary(files, concepts, schemes)


def _iris(nodes: Iterable[Node]) -> list[URIRef]:
    return sorted({n for n in nodes if isinstance(n, URIRef)})


def _concept(graph: Graph, node: URIRef) -> Concept:
    def linked(predicate: URIRef, inverse: URIRef | None = None) -> tuple[str, ...]:
        found = {str(o) for o in graph.objects(node, predicate) if isinstance(o, URIRef)}
        if inverse is not None:
            found |= {str(s) for s in graph.subjects(inverse, node) if isinstance(s, URIRef)}
        return tuple(sorted(found))

    labels = tuple(
        Label(str(o), o.language, kind)
        for kind, predicate in LABEL_PREDICATES
        for o in sorted(o for o in graph.objects(node, predicate) if isinstance(o, Literal))
    )
    top_of = linked(SKOS.topConceptOf, SKOS.hasTopConcept)
    return Concept(
        iri=str(node),
        schemes=tuple(sorted({*linked(SKOS.inScheme), *top_of})),
        labels=labels,
        broader=linked(SKOS.broader, SKOS.narrower),
        narrower=linked(SKOS.narrower, SKOS.broader),
        related=linked(SKOS.related, SKOS.related),
        top_of=top_of,
        deprecated=any(
            isinstance(o, Literal) and o.toPython() is True
            for o in graph.objects(node, OWL.deprecated)
        ),
        replaced_by=linked(DCTERMS.isReplacedBy, DCTERMS.replaces),
    )


def _scheme(graph: Graph, node: URIRef) -> Scheme:
    def text(*predicates: URIRef) -> str | None:
        for predicate in predicates:
            value = graph.value(node, predicate)
            if value is not None:
                return str(value)
        return None

    tops = {str(o) for o in graph.objects(node, SKOS.hasTopConcept)}
    tops |= {str(s) for s in graph.subjects(SKOS.topConceptOf, node)}
    return Scheme(
        iri=str(node),
        title=text(DCTERMS.title, SKOS.prefLabel) or str(node).rsplit("/", 1)[-1],
        version=text(OWL.versionInfo),
        modified=text(DCTERMS.modified),
        tops=tuple(sorted(tops)),
    )

"""What the mapping needs besides the record: IRIs, keys, the authority file, vocabularies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.ingest.authority import Authority
from kg.ingest.periodicals import Periodicals
from kg.iris import Iris, opaque_key
from kg.mapping.fingerprints import Ref
from kg.mapping.forms import LiteralMaker
from kg.records import Record

Triple = tuple[Node, Node, Node]


class Vocabularies(Protocol):
    """The SKOS vocabularies (kg/vocab/publish.py `VocabIndex` supplies them)."""

    def concept(self, label: str) -> URIRef | None:
        """A page topic's concept, if any."""
        ...

    def place(self, name: str) -> URIRef | None:
        """A place name's concept in the place scheme, if any."""
        ...

    def topic_triples(self, work: URIRef, record: Record) -> list[Triple]:
        """The work's topics (page topics and label matches) and the tags saying why."""
        ...


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a record's mapping depends on, fixed for one build."""

    iris: Iris
    authority: Authority
    keys: Mapping[tuple[str, str], str] = field(default_factory=dict)
    lang: str = "en"
    build: URIRef | None = None
    vocabularies: Vocabularies | None = None
    periodicals: Periodicals | None = None
    # rdflib's Literal, or `forms.form` on the build's hot path (the same lines, no Literals)
    literal: LiteralMaker = Literal

    def iri(self, ref: Ref) -> URIRef:
        """The entity's IRI: the authority's key, the ledger's key, or the fingerprint's hash."""
        key = ref.fixed_key or self.keys.get((ref.type, ref.fingerprint))
        return self.iris.entity(ref.type, key or opaque_key(ref.fingerprint))

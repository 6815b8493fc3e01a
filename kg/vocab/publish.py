"""What a build takes from the vocabularies: each record's topics with their reasons, one named
graph per scheme, and each scheme's version for the dataset description."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from kg.errors import InputError
from kg.records import Record
from kg.vocab.check import check_vocabulary
from kg.vocab.model import Vocabulary, load_vocabulary
from kg.vocab.tagging import Tagger, Triple, tag_triples

TOPIC_SCHEME = "vocab/topics"  # relative to {base}id/, like every IRI in vocab/
PLACE_SCHEME = "vocab/places"


@dataclass(frozen=True, slots=True)
class SchemeInfo:
    """A published scheme: its IRI, short name (its graph is `{base}graph/vocab/{name}`),
    title and version."""

    iri: str
    name: str
    title: str
    version: str | None
    modified: str | None


@dataclass(frozen=True, slots=True)
class VocabIndex:
    """The vocabularies as the mapping uses them (plain data: pickles into build workers)."""

    tagger: Tagger  # over the topic scheme
    places: Tagger  # over the place scheme (names only: places are not matched in texts)

    def place(self, name: str) -> URIRef | None:
        """The live place concept one of whose labels is `name`, if any."""
        found = self.places.concept_for(name)
        live = self.places.successor(found) if found else None
        return URIRef(live) if live else None

    def concept(self, label: str) -> URIRef | None:
        """The live concept one of whose labels is `label` (a page topic), if any."""
        found = self.tagger.concept_for(label)
        live = self.tagger.successor(found) if found else None
        return URIRef(live) if live else None

    def topic_triples(self, work: URIRef, record: Record) -> list[Triple]:
        """The work's topics (`dcterms:subject`, `schema:about`) and the `kg:Tag`s saying why."""
        return tag_triples(work, self.tagger.tags(record.topics, record.title, record.abstract))


@dataclass(frozen=True, slots=True)
class BuildVocabularies:
    """The vocabularies as one build uses them."""

    vocab: Vocabulary
    index: VocabIndex

    def schemes(self) -> list[SchemeInfo]:
        return [
            SchemeInfo(s.iri, s.iri.rsplit("/", 1)[-1], s.title, s.version, s.modified)
            for s in self.vocab.schemes.values()
        ]

    def graphs(self) -> dict[str, Graph]:
        """One graph per scheme, keyed by the scheme's short name (`topics`, `places`)."""
        return {info.name: self.vocab.scheme_graph(info.iri) for info in self.schemes()}


def load_build_vocabularies(vocab_dir: Path, id_base: str) -> BuildVocabularies:
    """Read and check `vocab/`; vocabularies with errors stop the build at their first error."""
    vocab = load_vocabulary(vocab_dir, id_base)
    errors = [p for p in check_vocabulary(vocab, id_base) if p.severity == "error"]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more: run `kg vocab check`)" if len(errors) > 1 else ""
        raise InputError(first.file, first.line, f"{first.concept}: {first.what}{more}", first.fix)
    topics = Tagger(vocab, [id_base + TOPIC_SCHEME])
    return BuildVocabularies(vocab, VocabIndex(topics, Tagger(vocab, [id_base + PLACE_SCHEME])))

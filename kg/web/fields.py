"""What the HTML pages call each predicate: one table, read generically.

A predicate that is in no table is still shown (under its prefixed name), so pages keep up as
the graph model grows. Equivalent predicates (dcterms + schema.org) share one row.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.labels import DATES, LABELS
from kg.namespaces import (
    BIBO,
    DCTERMS,
    KG,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    SDO,
    SKOS,
)


def _nodes(*iris: object) -> tuple[ox.NamedNode, ...]:
    return tuple(ox.NamedNode(str(i)) for i in iris)


ABSTRACTS = _nodes(DCTERMS.abstract, SDO.abstract, SDO.description, DCTERMS.description)
CREATORS = _nodes(DCTERMS.creator, SDO.author, SDO.creator)
PUBLISHERS = _nodes(DCTERMS.publisher, SDO.publisher)
SUBJECTS = _nodes(DCTERMS.subject, SDO.about)
AUTHOR_LIST = ox.NamedNode(str(BIBO.authorList))
EDITOR_LIST = ox.NamedNode(str(BIBO.editorList))
POSITION = ox.NamedNode(str(SDO.position))
TYPE = ox.NamedNode(str(RDF.type))
FIRST, REST = ox.NamedNode(str(RDF.first)), ox.NamedNode(str(RDF.rest))
DEPRECATED = ox.NamedNode(str(OWL.deprecated))
REPLACED_BY = ox.NamedNode(str(DCTERMS.isReplacedBy))

# Rows of a record, in reading order: (heading, equivalent predicates).
FIELDS: tuple[tuple[str, tuple[ox.NamedNode, ...]], ...] = (
    ("Also known as", _nodes(SKOS.altLabel, SDO.alternateName, KG.acronym)),
    ("Authors", CREATORS),
    ("Editors", _nodes(SDO.editor, BIBO.editor)),
    ("Publisher", PUBLISHERS),
    ("Place of publication", _nodes(SDO.locationCreated, KG.placeOfPublication)),
    ("Year", DATES),
    ("Edition", _nodes(SDO.bookEdition, BIBO.edition, KG.editionNote)),
    ("Pages", _nodes(SDO.numberOfPages, BIBO.numPages, DCTERMS.extent)),
    ("Pagination", _nodes(SDO.pagination, BIBO.pages)),
    ("Report number", _nodes(SDO.reportNumber, BIBO.number)),
    ("Part of", _nodes(SDO.isPartOf, DCTERMS.isPartOf)),
    ("Number in series", _nodes(SDO.position)),
    ("Volume", _nodes(SDO.volumeNumber, BIBO.volume)),
    ("Issue", _nodes(SDO.issueNumber, BIBO.issue)),
    ("Topics", SUBJECTS),
    ("Places", _nodes(DCTERMS.spatial, SDO.spatialCoverage)),
    ("Broader topics", _nodes(SKOS.broader)),
    ("Country", _nodes(SDO.containedInPlace)),
    ("Narrower topics", _nodes(SKOS.narrower)),
    ("Related topics", _nodes(SKOS.related)),
    ("Definition", _nodes(SKOS.definition, SKOS.scopeNote)),
    ("In scheme", _nodes(SKOS.inScheme, SKOS.topConceptOf)),
    ("Citation as printed", _nodes(DCTERMS.bibliographicCitation)),
    ("Language", _nodes(DCTERMS.language, SDO.inLanguage)),
    ("Licence", _nodes(DCTERMS.license, SDO.license)),
    ("Same as", _nodes(OWL.sameAs, SDO.sameAs)),
    ("Replaced by", (REPLACED_BY,)),
    ("Source", _nodes(PROV.wasDerivedFrom, DCTERMS.source)),
    ("Published in build", _nodes(PROV.wasGeneratedBy)),
)
# Rows that show the values of all their predicates (the others show the first that has any).
UNION_ROWS = frozenset(("Also known as", "Same as", "Authors", "Topics", "Places"))
# Predicates a page shows elsewhere (heading, kind, abstract) or not at all.
# hasPart is the forward twin of isPartOf: a series' parts are listed, paged, from isPartOf
# (a series of 3,000 reports would otherwise print 3,000 links in its record).
HIDDEN = frozenset(
    (
        *LABELS,
        *ABSTRACTS,
        TYPE,
        AUTHOR_LIST,
        EDITOR_LIST,
        DEPRECATED,
        *_nodes(DCTERMS.type, SKOS.hiddenLabel, SDO.hasPart, DCTERMS.hasPart),
    )
) | frozenset(_nodes(KG.tag))  # a work's tags are shown as "Why these topics" (vocab/_reasons)

# Shown on topic and place pages by the vocabulary panel (kg/web/vocab_panel.py), with the
# full IRIs of the other schemes, so the record does not repeat them.
PANEL = frozenset(_nodes(SKOS.exactMatch, SKOS.closeMatch))
PANEL_TYPES = frozenset(("topic", "place"))

# A place is a concept of a SKOS hierarchy too, but its page speaks of places.
PLACE_HEADINGS = {
    "Broader topics": "Lies in",
    "Narrower topics": "Places within",
    "Related topics": "Related places",
}


def heading_for(heading: str, type_: str) -> str:
    """A field's heading as the page of a resource of `type_` shows it."""
    return PLACE_HEADINGS.get(heading, heading) if type_ == "place" else heading


# Inverse links no page lists: a work's kg:Tag (why it has a topic, kg/vocab/tagging.py) points
# at the concept, whose page already lists the works themselves.
INVERSE_HIDDEN = frozenset(_nodes(KG.concept))

# Inverse links, by equivalence class: (predicates, heading for each subject type).
INVERSE: tuple[tuple[tuple[ox.NamedNode, ...], dict[str, str]], ...] = (
    (CREATORS, {"person": "Works", "organization": "Works written", "*": "Works by"}),
    (PUBLISHERS, {"*": "Works published"}),
    (SUBJECTS, {"place": "Works about this place", "*": "Works on this topic"}),
    (_nodes(DCTERMS.spatial, SDO.spatialCoverage), {"*": "Works about this place"}),
    (_nodes(SDO.locationCreated, KG.placeOfPublication), {"*": "Works published here"}),
    (_nodes(SDO.isPartOf, DCTERMS.isPartOf), {"*": "Parts"}),
    (_nodes(SKOS.broader), {"place": "Places within", "*": "Narrower topics"}),
    (_nodes(SKOS.narrower), {"place": "Lies in", "*": "Broader topics"}),
    (_nodes(SKOS.related), {"place": "Related places", "*": "Related topics"}),
    ((REPLACED_BY,), {"*": "Replaces"}),
)

# What to call a resource of a schema.org / SKOS class.
KINDS = {
    str(SDO.ScholarlyArticle): "Article",
    str(SDO.Report): "Report",
    str(SDO.Book): "Book",
    str(SDO.Chapter): "Chapter",
    str(SDO.Thesis): "Thesis",
    str(SDO.Person): "Person",
    str(SDO.Organization): "Organisation",
    str(SDO.Place): "Place",  # before Concept: a place in the places scheme is a place
    str(SKOS.Concept): "Topic",
    str(SDO.CreativeWorkSeries): "Series",
    str(SDO.Periodical): "Periodical",
    str(SDO.PublicationVolume): "Volume",
    str(SDO.PublicationIssue): "Issue",
    str(SDO.CreativeWork): "Work",
}

_PREFIXES = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


_MEMBER = str(RDF) + "_"


def is_member(predicate: ox.NamedNode) -> bool:
    """rdf:_1, rdf:_2 …: the numbered members of a container (a Seq of authors)."""
    return predicate.value.startswith(_MEMBER) and predicate.value[len(_MEMBER) :].isdigit()


def curie(iri: str) -> str:
    """`https://schema.org/name` → `schema:name` (the IRI when no prefix fits)."""
    for namespace, prefix in _PREFIXES:
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def kind_of(types: list[str]) -> str | None:
    """The most specific kind name among a resource's types."""
    for iri, name in KINDS.items():
        if iri in types:
            return name
    return None

"""The entities a work links to, as resources: agents (in author order), publishers (printed or
implied by a report number), places of publication, places it is about, and topics."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.term import Node

from kg.mapping.context import Context, Triple
from kg.mapping.fingerprints import Ref, agent_ref, inferred_publisher, named_ref
from kg.mapping.terms import BIBO, DCTERMS, FOAF, KG, OWL, RDF, SDO, SKOS
from kg.records import Record

# dcterms:Agent is the range of dcterms:creator and dcterms:publisher.
_AGENT_TYPES = {
    "person": (SDO.Person, FOAF.Person, DCTERMS.Agent),
    "organization": (SDO.Organization, FOAF.Organization, DCTERMS.Agent),
}


def link_triples(work: URIRef, record: Record, context: Context) -> list[Triple]:
    """Triples linking the work to every entity it names, and those entities' descriptions."""
    out = _contributors(work, record, context)
    out += _publishers(work, record, context)
    for name in record.places:
        place = _place(name, context, out)
        out.append((work, SDO.locationCreated, place))
    for name in record.subject_places:
        place = _place(name, context, out)
        out += [(work, DCTERMS.spatial, place), (work, SDO.spatialCoverage, place)]
    return out + _topics(work, record, context)


def _topics(work: URIRef, record: Record, context: Context) -> list[Triple]:
    """Tags from the vocabularies (page topics and label matches, each saying why); a page topic
    the vocabularies do not know yet gets a concept minted from its label."""
    vocab = context.vocabularies
    out = vocab.topic_triples(work, record) if vocab is not None else []
    for label in record.topics:
        if vocab is None or vocab.concept(label) is None:
            concept = _topic(label, context, out)
            out += [(work, DCTERMS.subject, concept), (work, SDO.about, concept)]
    return out


def _contributors(work: URIRef, record: Record, context: Context) -> list[Triple]:
    out: list[Triple] = []
    creators: list[URIRef] = []
    editors: list[URIRef] = []
    for contributor in record.contributors:
        agent = _agent(
            agent_ref(contributor.name, contributor.kind, context.authority), context, out
        )
        role = (contributor.role or "").casefold()
        if role.startswith("ed"):
            out += [(work, SDO.editor, agent), (work, BIBO.editor, agent)]
            out.append((work, DCTERMS.contributor, agent))
            editors.append(agent)
        elif role:
            out += [(work, SDO.contributor, agent), (work, DCTERMS.contributor, agent)]
        else:
            out += [(work, DCTERMS.creator, agent), (work, SDO.author, agent)]
            creators.append(agent)
    # Author and editor order, kept as rdf:Seqs with hash IRIs: no blank node reaches the dumps.
    for predicate, fragment, agents in (
        (BIBO.authorList, "authors", creators),
        (BIBO.editorList, "editors", editors),
    ):
        if agents:
            members = context.iris.part(work, fragment)
            out += [(work, predicate, members), (members, RDF.type, RDF.Seq)]
            out += [(members, RDF[f"_{n}"], agent) for n, agent in enumerate(agents, start=1)]
    return out


def _publishers(work: URIRef, record: Record, context: Context) -> list[Triple]:
    out: list[Triple] = []
    for name in record.publishers:
        agent = _agent(agent_ref(name, "organization", context.authority), context, out)
        out += [(work, DCTERMS.publisher, agent), (work, SDO.publisher, agent)]
    implied = inferred_publisher(record, context.authority)
    if implied is not None:
        agent = _agent(agent_ref(implied, "organization", context.authority), context, out)
        out += [(work, DCTERMS.publisher, agent), (work, SDO.publisher, agent)]
        # Not printed: the report number's prefix names it. Marked so consumers can tell.
        out.append((work, KG.inferredPublisher, agent))
    return out


def _agent(ref: Ref, context: Context, out: list[Triple]) -> URIRef:
    node = context.iri(ref)
    label = context.literal(ref.label)
    out += [(node, RDF.type, t) for t in _AGENT_TYPES[ref.type]]
    out += [(node, SDO.name, label), (node, FOAF.name, label)]
    known = context.authority.lookup(ref.label) if ref.fixed_key else None
    if known is not None:
        for acronym in known.acronyms:
            out.append((node, SDO.alternateName, context.literal(acronym)))
        # Authority IDs are schema:sameAs; owl:sameAs only where the file says it is curated.
        for same in sorted({*known.same_as, *known.curated}):
            out.append((node, SDO.sameAs, URIRef(same)))
        for same in known.curated:
            out.append((node, OWL.sameAs, URIRef(same)))
    return node


def _place(name: str, context: Context, out: list[Triple]) -> URIRef:
    known = context.vocabularies.place(name) if context.vocabularies is not None else None
    node = known or context.iri(named_ref("place", name))
    label = context.literal(name)
    out += [(node, RDF.type, SDO.Place), (node, RDF.type, DCTERMS.Location)]
    out.append((node, SDO.name, label))
    return node


def _topic(label: str, context: Context, out: list[Triple]) -> URIRef:
    """A topic: the vocabulary's concept when it has one, else a concept minted from the label."""
    if context.vocabularies is not None:
        concept = context.vocabularies.concept(label)
        if concept is not None:
            return concept
    node = context.iri(named_ref("topic", label))
    scheme: Node = context.iris.entity("topic", "scheme")
    text = context.literal(label.capitalize() if label.isupper() else label, lang=context.lang)
    out += [
        (node, RDF.type, SKOS.Concept),
        (node, SKOS.prefLabel, text),
        (node, SKOS.inScheme, scheme),
    ]
    out += [(scheme, RDF.type, SKOS.ConceptScheme)]
    return node

"""The dataset description: one resource typed void:Dataset, dcat:Dataset and schema:Dataset with
statistics, licence, the dumps as distributions, the SPARQL endpoint and the build date.

It lives in the release (`void.ttl`, and its own named graph) and never in the dumps, so the
dumps stay byte-identical while the description carries the date of the build.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from kg.iris import Iris
from kg.namespaces import (
    DCAT,
    DCTERMS,
    EMM,
    OAI_PMH,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    SD,
    SDO,
    SKOS,
    SPDX,
    VOID,
    XSD,
)
from kg.publish.dumps import DumpFile
from kg.vocab.publish import SchemeInfo

_IANA = "https://www.iana.org/assignments/media-types/"


@dataclass(frozen=True, slots=True)
class DatasetFacts:
    """What the build knows about its output, for the description."""

    build_id: str
    built_at: str
    title: str
    license_uri: str
    triples: int
    entities: Mapping[str, int]  # class IRI → number of distinct instances
    vocabularies: Sequence[str]
    dumps: Sequence[DumpFile]
    stem: str
    schemes: Sequence[SchemeInfo] = ()  # the SKOS vocabularies published with their versions


def describe_dataset(facts: DatasetFacts, iris: Iris) -> Graph:
    """The description as an rdflib Graph (hash IRIs for its parts: no blank nodes)."""
    g = Graph()
    for name, ns in PREFIXES.items():
        g.bind(name, ns)
    ds = iris.dataset()
    for cls in (VOID.Dataset, DCAT.Dataset, SDO.Dataset):
        g.add((ds, RDF.type, cls))
    title = Literal(facts.title, lang="en")
    when = Literal(facts.built_at, datatype=XSD.dateTime)
    licence = URIRef(facts.license_uri)
    sparql = URIRef(iris.base + "sparql")
    facts_triples: tuple[tuple[URIRef, URIRef, URIRef | Literal], ...] = (
        (ds, DCTERMS.title, title),
        (ds, SDO.name, title),
        (ds, DCTERMS.description, Literal(_DESCRIPTION, lang="en")),
        (ds, SDO.description, Literal(_DESCRIPTION, lang="en")),
        (ds, DCTERMS.license, licence),
        (ds, SDO.license, licence),
        (ds, DCTERMS.modified, when),
        (ds, SDO.dateModified, when),
        (ds, DCTERMS.identifier, Literal(facts.build_id)),
        (ds, SDO.version, Literal(facts.build_id)),
        (ds, VOID.uriSpace, Literal(iris.id_base)),
        (ds, VOID.sparqlEndpoint, sparql),
        (ds, VOID.triples, Literal(facts.triples, datatype=XSD.integer)),
        (ds, VOID.entities, Literal(sum(facts.entities.values()), datatype=XSD.integer)),
        (ds, PROV.wasGeneratedBy, iris.build(facts.build_id)),
        (ds, SDO.url, URIRef(iris.base)),
    )
    for triple in facts_triples:
        g.add(triple)
    for vocabulary in facts.vocabularies:
        g.add((ds, VOID.vocabulary, URIRef(vocabulary)))
    for scheme in facts.schemes:
        _scheme(g, ds, iris, scheme)
    _service(g, ds, iris, sparql)
    _harvesting(g, ds, iris)
    for class_iri, count in sorted(facts.entities.items()):
        part = iris.part(ds, "class-" + _short(class_iri))
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(class_iri)))
        g.add((part, VOID.entities, Literal(count, datatype=XSD.integer)))
    for dump in facts.dumps:
        _distribution(g, ds, iris, dump)
    return g


_DESCRIPTION = (
    "Reports, books and articles of an open-access research library on crime, justice and "
    "victimization, described with Dublin Core terms, schema.org and BIBO."
)


def _short(iri: str) -> str:
    """`prefix-local` for a class IRI (a readable, unique fragment)."""
    for name, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if iri.startswith(str(ns)):
            return f"{name}-{iri[len(str(ns)) :]}"
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _scheme(g: Graph, ds: URIRef, iris: Iris, scheme: SchemeInfo) -> None:
    """A SKOS vocabulary published with the dataset: its version, date, page and download."""
    node = URIRef(scheme.iri)
    g.add((ds, DCTERMS.hasPart, node))
    g.add((ds, SDO.hasPart, node))
    g.add((node, RDF.type, SKOS.ConceptScheme))
    g.add((node, DCTERMS.title, Literal(scheme.title, lang="en")))
    if scheme.version:
        g.add((node, OWL.versionInfo, Literal(scheme.version)))
    if scheme.modified:
        g.add((node, DCTERMS.modified, Literal(scheme.modified, datatype=XSD.date)))
    g.add((node, DCAT.landingPage, URIRef(f"{iris.base}vocab/{scheme.name}")))
    g.add((node, VOID.dataDump, URIRef(f"{iris.base}vocab/{scheme.name}.ttl")))


def _service(g: Graph, ds: URIRef, iris: Iris, sparql: URIRef) -> None:
    service = iris.part(ds, "sparql")
    g.add((ds, DCAT.accessService, service))
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, RDF.type, SD.Service))
    g.add((service, DCAT.endpointURL, sparql))
    g.add((service, SD.endpoint, sparql))
    g.add((service, DCAT.servesDataset, ds))


def _harvesting(g: Graph, ds: URIRef, iris: Iris) -> None:
    """The OAI-PMH endpoint and the change feed, as data services of the dataset."""
    services = (
        ("oai", "oai", OAI_PMH, "OAI-PMH 2.0 (oai_dc, marc21, rdf)"),
        ("changes", "changes", EMM, "Change feed (Activity Streams 2.0, LD4 EMM 1.0)"),
    )
    for fragment, path, standard, title in services:
        service = iris.part(ds, fragment)
        endpoint = URIRef(iris.base + path)
        g.add((ds, DCAT.accessService, service))
        g.add((service, RDF.type, DCAT.DataService))
        g.add((service, DCTERMS.title, Literal(title, lang="en")))
        g.add((service, DCAT.endpointURL, endpoint))
        g.add((service, DCTERMS.conformsTo, URIRef(str(standard))))
        g.add((service, DCAT.servesDataset, ds))


def _distribution(g: Graph, ds: URIRef, iris: Iris, dump: DumpFile) -> None:
    url = iris.dump(dump.name)
    node = iris.part(ds, "dump-" + dump.format)
    checksum = iris.part(ds, "sha256-" + dump.format)
    media = URIRef(_IANA + dump.media_type)
    size = Literal(dump.bytes, datatype=XSD.nonNegativeInteger)
    if dump.compressed:
        g.add((ds, VOID.dataDump, url))
        g.add((node, DCAT.compressFormat, URIRef(_IANA + "application/gzip")))
        g.add((node, DCAT.packageFormat, URIRef(_IANA + "application/gzip")))
    for triple in (
        (ds, DCAT.distribution, node),
        (ds, SDO.distribution, node),
        (node, RDF.type, DCAT.Distribution),
        (node, RDF.type, SDO.DataDownload),
        (node, DCAT.downloadURL, url),
        (node, DCAT.accessURL, url),
        (node, SDO.contentUrl, url),
        (node, DCAT.mediaType, media),
        (node, SDO.encodingFormat, Literal(dump.media_type)),
        (node, DCAT.byteSize, size),
        (node, SDO.contentSize, Literal(str(dump.bytes))),
        (node, DCTERMS.title, Literal(f"{dump.format} dump", lang="en")),
        (node, SPDX.checksum, checksum),
        (checksum, RDF.type, SPDX.Checksum),
        (checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256),
        (checksum, SPDX.checksumValue, Literal(dump.sha256, datatype=XSD.hexBinary)),
        (node, SDO.sha256, Literal(dump.sha256)),
    ):
        g.add(triple)

"""Example queries that answer real questions; shown on the query page and published as
`sh:SPARQLExecutable` resources (https://www.w3.org/TR/shacl-af/#SPARQLExecutable).

Each query names the prefixes it uses, so it runs as it is, pasted anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from kg.namespaces import PREFIXES, RDF, RDFS, SDO, SH


@dataclass(frozen=True, slots=True)
class Example:
    """A named example query and the question it answers."""

    name: str
    label: str
    comment: str
    query: str


def _prefixes(*names: str) -> str:
    return "".join(f"PREFIX {n}: <{PREFIXES[n]}>\n" for n in names)


EXAMPLES: tuple[Example, ...] = (
    Example(
        "works-by-author",
        "Works by an author",
        "The works of the person with the most works, newest first.",
        _prefixes("dcterms", "schema")
        + """SELECT ?author ?name ?work ?title ?year WHERE {
  { SELECT ?author (COUNT(DISTINCT ?w) AS ?n) WHERE {
      ?w dcterms:creator ?author . ?author a schema:Person .
    } GROUP BY ?author ORDER BY DESC(?n) ?author LIMIT 1 }
  ?author schema:name ?name .
  ?work dcterms:creator ?author ; dcterms:title ?title .
  OPTIONAL { ?work dcterms:issued ?year }
} ORDER BY DESC(STR(?year)) ?title""",
    ),
    Example(
        "co-authors",
        "Co-author network",
        "The people who wrote with the most prolific author, and how many works each pair"
        " shares (one author's network: the whole catalogue's pairs take too long to count).",
        _prefixes("dcterms", "schema")
        + """SELECT ?author ?name ?coauthor ?coauthorName (COUNT(DISTINCT ?work) AS ?works) WHERE {
  { SELECT ?author (COUNT(DISTINCT ?w) AS ?n) WHERE {
      ?w dcterms:creator ?author . ?author a schema:Person .
    } GROUP BY ?author ORDER BY DESC(?n) ?author LIMIT 1 }
  ?author schema:name ?name .
  ?work dcterms:creator ?author, ?coauthor .
  FILTER (?coauthor != ?author)
  ?coauthor a schema:Person ; schema:name ?coauthorName .
} GROUP BY ?author ?name ?coauthor ?coauthorName ORDER BY DESC(?works) ?coauthorName""",
    ),
    Example(
        "organisation-output-by-year",
        "An organisation's output by year",
        "How many works each of the ten most prolific organisations wrote or published, year"
        " by year (every organisation's years take over 20 s on a million works).",
        _prefixes("dcterms", "schema")
        + """SELECT ?org ?name ?year (COUNT(DISTINCT ?work) AS ?works) WHERE {
  { SELECT ?org (COUNT(DISTINCT ?w) AS ?total) WHERE {
      ?org a schema:Organization .
      { ?w dcterms:creator ?org } UNION { ?w dcterms:publisher ?org }
    } GROUP BY ?org ORDER BY DESC(?total) ?org LIMIT 10 }
  ?org schema:name ?name .
  { ?work dcterms:creator ?org } UNION { ?work dcterms:publisher ?org }
  ?work dcterms:issued ?issued .
  BIND (SUBSTR(STR(?issued), 1, 4) AS ?year)
} GROUP BY ?org ?name ?year ORDER BY ?name ?year""",
    ),
    Example(
        "topics-by-section",
        "Topics by section",
        "The topics within each section of the catalogue (the top concepts of the Topics"
        " scheme), with how many works carry each; topics no work carries are left out.",
        _prefixes("dcterms", "skos")
        + """SELECT DISTINCT ?section ?sectionLabel ?topic ?topicLabel ?works WHERE {
  { SELECT ?topic (COUNT(DISTINCT ?work) AS ?works) WHERE {
      ?work dcterms:subject ?topic .
    } GROUP BY ?topic }
  ?topic skos:broader+ ?section ; skos:prefLabel ?topicLabel .
  ?section skos:topConceptOf ?scheme ; skos:prefLabel ?sectionLabel .
  FILTER EXISTS { ?scheme dcterms:title "Topics"@en }
  FILTER (LANGMATCHES(LANG(?sectionLabel), "en") && LANGMATCHES(LANG(?topicLabel), "en"))
} ORDER BY ?sectionLabel DESC(?works) ?topicLabel""",
    ),
    Example(
        "works-in-a-series",
        "Works in a series",
        "Every series with its works, in series order.",
        _prefixes("dcterms", "schema")
        + """SELECT ?series ?seriesName ?position ?work ?title WHERE {
  ?series a schema:CreativeWorkSeries ; schema:name ?seriesName .
  ?work schema:isPartOf ?series ; dcterms:title ?title .
  OPTIONAL { ?work schema:position ?position }
} ORDER BY ?seriesName ?position ?title""",
    ),
    Example(
        "most-prolific-publishers",
        "The most prolific publishers",
        "Publishers ranked by the number of works they published.",
        _prefixes("dcterms", "schema")
        + """SELECT ?publisher ?name (COUNT(DISTINCT ?work) AS ?works) WHERE {
  ?work dcterms:publisher ?publisher .
  ?publisher schema:name ?name .
} GROUP BY ?publisher ?name ORDER BY DESC(?works) ?name LIMIT 25""",
    ),
)


def examples_iri(endpoint: str) -> URIRef:
    """The document that publishes the examples."""
    return URIRef(endpoint + "/examples")


def example_iri(endpoint: str, example: Example) -> URIRef:
    return URIRef(f"{endpoint}/examples#{example.name}")


def examples_graph(endpoint: str) -> Graph:
    """The examples as sh:SPARQLSelectExecutable resources targeting the endpoint."""
    graph = Graph()
    for prefix in ("sh", "rdfs", "schema"):
        graph.bind(prefix, PREFIXES[prefix])
    for example in EXAMPLES:
        node = example_iri(endpoint, example)
        graph.add((node, RDF.type, SH.SPARQLExecutable))
        graph.add((node, RDF.type, SH.SPARQLSelectExecutable))
        graph.add((node, RDFS.label, Literal(example.label, lang="en")))
        graph.add((node, RDFS.comment, Literal(example.comment, lang="en")))
        graph.add((node, SH.select, Literal(example.query)))
        graph.add((node, SDO.target, URIRef(endpoint)))
    return graph

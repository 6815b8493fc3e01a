"""The SPARQL Service Description of the endpoint, stating its limits.

https://www.w3.org/TR/sparql11-service-description/ — a plain GET on the endpoint asking for RDF
returns this graph. Limits use kg's own terms (there are no standard ones) and are repeated in an
`rdfs:comment` for people.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, URIRef

from kg.namespaces import ENTAILMENT, KG, PREFIXES, RDF, RDFS, SD, W3C_FORMATS, XSD
from kg.sparql.service import Limits

RESULT_FORMATS = (
    *("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV"),
    *("Turtle", "N-Triples", "RDF_XML", "JSON-LD"),
)


def limits_text(limits: Limits) -> str:
    """The limits in one sentence, for people (Service Description, query page)."""
    return (
        f"Read-only: SPARQL Update, LOAD and SERVICE are refused. Each query runs for at most "
        f"{limits.time_limit_s:g} s (a `timeout` parameter in seconds may lower it) with "
        f"{limits.memory_bytes // 2**20} MB of memory; results are cut at {limits.max_rows} rows "
        f"(header KG-Truncated: true); each client may use {limits.budget_s_per_minute:g} s of "
        f"query time per minute (then 429 with Retry-After); requests are at most "
        f"{limits.max_request_bytes} bytes."
    )


def service_description(
    endpoint: str,
    dataset: URIRef,
    named_graphs: Iterable[str],
    limits: Limits,
    examples: URIRef,
) -> Graph:
    """The sd:Service graph for the endpoint at `endpoint`."""
    graph = Graph()
    for prefix in ("sd", "kg", "rdfs", "xsd"):
        graph.bind(prefix, PREFIXES[prefix])
    graph.bind("formats", W3C_FORMATS)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    graph.add((service, SD.defaultEntailmentRegime, ENTAILMENT.Simple))
    for name in RESULT_FORMATS:
        graph.add((service, SD.resultFormat, W3C_FORMATS[name]))
    graph.add((service, RDFS.comment, Literal(limits_text(limits), lang="en")))
    graph.add((service, RDFS.seeAlso, examples))
    _limits(graph, service, limits)
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default = BNode()
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    graph.add((default, RDFS.comment, Literal("The union of the named graphs.", lang="en")))
    for name in sorted(named_graphs):
        node = BNode()
        graph.add((dataset, SD.namedGraph, node))
        graph.add((node, RDF.type, SD.NamedGraph))
        graph.add((node, SD.name, URIRef(name)))
    return graph


def _limits(graph: Graph, service: URIRef, limits: Limits) -> None:
    seconds = f"PT{limits.time_limit_s:g}S"
    graph.add((service, KG.queryTimeLimit, Literal(seconds, datatype=XSD.dayTimeDuration)))
    graph.add((service, KG.resultRowLimit, Literal(limits.max_rows)))
    graph.add((service, KG.queryMemoryLimitBytes, Literal(limits.memory_bytes)))
    budget = Literal(limits.budget_s_per_minute, datatype=XSD.decimal)
    graph.add((service, KG.clientQuerySecondsPerMinute, budget))
    graph.add((service, KG.requestBodyLimitBytes, Literal(limits.max_request_bytes)))

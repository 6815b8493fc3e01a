"""The two other record formats: unqualified Dublin Core (`oai_dc`) and the work's description
as RDF/XML (`rdf`). Pure functions of a work's facts or graph; every text XML-safe."""

from __future__ import annotations

import pyoxigraph as ox

from kg.harvest.facts import WorkFacts
from kg.harvest.graph import WorkGraph
from kg.harvest.terms import Lit, to_ox
from kg.harvest.xmlsafe import attribute, legal, text
from kg.namespaces import DC11, OAI_DC, OAI_PMH, PREFIXES, XSI

DC_SCHEMA = f"{OAI_PMH}oai_dc.xsd"
_DC_HEAD = (
    f'<oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC11}" xmlns:xsi="{XSI}" '
    f'xsi:schemaLocation="{OAI_DC} {DC_SCHEMA}">'
)
_KIND_NAMES = {"report": "Report", "book": "Book", "article": "Article"}
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def dublin_core(facts: WorkFacts) -> str:
    """`oai_dc`: identifier (the work's IRI), title, creators in order, date, type, and what
    else a harvester of simple Dublin Core looks for (subjects, abstract, publisher…)."""
    lang = f' xml:lang="{attribute(facts.language)}"' if facts.language else ""
    out = [_DC_HEAD, f"<dc:title{lang}>{text(facts.title)}</dc:title>"]
    for agent in facts.agents:
        element = "creator" if agent.role == "author" else "contributor"
        out.append(f"<dc:{element}>{text(agent.name)}</dc:{element}>")
    out += [f"<dc:subject>{text(topic.name)}</dc:subject>" for topic in facts.topics]
    if facts.abstract:
        out.append(f"<dc:description{lang}>{text(facts.abstract)}</dc:description>")
    out += [f"<dc:publisher>{text(p.name)}</dc:publisher>" for p in facts.publishers]
    if facts.year:
        out.append(f"<dc:date>{text(facts.year)}</dc:date>")
    out.append("<dc:type>Text</dc:type>")
    if facts.kind in _KIND_NAMES:
        out.append(f"<dc:type>{_KIND_NAMES[facts.kind]}</dc:type>")
    out.append(f"<dc:identifier>{text(facts.iri)}</dc:identifier>")
    if facts.report_number:
        out.append(f"<dc:identifier>{text(facts.report_number)}</dc:identifier>")
    if facts.language:
        out.append(f"<dc:language>{text(facts.language)}</dc:language>")
    out += [f"<dc:relation>{text(s.name)}</dc:relation>" for s in facts.series]
    if facts.host is not None:
        out.append(f"<dc:source>{text(facts.host.title)}</dc:source>")
    out += [f"<dc:coverage>{text(p.name)}</dc:coverage>" for p in facts.subject_places]
    out.append("</oai_dc:dc>")
    return "".join(out)


def rdf_xml(graph: WorkGraph) -> str:
    """The work's description (its own triples, and the types and labels of what it links
    to) as an `rdf:RDF` element without the XML declaration."""
    triples = [
        ox.Triple(
            to_ox(s),  # type: ignore[arg-type]
            ox.NamedNode(p),
            to_ox(Lit(legal(o.value), o.lang, o.datatype) if isinstance(o, Lit) else o),
        )
        for s, p, o in graph.triples()
    ]
    used = {p for _, p, _ in graph.triples()} | {
        o for _, _, o in graph.triples() if isinstance(o, str)
    }
    prefixes = {k: ns for k, ns in _PREFIXES.items() if any(u.startswith(ns) for u in used)}
    body = (ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=prefixes) or b"").decode()
    if body.startswith("<?xml"):
        body = body.split("?>", 1)[1].lstrip()
    # A raw CR would come back as LF from any XML parser: written as a reference, it stays CR.
    return legal(body).rstrip().replace("\r", "&#13;")

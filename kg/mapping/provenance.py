"""PROV-O provenance of a work: the source lines it was read from and the build that published it.

These triples go to the provenance named graph, apart from the catalogue.
"""

from __future__ import annotations

from rdflib import URIRef

from kg.mapping.context import Context, Triple
from kg.mapping.terms import KG, PROV, RDF, RDFS, XSD
from kg.records import Record


def provenance_triples(work: URIRef, record: Record, context: Context) -> list[Triple]:
    """`work prov:wasDerivedFrom` each source line; `prov:wasGeneratedBy` the build."""
    out: list[Triple] = [(work, RDF.type, PROV.Entity)]
    for number, source in enumerate(record.sources or (record.source,), start=1):
        line = context.iris.part(work, f"source-{number}")
        out += [
            (work, PROV.wasDerivedFrom, line),
            (line, RDF.type, PROV.Entity),
            (line, RDFS.label, context.literal(str(source))),
            (line, KG.sourceFile, context.literal(source.file)),
            (line, KG.sourceLine, context.literal(source.line, datatype=XSD.integer)),
        ]
    if context.build is not None:
        out += [(work, PROV.wasGeneratedBy, context.build)]
    # Fields a cataloguer set in data/corrections.jsonl rather than read from the page.
    out += [(work, KG.correctedField, context.literal(name)) for name in record.corrected]
    return out

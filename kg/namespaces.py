"""Every IRI kg writes comes from a namespace object defined or re-exported here."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

# One form for schema.org across the whole dataset: https.
SDO = Namespace("https://schema.org/")
BIBO = Namespace("http://purl.org/ontology/bibo/")
DCMITYPE = Namespace("http://purl.org/dc/dcmitype/")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SH = Namespace("http://www.w3.org/ns/shacl#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
# Paging of long inverse-link lists in documents (hydra:next, hydra:previous).
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
# https://www.w3.org/ns/formats/ (result and RDF formats) and entailment regimes, for the
# SPARQL Service Description.
W3C_FORMATS = Namespace("http://www.w3.org/ns/formats/")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")
# kg's own terms (provenance of a source line, inferred publishers, tagging reasons).
KG = Namespace("https://w3id.org/kg/terms#")

PREFIXES: dict[str, Namespace] = {
    "dcterms": Namespace(str(DCTERMS)),
    "schema": SDO,
    "bibo": BIBO,
    "foaf": Namespace(str(FOAF)),
    "skos": Namespace(str(SKOS)),
    "dcat": Namespace(str(DCAT)),
    "void": Namespace(str(VOID)),
    "prov": Namespace(str(PROV)),
    "owl": Namespace(str(OWL)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "dcmitype": DCMITYPE,
    "sh": SH,
    "sd": SD,
    "spdx": SPDX,
    "kg": KG,
    "hydra": HYDRA,
}

__all__ = [
    "BIBO",
    "DCAT",
    "DCMITYPE",
    "DCTERMS",
    "ENTAILMENT",
    "FOAF",
    "HYDRA",
    "KG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SD",
    "SDO",
    "SH",
    "SKOS",
    "SPDX",
    "VOID",
    "W3C_FORMATS",
    "XSD",
]

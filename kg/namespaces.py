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
# Harvesting: the XML namespaces and schemas of OAI-PMH 2.0 and its payloads, MARC 21 slim,
# the Activity Streams 2.0 change feed and the Entity Metadata Management API it follows.
OAI_PMH = Namespace("http://www.openarchives.org/OAI/2.0/")
OAI_DC = Namespace("http://www.openarchives.org/OAI/2.0/oai_dc/")
OAI_IDENTIFIER = Namespace("http://www.openarchives.org/OAI/2.0/oai-identifier")
DC11 = Namespace("http://purl.org/dc/elements/1.1/")
MARC21 = Namespace("http://www.loc.gov/MARC21/slim")
MARC_SCHEMA = Namespace("http://www.loc.gov/standards/marcxml/schema/")
MARC_RELATORS = Namespace("http://id.loc.gov/vocabulary/relators/")
XSI = Namespace("http://www.w3.org/2001/XMLSchema-instance")
W3C_2000 = Namespace("http://www.w3.org/2000/07/")
ACTIVITYSTREAMS = Namespace("https://www.w3.org/ns/activitystreams")
EMM = Namespace("https://emm-spec.org/1.0/")

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
    "ACTIVITYSTREAMS",
    "BIBO",
    "DC11",
    "DCAT",
    "DCMITYPE",
    "DCTERMS",
    "EMM",
    "ENTAILMENT",
    "FOAF",
    "HYDRA",
    "KG",
    "MARC21",
    "MARC_RELATORS",
    "MARC_SCHEMA",
    "OAI_DC",
    "OAI_IDENTIFIER",
    "OAI_PMH",
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
    "W3C_2000",
    "W3C_FORMATS",
    "XSD",
    "XSI",
]

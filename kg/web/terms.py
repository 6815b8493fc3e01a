"""`/terms`: the definitions of kg's own terms (kg/terms.ttl), in every RDF format and HTML.

The file ships with the code, not with a build, so its variants are rendered once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from flask import Blueprint, Response, render_template, request
from rdflib import Graph, URIRef

from kg import formats
from kg.errors import BadRequest, NotAcceptable, NotFound
from kg.namespaces import KG, PREFIXES, RDF, RDFS
from kg.web import conneg, headers

blueprint = Blueprint("terms", __name__)
ONTOLOGY = URIRef(str(KG).rstrip("#"))


@cache
def terms_graph() -> Graph:
    """kg/terms.ttl, parsed."""
    text = resources.files("kg").joinpath("terms.ttl").read_text(encoding="utf-8")
    graph = Graph()
    for prefix in ("kg", "rdf", "rdfs", "owl", "xsd", "dcterms", "skos", "schema", "prov", "sd"):
        graph.bind(prefix, PREFIXES[prefix])
    return graph.parse(data=text, format="turtle")


@cache
def _serialised(suffix: str) -> bytes:
    fmt = formats.BY_SUFFIX[suffix]
    return terms_graph().serialize(format=fmt.rdflib_format or "turtle", encoding="utf-8")


def definitions() -> list[dict[str, str]]:
    """Each term's name, kind, label and comment, in name order (for the HTML page)."""
    graph = terms_graph()
    out = []
    for term in sorted({s for s in graph.subjects(RDFS.isDefinedBy, ONTOLOGY)}, key=str):
        kinds = set(graph.objects(term, RDF.type))
        kind = "class" if RDFS.Class in kinds else "property" if RDF.Property in kinds else "value"
        out.append(
            {
                "name": "kg:" + str(term).removeprefix(str(KG)),
                "iri": str(term),
                "anchor": str(term).removeprefix(str(KG)),
                "kind": kind,
                "label": str(graph.value(term, RDFS.label) or ""),
                "comment": str(graph.value(term, RDFS.comment) or ""),
            }
        )
    return out


@blueprint.get("/terms")
@blueprint.get("/terms.<suffix>")
def terms(suffix: str | None = None) -> Response:
    """The terms, negotiated like every document (suffix, ?format=, then Accept)."""
    fmt = _chosen_format(suffix)
    if fmt.suffix == "html":
        comment = terms_graph().value(ONTOLOGY, RDFS.comment)
        body = render_template("terms.html", terms=definitions(), about=str(comment or ""))
        response = Response(body, content_type=fmt.content_type)
    else:
        response = Response(_serialised(fmt.suffix), content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    response.headers["Content-Location"] = f"/terms.{fmt.suffix}"
    response.headers["Cache-Control"] = "public, max-age=86400"
    headers.add_links(
        response,
        (
            headers.link_value(f"/terms.{f.suffix}", "alternate", type=f.media_type)
            for f in formats.FORMATS
        ),
    )
    return headers.cors(response)


def _chosen_format(suffix: str | None) -> formats.Format:
    if suffix is not None:
        fmt = formats.BY_SUFFIX.get(suffix)
        if fmt is None:
            raise NotFound(
                f"no format called {suffix!r}", fix="use /terms.ttl, .jsonld, .rdf, .nt or .html"
            )
    elif request.args.get("format"):
        fmt = conneg.named_format(request.args["format"])
        if fmt is None:
            raise BadRequest(
                f"unknown format {request.args['format']!r}", fix=f"use one of {formats.OFFERED}"
            )
    else:
        fmt = conneg.negotiate(request.headers.get("Accept"))
    if fmt is None:
        raise NotAcceptable(
            "none of the offered formats fits the Accept header",
            fix=f"ask for one of {formats.OFFERED}",
        )
    return fmt

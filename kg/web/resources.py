"""Dereferenceable URIs: `/id/{type}/{key}` → 303 → `/doc/{type}/{key}`, negotiated."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request
from rdflib import Graph, URIRef

from kg.errors import NotAcceptable, NotFound
from kg.mapping.iris import ENTITY_TYPES
from kg.namespaces import PREFIXES
from kg.web import context
from kg.web.conneg import BY_SUFFIX, FORMATS, Format, negotiate
from kg.web.view import resource_view

blueprint = Blueprint("resources", __name__)


@blueprint.get("/id/<type_>/<path:key>")
def thing(type_: str, key: str) -> Response:
    """The thing itself is not a document: send the client to its description."""
    _check_type(type_)
    response = Response(status=303)
    response.headers["Location"] = context.iris().document(type_, key)
    response.headers["Vary"] = "Accept"
    return response


@blueprint.get("/doc/<type_>/<path:key>")
def document(type_: str, key: str) -> Response:
    """The description of a thing, in the format the client asks for."""
    _check_type(type_)
    key, fmt = _split_suffix(key)
    iri = context.iris().entity(type_, key)
    store = context.store()
    if not store.exists(iri):
        raise NotFound(f"no {type_} with key {key!r}", fix="check the key, or search the catalogue")
    graph = store.describe(iri)
    response = _render(graph, iri, type_, fmt)
    response.headers["Vary"] = "Accept"
    response.headers["Content-Location"] = context.iris().document(type_, key, "." + fmt.suffix)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Link"] = ", ".join(
        f'<{context.iris().document(type_, key, "." + f.suffix)}>; rel="alternate"; '
        f'type="{f.media_type}"'
        for f in FORMATS
    )
    return response


def _check_type(type_: str) -> None:
    if type_ not in ENTITY_TYPES:
        raise NotFound(f"no resource type {type_!r}", fix=f"use one of {', '.join(ENTITY_TYPES)}")


def _split_suffix(key: str) -> tuple[str, Format]:
    stem, dot, suffix = key.rpartition(".")
    if dot and suffix in BY_SUFFIX:
        return stem, BY_SUFFIX[suffix]
    fmt = negotiate(request.headers.get("Accept"))
    if fmt is None:
        offered = ", ".join(f.media_type for f in FORMATS)
        raise NotAcceptable(f"none of the offered types is acceptable: {offered}")
    return key, fmt


def _render(graph: Graph, iri: URIRef, type_: str, fmt: Format) -> Response:
    if fmt.rdflib_format is None:
        html = render_template("resource.html", view=resource_view(graph, iri, type_))
        return Response(html, mimetype="text/html")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    body = graph.serialize(format=fmt.rdflib_format, encoding="utf-8")
    return Response(body, mimetype=fmt.media_type)

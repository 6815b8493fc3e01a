"""The SPARQL endpoint (read-only queries)."""

from __future__ import annotations

from flask import Blueprint, Response, request

from kg.errors import BadQuery
from kg.web import context

blueprint = Blueprint("sparql", __name__)


@blueprint.get("/sparql")
def query() -> Response:
    text = request.args.get("query")
    if not text:
        raise BadQuery("missing the `query` parameter", fix="send ?query=SELECT…")
    accept = request.accept_mimetypes.best_match(
        [
            "application/sparql-results+json",
            "application/sparql-results+xml",
            "text/csv",
            "text/tab-separated-values",
            "text/turtle",
            "application/n-triples",
        ],
        default="application/sparql-results+json",
    )
    result = context.store().query(text, accept or "application/sparql-results+json")
    response = Response(result.body, mimetype=result.media_type)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Vary"] = "Accept"
    return response

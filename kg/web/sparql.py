"""The SPARQL endpoint: protocol in, query service, results out; its description and query page.

`/sparql` answers queries (GET, POST form, POST application/sparql-query), a plain GET with its
Service Description (RDF) or, for a browser, the YASGUI query page; `/sparql/examples` publishes
the example queries. CORS is open (no credentials) with an OPTIONS preflight.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import cast

from flask import Blueprint, Flask, Response, current_app, render_template, request
from rdflib import Graph

from kg.config import Config
from kg.errors import OverBudget, PoolBusy, UriTooLong
from kg.formats import FORMATS
from kg.namespaces import PREFIXES
from kg.sparql.description import limits_text, service_description
from kg.sparql.examples import EXAMPLES, examples_graph, examples_iri
from kg.sparql.protocol import QueryRequest, parse_request
from kg.sparql.service import Limits, QueryService, StoreRef
from kg.store import Backend
from kg.web import context
from kg.web.conneg import negotiate
from kg.web.errors import problem_of, problem_response
from kg.web.headers import EXPOSED

blueprint = Blueprint("sparql", __name__)

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Accept",
    "Access-Control-Expose-Headers": f"{EXPOSED}, KG-Truncated, X-SPARQL-MaxRows",
    "Access-Control-Max-Age": "86400",
}
START_QUERY = "".join(f"PREFIX {name}: <{ns}>\n" for name, ns in PREFIXES.items()) + (
    "\nSELECT ?work ?title WHERE {\n  ?work a schema:CreativeWork ; dcterms:title ?title .\n}"
    " LIMIT 10"
)
_GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g"


def init_app(
    app: Flask,
    config: Config,
    locate: Callable[[], StoreRef] | None = None,
    union_default_graph: bool = True,
    network: bool = False,
) -> None:
    """Register the endpoint; `locate` says where the store is (default: the release the app
    serves); `network`: the query workers talk to a remote store."""
    endpoint = config.base_uri + "sparql"
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    limits = Limits.from_config(config)
    locate = locate or _current_release
    service = QueryService(limits, locate, endpoint, prefixes, union_default_graph, network)
    app.extensions["kg.sparql"] = service
    app.register_blueprint(blueprint)


def _current_release() -> StoreRef:
    # The release this worker serves now (kg.web.reload swaps it in when the live release
    # changes); a new release is a new generation, so the query workers reopen.
    release = cast(Path, current_app.extensions["kg.release"])
    backend = cast(Backend, current_app.extensions["kg.backend"])
    return StoreRef(backend.target(release), str(release))


def _service() -> QueryService:
    return cast(QueryService, current_app.extensions["kg.sparql"])


@blueprint.after_request
def _cors(response: Response) -> Response:
    response.headers.update(CORS_HEADERS)
    return response


@blueprint.errorhandler(OverBudget)
def _over_budget(err: OverBudget) -> Response:
    response = problem_response(problem_of(err))
    response.headers["Retry-After"] = str(err.retry_after_s)
    return response


@blueprint.errorhandler(PoolBusy)
def _busy(err: PoolBusy) -> Response:
    response = problem_response(problem_of(err))
    response.headers["Retry-After"] = "5"
    return response


@blueprint.route("/sparql", methods=["GET", "POST", "OPTIONS"])
def query() -> Response:
    """The query operation of the SPARQL 1.1 Protocol."""
    if request.method == "OPTIONS":
        return Response(status=204)
    if len(request.query_string) > current_app.config["MAX_CONTENT_LENGTH"]:
        raise UriTooLong("the query string is too long", fix="POST the query instead")
    parsed = parse_request(
        request.method,
        request.headers.get("Content-Type"),
        request.args.to_dict(flat=False),
        request.form.to_dict(flat=False) if request.method == "POST" else {},
        request.get_data(cache=True) if request.method == "POST" else b"",
    )
    if parsed is None:
        return _describe()
    return _answer(parsed)


def _answer(parsed: QueryRequest) -> Response:
    service = _service()
    client = request.remote_addr or "unknown"
    outcome = service.execute(parsed, request.accept_mimetypes, client)
    answer = outcome.answer
    response = Response(answer.body, mimetype=answer.media_type)
    response.headers["Vary"] = "Accept"
    if answer.truncated:
        response.headers["X-SPARQL-MaxRows"] = str(service.limits.max_rows)
        response.headers["KG-Truncated"] = "true"
        response.headers["Link"] = f'<{service.endpoint}#row-cap>; rel="describedby"'
    return response


def _describe() -> Response:
    """The Service Description for RDF clients, the query page for browsers."""
    fmt = negotiate(request.headers.get("Accept") or "text/turtle")
    if fmt is None:
        fmt = FORMATS[1]
    if fmt.rdflib_format is None:
        return _page()
    service = _service()
    graph = service_description(
        service.endpoint,
        context.iris().dataset(),
        _named_graphs(service),
        service.limits,
        examples_iri(service.endpoint),
    )
    return _rdf(graph, fmt.media_type, fmt.rdflib_format)


def _named_graphs(service: QueryService) -> list[str]:
    """The release's named graphs: as its manifest counted them (no query), else asked."""
    manifest = current_app.extensions.get("kg.manifest")
    counted = manifest.extra.get("graph_triples") if manifest is not None else None
    if counted:
        return sorted(counted)
    request_ = QueryRequest(_GRAPHS_QUERY, None, None, None, "json")
    outcome = service.execute(request_, request.accept_mimetypes, "service-description")
    rows = json.loads(outcome.answer.body)["results"]["bindings"]
    return [row["g"]["value"] for row in rows]


def _rdf(graph: Graph, media_type: str, rdflib_format: str) -> Response:
    response = Response(graph.serialize(format=rdflib_format), mimetype=media_type)
    response.headers["Vary"] = "Accept"
    return response


def _page() -> Response:
    service = _service()
    settings = {
        "endpoint": service.endpoint,
        "query": START_QUERY,
        "examples": [
            {"name": e.name, "label": e.label, "comment": e.comment, "query": e.query}
            for e in EXAMPLES
        ],
    }
    html = render_template(
        "sparql.html",
        title="SPARQL query",
        settings=settings,
        examples=EXAMPLES,
        limits=limits_text(service.limits),
        endpoint=service.endpoint,
    )
    response = Response(html, mimetype="text/html")
    response.headers["Vary"] = "Accept"
    return response


@blueprint.get("/sparql/examples")
def examples() -> Response:
    """The example queries as sh:SPARQLExecutable resources (RDF), or the query page."""
    fmt = negotiate(request.headers.get("Accept"))
    if fmt is None or fmt.rdflib_format is None:
        return _page()
    return _rdf(examples_graph(_service().endpoint), fmt.media_type, fmt.rdflib_format)

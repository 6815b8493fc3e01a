"""Every error in one shape: RFC 9457 problem+json for machines, an HTML page for people."""

from __future__ import annotations

import logging

from flask import Flask, Response, json, render_template, request
from werkzeug.exceptions import HTTPException

from kg.errors import KgError

log = logging.getLogger(__name__)


def problem_response(body: dict[str, object]) -> Response:
    """The problem as JSON, or as HTML when a browser prefers it."""
    status = int(str(body["status"]))
    accept = request.accept_mimetypes
    if accept.best_match(["application/problem+json", "text/html"]) == "text/html":
        html = render_template("error.html", problem=body)
        response = Response(html, status=status, mimetype="text/html")
    else:
        response = Response(json.dumps(body), status=status, mimetype="application/problem+json")
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Vary"] = "Accept"  # the body's format depends on Accept
    return response


def register(app: Flask) -> None:
    @app.errorhandler(KgError)
    def _kg_error(err: KgError) -> Response:
        return problem_response(err.problem(request.path))

    @app.errorhandler(HTTPException)
    def _http_error(err: HTTPException) -> Response:
        body: dict[str, object] = {
            "type": "about:blank",
            "title": err.name,
            "status": err.code or 500,
            "detail": err.description or err.name,
            "instance": request.path,
        }
        response = problem_response(body)
        for name, value in err.get_headers():
            if name.lower() not in ("content-type", "content-length"):
                response.headers[name] = value
        return response

    @app.errorhandler(Exception)
    def _unexpected(err: Exception) -> Response:
        log.exception("unhandled error on %s", request.path)
        body: dict[str, object] = {
            "type": "about:blank",
            "title": "Internal Server Error",
            "status": 500,
            "detail": "The server failed to answer this request; it has been logged.",
            "instance": request.path,
        }
        return problem_response(body)

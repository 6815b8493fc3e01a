"""Every error in one shape: RFC 9457 problem+json for machines, an HTML page for people."""

from __future__ import annotations

import logging

from flask import Flask, Response, current_app, json, render_template, request
from werkzeug.exceptions import HTTPException

from kg.config import Config
from kg.errors import KgError, NotFound, problem_kinds

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


def problem_of(err: KgError) -> dict[str, object]:
    """The problem body of an error raised while answering this request."""
    config: Config | None = current_app.extensions.get("kg.config")
    base = config.base_uri if config is not None else request.host_url
    return err.problem(base, request.path)


def register(app: Flask) -> None:
    app.add_url_rule("/problems/<code>", "problem_type", problem_type_page)

    @app.errorhandler(KgError)
    def _kg_error(err: KgError) -> Response:
        response = problem_response(problem_of(err))
        retry_after = getattr(err, "retry_after_s", None)
        if retry_after is not None:  # 503 / 429: when to come back (RFC 9110 §10.2.3)
            response.headers["Retry-After"] = str(retry_after)
        return response

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


def problem_type_page(code: str) -> str:
    """What a problem `type` means: the page its IRI leads to."""
    kind = problem_kinds().get(code)
    if kind is None:
        raise NotFound(f"no problem type {code!r}", fix="see the problem's title and detail")
    meaning = (kind.__doc__ or kind.title).strip().splitlines()[0]
    return render_template("problem_type.html", kind=kind, meaning=meaning)

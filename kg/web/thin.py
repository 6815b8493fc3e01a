"""The thin document path: page 1 of a stored document answered in front of Flask.

A stored document (kg/web/documents.py) is a key lookup, yet through Flask it paid routing, a
request context, a `Response` object and its header checks: several times the lookup. This WSGI
middleware answers the one request shape that dominates a harvest — `GET` or `HEAD` of
`/doc/{type}/{key}[.ext]` with no query string, for a document the release has stored — with
the same status, headers and body the `/doc` route gives (negotiation, validators, 304s, `Link`,
CORS), and hands every other request to Flask unchanged. `tests/test_thin.py` compares the two
byte for byte.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from werkzeug.urls import iri_to_uri

from kg.config import Config
from kg.formats import Format
from kg.iris import Iris
from kg.web import headers
from kg.web.conneg import formats_for, negotiate, split_suffix
from kg.web.documents import Documents
from kg.web.resources import NOTICE_TYPES

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment
    from flask import Flask

Answer = tuple[str, list[tuple[str, str]], bytes]
_PREFIX = "/doc/"
_CORS = [
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Expose-Headers", headers.EXPOSED),
]


class ThinDocuments:
    """WSGI middleware over a kg Flask app: stored page-1 documents here, the rest in Flask."""

    def __init__(self, app: Flask, inner: WSGIApplication) -> None:
        self._extensions = app.extensions
        self.inner = inner  # Flask's own WSGI callable: every request this path does not answer

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        answer = self.answer(environ)
        if answer is None:
            return self.inner(environ, start_response)
        status, header_list, body = answer
        start_response(status, header_list)
        return [body]

    def answer(self, environ: WSGIEnvironment) -> Answer | None:
        """The response to a stored page-1 document request, or None to let Flask answer."""
        path: str = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD")
        if (
            not path.startswith(_PREFIX)
            or method not in ("GET", "HEAD")
            or environ.get("QUERY_STRING")  # pages, ?format=: Flask parses them
            or environ.get("SCRIPT_NAME")  # stored links were rendered for an app at the root
            or "//" in path  # the router redirects these
        ):
            return None
        for refresh in cast(list[Callable[[], None]], self._extensions["kg.refresh"]):
            refresh()  # as Flask's before_request does: follow a new release, open documents
        documents = cast(Documents | None, self._extensions["kg.documents"])
        if documents is None:
            return None
        # Werkzeug's decoding of PATH_INFO (bytes as latin-1, read as UTF-8), as the route sees it.
        type_, _, key = (
            path[len(_PREFIX) :].encode("latin-1").decode("utf-8", "replace").partition("/")
        )
        # A work is also offered as citation exports: negotiate as the route does for its type.
        stem, fmt = split_suffix(key, formats_for(type_))
        negotiated = fmt is None
        if fmt is None:
            fmt = _negotiate(environ.get("HTTP_ACCEPT"), type_ == "work")
            if fmt is None:
                return None  # 406: Flask's error page
        if fmt.oxigraph is None and type_ in NOTICE_TYPES:
            return None  # may carry a failed rebuild's notice, which the route adds
        try:
            stored = documents.get(type_, stem, fmt.suffix) if stem else None
        except sqlite3.Error:
            return None  # a damaged file: the route renders the document itself
        if stored is None:
            return None
        return self._respond(environ, type_, stem, fmt, negotiated, stored.body, stored.link)

    def _respond(
        self,
        environ: WSGIEnvironment,
        type_: str,
        key: str,
        fmt: Format,
        negotiated: bool,
        body: bytes,
        link: str,
    ) -> Answer:
        extensions = self._extensions
        build_id, built = cast(tuple[str, datetime], extensions["kg.build"])
        config = cast(Config, extensions["kg.config"])
        etag = headers.etag_for(build_id, fmt.suffix)
        location = content_location(cast(Iris, extensions["kg.iris"]), type_, key, fmt.suffix)
        validators = headers.validators(etag, built, config.cache_max_age_s)
        vary = [("Vary", "Accept")] if negotiated else []
        if headers.not_modified_by(
            environ.get("HTTP_IF_NONE_MATCH"), environ.get("HTTP_IF_MODIFIED_SINCE"), etag, built
        ):
            # As werkzeug sends a 304: without the entity headers (Last-Modified among them).
            kept = [v for v in validators if v[0] != "Last-Modified"]
            return "304 NOT MODIFIED", [("Content-Location", location), *kept, *vary, *_CORS], b""
        header_list = [
            ("Content-Type", fmt.content_type),
            ("Link", link),
            ("Content-Location", location),
            *validators,
            *vary,
            ("Content-Length", str(len(body))),
            *_CORS,
        ]
        return "200 OK", header_list, b"" if environ.get("REQUEST_METHOD") == "HEAD" else body


def content_location(iris: Iris, type_: str, key: str, suffix: str) -> str:
    """The document's URL as werkzeug sends `Content-Location` (`iri_to_uri`). The key is
    percent-encoded already, so under a plain ASCII base the IRI is the URI and the costly
    conversion (half of this path's time) is skipped."""
    document = iris.document(type_, key, "." + suffix)
    return document if _plain(iris.base) else iri_to_uri(document)


@functools.lru_cache(maxsize=8)
def _plain(base: str) -> bool:
    probe = f"{base}doc/work/a%C3%BC-._~.ttl"
    return base.isascii() and iri_to_uri(probe) == probe


@functools.lru_cache(maxsize=512)
def _negotiate(accept: str | None, work: bool) -> Format | None:
    """`conneg.negotiate`, remembered: clients send a handful of distinct Accept headers."""
    return negotiate(accept, formats_for("work" if work else ""))


def install(app: Flask) -> None:
    """Put the thin path in front of `app`'s WSGI callable (the test client goes through it)."""
    app.wsgi_app = ThinDocuments(app, app.wsgi_app)  # type: ignore[method-assign]


def flask_only(app: Flask) -> Any:
    """The app's WSGI callable without the thin path (what the comparison test asks)."""
    wsgi = app.wsgi_app
    return wsgi.inner if isinstance(wsgi, ThinDocuments) else wsgi

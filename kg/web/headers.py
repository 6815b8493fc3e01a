"""HTTP caching, CORS and Link headers, shared by every document the web layer serves."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import datetime

from flask import Request, Response
from werkzeug.http import http_date, parse_date, parse_etags, quote_etag

# Headers a browser script may read from a cross-origin response (CORS hides others).
EXPOSED = "Link, ETag, Last-Modified, Content-Location, Vary, Retry-After, Location"


def link_value(href: str, rel: str, **params: str) -> str:
    """One RFC 8288 link-value: `<href>; rel="…"; type="…"`."""
    extra = "".join(f'; {name}="{value}"' for name, value in params.items())
    return f'<{href}>; rel="{rel}"{extra}'


def add_links(response: Response, links: Iterable[str]) -> None:
    values = [v for v in (response.headers.get("Link"), *links) if v]
    response.headers["Link"] = ", ".join(values)


def cors(response: Response) -> Response:
    """Open to every origin, without credentials, with the headers linked-data clients need."""
    response.headers.setdefault("Access-Control-Allow-Origin", "*")
    response.headers.setdefault("Access-Control-Expose-Headers", EXPOSED)
    return response


def etag_for(build_id: str, *parts: str) -> str:
    """A strong validator for one variant of one document: the build plus what selects it."""
    return "-".join((build_id, *(p for p in parts if p)))


def not_modified(request: Request, etag: str, last_modified: datetime) -> bool:
    """True when the client's copy is current (RFC 9110 §13.2.2: If-None-Match wins)."""
    return not_modified_by(
        request.headers.get("If-None-Match"),
        request.headers.get("If-Modified-Since"),
        etag,
        last_modified,
    )


def not_modified_by(
    if_none_match: str | None, if_modified_since: str | None, etag: str, last_modified: datetime
) -> bool:
    """`not_modified` from the two raw header values (the thin document path has no Request)."""
    tags = parse_etags(if_none_match)
    if tags:
        return tags.contains(etag) or tags.star_tag
    since = parse_date(if_modified_since)
    return since is not None and last_modified.replace(microsecond=0) <= since


def validators(etag: str, last_modified: datetime, max_age_s: int) -> list[tuple[str, str]]:
    """`ETag`, `Last-Modified` and `Cache-Control` of a build-derived document."""
    return [
        ("ETag", quote_etag(etag)),
        ("Last-Modified", _http_date(last_modified)),
        ("Cache-Control", f"public, max-age={max_age_s}"),
    ]


@functools.lru_cache(maxsize=8)
def _http_date(moment: datetime) -> str:
    return http_date(moment)  # one build time per release: formatted once, not per request

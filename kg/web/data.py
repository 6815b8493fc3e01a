"""The dataset description (`/.well-known/void`) and the dump files of the current release."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, send_from_directory

from kg.errors import NotFound
from kg.web import context, headers

blueprint = Blueprint("data", __name__)
_TYPES = {".gz": "application/gzip", ".jsonld": "application/ld+json"}


@blueprint.get("/.well-known/void")
def void() -> Response:
    """RFC 5785 / VoID §7: the well-known address leads to the dataset's description."""
    response = Response(status=303)
    response.headers["Location"] = context.iris().document("dataset", "kg")
    response.headers["Vary"] = "Accept"
    return response


@blueprint.get("/health")
def health() -> Response:
    """Liveness check for load balancers: fixed bytes, no store access.

    bench/web.py also uses it as the framework's ceiling (the same server and middleware).
    """
    return Response(b"ok\n", content_type="text/plain; charset=utf-8")


@blueprint.get("/dumps/<name>")
def dump(name: str) -> Response:
    """A dump file of the current release; `latest.*` is a temporary redirect to the dated one."""
    dumps = _dumps()
    if name.startswith("latest."):
        for entry in dumps:
            if str(entry.get("latest_url", "")).endswith("/" + name):
                response = Response(status=302)
                response.headers["Location"] = str(entry["url"])
                return response
    files = {str(entry["file"]).rsplit("/", 1)[-1]: entry for entry in dumps}
    if name not in files:
        raise NotFound(f"no dump called {name!r}", fix="see /.well-known/void for the dumps")
    folder = context.release_dir() / str(files[name]["file"]).rsplit("/", 1)[0]
    suffix = "." + name.rsplit(".", 1)[-1]
    response = send_from_directory(
        folder, name, mimetype=_TYPES.get(suffix, "application/octet-stream"), conditional=True
    )
    response.headers["Cache-Control"] = f"public, max-age={context.config().cache_max_age_s}"
    return headers.cors(response)


def _dumps() -> list[dict[str, Any]]:
    return list(context.manifest_extra().get("dumps", []))

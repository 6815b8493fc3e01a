"""The catalogue index of the release being served (kg/catalogue): browse lists, counts, the
newest works, search and the sitemap read it, one indexed query per page.

A release the build wrote without one (built before kg wrote the index, or written by hand)
gets one written from its store on first use, into a temporary folder, once per worker.
"""

from __future__ import annotations

from threading import Lock
from typing import cast

from flask import current_app

from kg.catalogue.read import CatalogueIndex
from kg.web import context

_LOCK = Lock()
_EVERYTHING = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


def catalogue() -> CatalogueIndex:
    """This worker's index of the build being served (opened again when the app follows
    `build/current` to a new release)."""
    app = current_app
    build_id = context.build()[0]
    with _LOCK:
        cached = app.extensions.get("kg.catalogue")
        if cached is None or cached[0] != build_id:
            index = CatalogueIndex.open(context.release_dir()) or _from_store()
            cached = (build_id, index)
            app.extensions["kg.catalogue"] = cached
    return cast(CatalogueIndex, cached[1])


def _from_store() -> CatalogueIndex:
    result = context.store().query(_EVERYTHING, "application/n-triples")
    lines = result.body.decode("utf-8").splitlines()
    config = context.config()
    return CatalogueIndex.from_lines(lines, context.iris().id_base, config.default_language)

"""TEST ONLY: a writable kg SPARQL endpoint for the W3C query-evaluation suite.

The suite loads each test's data before its query, which the read-only production endpoint
cannot do. This WSGI entry point lives under tests/ (it is not part of the kg package) and
refuses to start unless KG_TEST_WRITABLE_STORE names a fresh folder and
KG_TEST_WRITABLE=i-know-this-endpoint-is-writable is set, so it cannot be enabled by accident.

    POST /test/data    N-Quads body: the next test's data, loaded into a fresh store folder
                       (then /sparql sees it). Like kg's builds, each generation is a new
                       folder that is never written again: a read-only handle on a store that
                       another process keeps writing fails once compaction deletes its files.
                       With ?direct=1 the data goes to an in-memory store that only
                       /test/direct reads (the baseline needs no folder).
    POST|GET /sparql   kg's production query path (guard, worker pool, limits, serialisers),
                       with the store's own default graph as the W3C datasets need
    POST /test/direct  the same query run by pyoxigraph in this process, serialised by
                       pyoxigraph: the baseline the endpoint is compared with
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pyoxigraph as ox
from flask import Flask, Response, request

from kg.config import load_config
from kg.sparql.service import StoreRef
from kg.store.embedded import EmbeddedTarget
from kg.web import errors
from kg.web import sparql as sparql_web

GUARD = "i-know-this-endpoint-is-writable"


def create_writable_app() -> Flask:
    if os.environ.get("KG_TEST_WRITABLE") != GUARD:
        raise RuntimeError(f"test-only writable endpoint: set KG_TEST_WRITABLE={GUARD}")
    root = Path(os.environ["KG_TEST_WRITABLE_STORE"])
    if root.exists() and any(root.iterdir()):
        raise RuntimeError(f"{root} is not empty: the writable test endpoint needs a new folder")
    root.mkdir(parents=True, exist_ok=True)
    lock = threading.Lock()
    state: dict[str, object] = {"generation": 0, "store": ox.Store(str(root / "0"))}
    config = load_config({"base_uri": os.environ.get("KG_BASE_URI", "http://127.0.0.1/")})
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = config.max_request_bytes

    def locate() -> StoreRef:
        generation = str(state["generation"])
        return StoreRef(EmbeddedTarget(str(root / generation)), generation)

    sparql_web.init_app(app, config, locate, union_default_graph=False)
    errors.register(app)

    @app.post("/test/data")
    def load() -> Response:
        if request.args.get("direct"):
            # Only /test/direct will read it: pyoxigraph in memory, no store folder to write.
            memory = ox.Store()
            memory.load(request.get_data(), format=ox.RdfFormat.N_QUADS)
            with lock:
                state["store"] = memory
            return Response(status=204)
        with lock:
            generation = int(str(state["generation"])) + 1
            store = ox.Store(str(root / str(generation)))
            store.load(request.get_data(), format=ox.RdfFormat.N_QUADS)
            store.flush()
            state["store"], state["generation"] = store, generation
            shutil.rmtree(root / str(generation - 2), ignore_errors=True)
        return Response(status=204)

    @app.post("/test/direct")
    def direct() -> Response:
        text = request.get_data(as_text=True)
        store = state["store"]
        assert isinstance(store, ox.Store)
        try:
            result = store.query(text, base_iri=request.args.get("base"))
        except SyntaxError as err:
            return Response(str(err), status=400)
        if isinstance(result, ox.QueryTriples):
            body = result.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
            return Response(body, mimetype="application/n-triples")
        body = result.serialize(format=ox.QueryResultsFormat.JSON) or b""
        return Response(body, mimetype="application/sparql-results+json")

    return app


app = create_writable_app()

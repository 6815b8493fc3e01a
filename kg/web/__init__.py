"""The web layer: a Flask app factory. It only reads what the build wrote."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask

from kg.config import Config
from kg.errors import ConfigError
from kg.iris import Iris
from kg.store import Backend, Manifest, live_release, open_backend, release_dir
from kg.web.documents import Documents


def create_app(config: Config, release: Path | None = None, sparql_endpoint: bool = True) -> Flask:
    """A Flask app serving the current release of `config.build_dir`.

    IRIs are resolved on the base the build minted them on; a different explicit
    KG_BASE_URI is an error (rebuild with it instead). When the store's live release changes
    (a rebuild switched it), the app follows it before its next request. Given a `release`
    folder, the app serves that one only; `kg render` renders documents with such an app,
    without the SPARQL endpoint (whose query pool would outlive the app).
    """
    from kg.web import (
        changes,
        data,
        errors,
        headers,
        home,
        oai,
        reload,
        resources,
        sparql,
        terms,
        thin,
        vocab,
    )

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = config.max_request_bytes
    backend = open_backend(config)
    app.extensions["kg.backend"] = backend
    folder = release or live_release(config, backend)
    _wire_release(app, config, backend, folder)
    # What Flask runs before each request, also run by the thin path, which answers before Flask.
    app.extensions["kg.refresh"] = []
    if release is None:

        def wire(release_id: str) -> None:
            _wire_release(app, config, backend, release_dir(config.build_dir, release_id))

        app.extensions["kg.refresh"] = [
            reload.follow_live(app, backend, folder.name, wire),
            _follow_documents(app),
        ]
    app.register_blueprint(home.blueprint)
    app.register_blueprint(resources.blueprint)
    if sparql_endpoint:
        sparql.init_app(app, app.extensions["kg.config"], network=backend.capabilities.remote)
    app.register_blueprint(data.blueprint)
    app.register_blueprint(vocab.blueprint)
    app.register_blueprint(terms.blueprint)
    app.register_blueprint(oai.blueprint)
    app.register_blueprint(changes.blueprint)
    errors.register(app)
    app.after_request(headers.cors)
    app.context_processor(lambda: {"site": home.site()})
    thin.install(app)
    return app


def _follow_documents(app: Flask) -> Callable[[], None]:
    """Open the release's documents once `kg render` has written them (it runs after the build
    has published the release); until then every document is rendered per request. Looked for
    at most once a second, and never again once found."""
    state = {"next_look": 0.0}

    @app.before_request
    def _open_when_rendered() -> None:
        if app.extensions["kg.documents"] is not None:
            return
        now = time.monotonic()
        if now < state["next_look"]:
            return
        state["next_look"] = now + 1.0
        release, served = app.extensions["kg.release"], app.extensions["kg.config"]
        build_id = app.extensions["kg.manifest"].build_id
        app.extensions["kg.documents"] = Documents.open(release, served, build_id)

    return _open_when_rendered


def check_minted_on(config: Config, manifest: Manifest) -> None:
    """ConfigError if an explicit base IRI is not the one the release was minted on."""
    if config.base_uri_is_explicit and manifest.base_uri != config.base_uri:
        raise ConfigError(
            f"the build in {config.build_dir}/ was minted on {manifest.base_uri}, "
            f"not KG_BASE_URI={config.base_uri}",
            fix="run `kg build` with the same KG_BASE_URI (make serve does)",
        )


def _wire_release(app: Flask, config: Config, backend: Backend, release: Path) -> None:
    """Point the app at one release: its manifest, base IRI, build, tombstones and store."""
    manifest = Manifest.read(release)
    check_minted_on(config, manifest)
    built = datetime.fromisoformat(manifest.built_at).astimezone(UTC).replace(microsecond=0)
    tombstones = {str(t["iri"]): t.get("replaced_by") for t in manifest.extra.get("tombstones", [])}
    store = backend.open(release)
    served = replace(config, base_uri=manifest.base_uri)
    documents = Documents.open(release, served, manifest.build_id)
    # Everything is ready before anything changes: a release that fails to open leaves the
    # app wholly on the previous one.
    app.extensions.update(
        {
            "kg.config": served,
            "kg.manifest": manifest,
            "kg.iris": Iris(manifest.base_uri),
            "kg.build": (manifest.build_id, built),
            "kg.release": release,
            "kg.tombstones": tombstones,
            "kg.store": store,
            "kg.documents": documents,
        }
    )

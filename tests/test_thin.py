"""The thin document path answers exactly what the Flask `/doc` route answers.

Each request is sent twice to the same app: through its WSGI callable (the thin path in front
of Flask) and to Flask's own callable behind it. Status, every header in order, and the body
must be identical; and for the stored page-1 requests the thin path must be the one answering.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.test import Client, EnvironBuilder
from werkzeug.urls import iri_to_uri

from kg.formats import ALIASES, BY_SUFFIX, FORMATS
from kg.iris import ENTITY_TYPES, Iris
from kg.store import Manifest
from kg.web import create_app
from kg.web.documents import FILE
from kg.web.prerender import prerender
from kg.web.resources import NOTICE_TYPES
from kg.web.thin import ThinDocuments, content_location, flask_only
from tests.conftest import Built

ALL_TYPES = " ".join(ENTITY_TYPES)
ALL_FORMATS = " ".join(f.suffix for f in FORMATS)


@pytest.fixture(scope="module")
def release(sample_build: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample release with every type stored in every format."""
    release = tmp_path_factory.mktemp("thin") / "release"
    shutil.copytree(sample_build.summary.release.path, release)
    config = replace(sample_build.config, prerender_types=ALL_TYPES, prerender_formats=ALL_FORMATS)
    assert prerender(release, config, workers=1).count > 0
    return release


@pytest.fixture(scope="module")
def app(release: Path, sample_build: Built) -> Any:
    return create_app(sample_build.config, release=release)


def _both(app: Any, path: str, **kwargs: Any) -> tuple[Any, Any]:
    """The same request through the thin path and through Flask alone."""
    thin, flask = Client(app), Client(flask_only(app))
    return thin.open(path, **kwargs), flask.open(path, **kwargs)


def _assert_identical(app: Any, path: str, *, answered: bool, **kwargs: Any) -> Any:
    a, b = _both(app, path, **kwargs)
    assert a.status == b.status, path
    assert list(a.headers.items()) == list(b.headers.items()), path
    assert a.get_data() == b.get_data(), path
    wsgi = app.wsgi_app
    assert isinstance(wsgi, ThinDocuments)
    environ = EnvironBuilder(path=path, **kwargs).get_environ()
    assert (wsgi.answer(environ) is not None) is answered, path
    return a


def _stored_keys(app: Any) -> list[tuple[str, str]]:
    documents = app.extensions["kg.documents"]
    rows = documents._connection().execute("SELECT path FROM documents ORDER BY path")
    return sorted({tuple(p.rsplit(".", 1)[0].split("/", 1)) for (p,) in rows})


def test_every_format_of_every_stored_document_is_identical(app: Any) -> None:
    keys = _stored_keys(app)
    assert {t for t, _ in keys} >= {"work", "person", "organization", "topic", "place"}
    for type_, key in keys:
        for fmt in FORMATS:
            # Concept pages in HTML may carry a failed rebuild's notice: Flask renders them.
            thin = not (type_ in NOTICE_TYPES and fmt.suffix == "html")
            response = _assert_identical(app, f"/doc/{type_}/{key}.{fmt.suffix}", answered=thin)
            assert response.status_code == 200
            assert response.headers["Content-Type"] == fmt.content_type


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.suffix)
def test_negotiated_head_and_304_are_identical(app: Any, release: Path, fmt: Any) -> None:
    type_, key = next(k for k in _stored_keys(app) if k[0] == "work")
    doc = f"/doc/{type_}/{key}"
    build_id = Manifest.read(release).build_id
    etag = f'"{build_id}-{fmt.suffix}"'
    accept = {"Accept": fmt.media_type}
    response = _assert_identical(app, doc, answered=True, headers=accept)
    assert response.headers["Vary"] == "Accept"
    _assert_identical(app, doc, answered=True, headers={"Accept": f"{fmt.media_type};q=0.9"})
    _assert_identical(app, f"{doc}.{fmt.suffix}", answered=True, method="HEAD")
    for conditional in (
        {"If-None-Match": etag},
        {"If-None-Match": f'"other", {etag}'},
        {"If-None-Match": "*"},
        {"If-Modified-Since": response.headers["Last-Modified"]},
        {"If-Modified-Since": "Sun, 06 Nov 2100 08:49:37 GMT"},
    ):
        assert _both(app, f"{doc}.{fmt.suffix}", headers=conditional)[0].status_code == 304
        _assert_identical(app, f"{doc}.{fmt.suffix}", answered=True, headers=conditional)
        _assert_identical(app, doc, answered=True, headers={**accept, **conditional})
    for stale in (
        {"If-None-Match": '"other"'},
        {"If-Modified-Since": "Mon, 01 Jan 1990 00:00:00 GMT"},
    ):
        assert _both(app, f"{doc}.{fmt.suffix}", headers=stale)[0].status_code == 200
        _assert_identical(app, f"{doc}.{fmt.suffix}", answered=True, headers=stale)


def test_what_the_thin_path_leaves_to_flask(app: Any) -> None:
    type_, key = next(k for k in _stored_keys(app) if k[0] == "work")
    doc = f"/doc/{type_}/{key}"
    for path, kwargs in (
        (f"{doc}.ttl?page=1", {}),
        (f"{doc}?format=ttl", {}),
        (f"{doc}.ttl?page=2", {}),
        (doc, {"headers": {"Accept": "image/png"}}),  # 406
        (f"{doc}.ttl", {"method": "POST"}),  # 405
        (f"/doc/work/{key}x.ttl", {}),  # 404
        (f"/doc/nothing/{key}.ttl", {}),
        (f"/doc//work/{key}.ttl", {}),
        (f"/id/{type_}/{key}", {}),
        ("/health", {}),
    ):
        _assert_identical(app, path, answered=False, **kwargs)
    mounted = Client(app).get(f"{doc}.ttl", base_url="http://localhost/catalogue/")
    assert mounted.status_code == 200  # rendered by Flask for an app under a path prefix


def test_accept_aliases_and_wildcards(app: Any) -> None:
    type_, key = next(k for k in _stored_keys(app) if k[0] == "work")
    # The aliases of stored formats (text/x-bibtex names a citation export, rendered per request).
    stored = [alias for alias, suffix in ALIASES.items() if suffix in BY_SUFFIX]
    for accept in (*stored, "*/*", "", "text/*", "text/html;q=0.1, text/turtle"):
        _assert_identical(app, f"/doc/{type_}/{key}", answered=True, headers={"Accept": accept})
    refused = _assert_identical(
        app, f"/doc/{type_}/{key}", answered=False, headers={"Accept": "x;;"}
    )
    assert refused.status_code == 406


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    accept=st.one_of(
        st.none(),
        st.lists(
            st.sampled_from([*(f.media_type for f in FORMATS), *ALIASES, "*/*", "image/png"]),
            max_size=4,
        ).map(", ".join),
        st.text(max_size=40),
    ),
    suffix=st.sampled_from(["", *(f".{s}" for s in BY_SUFFIX)]),
    since=st.sampled_from([None, "Sun, 06 Nov 2100 08:49:37 GMT", "nonsense", ""]),
)
def test_the_thin_path_never_differs_from_flask(
    app: Any, accept: str | None, suffix: str, since: str | None
) -> None:
    """Any Accept header, suffix and If-Modified-Since: the same answer from either path."""
    type_, key = next(k for k in _stored_keys(app) if k[0] == "work")
    sent = {k: v for k, v in (("Accept", accept), ("If-Modified-Since", since)) if v is not None}
    try:
        a, b = _both(app, f"/doc/{type_}/{key}{suffix}", headers=sent)
    except ValueError:  # header text werkzeug's test client itself refuses to send
        return
    assert (a.status, list(a.headers.items()), a.get_data()) == (
        b.status,
        list(b.headers.items()),
        b.get_data(),
    )


def test_a_release_without_documents_goes_to_flask(
    release: Path, sample_build: Built, tmp_path: Path
) -> None:
    bare = tmp_path / "bare"
    shutil.copytree(release, bare)
    (bare / FILE).unlink()
    app = create_app(sample_build.config, release=bare)
    key = next(k for k in _stored_keys(create_app(sample_build.config, release=release)))
    _assert_identical(app, f"/doc/{key[0]}/{key[1]}.ttl", answered=False)


@settings(max_examples=200, deadline=None)
@given(
    key=st.text(min_size=1, max_size=30),
    base=st.sampled_from(
        [
            "http://127.0.0.1:5000/",
            "https://example.org/catalogue/",
            "https://bücher.example/katalog/",
            "https://example.org/a b/",
        ]
    ),
    suffix=st.sampled_from(sorted(BY_SUFFIX)),
)
def test_content_location_is_what_werkzeug_sends(key: str, base: str, suffix: str) -> None:
    """The shortcut for plain bases gives exactly werkzeug's `iri_to_uri` of the document."""
    iris = Iris(base)
    expected = iri_to_uri(iris.document("work", key, "." + suffix))
    assert content_location(iris, "work", key, suffix) == expected

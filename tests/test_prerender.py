"""Documents rendered by `kg render` are the documents the route renders, byte for byte.

Each release is served twice through the app: once with its documents file (the route looks
the body up) and once from a copy without it (the route renders per request). Every stored
document must come back identical in body and headers, for every way of asking for it.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from kg.config import Config
from kg.errors import ConfigError
from kg.formats import BY_SUFFIX, FORMATS
from kg.iris import ENTITY_TYPES
from kg.publish import BuildSummary, build
from kg.store import Manifest
from kg.store.describe import SORT_CAP
from kg.web import create_app
from kg.web.documents import FILE, Documents
from kg.web.prerender import prerender, prerender_plan, render_before_live, render_current
from tests import webfixtures
from tests.conftest import SAMPLE, Built, make_config
from tests.webfixtures import Synthetic, synthetic_ntriples, write_release

ALL_TYPES = " ".join(ENTITY_TYPES)
ALL_FORMATS = " ".join(f.suffix for f in FORMATS)


def _twins(release: Path, config: Config, tmp: Path) -> tuple[FlaskClient, FlaskClient]:
    """Clients of the release as rendered (documents file) and as rendered per request."""
    dynamic = tmp / "dynamic"
    shutil.copytree(release, dynamic)
    (dynamic / FILE).unlink()
    prerendered = create_app(config, release=release)
    assert prerendered.extensions["kg.documents"] is not None
    return prerendered.test_client(), create_app(config, release=dynamic).test_client()


def _stored_paths(release: Path) -> list[str]:
    with sqlite3.connect(release / FILE) as db:
        paths = [row[0] for row in db.execute("SELECT path FROM documents ORDER BY path")]
    db.close()
    return paths


def _assert_same(stored: FlaskClient, dynamic: FlaskClient, url: str, **kwargs: object) -> None:
    a, b = stored.get(url, **kwargs), dynamic.get(url, **kwargs)  # type: ignore[arg-type]
    assert (a.status_code, a.data) == (b.status_code, b.data), url
    assert sorted(a.headers.items()) == sorted(b.headers.items()), url


def _assert_all_same(release: Path, config: Config, tmp: Path) -> list[str]:
    stored, dynamic = _twins(release, config, tmp)
    paths = _stored_paths(release)
    build_id = Manifest.read(release).build_id
    seen: set[tuple[str, str]] = set()
    for path in paths:
        _assert_same(stored, dynamic, f"/doc/{path}")
        stem, suffix = path.rsplit(".", 1)
        if (stem.split("/", 1)[0], suffix) in seen:
            continue  # the other ways of asking, once per type and format: the suite stays fast
        seen.add((stem.split("/", 1)[0], suffix))
        fmt = BY_SUFFIX[suffix]
        _assert_same(stored, dynamic, f"/doc/{stem}", headers={"Accept": fmt.media_type})
        _assert_same(stored, dynamic, f"/doc/{stem}?format={suffix}&page=1")
        etag = f'"{build_id}-{suffix}"'
        _assert_same(stored, dynamic, f"/doc/{path}", headers={"If-None-Match": etag})
    return paths


@pytest.fixture(scope="module")
def sample_release(sample_build: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample release with every type pre-rendered in every format."""
    release = tmp_path_factory.mktemp("prerender") / "release"
    shutil.copytree(sample_build.summary.release.path, release)
    config = replace(sample_build.config, prerender_types=ALL_TYPES, prerender_formats=ALL_FORMATS)
    assert prerender(release, config, workers=1).count > 0
    return release


def test_sample_documents_are_byte_identical(
    sample_release: Path, sample_build: Built, tmp_path: Path
) -> None:
    config = sample_build.config
    paths = _assert_all_same(sample_release, config, tmp_path)
    types = {p.split("/", 1)[0] for p in paths}
    assert {"work", "person", "organization", "topic", "place"} <= types
    for suffix in BY_SUFFIX:
        assert any(p.endswith("." + suffix) for p in paths)


def test_synthetic_documents_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hubs, odd keys and retired keys: only live resources are stored, each as rendered."""
    monkeypatch.setattr(webfixtures, "HUB_WORKS", SORT_CAP + 1)  # still a hub, fewer works
    site = Synthetic("http://127.0.0.1:5099/", tmp_path / "build")
    site.build_dir.mkdir()
    write_release(site, synthetic_ntriples(site))
    release = (site.build_dir / "current").resolve()
    config = make_config(tmp_path, port=5099, build_dir=site.build_dir)
    config = replace(config, prerender_types=ALL_TYPES, prerender_formats="ttl")
    prerender(release, config, workers=1)
    paths = _assert_all_same(release, config, tmp_path)
    assert {p.split("/", 1)[0] for p in paths} == set(ENTITY_TYPES)
    assert "work/ü/ß.ttl" in paths and "work/r&d;x=1 y.ttl" in paths
    for retired in ("old1", "old2", "gone1", "gone2"):
        assert f"work/{retired}.ttl" not in paths


def test_the_route_serves_the_stored_body(sample_release: Path, sample_build: Built) -> None:
    """Proof that the lookup is used: a doctored row is what the client gets."""
    path = next(p for p in _stored_paths(sample_release) if p.endswith(".ttl"))
    doctored = sample_release.parent / "doctored"
    shutil.copytree(sample_release, doctored)
    with sqlite3.connect(doctored / FILE) as db:
        db.execute("UPDATE documents SET body = ? WHERE path = ?", (b"# stored\n", path))
    db.close()
    client = create_app(sample_build.config, release=doctored).test_client()
    assert client.get(f"/doc/{path}").data == b"# stored\n"
    assert client.get(f"/doc/{path}?page=2").data != b"# stored\n"  # other pages: rendered
    mounted = client.get(f"/doc/{path}", base_url="http://localhost/catalogue/")
    assert mounted.data != b"# stored\n"  # links were rendered for an app at the root


def test_documents_of_other_settings_are_not_used(
    sample_release: Path, sample_build: Built
) -> None:
    config = sample_build.config
    build_id = Manifest.read(sample_release).build_id
    assert Documents.open(sample_release, config, build_id) is not None
    assert Documents.open(sample_release, replace(config, page_size=7), build_id) is None
    assert Documents.open(sample_release, config, "another-build") is None


def test_the_plan_reads_the_settings(sample_build: Built) -> None:
    config = sample_build.config
    assert prerender_plan(config) == (("work",), ("html", "ttl"))
    assert prerender_plan(replace(config, prerender_types="none")) == ((), ())
    with pytest.raises(ConfigError, match="KG_PRERENDER_FORMATS: unknown pdf"):
        prerender_plan(replace(config, prerender_formats="html pdf"))


def test_kg_render_renders_works_in_html_and_turtle_once(sample_build: Built) -> None:
    """conftest's sample build is rendered as `make serve` does it: `kg build`, then `kg render`."""
    release = sample_build.summary.release.path
    paths = _stored_paths(release)
    assert len(paths) == 2 * sample_build.summary.published
    assert {p.split("/", 1)[0] for p in paths} == {"work"}
    assert "documents" not in sample_build.summary.stages  # the build itself renders nothing
    assert "already rendered" in render_current(sample_build.config)


def test_a_following_server_picks_up_documents_rendered_after_it_started(
    sample_build: Built, tmp_path: Path
) -> None:
    """`kg build` publishes; the server answers at once (rendering per request) and serves the
    stored documents as soon as `kg render` has written them, without a restart."""
    build_dir = tmp_path / "build"
    release = build_dir / "releases" / "r1"
    shutil.copytree(sample_build.summary.release.path, release)
    (release / FILE).unlink()
    (build_dir / "current").symlink_to(Path("releases/r1"))
    config = replace(sample_build.config, build_dir=build_dir)
    app = create_app(config)
    client = app.test_client()
    path = next(p for p in _stored_paths(sample_build.summary.release.path) if p.endswith(".ttl"))
    assert client.get(f"/doc/{path}").status_code == 200
    assert app.extensions["kg.documents"] is None
    assert render_current(config).startswith("rendered ")
    with sqlite3.connect(release / FILE) as db:  # doctored: proof the lookup is what answers
        db.execute("UPDATE documents SET body = ? WHERE path = ?", (b"# stored\n", path))
    db.close()
    deadline = time.monotonic() + 5
    while client.get(f"/doc/{path}").data != b"# stored\n":
        assert time.monotonic() < deadline, "the app never opened the rendered documents"
        time.sleep(0.2)


def test_a_rebuild_renders_only_what_changed(tmp_path: Path) -> None:
    """One abstract edited: that work's documents are rendered again, every other document is
    taken from the previous release (its build id and date brought up to date), and each is
    what the route renders per request."""
    data = tmp_path / "data"
    data.mkdir()
    page = data / SAMPLE.name
    page.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    config = make_config(tmp_path, port=5098, data_dir=data, build_dir=tmp_path / "build")
    first = build(config)
    # An earlier date in the first release's bodies: the reused footers must say the new one.
    manifest = first.release.path / "manifest.json"
    manifest.write_text(manifest.read_text().replace(first_day(first), "2020-01-02"))
    assert "unchanged" not in render_current(config)
    page.write_text(page.read_text().replace("We all want people", "We all wish people"))
    second = build(config)
    assert second.release.build_id != first.release.build_id
    message = render_current(config)
    works = second.published
    assert f"rendered {2 * works} documents" in message
    assert f"{2 * (works - 1)} unchanged since build {first.release.build_id}" in message
    _assert_all_same(second.release.path, config, tmp_path)


def first_day(summary: BuildSummary) -> str:
    """The date part of a release's `built_at`."""
    return str(Manifest.read(summary.release.path).built_at)[:10]


def test_kg_build_renders_the_documents_before_the_release_goes_live(tmp_path: Path) -> None:
    """`kg build` (and the rebuild loop) pass `render_before_live`: the documents exist before
    `build/current` points at the release, so its first request is as fast as any."""
    config = make_config(tmp_path, port=5097)
    seen: list[tuple[Path, bool]] = []

    def prepare(release: Path) -> str:
        seen.append((release, (config.build_dir / "current").exists()))
        return render_before_live(config)(release)

    summary = build(config, prepare=prepare)
    assert seen == [(summary.release.path, False)]
    documents = Documents.open(summary.release.path, config, summary.release.build_id)
    assert documents is not None
    assert f"rendered {2 * summary.published} documents" in summary.describe()
    assert "already rendered" in render_current(config)  # `make serve`'s kg render: nothing to do

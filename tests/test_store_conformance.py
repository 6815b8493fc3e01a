"""One conformance suite of the Store protocol, run against every backend: the embedded store,
`oxigraph serve` and Virtuoso (each started by the tests). A remote backend must answer what the
embedded one answers — the same solutions, descriptions and reads — and follow the same release
life cycle: nothing is live before the switch, a failed load leaves the live release alone."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.config import Config, load_config
from kg.errors import BadQuery, StoreError, StoreUnavailable
from kg.namespaces import DCTERMS, SDO, SKOS
from kg.store import Backend, Dataset, Description, Manifest, Store, open_backend, release_dir
from kg.store.embedded import EmbeddedBackend
from tests.conftest import free_port
from tests.stores import RemoteStore, store_env
from tests.webfixtures import Synthetic, synthetic_ntriples

BACKENDS = ("embedded", "oxigraph", "virtuoso")
IN_SCHEME = "<http://www.w3.org/2004/02/skos/core#inScheme>"
# Resources of every shape: a prolific person (three pages), a hub publisher (more inverse
# links than are sorted), a work with markup, a merged and a withdrawn key, a series, a topic.
SAMPLES = (
    ("person", "okafor"),
    ("organization", "ijr"),
    ("work", "xss"),
    ("work", "ok007"),
    ("series", "trends"),
    ("topic", "child-abuse"),
    ("work", "r&d;x=1 y"),
)


@dataclass
class Loaded:
    """A backend holding the synthetic catalogue, and its embedded twin under the same base."""

    config: Config
    backend: Backend
    site: Synthetic
    graphs: dict[str, str]  # published graph → N-Triples
    twin: Store

    def folder(self, release_id: str) -> Path:
        return release_dir(self.config.build_dir, release_id)

    def open(self, release_id: str = "r1") -> Store:
        return self.backend.open(self.folder(release_id))

    def iri(self, type_: str, key: str) -> ox.NamedNode:
        return ox.NamedNode(self.site.iri(type_, key))


def load(
    backend: Backend, build_dir: Path, base: str, release_id: str, graphs: dict[str, str]
) -> None:
    """Write a release folder with its manifest, load its graphs and check them (no switch)."""
    folder = release_dir(build_dir, release_id)
    folder.mkdir(parents=True, exist_ok=True)
    counts = {g: len(set(text.splitlines())) for g, text in graphs.items()}
    extra = {"graph_triples": counts}
    Manifest(release_id, "2026-12-01T00:00:00+00:00", base, sum(counts.values()), extra).write(
        folder
    )
    loader = backend.loader(release_id)
    for graph, text in graphs.items():
        loader.add(graph, [text.encode()])
    loader.finish(counts)


def catalogue(base: str, build_dir: Path) -> dict[str, str]:
    site = Synthetic(base, build_dir)
    vocab = f"<{base}id/topic/victimization> {IN_SCHEME} <{base}id/vocab/topics> .\n"
    return {base + "graph/catalogue": synthetic_ntriples(site), base + "graph/vocab/topics": vocab}


def settings(store: RemoteStore | None, build_dir: Path, base: str) -> Config:
    values: dict[str, object] = {"build_dir": build_dir, "base_uri": base}
    if store is not None:
        values.update(store=store.url, store_kind=store.kind)
    return load_config(values, environ={})


@contextlib.contextmanager
def on_backend(
    kind: str, request: pytest.FixtureRequest, folder: Path
) -> Iterator[tuple[Config, Backend, Synthetic, dict[str, str]]]:
    """A fresh catalogue (its own base IRI) on one backend, nothing loaded yet."""
    store = None if kind == "embedded" else request.getfixturevalue(f"{kind}_store")
    base = f"http://127.0.0.1:{free_port()}/{folder.name}/"
    config = settings(store, folder / "build", base)
    with store_env(store) if store else contextlib.nullcontext():
        yield (
            config,
            open_backend(config),
            Synthetic(base, config.build_dir),
            catalogue(base, config.build_dir),
        )


@pytest.fixture(scope="module", params=BACKENDS)
def loaded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Loaded]:
    """The synthetic catalogue as release r1, live, on one backend (and on an embedded twin)."""
    folder = tmp_path_factory.mktemp(f"conformance-{request.param}")
    with on_backend(request.param, request, folder) as (config, backend, site, graphs):
        load(backend, config.build_dir, site.base, "r1", graphs)
        backend.switch("r1")
        twin_dir = folder / "twin"
        twin = open_backend(settings(None, twin_dir, site.base))
        load(twin, twin_dir, site.base, "r1", graphs)
        with twin.open(release_dir(twin_dir, "r1")) as reference:
            yield Loaded(config, backend, site, graphs, reference)


def _text(d: Description) -> tuple[list[str], list[str], list[tuple[str, int, object, bool]]]:
    """A description as comparable text. A hub's inverse links are paged in each store's key
    order (the embedded store's index order: sorting 50,000 subjects per page costs 86 ms), so
    only their counts are compared, and the context of the listed subjects with them."""
    hubs = {s for g in d.inverse if not g.newest_first for s in g.subjects}
    return (
        [str(t) for t in d.own],
        [str(t) for t in d.context if t.subject not in hubs],
        [
            (
                g.predicate.value,
                g.total,
                [s.value for s in g.subjects] if g.newest_first else len(g.subjects),
                g.newest_first,
            )
            for g in d.inverse
        ],
    )


def test_the_switched_release_is_live(loaded: Loaded) -> None:
    assert loaded.backend.live_release() == "r1"
    assert loaded.backend.releases() == ["r1"]


def test_queries_see_the_union_and_the_published_graph_names(loaded: Loaded) -> None:
    with loaded.open() as store:
        graphs = store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
        assert [g["g"].value for g in graphs] == sorted(loaded.graphs)
        works = f"SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE {{ ?w a <{SDO.CreativeWork}> }}"
        assert store.select(works) == loaded.twin.select(works)
        assert store.ask(f"ASK {{ ?t {IN_SCHEME} ?s }}")  # the vocabulary graph is in the union
        assert not store.ask("ASK { ?s <http://example.org/never> ?o }")
        topics = (
            f"SELECT ?t WHERE {{ GRAPH <{loaded.site.base}graph/vocab/topics> {{ ?t ?p ?o }} }}"
        )
        assert [r["t"].value for r in store.select(topics)] == [
            loaded.site.iri("topic", "victimization")
        ]


def test_construct_gives_the_same_triples(loaded: Loaded) -> None:
    query = f"CONSTRUCT {{ ?w <{DCTERMS.title}> ?t }} WHERE {{ ?w <{DCTERMS.title}> ?t }}"
    with loaded.open() as store:
        assert set(store.construct(query)) == set(loaded.twin.construct(query))


def test_the_protocol_dataset_and_from_name_published_graphs(loaded: Loaded) -> None:
    vocab = loaded.site.base + "graph/vocab/topics"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with loaded.open() as store:
        only_vocab = store.run(count, Dataset(default_graphs=(vocab,)))
        assert [int(r[0].value) for r in only_vocab] == [1]  # type: ignore[union-attr,index]
        own = store.select(f"SELECT (COUNT(*) AS ?n) FROM <{vocab}> WHERE {{ ?s ?p ?o }}")
        assert int(own[0]["n"].value) == 1


@pytest.mark.parametrize(("type_", "key"), SAMPLES)
def test_descriptions_are_the_embedded_ones(loaded: Loaded, type_: str, key: str) -> None:
    iri = loaded.iri(type_, key)
    with loaded.open() as store:
        for page in (1, 2):
            assert _text(store.describe(iri, page, 50)) == _text(
                loaded.twin.describe(iri, page, 50)
            )


def test_reads_are_the_embedded_ones(loaded: Loaded) -> None:
    okafor, ijr = loaded.iri("person", "okafor"), loaded.iri("organization", "ijr")
    creators = (ox.NamedNode(str(DCTERMS.creator)),)
    subjects = (ox.NamedNode(str(DCTERMS.subject)),)
    with loaded.open() as store:
        twin = loaded.twin
        for iri in (loaded.iri("work", "old1"), loaded.iri("work", "gone1"), okafor):
            assert store.tombstone(iri) == twin.tombstone(iri)
        assert store.exists(okafor) and not store.exists(loaded.iri("work", "nothing"))
        for cls in (SDO.Person, SDO.CreativeWork, SKOS.Concept):
            node = ox.NamedNode(str(cls))
            assert sorted(store.entries(node), key=str) == sorted(twin.entries(node), key=str)
            assert store.count(node) == twin.count(node)
        assert store.related(okafor, creators, creators) == twin.related(okafor, creators, creators)
        assert store.related(ijr, creators, subjects) == twin.related(ijr, creators, subjects)
        name = ox.NamedNode(str(SDO.name))
        assert store.objects(okafor, name) == twin.objects(okafor, name)


def test_a_syntax_error_is_a_bad_query(loaded: Loaded) -> None:
    with loaded.open() as store, pytest.raises(BadQuery):
        store.select("SELECT ?x WHERE { ?x ?p }")


@pytest.mark.parametrize("kind", BACKENDS)
def test_a_release_is_live_only_once_switched_and_a_failed_load_changes_nothing(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    with on_backend(kind, request, tmp_path) as (config, backend, site, graphs):
        load(backend, config.build_dir, site.base, "a", graphs)
        assert backend.live_release() is None  # loaded, checked, not yet live
        backend.switch("a")
        more = dict(graphs)
        more[site.base + "graph/catalogue"] += f'<{site.iri("work", "new")}> <{SDO.name}> "New" .\n'
        loader = backend.loader("b")
        for graph, text in more.items():
            loader.add(graph, [text.encode()])
        with pytest.raises(StoreError, match="not loaded whole"):
            loader.finish({g: 1 for g in more})  # the counts disagree with the manifest's
        assert backend.live_release() == "a" and backend.releases() == ["a"]
        with pytest.raises(StoreError):
            backend.switch("b")
        load(backend, config.build_dir, site.base, "b", more)
        backend.switch("b")
        new = ox.NamedNode(site.iri("work", "new"))
        with backend.open(release_dir(config.build_dir, "b")) as after:
            assert after.exists(new)
        with backend.open(release_dir(config.build_dir, "a")) as before:
            assert not before.exists(new)  # a reader of the previous release still sees it whole
        load(backend, config.build_dir, site.base, "c", graphs)
        backend.switch("c")
        assert backend.prune(2) == ["a"]
        assert backend.releases() == ["b", "c"] and backend.live_release() == "c"


@pytest.mark.parametrize("kind", ("oxigraph", "virtuoso"))
def test_a_store_that_is_down_is_unavailable_at_once(kind: str, tmp_path: Path) -> None:
    store = RemoteStore(kind, f"http://127.0.0.1:{free_port()}/sparql", {})
    backend = open_backend(settings(store, tmp_path, "http://127.0.0.1:1/down/"))
    with pytest.raises(StoreUnavailable, match="cannot be reached"):
        backend.live_release()


def test_the_embedded_live_pointer_is_a_link_to_a_release_or_a_folder(tmp_path: Path) -> None:
    build = tmp_path / "build"
    (build / "releases" / "r1" / "store").mkdir(parents=True)
    backend = EmbeddedBackend(build)
    assert backend.live_release() is None
    current = build / "current"
    for target in ("releases/r1", "releases/r1/", str(build / "releases" / "r1")):
        current.symlink_to(target)
        assert backend.live_release() == "r1", target
        current.unlink()
    current.symlink_to("releases/gone")
    assert backend.live_release() is None  # a dangling pointer: nothing live
    current.unlink()
    (current / "store").mkdir(parents=True)  # a release copied in place of the link
    assert backend.live_release() == "current"

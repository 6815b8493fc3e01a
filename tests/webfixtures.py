"""A synthetic release with every kind of resource the web layer serves, and a server over it.

The release is written the way `kg build` writes one (an Oxigraph store with the graph in
`{base}graph/catalogue`, `manifest.json`, the `current` symlink), but from hand-made triples, so
the tests can hold keys the sample page has not got: hubs, tombstones, odd characters, topics.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
import pytest

from kg.namespaces import DCTERMS, OWL, PROV, RDF, SDO, SKOS, XSD
from kg.store import release_dir
from kg.store.embedded import EmbeddedBackend
from kg.web.server import serve_command
from tests.servers import running_server

HUB_WORKS = 2_500  # more than SORT_CAP: the hub path (counted and paged by the store)
PROLIFIC_WORKS = 120  # a person whose works span three pages of 50
SCRIPT_TITLE = '<script>alert("pwned")</script> & <b>bold</b> claims'
ODD_KEYS = ("café-ü", "r&d;x=1 y", "ü/ß")


@dataclass(frozen=True)
class Synthetic:
    base: str
    build_dir: Path

    def iri(self, type_: str, key: str) -> str:
        return f"{self.base}id/{type_}/{quote(key, safe='-._~')}"

    def doc(self, type_: str, key: str, suffix: str = "") -> str:
        return f"{self.base}doc/{type_}/{quote(key, safe='-._~')}{suffix}"


def _lit(value: str, lang: str | None = None, datatype: object = None) -> str:
    literal = ox.Literal(value, language=lang) if lang else ox.Literal(value)
    if datatype is not None:
        literal = ox.Literal(value, datatype=ox.NamedNode(str(datatype)))
    return str(literal)


def synthetic_ntriples(s: Synthetic) -> str:
    """The test catalogue as N-Triples."""
    lines: list[str] = []

    def add(subject: str, predicate: object, obj: str) -> None:
        lines.append(f"<{subject}> <{predicate}> {obj} .")

    def named(type_: str, key: str, cls: object, name: str) -> str:
        iri = s.iri(type_, key)
        add(iri, RDF.type, f"<{cls}>")
        label = SKOS.prefLabel if cls == SKOS.Concept else SDO.name
        add(iri, label, _lit(name, "en"))
        return iri

    okafor = named("person", "okafor", SDO.Person, "Amara Okafor")
    lindqvist = named("person", "lindqvist", SDO.Person, "Jonas Lindqvist")
    tanaka = named("person", "tanaka", SDO.Person, "Mei Tanaka")
    institute = named("organization", "ijr", SDO.Organization, "Institute for Justice Research")
    victims = named("topic", "victimization", SKOS.Concept, "Victimization")
    abuse = named("topic", "child-abuse", SKOS.Concept, "Child abuse")
    add(abuse, SKOS.broader, f"<{victims}>")
    add(victims, SKOS.narrower, f"<{abuse}>")
    old_topic = named("topic", "juvenile-victims", SKOS.Concept, "Juvenile victims")
    add(old_topic, OWL.deprecated, _lit("true", datatype=XSD.boolean))
    add(old_topic, DCTERMS.isReplacedBy, f"<{abuse}>")
    series = named("series", "trends", SDO.CreativeWorkSeries, "Trends & Issues in Crime")
    journal = named("periodical", "jvict", SDO.Periodical, "Journal of Victimology")
    manila = named("place", "manila", SDO.Place, "Manila")

    def work(key: str, title: str, year: int, authors: list[str], **links: str) -> str:
        iri = named("work", key, SDO.Report, title)
        add(iri, RDF.type, f"<{SDO.CreativeWork}>")
        add(iri, DCTERMS.title, _lit(title, "en"))
        add(iri, DCTERMS.issued, _lit(str(year), datatype=XSD.gYear))
        for author in authors:
            add(iri, DCTERMS.creator, f"<{author}>")
            add(iri, SDO.author, f"<{author}>")
        for predicate, target in links.items():
            add(
                iri,
                {
                    "publisher": DCTERMS.publisher,
                    "subject": DCTERMS.subject,
                    "part": SDO.isPartOf,
                    "place": DCTERMS.spatial,
                }[predicate],
                f"<{target}>",
            )
        return iri

    for n in range(PROLIFIC_WORKS):
        co = [lindqvist] if n % 3 == 0 else [tanaka] if n % 3 == 1 else []
        work(
            f"ok{n:03d}",
            f"Study {n:03d} of repeat victimization",
            1990 + n % 34,
            [okafor, *co],
            subject=victims if n % 2 else abuse,
        )
    for n in range(HUB_WORKS):
        work(f"hub{n:04d}", f"Bulletin {n:04d}", 2000 + n % 24, [], publisher=institute)
    for n in range(3):
        work(
            f"ijr{n}",
            f"Annual review {n}",
            2020 + n,
            [institute],
            publisher=institute,
            subject=abuse,
        )
    for n in range(4):
        part = work(f"trend{n}", f"Trends paper {n}", 2015 + n, [tanaka], part=series)
        add(part, SDO.position, _lit(str(n + 1), datatype=XSD.integer))
        add(series, SDO.hasPart, f"<{part}>")  # as the build links series and parts both ways
    work("article1", "Victims in court", 2019, [lindqvist], part=journal, place=manila)
    script = work("xss", SCRIPT_TITLE, 2024, [okafor], subject=abuse)
    add(script, DCTERMS.abstract, _lit("An abstract with <i>markup</i> & </script> in it.", "en"))
    for key in ODD_KEYS:
        work(key, f"Work with the key {key}", 2021, [tanaka])
    successor = work("new1", "The merged record", 2018, [okafor])
    add(s.iri("work", "old1"), DCTERMS.isReplacedBy, f"<{successor}>")
    gone = s.iri("work", "gone1")
    add(gone, PROV.invalidatedAtTime, _lit("2026-01-01T00:00:00Z", datatype=XSD.dateTime))
    add(gone, SKOS.changeNote, _lit("removed from the source listing", "en"))
    return "\n".join(lines) + "\n"


def write_release(s: Synthetic, ntriples: str, build_id: str = "synthetic0001") -> None:
    """An embedded release of the triples under `s.build_dir`, made live."""
    root = release_dir(s.build_dir, build_id)
    root.mkdir(parents=True)
    backend = EmbeddedBackend(s.build_dir)
    loader = backend.loader(build_id)
    graph = s.base + "graph/catalogue"
    loader.add(graph, [ntriples.encode()])
    loader.finish({graph: len(set(ntriples.splitlines()))})
    tombstones = [  # how the build's ledger reports retired keys (kg/publish/build.py)
        {"iri": s.iri("work", "gone2"), "replaced_by": None},
        {"iri": s.iri("work", "old2"), "replaced_by": s.iri("work", "new1")},
    ]
    manifest = {
        "tombstones": tombstones,
        "build_id": build_id,
        "built_at": "2026-11-27T09:00:00+00:00",
        "base_uri": s.base,
        "triples": ntriples.count("\n"),
    }
    (root / "manifest.json").write_text(json.dumps(manifest))
    backend.switch(build_id)


@contextmanager
def serve(build_dir: Path, base: str, port: int) -> Iterator[str]:
    """`kg serve` (gunicorn, 2 workers) on 127.0.0.1 until the block ends; yields its URL."""
    # A hand-written release: no rebuild loop (it would rebuild from the repository's data/).
    env = {**os.environ, "KG_BASE_URI": base, "KG_WATCH_INTERVAL_MS": "0"}
    cmd = serve_command(build_dir, port, workers=2)
    with running_server(cmd, env, base + "robots.txt", build_dir.parent / f"server-{port}.log"):
        yield base.rstrip("/")


@dataclass(frozen=True)
class SyntheticServer:
    url: str
    site: Synthetic


@pytest.fixture(scope="session")
def synthetic_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyntheticServer]:
    """gunicorn over the synthetic release (hubs, tombstones, odd keys, every type)."""
    from tests.conftest import free_port

    port = free_port()
    site = Synthetic(f"http://127.0.0.1:{port}/", tmp_path_factory.mktemp("synthetic") / "build")
    site.build_dir.mkdir()
    write_release(site, synthetic_ntriples(site))
    with serve(site.build_dir, site.base, port) as url:
        yield SyntheticServer(url, site)

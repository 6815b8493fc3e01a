"""`kg build` end to end: records → graph → SHACL gate → store + dump."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from rdflib import Graph, URIRef

from kg.namespaces import DCTERMS, SDO
from kg.publish import build
from kg.store import open_build_store
from tests.conftest import SAMPLE, Built, make_config

COUNT_WORKS = "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w a <https://schema.org/CreativeWork> }"


def test_sample_publishes_twenty_works(sample_build: Built) -> None:
    summary = sample_build.summary
    assert (summary.read, summary.published, summary.rejected) == (20, 20, 0)
    with open_build_store(sample_build.config.build_dir) as store:
        body = json.loads(store.query(COUNT_WORKS).body)
    assert body["results"]["bindings"][0]["n"]["value"] == "20"


def test_dump_is_ntriples_that_rdflib_parses(sample_build: Built) -> None:
    dump = sample_build.summary.release.path / "dumps" / "kg.nt.gz"
    graph = Graph().parse(data=gzip.decompress(dump.read_bytes()), format="nt")
    assert len(graph) == sample_build.summary.triples
    works = set(graph.subjects(predicate=DCTERMS.title))
    assert len(works) == 20


def test_same_author_one_uri_across_records(sample_build: Built) -> None:
    dump = sample_build.summary.release.path / "dumps" / "kg.nt.gz"
    graph = Graph().parse(data=gzip.decompress(dump.read_bytes()), format="nt")
    wolbers = {
        s for s, _, o in graph.triples((None, SDO.name, None)) if str(o) == "Heather Wolbers"
    }
    assert len(wolbers) == 1
    (person,) = wolbers
    assert isinstance(person, URIRef)
    assert len(set(graph.subjects(DCTERMS.creator, person))) == 2


def test_two_builds_of_the_same_input_give_identical_dumps(tmp_path: Path) -> None:
    first = build(make_config(tmp_path / "a"))
    second = build(make_config(tmp_path / "b"))
    dump_a = (first.release.path / "dumps" / "kg.nt.gz").read_bytes()
    dump_b = (second.release.path / "dumps" / "kg.nt.gz").read_bytes()
    assert dump_a == dump_b


def test_a_record_failing_its_shape_is_quarantined(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    page = SAMPLE.read_text(encoding="utf-8")
    # Remove the byline of one record: it still parses, but a work needs an author.
    broken = page.replace("By Maggie Dent\n", "By .\n", 1)
    assert broken != page
    shutil.copy(SAMPLE, data / "a.txt")
    (data / "a.txt").write_text(broken, encoding="utf-8")
    summary = build(make_config(tmp_path, data_dir=data))
    assert summary.read == summary.published + summary.rejected
    assert summary.rejected == 1
    (bad,) = summary.quarantined
    assert bad.record.title == "Sexual Harassment of Teachers"
    assert bad.record.source.file.endswith("a.txt")
    assert any("author" in m for m in bad.messages)
    with open_build_store(summary.release.path.parent.parent) as store:
        body = json.loads(store.query(COUNT_WORKS).body)
    assert body["results"]["bindings"][0]["n"]["value"] == "19"

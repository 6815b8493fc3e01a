"""`kg build` end to end: records → graph → SHACL gate → store + dumps + reports."""

from __future__ import annotations

import gzip
import json
import multiprocessing
import re
import shutil
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.namespaces import DCTERMS, RDF, SDO, SH
from kg.publish import build, outputs
from kg.store import open_build_store
from tests.conftest import SAMPLE, Built, make_config

COUNT_WORKS = "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w a <https://schema.org/CreativeWork> }"


def _dump_graph(built: Built) -> Graph:
    data = gzip.decompress(built.summary.dump("ntriples").read_bytes())
    return Graph().parse(data=data, format="nt")


def test_sample_publishes_twenty_works(sample_build: Built) -> None:
    summary = sample_build.summary
    assert (summary.read, summary.published, summary.rejected) == (20, 20, 0)
    with open_build_store(sample_build.config.build_dir) as store:
        body = json.loads(store.query(COUNT_WORKS).body)
    assert body["results"]["bindings"][0]["n"]["value"] == "20"


def test_dump_is_ntriples_that_rdflib_parses(sample_build: Built) -> None:
    graph = _dump_graph(sample_build)
    assert len(graph) == sample_build.summary.triples
    works = set(graph.subjects(RDF.type, SDO.CreativeWork))
    assert len(works) == 20
    assert all(graph.value(w, DCTERMS.title) is not None for w in works)


def test_same_author_one_uri_across_records(sample_build: Built) -> None:
    graph = _dump_graph(sample_build)
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
    assert first.release.build_id == second.release.build_id
    for fmt in ("ntriples", "turtle", "jsonld"):
        assert first.dump(fmt).read_bytes() == second.dump(fmt).read_bytes(), fmt


def _break_one_record(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    page = SAMPLE.read_text(encoding="utf-8")
    # Remove the byline and the publisher of one record: it still parses, but a work needs
    # someone responsible for it.
    broken = re.sub(
        r"By Maggie Dent\n(\n.*\n\n)Taylors Lakes[^\n]*", r"By .\n\g<1>2024. 56p.", page
    )
    assert broken != page
    shutil.copy(SAMPLE, data / "a.txt")
    (data / "a.txt").write_text(broken, encoding="utf-8")
    return data


def test_a_record_failing_its_shape_is_quarantined(tmp_path: Path) -> None:
    summary = build(make_config(tmp_path, data_dir=_break_one_record(tmp_path)))
    assert summary.read == summary.published + summary.rejected
    assert (summary.read, summary.rejected) == (20, 1)
    (bad,) = summary.quarantined
    assert bad.title == "Sexual Harassment of Teachers"
    assert str(bad.source) == "data/a.txt:180"
    assert "A work needs someone responsible for it: an author or a publisher." in bad.messages
    with open_build_store(summary.release.path.parent.parent) as store:
        body = json.loads(store.query(COUNT_WORKS).body)
    assert body["results"]["bindings"][0]["n"]["value"] == "19"
    assert "read 20 records = 19 published + 1 quarantined" in summary.describe()


def test_the_gate_writes_quarantine_text_and_shacl_reports(tmp_path: Path) -> None:
    summary = build(make_config(tmp_path, data_dir=_break_one_record(tmp_path)))
    root = summary.release.path
    (entry,) = [json.loads(x) for x in (root / "quarantine.jsonl").read_text().splitlines()]
    assert entry["source"] == "data/a.txt:180"
    assert entry["record"]["title"] == "Sexual Harassment of Teachers"
    assert entry["record"]["contributors"] == []
    assert any("author" in m for m in entry["messages"])
    text = (root / "validation.txt").read_text()
    assert "data/a.txt:180: Sexual Harassment of Teachers" in text
    report = Graph().parse(root / "validation.ttl", format="turtle")
    assert (None, SH.conforms, Literal(False)) in report
    messages = {str(m) for m in report.objects(None, SH.resultMessage)}
    assert "A work needs someone responsible for it: an author or a publisher." in messages
    manifest = json.loads((root / "manifest.json").read_text())
    assert manifest["counts"]["read"] == 20
    assert manifest["counts"]["published"] + manifest["counts"]["quarantined"] == 20


def test_kg_build_prints_the_counts(tmp_path: Path) -> None:
    import subprocess
    import sys

    data = _break_one_record(tmp_path)
    ledger = tmp_path / "ledger.tsv"
    cmd = [sys.executable, "-m", "kg", "build", "--data", str(data), "--out", str(tmp_path / "b")]
    env = {"KG_LEDGER_FILE": str(ledger), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "read 20 records = 19 published + 1 quarantined" in done.stderr
    assert "data/a.txt:180" in done.stderr
    strict = subprocess.run(
        [*cmd, "--strict"], capture_output=True, text=True, env=env, check=False
    )
    assert strict.returncode == 1


NO_TITLE = """Open Access Publisher and Free Library

VICTIMIZATION

A Report

By Jane Doe

An abstract.

Canberra: Australian Institute of Criminology, 2024. 17p.

By John Roe

Another abstract, of a record whose title line is missing.

London: Harbour Press, 2023. 12p.
"""


def test_a_record_ingest_rejects_is_counted_and_quarantined(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "page.txt").write_text(NO_TITLE, encoding="utf-8")
    summary = build(make_config(tmp_path, data_dir=data))
    assert (summary.read, summary.published, summary.rejected) == (2, 1, 1)
    (bad,) = summary.quarantined
    assert str(bad.source) == "data/page.txt:13"
    assert any("a byline with no title" in m for m in bad.messages)
    entry = json.loads((summary.release.path / "quarantine.jsonl").read_text())
    assert entry["source"] == "data/page.txt:13"
    assert entry["record"]["printed"][0] == "By John Roe"


def test_a_build_that_fails_while_publishing_leaves_no_harvesting_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_dumps(*args: object) -> list[object]:
        raise OSError("disk full")

    def slow_harvest(*args: object) -> None:
        time.sleep(60)  # still running when the dumps fail

    monkeypatch.setattr(outputs, "write_chunks", broken_dumps)
    monkeypatch.setattr(outputs, "publish_harvest", slow_harvest)
    with pytest.raises(OSError, match="disk full"):
        build(make_config(tmp_path))
    assert multiprocessing.active_children() == []

"""Dumps (issue 4, must show 4): N-Triples, Turtle and JSON-LD parse with rdflib and rapper and
hold the same graph; the dataset description lists them with their true sizes and checksums."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.namespaces import DCAT, DCTERMS, RDF, SDO, SPDX, VOID
from kg.store import Manifest
from tests.conftest import Built


@pytest.fixture(scope="module")
def nt_graph(sample_build: Built) -> Graph:
    data = gzip.decompress(sample_build.summary.dump("ntriples").read_bytes())
    return Graph().parse(data=data, format="nt")


def _jsonld_document(built: Built) -> tuple[dict[str, Any], dict[str, Any]]:
    doc = json.loads(gzip.decompress(built.summary.dump("jsonld").read_bytes()))
    context = json.loads((built.summary.release.path / "dumps" / "context.jsonld").read_text())
    return doc, context


def test_ntriples_dump_is_sorted_and_parses_with_rapper(
    sample_build: Built, tmp_path: Path
) -> None:
    text = gzip.decompress(sample_build.summary.dump("ntriples").read_bytes())
    lines = text.decode().splitlines()
    assert lines == sorted(set(lines))
    (tmp_path / "kg.nt").write_bytes(text)
    done = _rapper("ntriples", tmp_path / "kg.nt")
    assert f"returned {sample_build.summary.triples} triples" in done


def test_turtle_dump_is_the_same_graph_and_parses_with_rapper(
    sample_build: Built, nt_graph: Graph, tmp_path: Path
) -> None:
    text = gzip.decompress(sample_build.summary.dump("turtle").read_bytes())
    assert isomorphic(Graph().parse(data=text, format="turtle"), nt_graph)
    (tmp_path / "kg.ttl").write_bytes(text)
    assert f"returned {len(nt_graph)} triples" in _rapper("turtle", tmp_path / "kg.ttl")


# rdflib's own JSON-LD parser still builds a ConjunctiveGraph internally.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_jsonld_dump_with_its_local_context_is_the_same_graph(
    sample_build: Built, nt_graph: Graph
) -> None:
    doc, context = _jsonld_document(sample_build)
    assert doc["@context"] == sample_build.config.base_uri + "dumps/context.jsonld"
    doc["@context"] = context["@context"]
    parsed = Graph().parse(data=json.dumps(doc), format="json-ld")
    assert isomorphic(parsed, nt_graph)


def test_jsonld_dump_gives_the_same_graph_with_pyld_offline(
    sample_build: Built, nt_graph: Graph
) -> None:
    doc, context = _jsonld_document(sample_build)
    url = doc["@context"]

    def loader(requested: str, _options: object = None) -> dict[str, Any]:
        assert requested == url, f"pyld tried to fetch {requested}"
        return {"contextUrl": None, "documentUrl": url, "document": context}

    quads = jsonld.to_rdf(doc, {"documentLoader": loader, "format": "application/n-quads"})
    assert isomorphic(Graph().parse(data=quads, format="nt"), nt_graph)


def test_dataset_description_lists_every_dump_with_size_and_checksum(sample_build: Built) -> None:
    root = sample_build.summary.release.path
    void = Graph().parse(root / "void.ttl", format="turtle")
    base = sample_build.config.base_uri
    dataset = URIRef(base + "id/dataset/kg")
    assert {VOID.Dataset, DCAT.Dataset, SDO.Dataset} <= set(void.objects(dataset, RDF.type))
    dumps = sample_build.summary.dumps
    assert len(list(void.objects(dataset, DCAT.distribution))) == len(dumps)
    for dump in dumps:
        path = root / "dumps" / dump.name
        url = URIRef(base + "dumps/" + dump.name)
        (dist,) = void.subjects(DCAT.downloadURL, url)
        assert void.value(dist, DCAT.byteSize).toPython() == path.stat().st_size
        checksum = void.value(dist, SPDX.checksum)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert str(void.value(checksum, SPDX.checksumValue)) == digest
        assert str(void.value(dist, DCAT.mediaType)).endswith(dump.media_type)
    assert URIRef(base + f"dumps/kg-{sample_build.summary.release.build_id}.nt.gz") in set(
        void.objects(dataset, VOID.dataDump)
    )


def test_dataset_description_has_statistics_endpoint_and_licence(
    sample_build: Built, nt_graph: Graph
) -> None:
    void = Graph().parse(sample_build.summary.release.path / "void.ttl", format="turtle")
    base = sample_build.config.base_uri
    dataset = URIRef(base + "id/dataset/kg")
    assert void.value(dataset, VOID.triples) == Literal(len(nt_graph))
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef(base + "sparql")
    assert void.value(dataset, VOID.uriSpace) == Literal(base + "id/")
    assert void.value(dataset, DCTERMS.license) == URIRef(sample_build.config.license_uri)
    assert void.value(dataset, DCTERMS.modified) is not None
    assert URIRef(str(SDO)) in set(void.objects(dataset, VOID.vocabulary))
    works = [
        p
        for p in void.objects(dataset, VOID.classPartition)
        if void.value(p, VOID["class"]) == SDO.CreativeWork
    ]
    assert [void.value(p, VOID.entities).toPython() for p in works] == [20]


def test_manifest_lists_dumps_with_urls_and_checksums(sample_build: Built) -> None:
    root = sample_build.summary.release.path
    manifest = Manifest.read(root)
    assert manifest.build_id == sample_build.summary.release.build_id
    base = sample_build.config.base_uri
    entries = {d["format"]: d for d in manifest.extra["dumps"]}
    assert set(entries) >= {"ntriples", "turtle", "jsonld", "jsonld-context"}
    primary = entries["ntriples"]
    assert primary["latest_url"] == base + "dumps/latest.nt.gz"
    path = root / primary["file"]
    assert primary["bytes"] == path.stat().st_size
    assert primary["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert manifest.extra["counts"]["read"] == 20


def test_dataset_description_is_in_the_store(sample_build: Built) -> None:
    from kg.store import open_build_store

    query = "ASK { ?d <http://rdfs.org/ns/void#dataDump> ?dump }"
    with open_build_store(sample_build.config.build_dir) as store:
        assert json.loads(store.query(query).body)["boolean"] is True


def _rapper(syntax: str, path: Path) -> str:
    done = subprocess.run(
        ["rapper", "-c", "-i", syntax, str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stderr

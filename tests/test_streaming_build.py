"""The streaming build publishes what the plain in-memory pipeline publishes, byte for byte.

The reference below is the build as it was before it streamed: every record in memory, cross-
posts merged, keys resolved over all of them, each record mapped with the whole key table, all
lines in one sorted set, the dumps written from that list. The streaming build (records spooled
to disk, batches mapped with their own keys in worker processes that write sorted runs, k-way
merges into graph files and the dumps' stream) must give the same dumps and the same store.
The MARCXML dump of harvesting is compared too. The same comparison on 10,000 generated
records: docs/benchmarks.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.harvest.stage import MARCXML_MEDIA_TYPE, publish_harvest
from kg.ingest import load_lexicon, read_records, source_files
from kg.ingest.merge import merge_records
from kg.iris import Iris
from kg.mapping import Context, map_record
from kg.mapping.ledger import Tombstone
from kg.publish import build
from kg.publish.dumps import dump_file, write_dumps
from kg.publish.keys import assign_keys
from kg.publish.ntriples import line
from kg.publish.provenance import build_activity, tombstone_lines
from kg.records import Source
from kg.store import Manifest, open_backend
from kg.vocab.publish import load_build_vocabularies
from tests.conftest import ROOT, SAMPLE, make_config


def _reference_lines(
    config_data: Path, base: str, ledger: str, build_id: str
) -> tuple[list[str], tuple[Tombstone, ...]]:
    """Every published line as the in-memory pipeline made them (no record fails here), and
    the ledger's tombstones."""
    iris = Iris(base)
    lexicon = load_lexicon(ROOT / "vocab", iris.id_base)
    vocab = load_build_vocabularies(ROOT / "vocab", iris.id_base)
    inputs = source_files([config_data])
    root = config_data.resolve().parent
    parsed = [r for path in inputs for r in read_records(path, lexicon)]
    records = [
        r.with_changes(source=_rel(r.source, root), sources=tuple(_rel(s, root) for s in r.sources))
        for r in merge_records(parsed)
    ]
    keys = assign_keys(records, lexicon.authority, ledger, "ledger")
    context = Context(iris, lexicon.authority, keys.table, "en", iris.build(build_id), vocab.index)
    lines: set[str] = set(tombstone_lines(keys.tombstones, iris))
    for record in records:
        mapped = map_record(record, context)
        lines.update(line(t) for t in (*mapped.catalogue, *mapped.provenance))
    lines.update(line(t) for t in build_activity(iris, build_id, inputs, root))
    for graph in vocab.graphs().values():
        lines.update(line(t) for t in graph)
    return sorted(lines), keys.tombstones


def _rel(source: Source, root: Path) -> Source:
    return Source(Path(source.file).resolve().relative_to(root).as_posix(), source.line)


def test_the_streaming_build_publishes_the_in_memory_pipelines_dumps(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    # The sample twice over, the second copy a cross-post of every record on another page.
    (data / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    (data / ("copy-" + SAMPLE.name)).write_bytes(SAMPLE.read_bytes())
    ledger = (ROOT / "data" / "ledger.tsv").read_text(encoding="utf-8")
    config = make_config(tmp_path, data_dir=data, build_workers=2)
    summary = build(config)
    assert summary.published == 20 and summary.rejected == 0
    build_id = summary.release.build_id
    lines, tombstones = _reference_lines(data, config.base_uri, ledger, build_id)
    context = str(Iris(config.base_uri).dump("context.jsonld"))
    reference = {d.name: d for d in write_dumps(tmp_path / "ref", f"kg-{build_id}", lines, context)}
    # The MARCXML dump too (harvesting), written from the reference lines by the same code
    # (its records carry the day: both are written within seconds).
    folder = tmp_path / "ref-release"
    folder.mkdir()
    marc = publish_harvest(lambda: lines, tombstones, folder, None, config, build_id).dump
    reference[marc.name] = dump_file(marc, "marcxml", MARCXML_MEDIA_TYPE)
    assert reference == {d.name: d for d in summary.dumps}
    assert summary.triples == len(lines)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_store_holds_each_graph_file(tmp_path: Path, workers: int) -> None:
    """Each graph file reaches the store's loader whole: the store holds every graph with the
    triples the manifest counts (the loader checked them before the switch, and so do we)."""
    config = make_config(tmp_path, build_workers=workers)
    summary = build(config)
    expected = Manifest.read(summary.release.path).extra["graph_triples"]
    catalogue = str(Iris(config.base_uri).graph("catalogue"))
    assert expected[catalogue] > 0
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    with open_backend(config).open(summary.release.path) as store:
        found = {str(row["g"].value): int(row["n"].value) for row in store.select(query)}
    assert found == expected
    assert not list(config.build_dir.glob(".scratch-*"))  # spool, runs and graph files removed

"""Graph files merged from runs hold each graph's distinct lines in order; their union is what
the dumps were written from; the counts are the in-memory build's counts."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

from kg.publish.assemble import Union, graph_files, small_run
from kg.publish.manifest import entities, vocabularies
from tests.conftest import Built


def test_graph_files_and_their_union(sample_build: Built, tmp_path: Path) -> None:
    dump = sample_build.summary.dump("ntriples")
    lines = gzip.decompress(dump.read_bytes()).decode("utf-8").splitlines()
    rng = random.Random(5)
    # Two graphs that share some statements, each spread over several runs.
    catalogue = [x for x in lines if rng.random() < 0.7]
    provenance = [x for x in lines if x not in catalogue or rng.random() < 0.1]
    runs = {
        "g:catalogue": [
            *small_run(tmp_path / "runs", "a", catalogue[::2]),
            *small_run(tmp_path / "runs", "b", catalogue[1::2] + catalogue[:9]),
        ],
        "g:provenance": small_run(tmp_path / "runs", "c", provenance),
    }
    files, classes = graph_files(runs, tmp_path, counted="g:catalogue")
    assert files["g:catalogue"].path.read_text().splitlines() == sorted(set(catalogue))
    assert files["g:catalogue"].triples == len(set(catalogue))
    assert files["g:provenance"].triples == len(set(provenance))
    assert dict(classes) == entities(sorted(set(catalogue)))
    union = Union(list(files.values()))
    assert list(union) == sorted(set(lines))
    assert union.triples == len(set(lines))
    assert union.vocabularies() == vocabularies(lines)
    assert not any((tmp_path / "runs").iterdir())  # runs are removed once merged

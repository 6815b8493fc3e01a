"""The release's files from the merged graph files: the store's load, the catalogue index, the
dumps and the harvesting step, side by side.

The harvesting step runs in a forked child process started before any of the build's threads
(`harvest_step`): it reads its own merge of the graph files, so it needs nothing from the
build process once started, and with an interpreter of its own it uses the second core while
the dumps are written, where on a thread it would wait for the dumps' interpreter lock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kg.catalogue.write import write_index
from kg.config import Config
from kg.harvest.stage import MARCXML_MEDIA_TYPE, HarvestSummary, publish_harvest
from kg.iris import Iris
from kg.mapping.ledger import Tombstone
from kg.publish.assemble import GraphFile, Union
from kg.publish.child import Running
from kg.publish.dataset import DatasetFacts
from kg.publish.dumps import DumpFile, dump_file, write_chunks
from kg.publish.handoff import Handoff
from kg.publish.release import Release
from kg.publish.runs import merge_prefixed
from kg.publish.timing import Timer
from kg.store import ReleaseLoader
from kg.vocab.publish import BuildVocabularies

Harvesting = Running[tuple[HarvestSummary, float]]


def harvest_step(
    files: dict[str, GraphFile],
    tombstones: Sequence[Tombstone],
    release: Release,
    previous: Path | None,
    config: Config,
    timer: Timer,
) -> tuple[HarvestSummary, float]:
    """The harvesting step (OAI index, MARCXML dump) over its own merge of the graph files: its
    summary and its seconds. The build runs it in a child (`started_in_child`) started before
    the build's threads."""
    with timer.stage("harvest"):
        summary = publish_harvest(
            GraphLines(files), tombstones, release.path, previous, config, release.build_id
        )
    return summary, timer.stages["harvest"]


def publish_files(
    files: dict[str, GraphFile],
    classes: Counter[str],
    loader: ReleaseLoader | None,
    release: Release,
    harvesting: Harvesting,
    vocab: BuildVocabularies,
    config: Config,
    timer: Timer,
    built_at: str,
) -> tuple[DatasetFacts, list[DumpFile], HarvestSummary]:
    """The store loads the graph files and the catalogue index (kg/catalogue: what lists and
    search read) is written on threads (Oxigraph, the HTTP client and SQLite release the GIL)
    while the dumps are written, and `harvesting` runs in its child; the index reads the
    dumps' merge of the graph files as it goes by (`Handoff`), the harvest its own. The facts
    the dataset description states."""
    build_id, iris = release.build_id, Iris(config.base_uri)
    union = _merged(files)

    def load() -> None:
        if loader is not None:
            for graph, graph_file in files.items():
                loader.add(graph, graph_file.path)

    with ThreadPoolExecutor(2) as pool:
        loading = pool.submit(load)
        language = config.default_language
        handoff = Handoff()
        indexing = pool.submit(write_index, handoff.lines(), iris.id_base, release.path, language)
        context_url = str(iris.dump("context.jsonld"))
        folder, stem = release.path / "dumps", f"kg-{build_id}"
        chunks = handoff.passed(union.chunks(), indexing)
        try:
            dumps = write_chunks(folder, stem, chunks, context_url, union.predicates)
        finally:  # a failure before the merge was read through: the index must not wait
            handoff.end(indexing, RuntimeError("the dumps stopped"))
        harvest, seconds = harvesting.result()
        timer.stages["harvest"] = seconds
        loading.result()
        indexing.result()
    dumps.append(dump_file(harvest.dump, "marcxml", MARCXML_MEDIA_TYPE))
    facts = DatasetFacts(
        build_id=build_id,
        built_at=built_at,
        title=config.dataset_title,
        license_uri=config.license_uri,
        triples=union.triples,
        entities=dict(classes),
        vocabularies=union.vocabularies(),
        schemes=vocab.schemes(),
        dumps=dumps,
        stem=f"kg-{build_id}",
    )
    return facts, dumps, harvest


class GraphLines:
    """The union of the graph files read by a prefix (`kg.harvest.lines.Sections`): the
    harvesting child reads the works' lines and all the others apart, each file bisected, and
    never splits a line to note its predicate as `Union` does for the dataset description."""

    def __init__(self, files: dict[str, GraphFile]) -> None:
        self._paths = [f.path for f in files.values()]

    def with_prefix(self, prefix: str) -> Iterator[str]:
        return merge_prefixed(self._paths, prefix, inside=True)

    def without_prefix(self, prefix: str) -> Iterator[str]:
        return merge_prefixed(self._paths, prefix, inside=False)


def _merged(files: dict[str, GraphFile]) -> Union:
    """A fresh k-way merge of the graph files: each reader of the lines gets its own."""
    return Union(list(files.values()))

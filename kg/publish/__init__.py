"""Publish: ingest → map → validate → store + dumps. The one place a build is assembled."""

from __future__ import annotations

import time
from dataclasses import dataclass

from rdflib import Graph

from kg.config import Config
from kg.ingest import read_records, source_files
from kg.ingest.authority import Authority, load_authority
from kg.mapping import record_triples, work_iri
from kg.mapping.iris import Iris
from kg.publish.release import Release, write_release
from kg.records import Record
from kg.validate import Report, check, load_shapes


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A record kept out of the published graph, and why."""

    record: Record
    messages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BuildSummary:
    read: int
    published: int
    quarantined: tuple[Quarantined, ...]
    triples: int
    seconds: float
    release: Release

    @property
    def rejected(self) -> int:
        return len(self.quarantined)

    def describe(self) -> str:
        lines = [
            f"read {self.read} records: {self.published} published, {self.rejected} quarantined",
            f"{self.triples} triples in {self.release.path}",
            f"build {self.release.build_id} in {self.seconds:.1f}s",
        ]
        lines += [
            f"quarantined {q.record.source}: {'; '.join(q.messages)}" for q in self.quarantined
        ]
        return "\n".join(lines)


def build(config: Config) -> BuildSummary:
    """Build the graph from `config.data_dir` into a new release under `config.build_dir`."""
    started = time.monotonic()
    iris = Iris(config.base_uri)
    authority = load_authority(config.vocab_dir / "agents.ttl", iris.id_base)
    inputs = source_files([config.data_dir])
    records = [r for path in inputs for r in read_records(path, authority)]
    graph, report = map_and_validate(records, iris, authority, config)
    failed = report.failed_nodes()
    quarantined = tuple(
        Quarantined(r, _messages(report, str(work_iri(r, iris))))
        for r in records
        if str(work_iri(r, iris)) in failed
    )
    published = [r for r in records if str(work_iri(r, iris)) not in failed]
    if quarantined:
        graph = _graph(published, iris, authority, config.default_language)
    release = write_release(config, graph, inputs)
    return BuildSummary(
        read=len(records),
        published=len(published),
        quarantined=quarantined,
        triples=len(graph),
        seconds=time.monotonic() - started,
        release=release,
    )


def map_and_validate(
    records: list[Record], iris: Iris, authority: Authority, config: Config
) -> tuple[Graph, Report]:
    graph = _graph(records, iris, authority, config.default_language)
    return graph, check(graph, load_shapes(config.shapes_dir))


def _graph(records: list[Record], iris: Iris, authority: Authority, lang: str) -> Graph:
    graph = Graph()
    for record in records:
        for triple in record_triples(record, iris, authority, lang):
            graph.add(triple)
    return graph


def _messages(report: Report, focus: str) -> tuple[str, ...]:
    return tuple(v.message for v in report.violations if v.focus == focus)

"""`build(config)`: ingest → keys → map + validate → dumps, description, store. Timed by stage."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import kg
from kg.config import Config
from kg.harvest.index import carry_over, go_live
from kg.harvest.stage import HarvestSummary
from kg.ingest import Lexicon, load_lexicon, source_files
from kg.ingest.corrections import (
    CORRECTIONS_FILE,
    Correction,
    apply_corrections,
    read_corrections,
    record_key,
)
from kg.iris import Iris
from kg.mapping import Context
from kg.publish import cache
from kg.publish.assemble import graph_files, small_run
from kg.publish.cache import Digests
from kg.publish.child import started_in_child
from kg.publish.claims import kept
from kg.publish.dataset import describe_dataset
from kg.publish.dumps import DumpFile
from kg.publish.keys import (
    KeyFiles,
    assign_spool_keys,
    batch_keys,
    ledger_path,
    save_ledger_file,
)
from kg.publish.manifest import manifest
from kg.publish.ntriples import line
from kg.publish.outputs import harvest_step, publish_files
from kg.publish.pipeline import BATCH_SIZE
from kg.publish.provenance import build_activity, tombstone_lines
from kg.publish.quarantine import QUARANTINE_FILE, Quarantined, write_gate_reports
from kg.publish.reading import read_sources
from kg.publish.release import Release, fresh_release, publish
from kg.publish.spool import RecordSpool
from kg.publish.stream import Batch, Runs, batched, judge_into_runs
from kg.publish.timing import Timer
from kg.records import Record, Rejected, Source
from kg.store import Manifest, open_backend, release_dir
from kg.validate import load_shapes
from kg.vocab.publish import BuildVocabularies, load_build_vocabularies


@dataclass(frozen=True, slots=True)
class BuildSummary:
    read: int
    published: int
    quarantined: tuple[Quarantined, ...]
    triples: int
    seconds: float
    release: Release
    stages: dict[str, float]
    dumps: tuple[DumpFile, ...] = ()
    cached: int = 0
    harvest: HarvestSummary | None = None
    prepared: str = ""  # what `prepare` said (the documents rendered before going live)
    notices: tuple[str, ...] = ()  # `file:line: …` lines about the inputs that are not records

    def dump(self, fmt: str = "ntriples") -> Path:
        """The path of the dump in one format (`ntriples`, `turtle`, `jsonld`)."""
        (found,) = (d for d in self.dumps if d.format == fmt)
        return self.release.path / "dumps" / found.name

    @property
    def rejected(self) -> int:
        return len(self.quarantined)

    def describe(self) -> str:
        stages = ", ".join(f"{k} {v:.1f}s" for k, v in self.stages.items())
        lines = [
            f"read {self.read} records = {self.published} published + {self.rejected} quarantined",
            f"{self.triples} triples in {self.release.path}",
            f"build {self.release.build_id} in {self.seconds:.1f}s ({stages})",
        ]
        if self.harvest is not None:
            lines.append(self.harvest.describe())
        lines += [self.prepared] if self.prepared else []
        lines += [f"quarantined {q.source}: {'; '.join(q.messages)}" for q in self.quarantined]
        lines += list(self.notices)
        if self.quarantined:
            lines.append(f"details in {self.release.path / QUARANTINE_FILE}")
        return "\n".join(lines)


@dataclass
class _Gated:
    """What the gate let through (as runs of lines on disk), and what it kept out."""

    runs: Runs = field(default_factory=Runs)
    quarantined: list[Quarantined] = field(default_factory=list)
    passed: bytearray = field(default_factory=bytearray)  # digests of units newly passed
    cached: int = 0


def build(config: Config, prepare: Callable[[Path], str] | None = None) -> BuildSummary:
    """Build the graph from `config.data_dir` into a new release under `config.build_dir`;
    `prepare(release folder)`, when given, runs once the release is complete and before it goes
    live (the CLI renders its documents there, so the first request after a release is fast),
    and what it says is kept in the summary.

    Streaming: records wait on disk between ingest and mapping (kg/publish/spool.py), the
    workers write the lines of the records that pass as sorted runs (kg/publish/stream.py),
    and k-way merges make each named graph's file for the store and the dumps' stream
    (kg/publish/assemble.py). No stage holds every record or every line.
    """
    scratch = config.build_dir / f".scratch-{os.getpid()}"  # a build beside another keeps apart
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        return _build(config, scratch, prepare)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _build(config: Config, scratch: Path, prepare: Callable[[Path], str] | None) -> BuildSummary:
    started, timer, iris = time.monotonic(), Timer(), Iris(config.base_uri)
    with timer.stage("ingest"):
        vocab = load_build_vocabularies(config.vocab_dir, iris.id_base)
        lexicon = load_lexicon(config.vocab_dir, iris.id_base)
        inputs = source_files([config.data_dir])
        root = config.data_dir.resolve().parent
        corrections = read_corrections(config.data_dir / CORRECTIONS_FILE)
        records = RecordSpool(scratch / "records.pickle")
        workers = config.build_workers or os.cpu_count() or 1
        rejected, notices = _ingest(inputs, lexicon, root, records, corrections, workers)
    with timer.stage("keys"):
        ledger_file = ledger_path(config)
        keys = assign_spool_keys(
            records, lexicon.authority, ledger_file, scratch, BATCH_SIZE, lexicon.periodicals
        )
        build_id = _build_id([*inputs, config.data_dir / CORRECTIONS_FILE], config, keys)
    # No key table in the context: each batch carries the keys its records name (keys.py).
    context = Context(
        iris,
        lexicon.authority,
        {},
        config.default_language,
        iris.build(build_id),
        vocabularies=vocab.index,
        periodicals=lexicon.periodicals,
    )
    shapes_hash = _digest(sorted(config.shapes_dir.glob("*.ttl")))
    known = cache.load(config.build_dir, shapes_hash)
    with timer.stage("map+validate"):
        gated = _gate(_keyed_batches(records, keys), context, config, known, scratch / "runs")
        dropped = keys.dropped.values()
        gated.quarantined += [Quarantined.rejected(r) for r in [*rejected, *dropped]]
    with timer.stage("sort"):
        runs = _graph_runs(gated.runs, scratch, iris, vocab, keys, build_id, inputs, root)
        catalogue = str(iris.graph("catalogue"))
        files, classes = graph_files(runs, scratch, counted=catalogue)
    backend = open_backend(config)
    live = backend.live_release()
    # Read before the new release is made: a rebuild of the same id replaces the live folder.
    scratch_index = config.build_dir / f".harvest-{os.getpid()}.sqlite"
    previous = carry_over(release_dir(config.build_dir, live) if live else None, scratch_index)
    # Same id, same content (the id hashes every input): a live release is not loaded again,
    # and its dataset description keeps the date it was built on.
    already_live = live == build_id
    built_at = datetime.now(UTC).isoformat(timespec="seconds")
    live_folder = release_dir(config.build_dir, build_id)
    if already_live and (live_folder / "manifest.json").is_file():
        built_at = Manifest.read(live_folder).built_at
    release = fresh_release(config.build_dir, build_id, keep_store=already_live)
    # The graph files go to the store's loader (kg/store): nothing is live until their counts
    # are checked and the store switches to the release; a failure drops what was loaded.
    harvesting = started_in_child(
        harvest_step, files, keys.tombstones, release, previous, config, timer
    )
    loader = None
    try:
        loader = None if already_live else backend.loader(build_id)
        with timer.stage("dumps+store+catalogue"):
            facts, dumps, harvest = publish_files(
                files, classes, loader, release, harvesting, vocab, config, timer, built_at
            )
            description = describe_dataset(facts, iris)
            dataset_graph = str(iris.graph("dataset"))
            graph_triples = {graph: f.triples for graph, f in files.items()}
            graph_triples[dataset_graph] = len(description)
            if loader is not None:
                loader.add(dataset_graph, [description.serialize(format="nt", encoding="utf-8")])
                loader.finish(graph_triples)
    except BaseException:
        harvesting.stop()
        if loader is not None:
            loader.abort()
        raise
    if previous is not None:
        previous.unlink()
    (release.path / "void.ttl").write_text(description.serialize(format="turtle"), encoding="utf-8")
    read = _yielded(records) + len(rejected)
    write_gate_reports(release.path, read, gated.quarantined)
    shutil.copyfile(keys.ledger, release.path / "ledger.tsv")
    save_ledger_file(ledger_file, keys)
    cache.save(config.build_dir, shapes_hash, known, gated.passed)
    described = manifest(config, iris, facts, read, len(gated.quarantined), keys, graph_triples)
    described.write(release.path)
    prepared = ""
    if prepare is not None:
        with timer.stage("prepare"):
            prepared = prepare(release.path)
    go_live(release.path)  # the datestamp of this build's changes: the moment of the swap
    publish(backend, release)
    return BuildSummary(
        read=read,
        published=read - len(gated.quarantined),
        quarantined=tuple(gated.quarantined),
        triples=facts.triples,
        seconds=time.monotonic() - started,
        release=release,
        stages=timer.stages,
        dumps=tuple(dumps),
        cached=gated.cached,
        harvest=harvest,
        prepared=prepared,
        notices=tuple(notices),
    )


def _ingest(
    inputs: Sequence[Path],
    lexicon: Lexicon,
    root: Path,
    spool: RecordSpool,
    corrections: list[Correction],
    workers: int,
) -> tuple[list[Rejected], list[str]]:
    """Spool every record of the inputs (read on `workers` processes), corrected (cross-posts
    merged when read back); the records ingest rejected, and a notice for each correction whose
    record is gone."""
    rejected: list[Rejected] = []
    wanted = {c.key for c in corrections}
    seen: set[str] = set()
    paths = RelativePaths(root)

    def parsed() -> Iterator[Record]:
        for item in read_sources(inputs, lexicon, workers):
            if isinstance(item, Record):
                if wanted and (key := record_key(item)) in wanted:
                    seen.add(key)
                yield paths.record(item)
            else:
                rejected.append(Rejected(paths.source(item.source), item.reason, item.printed))

    # No corrections: every record as read (apply_corrections would look each one's key up).
    spool.write(apply_corrections(parsed(), corrections, lexicon) if corrections else parsed())
    notices = [
        f"{c.source}: no record has the correction key {c.key} (its title or byline changed, "
        "or it was removed) — copy the new key from `kg parse --explain`, or delete the line"
        for c in corrections
        if c.key not in seen
    ]
    return rejected, notices


def _keyed_batches(records: RecordSpool, keys: KeyFiles) -> Iterator[Batch]:
    """The spooled records to map (second claims left out) in the batches keys were assigned
    by, each with its keys."""
    to_map = kept(records, keys.dropped)
    pairs = zip(batched(to_map, keys.batch_size), batch_keys(keys), strict=True)
    for (batch, _), named in pairs:
        yield batch, named


def _gate(
    batches: Iterator[Batch],
    context: Context,
    config: Config,
    known: Digests,
    folder: Path,
) -> _Gated:
    """Map and judge every record of the batches; the lines of those that pass go to runs on
    disk."""
    gated = _Gated()
    workers = config.build_workers or os.cpu_count() or 1
    shapes = load_shapes(config.shapes_dir)
    in_flight: deque[Record] = deque()  # records sent, waiting for their verdicts (in order)

    def sent() -> Iterator[Batch]:
        for batch in batches:
            in_flight.extend(batch[0])
            yield batch

    outcomes = judge_into_runs(sent(), context, shapes, known, workers, folder, gated.runs)
    for outcome in outcomes:
        record = in_flight.popleft()
        if not outcome.verdict.passed:
            gated.quarantined.append(Quarantined.failed(record, outcome.work, outcome.verdict))
            continue
        gated.cached += outcome.cached
        if not outcome.cached:
            gated.passed += b"".join(outcome.digests)
    return gated


def _graph_runs(
    runs: Runs,
    scratch: Path,
    iris: Iris,
    vocab: BuildVocabularies,
    keys: KeyFiles,
    build_id: str,
    inputs: Sequence[Path],
    root: Path,
) -> dict[str, list[Path]]:
    """Each named graph's runs: the workers' and the few lines made here (tombstones, the
    build activity, the vocabularies)."""
    folder = scratch / "runs"
    catalogue = [
        *runs.files["catalogue"],
        *small_run(folder, "tombstones", tombstone_lines(keys.tombstones, iris)),
    ]
    activity = (line(t) for t in build_activity(iris, build_id, inputs, root))
    provenance = [*runs.files["provenance"], *small_run(folder, "activity", activity)]
    graphs = {str(iris.graph("catalogue")): catalogue, str(iris.graph("provenance")): provenance}
    for name, graph in vocab.graphs().items():
        graphs[str(iris.graph(f"vocab/{name}"))] = small_run(
            folder, f"vocab-{name}", (line(t) for t in graph)
        )
    return graphs


def _yielded(spool: RecordSpool) -> int:
    """The records a pass over the spool gives (the map + validate pass has made one)."""
    if spool.yielded is None:
        raise RuntimeError("the record spool was not read through before its records were counted")
    return spool.yielded


def _rel(source: Source, root: Path) -> Source:
    """A source path relative to the data folder's parent, so builds from anywhere agree."""
    try:
        return Source(Path(source.file).resolve().relative_to(root).as_posix(), source.line)
    except ValueError:
        return source


class RelativePaths:
    """`_rel` and `_relative` with each file's path resolved once: every record of a file
    names it, and resolving asks the file system about each part of the path."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._files: dict[str, str] = {}

    def source(self, source: Source) -> Source:
        found = self._files.get(source.file)
        if found is None:
            found = self._files[source.file] = _rel(Source(source.file, 0), self.root).file
        return Source(found, source.line)

    def record(self, record: Record) -> Record:
        return record.with_changes(
            source=self.source(record.source), sources=tuple(map(self.source, record.sources))
        )


def _digest(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        if path.exists():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _build_id(inputs: Sequence[Path], config: Config, keys: KeyFiles) -> str:
    """A hash of kg's version, the base IRI, the inputs, vocabularies, shapes and ledger."""
    extra = [*sorted(config.vocab_dir.glob("*.ttl")), *sorted(config.shapes_dir.glob("*.ttl"))]
    digest = hashlib.sha256(f"{kg.__version__}\0{config.base_uri}\0".encode())
    digest.update(_digest([*inputs, *extra]).encode())
    with keys.ledger.open("rb") as ledger:  # the text's UTF-8 bytes, read in pieces
        while piece := ledger.read(1 << 20):
            digest.update(piece)
    return digest.hexdigest()[:16]

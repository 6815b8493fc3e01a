"""`build(config)`: ingest → keys → map + validate → store, dumps, description. Timed by stage."""

from __future__ import annotations

import hashlib
import heapq
import os
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Graph

import kg
from kg.config import Config
from kg.ingest import Lexicon, read_records, source_files
from kg.ingest.authority import load_authority
from kg.ingest.merge import merge_records
from kg.ingest.places import load_places
from kg.mapping import Context
from kg.mapping.iris import Iris
from kg.namespaces import RDF
from kg.publish import cache
from kg.publish.dataset import DatasetFacts, describe_dataset
from kg.publish.dumps import DumpFile, write_dumps
from kg.publish.keys import Keys, assign_keys, ledger_path, read_ledger, save_ledger
from kg.publish.ntriples import line, split
from kg.publish.pipeline import Judged, judge_all
from kg.publish.provenance import build_activity, tombstone_lines
from kg.publish.quarantine import (
    QUARANTINE_FILE,
    REPORT_TEXT,
    REPORT_TURTLE,
    Quarantined,
    write_gate_reports,
)
from kg.publish.release import Manifest, Release, finish, fresh_release, load_store
from kg.records import Record, Source
from kg.validate import load_shapes
from kg.vocab.publish import load_build_vocabularies


@dataclass
class Timer:
    """Seconds spent in each stage, in the order the stages ran."""

    stages: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - started


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

    def dump(self, fmt: str = "ntriples") -> Path:
        """The path of the dump in one format (`ntriples`, `turtle`, `jsonld`)."""
        (found,) = (d for d in self.dumps if d.format == fmt)
        return self.release.path / "dumps" / found.name

    @property
    def rejected(self) -> int:
        return len(self.quarantined)

    def describe(self) -> str:
        lines = [
            f"read {self.read} records = {self.published} published + {self.rejected} quarantined",
            f"{self.triples} triples in {self.release.path}",
            f"build {self.release.build_id} in {self.seconds:.1f}s ("
            + ", ".join(f"{k} {v:.1f}s" for k, v in self.stages.items())
            + ")",
        ]
        lines += [
            f"quarantined {q.record.source}: {'; '.join(q.messages)}" for q in self.quarantined
        ]
        if self.quarantined:
            lines.append(f"details in {self.release.path / QUARANTINE_FILE}")
        return "\n".join(lines)


def build(config: Config) -> BuildSummary:
    """Build the graph from `config.data_dir` into a new release under `config.build_dir`."""
    started, timer = time.monotonic(), Timer()
    iris = Iris(config.base_uri)
    with timer.stage("ingest"):
        authority = load_authority(config.vocab_dir / "agents.ttl", iris.id_base)
        vocabularies = load_build_vocabularies(config.vocab_dir, iris.id_base)
        inputs = source_files([config.data_dir])
        root = config.data_dir.resolve().parent
        lex = Lexicon(authority, load_places(config.vocab_dir / "places.ttl"))
        merged = merge_records(r for path in inputs for r in read_records(path, lex))
        records = [_relative(r, root) for r in merged]
    with timer.stage("keys"):
        ledger_file = ledger_path(config)
        old_ledger = read_ledger(ledger_file)
        keys = assign_keys(records, authority, old_ledger, str(ledger_file))
        build_id = _build_id(inputs, config, keys)
    shapes = load_shapes(config.shapes_dir)
    shapes_hash = _digest(sorted(config.shapes_dir.glob("*.ttl")))
    context = Context(
        iris,
        authority,
        keys.table,
        config.default_language,
        iris.build(build_id),
        vocabularies=vocabularies.index,
    )
    passed = cache.load(config.build_dir, shapes_hash)
    catalogue: set[str] = set()
    provenance: set[str] = set()
    quarantined: list[Quarantined] = []
    newly_passed: list[str] = []
    cached = 0
    with timer.stage("map+validate"):
        for record, judged in zip(
            records, _judge(records, context, shapes, passed, config), strict=True
        ):
            if not judged.verdict.passed:
                quarantined.append(Quarantined(record, judged.work, judged.verdict))
                continue
            catalogue.update(judged.catalogue)
            provenance.update(judged.provenance)
            cached += judged.cached
            if not judged.cached:
                newly_passed.extend(judged.digests)
    with timer.stage("sort"):
        catalogue.update(tombstone_lines(keys.tombstones, iris))
        provenance.update(line(t) for t in build_activity(iris, build_id, inputs, root))
        cat_lines, prov_lines = sorted(catalogue), sorted(provenance)
        del catalogue, provenance
        schemes = {
            str(iris.graph(f"vocab/{name}")): sorted({line(t) for t in graph})
            for name, graph in vocabularies.graphs().items()
        }
        all_lines = _merged([cat_lines, prov_lines, *schemes.values()])
    release = fresh_release(config.build_dir, build_id)
    with timer.stage("dumps"):
        stem = f"kg-{build_id}"
        dumps = write_dumps(
            release.path / "dumps", stem, all_lines, str(iris.dump("context.jsonld"))
        )
    built_at = datetime.now(UTC).isoformat(timespec="seconds")
    facts = DatasetFacts(
        build_id=build_id,
        built_at=built_at,
        title=config.dataset_title,
        license_uri=config.license_uri,
        triples=len(all_lines),
        entities=_entities(cat_lines),
        vocabularies=_vocabularies(all_lines),
        schemes=vocabularies.schemes(),
        dumps=dumps,
        stem=stem,
    )
    description = describe_dataset(facts, iris)
    (release.path / "void.ttl").write_text(description.serialize(format="turtle"), encoding="utf-8")
    with timer.stage("store"):
        load_store(
            release,
            {
                str(iris.graph("catalogue")): cat_lines,
                str(iris.graph("provenance")): prov_lines,
                str(iris.graph("dataset")): description.serialize(format="nt", encoding="utf-8"),
                **schemes,
            },
        )
    write_gate_reports(release.path, len(records), quarantined)
    (release.path / "ledger.tsv").write_text(keys.ledger_text, encoding="utf-8")
    save_ledger(ledger_file, old_ledger, keys.ledger_text)
    cache.save(config.build_dir, shapes_hash, passed, newly_passed)
    manifest = _manifest(config, iris, facts, len(records), quarantined, keys)
    finish(config.build_dir, release, manifest)
    return BuildSummary(
        read=len(records),
        published=len(records) - len(quarantined),
        quarantined=tuple(quarantined),
        triples=len(all_lines),
        seconds=time.monotonic() - started,
        release=release,
        stages=timer.stages,
        dumps=tuple(dumps),
        cached=cached,
    )


def _judge(
    records: Sequence[Record],
    context: Context,
    shapes: Graph,
    passed: frozenset[str],
    config: Config,
) -> Iterator[Judged]:
    workers = config.build_workers or os.cpu_count() or 1
    return judge_all(records, context, shapes, passed, workers)


def _merged(sorted_lists: Sequence[Sequence[str]]) -> list[str]:
    """One sorted list without repeats from sorted lists (no set of millions of lines)."""
    out: list[str] = []
    for statement in heapq.merge(*sorted_lists):
        if not out or out[-1] != statement:
            out.append(statement)
    return out


def _relative(record: Record, root: Path) -> Record:
    """Source paths relative to the data folder's parent, so builds from anywhere agree."""

    def rel(source: Source) -> Source:
        path = Path(source.file)
        try:
            text = path.resolve().relative_to(root).as_posix()
        except ValueError:
            text = source.file
        return Source(text, source.line)

    return record.with_changes(
        source=rel(record.source), sources=tuple(rel(s) for s in record.sources)
    )


def _digest(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _build_id(inputs: Sequence[Path], config: Config, keys: Keys) -> str:
    """A hash of kg's version, the base IRI, the inputs, vocabularies, shapes and ledger."""
    extra = [*sorted(config.vocab_dir.glob("*.ttl")), *sorted(config.shapes_dir.glob("*.ttl"))]
    digest = hashlib.sha256(f"{kg.__version__}\0{config.base_uri}\0".encode())
    digest.update(_digest([*inputs, *extra]).encode())
    digest.update(keys.ledger_text.encode())
    return digest.hexdigest()[:16]


def _entities(lines: Sequence[str]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    rdf_type = f"<{RDF.type}>"
    for statement in lines:
        _, predicate, obj = split(statement)
        if predicate == rdf_type and obj.startswith("<"):
            counts[obj[1:-1]] += 1
    return dict(counts)


def _vocabularies(lines: Sequence[str]) -> list[str]:
    from kg.namespaces import PREFIXES

    predicates = {split(statement)[1][1:-1] for statement in lines}
    spaces = {str(ns) for ns in PREFIXES.values()}
    return sorted({ns for ns in spaces for p in predicates if p.startswith(ns)})


def _manifest(
    config: Config,
    iris: Iris,
    facts: DatasetFacts,
    read: int,
    quarantined: Sequence[Quarantined],
    keys: Keys,
) -> Manifest:
    dumps = []
    for dump in facts.dumps:
        entry = dump.to_json()
        entry["url"] = str(iris.dump(dump.name))
        if dump.name.startswith(facts.stem):
            entry["latest_url"] = str(iris.dump("latest" + dump.name[len(facts.stem) :]))
        dumps.append(entry)
    return Manifest(
        build_id=facts.build_id,
        built_at=facts.built_at,
        base_uri=config.base_uri,
        triples=facts.triples,
        extra={
            "counts": {
                "read": read,
                "published": read - len(quarantined),
                "quarantined": len(quarantined),
                "entities": facts.entities,
            },
            "dumps": dumps,
            "dataset": {"iri": str(iris.dataset()), "file": "void.ttl"},
            "graphs": {n: str(iris.graph(n)) for n in ("catalogue", "provenance", "dataset")},
            "gate": {"quarantine": QUARANTINE_FILE, "text": REPORT_TEXT, "turtle": REPORT_TURTLE},
            "ledger": {"file": "ledger.tsv", "minted": keys.minted},
            "tombstones": [
                {
                    "iri": str(iris.entity(t.type, t.key)),
                    "replaced_by": str(iris.entity(*t.replaced_by)) if t.replaced_by else None,
                }
                for t in keys.tombstones
            ],
        },
    )

"""What the build knows about its output: entity counts, vocabularies used, and the manifest."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from kg.config import Config
from kg.iris import Iris
from kg.namespaces import PREFIXES, RDF
from kg.publish.dataset import DatasetFacts
from kg.publish.keys import KeyFiles
from kg.publish.ntriples import split
from kg.publish.quarantine import QUARANTINE_FILE, REPORT_TEXT, REPORT_TURTLE
from kg.store import Manifest

GRAPHS = ("catalogue", "provenance", "dataset")


def entities(lines: Sequence[str]) -> dict[str, int]:
    """Distinct instances per class (the lines are distinct statements)."""
    counts: Counter[str] = Counter()
    rdf_type = f"<{RDF.type}>"
    for statement in lines:
        _, predicate, obj = split(statement)
        if predicate == rdf_type and obj.startswith("<"):
            counts[obj[1:-1]] += 1
    return dict(counts)


def vocabularies(lines: Sequence[str]) -> list[str]:
    """The namespaces whose properties the lines use."""
    predicates = {split(statement)[1][1:-1] for statement in lines}
    spaces = {str(ns) for ns in PREFIXES.values()}
    return sorted({ns for ns in spaces for p in predicates if p.startswith(ns)})


def manifest(
    config: Config,
    iris: Iris,
    facts: DatasetFacts,
    read: int,
    quarantined: int,
    keys: KeyFiles,
    graph_triples: dict[str, int],
) -> Manifest:
    """`manifest.json`: the release's facts for the web layer and for people."""
    dumps = []
    for dump in facts.dumps:
        entry = dump.to_json()
        entry["url"] = str(iris.dump(dump.name))
        if dump.name.startswith(facts.stem):
            entry["latest_url"] = str(iris.dump("latest" + dump.name[len(facts.stem) :]))
        dumps.append(entry)
    counts = {"read": read, "published": read - quarantined, "quarantined": quarantined}
    return Manifest(
        build_id=facts.build_id,
        built_at=facts.built_at,
        base_uri=config.base_uri,
        triples=facts.triples,
        extra={
            "counts": {**counts, "entities": dict(facts.entities)},
            "dumps": dumps,
            "dataset": {"iri": str(iris.dataset()), "file": "void.ttl"},
            "graphs": {n: str(iris.graph(n)) for n in GRAPHS},
            # Every named graph the store holds for the release, with its triples: the store
            # checks a load against these counts before the release goes live.
            "graph_triples": dict(sorted(graph_triples.items())),
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

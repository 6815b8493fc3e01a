"""The build's harvesting step: records, datestamps, change history and the MARCXML dump.

One call from the build, after the sorted lines are final and before the dataset description
(which lists the MARCXML dump with its size and checksum):

    harvest = publish_harvest(lambda: lines, tombstones, release_dir, previous, config, build_id)

and `go_live(release_dir)` just before the swap. Reads only the sorted lines and the previous
release's index, so it can move into a streaming pipeline unchanged.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from json.encoder import encode_basestring as _string  # the C escape `json.dumps` writes with
from pathlib import Path

from kg.config import Config
from kg.harvest.facts import WorkFacts, work_facts
from kg.harvest.graph import WorkGraph
from kg.harvest.history import (
    LIVE,
    MERGED,
    WITHDRAWN,
    Decision,
    State,
    decide,
    leader_status,
)
from kg.harvest.index import FILE, IndexWriter
from kg.harvest.lines import CatalogueLines, Sections
from kg.harvest.marc import COLLECTION_HEAD, COLLECTION_TAIL, marc_content, record_xml
from kg.harvest.marcmap import RecordContext, to_marc
from kg.harvest.payloads import dublin_core
from kg.harvest.settings import marc_org_code
from kg.harvest.terms import Lit, Term, Triple
from kg.iris import Iris
from kg.mapping.ledger import Tombstone

MARCXML_MEDIA_TYPE = "application/marcxml+xml"


@dataclass(frozen=True, slots=True)
class HarvestSummary:
    """What the step wrote: the MARCXML dump, and what changed since the live release."""

    dump: Path  # the MARCXML dump (the build lists it with the other dumps)
    works: int
    changed: int
    generation: int
    problems: tuple[str, ...] = ()

    def describe(self) -> str:
        """Summary lines for `kg build`: what changed, and each record that needed cleaning."""
        head = f"harvest: {self.works} works, {self.changed} changes"
        head += (
            f" (generation {self.generation})" if self.changed else " (none since the live release)"
        )
        return "\n".join([head, *self.problems])


def publish_harvest(
    lines: Callable[[], Iterable[str]] | Sections,
    tombstones: Iterable[Tombstone],
    release: Path,
    previous: Path | None,
    config: Config,
    build_id: str,
) -> HarvestSummary:
    """Write the release's harvest index and MARCXML dump from the build's sorted lines
    (`lines()` gives them afresh: they are read twice; `Sections` read only what each pass
    needs)."""
    iris = Iris(config.base_uri)
    catalogue = CatalogueLines(lines, iris)
    writer = IndexWriter(release / FILE, previous, build_id)
    today = datetime.now(UTC).strftime("%y%m%d")
    folder = release / "dumps"
    folder.mkdir(parents=True, exist_ok=True)
    dump_path = folder / f"kg-{build_id}.marcxml.gz"
    with dump_path.open("wb") as raw, gzip.GzipFile("", "wb", 6, raw, mtime=0) as out:
        works = _works(catalogue, writer, out, RecordContext(marc_org_code(config), "", "n", today))
    recorded = {("work", key) for key in works.keys}
    for entity in catalogue.entities.values():
        state = State(entity.type, entity.key, entity.status, entity.successor, entity.digest)
        _record(writer, state, today)
        recorded.add((entity.type, entity.key))
    for tomb in tombstones:
        if (tomb.type, tomb.key) not in recorded:
            successor = str(iris.entity(*tomb.replaced_by)) if tomb.replaced_by else None
            status = MERGED if successor else WITHDRAWN
            _record(writer, State(tomb.type, tomb.key, status, successor), today)
    writer.name_sets(sorted(works.set_names.items()))
    changed = writer.finish()
    return HarvestSummary(dump_path, len(works.keys), changed, writer.generation, works.problems)


@dataclass
class _Works:
    """What the pass over the works collected."""

    keys: list[str] = field(default_factory=list)
    set_names: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def _works(
    catalogue: CatalogueLines, writer: IndexWriter, out: gzip.GzipFile, base: RecordContext
) -> _Works:
    """Record every work in the index and write its MARC record into the dump (key order)."""
    found, problems = _Works(), []
    # The dump's records are written some hundreds at a time: a deflate stream does not depend
    # on how its input is cut, and each `GzipFile.write` costs Python steps of its own.
    held: list[bytes] = [COLLECTION_HEAD.encode()]
    id_base, document = catalogue.iris.id_base, catalogue.iris.document
    for graph in catalogue.works():
        facts = work_facts(graph, catalogue.lookup, id_base)
        digest = record_digest(graph, facts)
        state = State("work", facts.key, LIVE, None, digest, " ".join(facts.sets))
        decision = _record(writer, state, base.entered)
        page, status = document("work", facts.key), leader_status(decision)
        context = RecordContext(base.org_code, page, status, decision.entered, base.datestamp)
        marc = record_xml(to_marc(facts, context), namespace=False).encode()
        held.append(marc + b"\n")
        writer.payload(facts.key, marc_content(marc), dublin_core(facts).encode())
        found.keys.append(facts.key)
        found.set_names.update(facts.set_names)
        if facts.removed:
            problems.append(f"work/{facts.key}: removed {facts.removed} character(s) XML forbids")
        if len(held) >= _HELD_RECORDS:
            out.write(b"".join(held))
            held.clear()
    held.append(COLLECTION_TAIL.encode())
    out.write(b"".join(held))
    found.problems = tuple(problems)
    return found


_HELD_RECORDS = 500  # about 2 MB of MARCXML


def _record(writer: IndexWriter, state: State, today: str) -> Decision:
    decision = decide(state, writer.past(state.type, state.key), writer.generation, today)
    writer.record(state, decision)
    return decision


def record_digest(graph: WorkGraph, facts: WorkFacts) -> str:
    """A digest of everything rendered into a work's records (every format), so that its
    datestamp moves whenever any of them changes."""
    # The JSON text of `[facts.canonical(), triples]`, as the digest always had (a literal is a
    # tuple: JSON writes it as [value, lang, datatype]). The canonical text is JSON itself, so
    # it holds no control character: as a JSON string, only its `\\` and `"` are escaped, which
    # two replacements do at a fraction of the encoder's cost a character.
    canonical = facts.canonical().replace("\\", "\\\\").replace('"', '\\"')
    text = f'["{canonical}", {triples_json(graph.triples())}]'
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def triples_json(triples: Iterable[Triple]) -> str:
    """`json.dumps(triples, ensure_ascii=False)`, each recurring term's JSON written once: a
    work's subject and predicates recur in every line of it, IRIs and short literals from work
    to work."""
    known, term = _TERM_JSON.get, _term_json
    body = ", ".join([f"[{known(s) or term(s)}, {known(p) or term(p)}, {known(o) or term(o)}]"
                      for s, p, o in triples])  # fmt: skip
    return f"[{body}]"


_TERM_JSON: dict[Term, str] = {}  # cleared when full
_KNOWN_TERMS, _SHORT = 1 << 16, 80


def _term_json(term: Term) -> str:
    """A term's JSON (an IRI as a string, a literal as [value, lang, datatype]), remembered
    unless it is a long literal (those seldom recur)."""
    if isinstance(term, Lit):
        found = f"[{_string(term.value)}, {_string(term.lang)}, {_string(term.datatype)}]"
        if len(term.value) > _SHORT:
            return found
    else:
        found = _string(term)
    if len(_TERM_JSON) >= _KNOWN_TERMS:
        _TERM_JSON.clear()
    _TERM_JSON[term] = found
    return found

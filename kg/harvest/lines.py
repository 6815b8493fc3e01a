"""The build's reading of its own output: the sorted N-Triples lines it publishes.

Reading a million works back out of the store would cost the build minutes; the sorted lines are
already in memory. Every subject under `{base}id/work/` sorts into one run of lines, so the works
are read in one pass over that run (a bisection finds it) and everything else in one pass over the
rest: non-work entities become states (for the change feed) and the facts the records look up.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Protocol, runtime_checkable
from urllib.parse import unquote

from kg.harvest.graph import (
    LABELS,
    PROVENANCE,
    TYPE,
    WorkGraph,
    context_triples,
    distinct,
    linked,
    reached_triples,
)
from kg.harvest.terms import Lit, Term, Triple, parse_nt
from kg.iris import ENTITY_TYPES, Iris
from kg.namespaces import DCTERMS, OWL, SDO, SKOS

_KNOWN_OBJECTS = 1 << 16  # objects remembered while reading works (cleared when full)
_SHORT = 80  # objects remembered up to this length (with ` .`): longer literals seldom recur
_SAME_WORK = ("", "#")  # what follows a work's IRI in the subjects of its own lines
REPLACED_BY = str(DCTERMS.isReplacedBy)
DEPRECATED = str(OWL.deprecated)
# What the record mappings look up about linked things (graph.Lookup), besides types and labels.
LOOKED_UP = frozenset(
    {
        TYPE,
        *LABELS,
        REPLACED_BY,
        DEPRECATED,
        *(str(p) for p in (SDO.sameAs, SDO.isPartOf, SDO.volumeNumber, SDO.issueNumber)),
        *(str(p) for p in (SKOS.broader, SKOS.topConceptOf)),
    }
)


def split(statement: str) -> tuple[str, str, str]:
    """Subject, predicate and object of one N-Triples line as kg writes them (single spaces,
    ` .` at the end): the inverse of `kg.publish.ntriples.line`."""
    subject, predicate, rest = statement.split(" ", 2)
    return subject, predicate, rest[:-2]


@dataclass(frozen=True, slots=True)
class EntityState:
    """What one entity is in this build: live, deprecated (still served) or merged."""

    type: str
    key: str
    status: str  # "live" | "deprecated" | "merged"
    successor: str | None  # the IRI that replaces it
    digest: str


class LinesLookup:
    """`graph.Lookup` over the non-work subjects of the lines."""

    def __init__(self) -> None:
        self._held: dict[tuple[str, str], list[Term]] = {}  # as added
        self._facts: dict[tuple[str, str], tuple[Term, ...]] = {}  # distinct, once asked for

    def add(self, subject: str, predicate: str, obj: Term) -> None:
        key = (subject, predicate)
        self._held.setdefault(key, []).append(obj)
        self._facts.pop(key, None)

    def objects(self, subject: str, predicate: str) -> tuple[Term, ...]:
        key = (subject, predicate)
        found = self._facts.get(key)
        if found is None:
            held = self._held.get(key)
            if held is None:
                return ()
            found = self._facts[key] = distinct(held)
        return found


@runtime_checkable
class Sections(Protocol):
    """Sorted lines that can be read by a prefix of theirs, without reading the others."""

    def with_prefix(self, prefix: str) -> Iterable[str]:
        """The lines that start with `prefix`, in order."""
        ...

    def without_prefix(self, prefix: str) -> Iterable[str]:
        """Every other line, in order."""
        ...


class CatalogueLines:
    """The sorted lines of a build, read for harvesting.

    `lines` gives the lines afresh each time it is called (a list, or a stream read again from
    disk): they are read twice, once for everything but the works and once for the works. As
    `Sections` (the build's graph files), each reading reads only its own lines.
    """

    def __init__(self, lines: Callable[[], Iterable[str]] | Sections, iris: Iris) -> None:
        self.iris = iris
        self._works = works = f"<{iris.id_base}work/"
        self._lines: Callable[[], Iterable[str]]
        self._work_lines: Callable[[], Iterable[str]]
        if isinstance(lines, Sections):
            self._lines = partial(lines.without_prefix, works)
            self._work_lines = partial(lines.with_prefix, works)
        else:
            self._lines = self._work_lines = lines
        self.lookup = LinesLookup()
        self._contexts: dict[str, list[Triple]] = {}  # the lookup is final once works are read
        self.entities: dict[tuple[str, str], EntityState] = {}
        self._read_the_rest()

    def _read_the_rest(self) -> None:
        """Lookup facts of every non-work subject, and the state of every non-work entity."""
        held: dict[tuple[str, str], list[str]] = {}  # each entity's lines, to digest
        facts: dict[tuple[str, str], dict[str, list[Term]]] = {}
        works, add = self._works, self.lookup.add
        names: dict[str, str] = {}  # each predicate's IRI, read once
        current, entity, lines = "", None, None
        for statement in self._lines():
            if statement.startswith(works):
                continue
            subject, predicate, obj = split(statement)
            name = names.get(predicate)
            if name is None:
                name = names[predicate] = predicate[1:-1]
            if name in PROVENANCE:
                continue
            if subject != current:  # a subject's lines come in a row: its entity once
                current, entity = subject, self._entity(subject)
                lines = None if entity is None else held.setdefault(entity, [])
            if lines is not None:
                lines.append(statement)
            if name in LOOKED_UP:
                term = parse_nt(obj)
                add(subject[1:-1], name, term)
                if entity is not None and "#" not in subject:
                    facts.setdefault(entity, {}).setdefault(name, []).append(term)
        for entity, statements in held.items():
            # One digest of the lines, each with its newline, as a digest updated line by line.
            text = "\n".join(statements) + "\n"
            state = _state(entity, facts.get(entity, {}), hashlib.sha256(text.encode()).hexdigest())
            if state is not None:
                self.entities[entity] = state

    def _entity(self, subject: str) -> tuple[str, str] | None:
        """(type, key) of a non-work entity a subject belongs to (its `#fragments` included)."""
        base = self.iris.id_base
        if not subject.startswith("<" + base):
            return None
        type_, _, rest = subject[1 + len(base) : -1].partition("/")
        if type_ not in ENTITY_TYPES or type_ == "work" or not rest:
            return None
        return type_, unquote(rest.partition("#")[0])

    def works(self) -> Iterator[WorkGraph]:
        """Each work's graph, in key order (sorted lines hold the works in one run)."""
        pending: dict[str, dict[str, list[Triple]]] = {}  # by work, its triples by subject
        current, base, iri, triples = "", "", "", []
        works, within = self._works, False
        # Each predicate's IRI once ("" for provenance, which `own_triples` leaves out: its
        # objects are never parsed): a few dozen predicates make up every work's lines.
        predicates: dict[str, str] = {}
        # Objects as written (with ` .`) and as read: the same IRIs (types, topics, agents) and
        # short literals (years, extents, tag reasons) recur from work to work.
        objects: dict[str, Term] = {}
        for statement in self._work_lines():
            if not statement.startswith(works):
                if within:
                    break
                continue
            within = True
            subject, predicate, obj = statement.split(" ", 2)  # as `split`, inlined
            if subject != current:
                current, iri = subject, subject[1:-1]
                if not iri.startswith(base) or iri[len(base) : len(base) + 1] not in _SAME_WORK:
                    base = iri.partition("#")[0]
                    # Subjects of one work in a row never finish another work: only a new one can.
                    yield from self._finished(pending, subject)
                triples = pending.setdefault(base, {}).setdefault(iri, [])
            name = predicates.get(predicate)
            if name is None:
                name = predicates[predicate] = (
                    "" if predicate[1:-1] in PROVENANCE else predicate[1:-1]
                )
            if name:
                term = objects.get(obj)
                if term is None:
                    term = parse_nt(obj[:-2])
                    if len(obj) <= _SHORT:
                        if len(objects) >= _KNOWN_OBJECTS:
                            objects.clear()
                        objects[obj] = term
                triples.append((iri, name, term))
        yield from self._finished(pending, None)

    def _finished(
        self, pending: dict[str, dict[str, list[Triple]]], subject: str | None
    ) -> Iterator[WorkGraph]:
        # Sorted lines put `<w#part>` before `<w>` ('#' < '>'): once a subject past `<w>` comes,
        # nothing more of w can follow.
        for base in [b for b in pending if subject is None or f"<{b}>" < subject]:
            graph = self._work_graph(base, pending.pop(base))
            if graph is not None:
                yield graph

    def _work_graph(self, iri: str, by_subject: dict[str, list[Triple]]) -> WorkGraph | None:
        own = reached_triples(iri, by_subject)
        if not any(s == iri and p == TYPE for s, p, _ in own):
            return None  # a merged work's tombstone line: no record
        nodes = linked(iri, own, self._works[1:])
        context = context_triples(nodes, self.lookup, self._contexts)
        return WorkGraph(iri, own, context)


def _state(entity: tuple[str, str], own: dict[str, list[Term]], digest: str) -> EntityState | None:
    """Typed: live or deprecated; untyped with a successor: merged; else not an entity."""
    successor = next((o for o in own.get(REPLACED_BY, []) if isinstance(o, str)), None)
    deprecated = any(isinstance(o, Lit) and o.value == "true" for o in own.get(DEPRECATED, []))
    if TYPE in own:
        status = "deprecated" if deprecated else "live"
    elif successor is not None:
        status = "merged"
    else:
        return None
    return EntityState(entity[0], entity[1], status, successor, digest)

"""Map and judge records in batches, on every core, judging each distinct graph only once.

A record's graph is cut into units: the work (its own triples, its parts `#…`, and the types
of what it links to) and one unit per linked entity (an agent, a place, a journal with its
volumes…). Our shapes judge a node by its own triples and the types of the nodes it links to,
so a record conforms exactly when all its units do. A unit's digest (SHA-256 of its sorted
lines) is its identity: a unit judged to conform once (same shapes) is not judged again — not
in a later batch (the same agent in many records), nor in a later build (the verdict cache).
A record near a failure is judged again alone, whole, so its messages are its own.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from itertools import chain
from typing import Protocol

from rdflib import Graph
from rdflib.term import Node

from kg.mapping import Context, Mapped, map_record
from kg.mapping.forms import Form, form
from kg.namespaces import RDF, RDFS
from kg.publish.ntriples import held_forms, held_term
from kg.records import Record
from kg.validate import Gate, Verdict

BATCH_SIZE = 500


class Known(Protocol):
    """Digests of units known to conform (a set, or the verdict cache's `Digests`)."""

    def __contains__(self, digest: object, /) -> bool: ...

    def update(self, digests: Iterable[bytes], /) -> None: ...


@dataclass(frozen=True, slots=True)
class Judged:
    """One record mapped and judged: its lines, unit digests and verdict."""

    work: str
    catalogue: tuple[str, ...]
    provenance: tuple[str, ...]
    digests: tuple[bytes, ...]  # 16 bytes of each unit's SHA-256
    verdict: Verdict
    cached: bool


@dataclass(frozen=True, slots=True)
class _Unit:
    lines: tuple[str, ...]
    owned: frozenset[str]  # the nodes this unit is about (not the linked nodes it types)
    shown: tuple[str, ...]  # its lines the shapes can see (`Gate.sees`): what the gate reads


@dataclass(frozen=True, slots=True)
class _Prepared:
    mapped: Mapped
    lines: tuple[str, ...]
    units: dict[bytes, _Unit]  # digest → unit
    targeted: set[str]  # its nodes typed with a class some shape targets (`Gate.targets`)


_TYPE = f"<{RDF.type}>"
_SUBCLASS = f"<{RDFS.subClassOf}>"
# A unit's lines as they are made: all of them, and those the shapes can see.
_Lines = tuple[list[str], list[str]]
# How a subject's lines are kept: its form, where its lines go (all, those the shapes see),
# where its type lines go too (a linked entity's types go to the work's unit; None: the work's),
# and the subject as a str (as units own it).
_Subject = tuple[
    str, Callable[[str], None], Callable[[str], None], Callable[[str], None] | None, str
]


class _Predicates(dict[int, tuple[str, bool, bool]]):
    """Predicates by id → their form, whether the shapes see them and whether it is rdf:type,
    for one batch: every record has the same few. Each is held, so its id names no other. And
    classes (by form) → whether the shapes see their type statements and whether such a
    statement makes its subject a focus node; whether the batch says anything of subclasses
    (then the gate reads every type statement and judges every node it is asked to)."""

    __slots__ = ("classes", "held", "subclassing")

    def __init__(self) -> None:
        super().__init__()
        self.held: list[Node] = []
        self.classes: dict[str, tuple[bool, bool]] = {}
        self.subclassing = False


def _prepare(mapped: Mapped, gate: Gate, predicates: _Predicates | None = None) -> _Prepared:
    """The record's lines and its units: the work (its own triples, its `#parts`, and the
    types of what it links to) and each linked entity (its triples and its `#parts`)."""
    work = str(mapped.work)
    groups: dict[str, _Lines] = {}  # base IRI (before any `#`) → lines
    subjects: dict[str, set[str]] = {}  # base IRI → the subjects of its lines
    typing: list[str] = []  # the type lines of linked entities (the work's unit holds them)
    typing_shown: list[str] = []  # those the shapes can see
    targeted: set[str] = set()
    # A record repeats its nodes (the work in most triples, a label under two properties), and
    # every record the same predicates and classes: each node object is written once (held_term,
    # keyed by id: rdflib compares equal terms in Python).
    seen: dict[int, _Subject] = {}
    if predicates is None:
        predicates = _Predicates()
    held = held_forms
    last: Node | None = None
    for s, p, o in mapped.catalogue:
        if s is not last:  # the mapping writes a subject's triples one after another
            found = seen.get(id(s))
            if found is None:
                found = seen[id(s)] = _subject(s, work, groups, subjects, typing)
            s_form, add, show, add_type, subject = found
            last = s
        predicate, visible, is_type = predicates.get(id(p)) or _predicate(p, gate, predicates)
        # A literal is its own form; an IRI's is looked up inline (the loop's most frequent call).
        value = o if type(o) is Form else held.get(id(o)) or held_term(o)
        text = f"{s_form} {predicate} {value} ."
        add(text)
        if is_type:  # seen or not by its class (the shapes name a few of the classes used)
            by_class = predicates.classes.get(value)
            if by_class is None:
                by_class = predicates.classes[value] = (
                    gate.sees_type(value),
                    gate.targets(value),
                )
            visible, targeting = by_class
            if targeting:
                targeted.add(subject)
            if add_type is not None:
                add_type(text)
                if visible:
                    typing_shown.append(text)
        if visible:
            show(text)
    own, own_shown = groups.pop(work, ([], []))
    owned = frozenset(subjects.pop(work, ()))
    units = dict(
        [
            _unit(own + typing, own_shown + typing_shown, owned),
            *(_linked(*group, frozenset(subjects[base])) for base, group in groups.items()),
        ]
    )
    # The record's lines are its units' lines (the linked entities' types are in the work's
    # and in their own): each unit's are sorted already, and Timsort merges sorted runs.
    every = dict.fromkeys(chain.from_iterable(unit.lines for unit in units.values()))
    return _Prepared(mapped, tuple(sorted(every)), units, targeted)


def _subject(
    node: Node,
    work: str,
    groups: dict[str, _Lines],
    subjects: dict[str, set[str]],
    typing: list[str],
) -> _Subject:
    """How a subject's lines are kept (by its base IRI, the unit they belong to); the subject
    is noted among its base's subjects."""
    subject = str(node)
    base = subject.split("#", 1)[0]
    subjects.setdefault(base, set()).add(subject)
    lines, shown = groups.setdefault(base, ([], []))
    add_type = typing.append if base != work else None
    return held_term(node), lines.append, shown.append, add_type, subject


def _predicate(node: Node, gate: Gate, known: _Predicates) -> tuple[str, bool, bool]:
    """A predicate's form, whether the shapes can see its statements, whether it is rdf:type
    (remembered)."""
    written = held_term(node)
    found = known[id(node)] = (written, gate.sees(written), written == _TYPE)
    known.held.append(node)
    known.subclassing = known.subclassing or written == _SUBCLASS
    return found


def _provenance(mapped: Mapped) -> tuple[str, ...]:
    """The record's provenance lines, sorted and distinct."""
    held = held_forms  # looked up inline, as in _prepare: most terms are held already
    return tuple(
        sorted(
            {
                f"{held.get(id(s)) or held_term(s)} {held.get(id(p)) or held_term(p)} "
                f"{o if type(o) is Form else held.get(id(o)) or held_term(o)} ."
                for s, p, o in mapped.provenance
            }
        )
    )


def _unit(lines: list[str], shown: list[str], owned: frozenset[str]) -> tuple[bytes, _Unit]:
    distinct = tuple(sorted(set(lines)))
    # The UTF-8 of the lines joined by newlines, made line by line: joined first, one curly
    # quote (a tag's reason) widens the whole text, which then encodes character by character.
    digest = hashlib.sha256(b"\n".join(map(str.encode, distinct))).digest()[:16]
    # Sorted alike, the lines shown are in the order the gate would have kept them in.
    return digest, _Unit(distinct, owned, tuple(sorted(set(shown))))


_UNITS = 1 << 12  # linked entities' units remembered: about 2 KB each, 85% found again
_units: dict[tuple[tuple[str, ...], tuple[str, ...], frozenset[str]], tuple[bytes, _Unit]] = {}


def _linked(lines: list[str], shown: list[str], owned: frozenset[str]) -> tuple[bytes, _Unit]:
    """`_unit` of a linked entity, remembered by what it is made of: the same agent or place
    comes back in many records with the same lines (a work never does: not remembered)."""
    key = (tuple(lines), tuple(shown), owned)
    found = _units.get(key)
    if found is None:
        if len(_units) >= _UNITS:
            _units.clear()
        found = _units[key] = _unit(lines, shown, owned)
    return found


def judge_batch(
    batch: Sequence[Record], context: Context, gate: Gate, known: Known
) -> list[Judged]:
    """Map every record of a batch; validate the units not known to conform; learn them."""
    # Literals made as their N-Triples forms: the lines rdflib Literals would give, cheaper.
    fast = replace(context, literal=form)
    return judge_mapped([map_record(record, fast) for record in batch], gate, known)


def judge_mapped(batch: Sequence[Mapped], gate: Gate, known: Known) -> list[Judged]:
    """`judge_batch` of records mapped already."""
    predicates = _Predicates()
    prepared = [_prepare(mapped, gate, predicates) for mapped in batch]
    pending: dict[bytes, _Unit] = {}
    for item in prepared:
        pending.update((d, unit) for d, unit in item.units.items() if d not in known)
    failing: set[str] = set()
    focus = set().union(*(unit.owned for unit in pending.values()))
    if not predicates.subclassing:
        # Only nodes some shape targets can fail, and pyshacl-turbo looks each node a shape
        # targets up in `focus` by a linear search: a work's `#tag-…` and `#authors` go.
        focus &= set().union(*(item.targeted for item in prepared))
    if focus:
        failing = _check(gate, pending.values(), focus, predicates.subclassing)
    out = []
    for item in prepared:
        near = failing and any(
            unit.owned & failing for d, unit in item.units.items() if d in pending
        )
        verdict = gate.verdict(item.lines) if near else Verdict()
        out.append(
            Judged(
                work=str(item.mapped.work),
                catalogue=item.lines,
                provenance=_provenance(item.mapped),
                digests=tuple(item.units),
                verdict=verdict,
                cached=not any(d in pending for d in item.units),
            )
        )
    # A work's own unit does not come back within a build (its IRI is its own): it goes to the
    # verdict cache (the build collects every digest) but is not remembered here.
    works = {next(iter(item.units)) for item in prepared}
    known.update(d for d, unit in pending.items() if not unit.owned & failing and d not in works)
    return out


def _check(gate: Gate, units: Iterable[_Unit], focus: set[str], subclassing: bool) -> set[str]:
    """The nodes of `focus` that fail, the units judged together: each distinct line once (a
    linked entity's types come in every work that links it). Their lines the shapes can see;
    all their lines for the gate to cut by predicate when the data names subclasses, which
    could make a class the shapes never name one they do."""
    if subclassing:
        lines = dict.fromkeys(x for unit in units for x in unit.lines)
        return gate.check(lines, focus).failed_nodes()
    shown = dict.fromkeys(x for unit in units for x in unit.shown)
    return gate.check(shown, focus, cut=True).failed_nodes()


@dataclass(frozen=True, slots=True)
class _Job:
    context: Context
    shapes: Graph
    known: frozenset[bytes]


_WORKER: tuple[_Job, Gate, set[bytes]] | None = None


def _start(job: _Job) -> None:
    global _WORKER
    _WORKER = (job, Gate(job.shapes), set(job.known))
    gc.freeze()  # as stream.py's workers do: what the worker starts with, it keeps


def _run(batch: Sequence[Record]) -> list[Judged]:
    assert _WORKER is not None, "worker not started"
    job, gate, known = _WORKER
    return judge_batch(batch, job.context, gate, known)


def judge_all(
    records: Sequence[Record],
    context: Context,
    shapes: Graph,
    known: frozenset[bytes],
    workers: int,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Judged]:
    """Every record mapped and judged, in input order; batches spread over `workers` processes."""
    batches = [records[i : i + batch_size] for i in range(0, len(records), batch_size)]
    if workers <= 1 or len(batches) <= 1:
        gate, seen = Gate(shapes), set(known)
        for batch in batches:
            yield from judge_batch(batch, context, gate, seen)
        return
    job = _Job(context, shapes, known)
    with ProcessPoolExecutor(workers, initializer=_start, initargs=(job,)) as pool:
        for judged in pool.map(_run, batches):
            yield from judged

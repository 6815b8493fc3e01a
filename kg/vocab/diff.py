"""`kg vocab diff OLD NEW`: what changed between two versions of the vocabularies, and how many
works each change re-tags (pure: the caller reads the files and the records)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from kg.records import Record
from kg.vocab.model import Concept, Vocabulary
from kg.vocab.tagging import Tagger

ChangeKind = Literal["added", "removed", "relabelled", "moved", "deprecated", "restored"]


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    concept: str
    detail: str
    retagged: int = 0

    def describe(self, id_base: str) -> str:
        works = "work" if self.retagged == 1 else "works"
        return (
            f"{self.kind} {self.concept.removeprefix(id_base)}: {self.detail.replace(id_base, '')}"
            f" — re-tags {self.retagged} {works}"
        )


def diff_vocabularies(old: Vocabulary, new: Vocabulary) -> list[Change]:
    """Concepts added, removed, relabelled, moved, deprecated or restored, in IRI order."""
    changes: list[Change] = []
    for iri in sorted(set(old.concepts) | set(new.concepts)):
        before, after = old.concepts.get(iri), new.concepts.get(iri)
        if before is None and after is not None:
            changes.append(Change("added", iri, f"“{after.pref_label()}”"))
        elif after is None and before is not None:
            changes.append(Change("removed", iri, "deleted — deprecate it instead"))
        elif before is not None and after is not None:
            changes += _changed(before, after, new)
    return changes


def _changed(before: Concept, after: Concept, new: Vocabulary) -> list[Change]:
    out: list[Change] = []
    old_labels = {(lb.kind, lb.text, lb.lang) for lb in before.labels}
    new_labels = {(lb.kind, lb.text, lb.lang) for lb in after.labels}
    if old_labels != new_labels:
        parts = [f"−{k}Label “{t}”" for k, t, _ in sorted(old_labels - new_labels)]
        parts += [f"+{k}Label “{t}”" for k, t, _ in sorted(new_labels - old_labels)]
        out.append(Change("relabelled", after.iri, ", ".join(parts)))
    if set(before.broader) != set(after.broader):
        moved = f"broader {', '.join(before.broader) or '(none)'} → {', '.join(after.broader)}"
        out.append(Change("moved", after.iri, moved or "(none)"))
    if after.deprecated and not before.deprecated:
        successor = new.successor(after.iri)
        out.append(Change("deprecated", after.iri, f"works move to {successor or '(none)'}"))
    if before.deprecated and not after.deprecated:
        out.append(Change("restored", after.iri, "no longer deprecated"))
    return out


def count_retagged(
    changes: Sequence[Change],
    old: Tagger,
    new: Tagger,
    records: Iterable[Record],
) -> tuple[list[Change], int]:
    """Each change with the number of works whose tags it changes, and the total re-tagged."""
    counts = dict.fromkeys((c.concept for c in changes), 0)
    total = 0
    for record in records:
        before = {t.concept for t in old.tags(record.topics, record.title, record.abstract)}
        after = {t.concept for t in new.tags(record.topics, record.title, record.abstract)}
        if before == after:
            continue
        total += 1
        for concept in before ^ after:
            if concept in counts:
                counts[concept] += 1
    return [replace(c, retagged=counts[c.concept]) for c in changes], total

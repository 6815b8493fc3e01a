"""Tagging: the concepts a record is about, each with the reasons it was given.

A record gets its page topics (section, category or tag, matched against every label) plus
every concept whose label occurs in its title or abstract as whole words: the longest label wins
at each position, so `sexual violence` does not also count as `violence`. Tags on deprecated
concepts go to their successor. Pure functions: no I/O.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Literal

from rdflib import Literal as RdfLiteral
from rdflib import URIRef
from rdflib.term import Node

from kg.namespaces import DCTERMS, KG, RDF, SDO
from kg.vocab.model import Vocabulary
from kg.vocab.text import tokens

ReasonKind = Literal["page", "text"]
Triple = tuple[Node, Node, Node]


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a tag was given: a page topic, or a label found in the title or abstract."""

    kind: ReasonKind
    label: str
    field: str | None = None
    via: str | None = None  # the deprecated concept whose label matched

    def __str__(self) -> str:
        said = (
            f"page topic “{self.label}”"
            if self.kind == "page"
            else (f"“{self.label}” in the {self.field}")
        )
        return said + (f" (via deprecated {self.via})" if self.via else "")


@dataclass(frozen=True, slots=True)
class Tag:
    """One topic of a record (a live concept) and every reason it was given."""

    concept: str
    reasons: tuple[Reason, ...]


# A page topic (kind, label, None, None) or a label found in a field (kind, label, field, iri).
_Why = tuple[ReasonKind, str, str | None, str | None]


class Tagger:
    """Matches page topics and texts against the labels of the concepts of some schemes.

    Holds only plain dicts (no graphs), so it pickles cheaply into build worker processes.
    """

    def __init__(self, vocab: Vocabulary, schemes: Collection[str] | None = None) -> None:
        self._successor = {iri: vocab.successor(iri) for iri in vocab.concepts}
        # label tokens → (concept, the label as the specialist wrote it)
        self._index: dict[tuple[str, ...], tuple[str, str]] = {}
        for iri in sorted(vocab.concepts):
            concept = vocab.concepts[iri]
            if schemes is not None and not set(concept.schemes) & set(schemes):
                continue
            for label in concept.labels:
                key = tokens(label.text)
                if key:
                    self._index.setdefault(key, (iri, label.text))
        # Label length by first word: most words start no label, so one lookup rules them out.
        self._longest: dict[str, int] = {}
        for key in self._index:
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
        self._firsts = frozenset(self._longest)
        self._forget()

    def _forget(self) -> None:
        # What was found for each input: a build has few distinct page topics and matched
        # labels, and asks about them for every record.
        self._found: dict[str, str | None] = {}  # label → concept_for(label)
        self._given: dict[_Why, tuple[str, Reason] | None] = {}  # → (live concept, reason)

    def __getstate__(self) -> dict[str, object]:
        # Workers get the index, not what this process happened to remember.
        state = dict(self.__dict__)
        del state["_found"], state["_given"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._forget()

    def successor(self, iri: str) -> str | None:
        """The live concept that stands for `iri` (itself unless deprecated), or None."""
        return self._successor.get(iri)

    def concept_for(self, label: str) -> str | None:
        """The concept one of whose labels is `label` (case and spacing ignored)."""
        remembered = self._found
        if label in remembered:
            return remembered[label]
        found = self._index.get(tokens(label))
        if len(remembered) >= _MEMO:
            remembered.clear()
        concept = remembered[label] = found[0] if found else None
        return concept

    def tags(self, page_topics: Iterable[str], title: str, abstract: str | None) -> tuple[Tag, ...]:
        """The tags of one record, one per live concept, in concept order."""
        found: dict[str, list[Reason]] = {}
        for topic in page_topics:
            self._add(found, ("page", topic, None, None))
        for field, text in (("title", title), ("abstract", abstract or "")):
            for iri, label in self.matches(text):
                self._add(found, ("text", label, field, iri))
        return tuple(Tag(iri, _distinct(found[iri])) for iri in sorted(found))

    def matches(self, text: str) -> list[tuple[str, str]]:
        """(concept, label) for each whole-word label match, the longest at each place."""
        words = tokens(text)
        firsts = self._firsts.intersection(words)
        if not firsts:  # many texts: no word of theirs starts a label
            return []
        index, longest, count = self._index, self._longest, len(words)  # locals: hot loop
        out: list[tuple[str, str]] = []
        after = 0  # where the last match ended: the next one starts there or later
        for start in [i for i, word in enumerate(words) if word in firsts]:
            if start < after:
                continue
            size = min(longest[words[start]], count - start)
            while size:
                hit = index.get(words[start : start + size])
                if hit is not None:
                    out.append(hit)
                    after = start + size
                    break
                size -= 1
        return out

    def _add(self, found: dict[str, list[Reason]], why: _Why) -> None:
        try:
            given = self._given[why]
        except KeyError:
            given = self._give(why)
        if given is not None:
            found.setdefault(given[0], []).append(given[1])

    def _give(self, why: _Why) -> tuple[str, Reason] | None:
        """The live concept a page topic or a match tags, and the reason (remembered)."""
        kind, label, field, iri = why
        if kind == "page":
            iri = self.concept_for(label)
        live = self.successor(iri) if iri is not None else None
        given = None
        if iri is not None and live is not None:
            given = (live, Reason(kind, label, field, _short(iri) if live != iri else None))
        if len(self._given) >= _MEMO:
            self._given.clear()
        self._given[why] = given
        return given


def _distinct(reasons: list[Reason]) -> tuple[Reason, ...]:
    """The reasons in order, each once (most tags have one)."""
    return (reasons[0],) if len(reasons) == 1 else tuple(dict.fromkeys(reasons))


def _short(iri: str) -> str:
    return "/".join(iri.rsplit("/", 2)[-2:])


# The terms tag_triples writes, made once: rdflib makes (and checks) a new URIRef on every
# namespace attribute access, and a Literal costs more; tags are written for every record.
_SUBJECT, _ABOUT, _TAG, _TYPE = DCTERMS.subject, SDO.about, KG.tag, RDF.type
_TAG_CLASS, _CONCEPT, _REASON, _WHY = KG.Tag, KG.concept, KG.reason, KG.why
_KINDS = {"page": KG.PageTopic, "text": KG.TextMatch}
_MEMO = 50_000  # labels, concepts and reasons remembered (a vocabulary has far fewer)
_concepts: dict[str, tuple[URIRef, str]] = {}
_whys: dict[Reason, RdfLiteral] = {}


def tag_triples(work: URIRef, tags: Iterable[Tag]) -> list[Triple]:
    """`dcterms:subject`/`schema:about` per tag, and a `kg:Tag` node saying why it was given.

    The tag node is `{work}#tag-{concept key}`: deterministic, so dumps stay byte-identical.
    """
    out: list[Triple] = []
    for tag in tags:
        concept, key = _concept(tag.concept)
        node = URIRef(f"{work}#tag-{key}")
        out += [
            (work, _SUBJECT, concept),
            (work, _ABOUT, concept),
            (work, _TAG, node),
            (node, _TYPE, _TAG_CLASS),
            (node, _CONCEPT, concept),
        ]
        for reason in tag.reasons:
            out.append((node, _REASON, _KINDS[reason.kind]))
            out.append((node, _WHY, _why(reason)))
    return out


def _concept(iri: str) -> tuple[URIRef, str]:
    found = _concepts.get(iri)
    if found is None:
        if len(_concepts) >= _MEMO:
            _concepts.clear()
        found = _concepts[iri] = (URIRef(iri), iri.rsplit("/", 1)[-1])
    return found


def _why(reason: Reason) -> RdfLiteral:
    found = _whys.get(reason)
    if found is None:
        if len(_whys) >= _MEMO:
            _whys.clear()
        found = _whys[reason] = RdfLiteral(str(reason), lang="en")
    return found

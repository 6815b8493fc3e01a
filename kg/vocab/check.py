"""`kg vocab check`: SKOS integrity, qSKOS-style quality checks and the SKOS profile shape.

Each problem is one line a specialist can act on: `file:line: concept: what — fix`.
Integrity conditions: https://www.w3.org/TR/skos-reference/#L1567 (S13, S14, S27);
quality checks after qSKOS (https://github.com/cmader/qSKOS/wiki/Quality-Issues).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from rdflib import BNode, URIRef

from kg.vocab.model import Vocabulary
from kg.vocab.text import label_key

Severity = Literal["error", "warning"]
_BLANK = re.compile(r"^[^#\"]*(\[|_:)")  # `[` or `_:` before any comment or string


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding, located at a file and line, with what to do about it."""

    severity: Severity
    file: str
    line: int
    concept: str
    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.concept}: {self.what} — {self.fix}"


@dataclass(frozen=True, slots=True)
class _Finding:
    iri: str
    what: str
    fix: str
    severity: Severity = "error"
    # Text on the offending line, to point at it; with several, the last of those lines.
    needle: str | tuple[str, ...] | None = None
    link: str | None = None  # the IRI a faulty link points to: the problem is on that line


Check = Callable[[Vocabulary], Iterator[_Finding]]


def check_vocabulary(vocab: Vocabulary, id_base: str) -> list[Problem]:
    """Every problem of a vocabulary, errors first, each in file and line order."""
    from kg.vocab.profile import profile_findings

    findings = [f for check in CHECKS for f in check(vocab)]
    for iri, what, fix, severity, needle in profile_findings(vocab):
        level: Severity = "warning" if severity == "warning" else "error"
        findings.append(_Finding(iri, what, fix, level, needle))
    problems = {_locate(vocab, f, id_base) for f in findings}
    problems.update(_blank_nodes(vocab, id_base))
    return sorted(problems, key=lambda p: (p.severity != "error", p.file, p.line, p.what))


def _blank_nodes(vocab: Vocabulary, id_base: str) -> Iterator[Problem]:
    """Blank nodes get random labels when loaded, which would make the dumps differ per build."""
    for vocab_file in vocab.files:
        for s, _, o in vocab_file.graph:
            if isinstance(s, BNode) or isinstance(o, BNode):
                owner = s if isinstance(s, URIRef) else None
                line = next(
                    (n for n, text in enumerate(vocab_file.lines, 1) if _BLANK.search(text)),
                    1,
                )
                yield Problem(
                    "error",
                    str(vocab_file.path),
                    line,
                    str(owner).removeprefix(id_base) if owner else "-",
                    "a blank node ([ … ] or _:x)",
                    "name the resource with an IRI such as <topic/…#part>",
                )
                break


def _locate(vocab: Vocabulary, finding: _Finding, id_base: str) -> Problem:
    vocab_file = vocab.file_of(finding.iri)
    needles = (finding.needle,) if isinstance(finding.needle, str | None) else finding.needle
    if finding.link is not None:
        line = vocab_file.line_of_link(finding.iri, finding.link, id_base)
    else:
        line = max(vocab_file.line_of(finding.iri, needle) for needle in needles)
    return Problem(
        finding.severity,
        str(vocab_file.path),
        line,
        finding.iri.removeprefix(id_base),
        finding.what.replace(id_base, ""),
        finding.fix.replace(id_base, ""),
    )


def _one_pref_label_per_language(vocab: Vocabulary) -> Iterator[_Finding]:
    for concept in vocab.concepts.values():
        by_lang: dict[str | None, list[str]] = defaultdict(list)
        for label in concept.labels:
            if label.kind == "pref":
                by_lang[label.lang].append(label.text)
        for lang, texts in by_lang.items():
            if len(texts) > 1:
                shown = ", ".join(f'"{t}"' for t in texts)
                yield _Finding(
                    concept.iri,
                    f"{len(texts)} prefLabels in language {lang or 'none'} ({shown})",
                    "keep one prefLabel per language and make the others altLabels",
                    needle=tuple(f'"{t}"' for t in texts),
                )
        if not by_lang:
            yield _Finding(concept.iri, "no prefLabel", 'add skos:prefLabel "…"@en')


def _disjoint_labels(vocab: Vocabulary) -> Iterator[_Finding]:
    for concept in vocab.concepts.values():
        kinds: dict[tuple[str, str | None], set[str]] = defaultdict(set)
        for label in concept.labels:
            kinds[(label.text, label.lang)].add(label.kind)
        for (text, _), found in kinds.items():
            if len(found) > 1:
                yield _Finding(
                    concept.iri,
                    f'"{text}" is both {" and ".join(sorted(found))} label',
                    "keep the label under one of prefLabel, altLabel, hiddenLabel",
                    needle=f'"{text}"',
                )


def _language_tags(vocab: Vocabulary) -> Iterator[_Finding]:
    for concept in vocab.concepts.values():
        for label in concept.labels:
            if label.lang is None:
                yield _Finding(
                    concept.iri,
                    f'{label.kind}Label "{label.text}" has no language tag',
                    f'write "{label.text}"@en',
                    "warning",
                    f'"{label.text}"',
                )


def _in_scheme(vocab: Vocabulary) -> Iterator[_Finding]:
    for concept in vocab.concepts.values():
        if not concept.schemes:
            yield _Finding(concept.iri, "in no scheme", "add skos:inScheme <vocab/…>")
        for scheme in concept.schemes:
            if scheme not in vocab.schemes:
                yield _Finding(
                    concept.iri,
                    f"inScheme {scheme} is not a skos:ConceptScheme",
                    "name a scheme declared `a skos:ConceptScheme`",
                )


def _links_resolve(vocab: Vocabulary) -> Iterator[_Finding]:
    for concept in vocab.concepts.values():
        links = [("broader", i) for i in concept.broader]
        links += [("narrower", i) for i in concept.narrower]
        links += [("related", i) for i in concept.related]
        links += [("isReplacedBy", i) for i in concept.replaced_by]
        for name, target in links:
            if target not in vocab.concepts:
                near = _nearest(target, vocab.concepts)
                hint = f"did you mean <{near}>? " if near else ""
                yield _Finding(
                    concept.iri,
                    f"{name} {target} is not a concept",
                    f"{hint}correct the IRI, or declare it `a skos:Concept`",
                    link=target,
                )


NEAR_MISS = 0.8  # difflib ratio of the IRIs' last segments: one or two letters off


def _nearest(iri: str, known: Iterable[str]) -> str | None:
    """The known concept whose IRI is a near miss of `iri` (a typo), if there is one."""
    namespace, _, name = iri.rpartition("/")
    names = {k.rpartition("/")[2]: k for k in known if k.rpartition("/")[0] == namespace}
    close = difflib.get_close_matches(name, names, n=1, cutoff=NEAR_MISS)
    return names[close[0]] if close else None


def _ancestors(vocab: Vocabulary, iri: str) -> set[str]:
    seen: set[str] = set()
    stack = list(vocab.concepts[iri].broader) if iri in vocab.concepts else []
    while stack:
        current = stack.pop()
        if current in seen or current not in vocab.concepts:
            continue
        seen.add(current)
        stack.extend(vocab.concepts[current].broader)
    return seen


def _ancestor_map(vocab: Vocabulary) -> dict[str, set[str]]:
    return {iri: _ancestors(vocab, iri) for iri in vocab.concepts}


def _cycles(vocab: Vocabulary) -> Iterator[_Finding]:
    above = _ancestor_map(vocab)
    reported: set[frozenset[str]] = set()
    for iri in vocab.concepts:
        if iri not in above[iri]:
            continue
        # The cycle through `iri`: concepts both above and below it.
        members = frozenset(a for a in above[iri] if iri in above.get(a, ()))
        if members in reported:
            continue
        reported.add(members)
        yield _Finding(
            min(members),
            f"broader/narrower cycle among {', '.join(sorted(members))}",
            "remove one skos:broader (or skos:narrower) link so the hierarchy is a tree",
            needle="skos:broader",
        )


def _related_clash(vocab: Vocabulary) -> Iterator[_Finding]:
    above = _ancestor_map(vocab)
    for concept in vocab.concepts.values():
        for other in concept.related:
            if other in above[concept.iri] or concept.iri in above.get(other, ()):
                yield _Finding(
                    concept.iri,
                    f"related to {other}, which is also in its hierarchy",
                    "drop the skos:related link (S27: related is disjoint with broader)",
                    needle="skos:related",
                )


def _hierarchy(vocab: Vocabulary) -> Iterator[_Finding]:
    for concept in vocab.concepts.values():
        if concept.deprecated:
            continue
        if not (concept.broader or concept.narrower or concept.top_of):
            yield _Finding(
                concept.iri,
                "orphan: no broader, no narrower and not a top concept",
                "add skos:broader <topic/…> (or skos:topConceptOf the scheme)",
            )
        for scheme in concept.top_of:
            same = [b for b in concept.broader if scheme in vocab.concepts[b].schemes]
            if same and scheme in vocab.schemes:
                yield _Finding(
                    concept.iri,
                    f"top concept of {scheme} with a broader concept {same[0]}",
                    "drop skos:topConceptOf or the skos:broader link",
                    needle="skos:broader",
                )


def _reachable(vocab: Vocabulary) -> Iterator[_Finding]:
    seen: set[str] = set()
    stack = [t for scheme in vocab.schemes.values() for t in scheme.tops]
    while stack:
        current = stack.pop()
        if current in seen or current not in vocab.concepts:
            continue
        seen.add(current)
        stack.extend(vocab.concepts[current].narrower)
    for concept in vocab.concepts.values():
        linked = concept.broader or concept.narrower
        if concept.iri not in seen and not concept.deprecated and linked:
            yield _Finding(
                concept.iri,
                "unreachable from the scheme's top concepts",
                "link it under a concept that is in the tree",
                "warning",
            )


def _shared_labels(vocab: Vocabulary) -> Iterator[_Finding]:
    owners: dict[str, set[str]] = defaultdict(set)
    for concept in vocab.concepts.values():
        for label in concept.labels:
            owners[label_key(label.text)].add(concept.iri)
    for key, iris in sorted(owners.items()):
        live = {vocab.successor(i) or i for i in iris}
        if len(live) < 2:
            continue
        for iri in sorted(iris)[1:]:
            text = next(lb.text for lb in vocab.concepts[iri].labels if label_key(lb.text) == key)
            yield _Finding(
                iri,
                f'label "{text}" is also a label of {sorted(iris)[0]}',
                "give each label to one concept only (tagging cannot tell them apart)",
                needle=f'"{text}"',
            )


def _deprecation(vocab: Vocabulary) -> Iterator[_Finding]:
    for concept in vocab.concepts.values():
        if concept.deprecated and vocab.successor(concept.iri) is None:
            yield _Finding(
                concept.iri,
                "deprecated without a live successor: its works lose this topic",
                "add dcterms:isReplacedBy <topic/…> naming a concept that is not deprecated",
                "warning",
            )
        elif concept.replaced_by and not concept.deprecated:
            yield _Finding(
                concept.iri,
                "has dcterms:isReplacedBy but is not deprecated",
                "add owl:deprecated true",
            )


def _empty_schemes(vocab: Vocabulary) -> Iterator[_Finding]:
    used = {s for c in vocab.concepts.values() for s in c.schemes}
    for scheme in vocab.schemes.values():
        if scheme.iri not in used:
            yield _Finding(scheme.iri, "empty scheme", "add concepts or remove it", "warning")


CHECKS: tuple[Check, ...] = (
    _one_pref_label_per_language,
    _disjoint_labels,
    _language_tags,
    _in_scheme,
    _links_resolve,
    _cycles,
    _related_clash,
    _hierarchy,
    _reachable,
    _shared_labels,
    _deprecation,
    _empty_schemes,
)

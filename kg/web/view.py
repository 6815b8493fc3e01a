"""Turns a Description into plain values the HTML templates show (no RDF in templates)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import pyoxigraph as ox

from kg.catalogue import Agent
from kg.labels import DATES, LABELS
from kg.store import Description, Related, Term, text
from kg.web import fields as F
from kg.web.parts import JournalRef, is_periodical_part, journal_of


@dataclass(frozen=True, slots=True)
class Link:
    """A value on a page: a link when `href` is set, plain text otherwise."""

    label: str
    href: str | None = None
    note: str | None = None  # e.g. the year of a linked work
    lang: str | None = None
    by: tuple[Agent, ...] = ()  # the authors of a linked work, when a list shows them


@dataclass(frozen=True, slots=True)
class Section:
    """A paged list of the things that link to the resource."""

    heading: str
    total: int
    items: tuple[Link, ...]
    first: int  # 1-based position of the first item on this page
    newest_first: bool


@dataclass(slots=True)
class Page:
    """Everything a resource page shows."""

    iri: str
    type_: str
    kind: str
    label: str
    lang: str | None = None
    abstract: list[Link] = field(default_factory=list)
    fields: list[tuple[str, list[Link]]] = field(default_factory=list)
    more: list[tuple[str, list[Link]]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    related: list[tuple[str, list[Link]]] = field(default_factory=list)
    deprecated: bool = False
    types: list[str] = field(default_factory=list)
    journal: JournalRef | None = None  # an article's periodical, volume, issue and pages

    def values(self, heading: str) -> list[Link]:
        return next((v for name, v in self.fields if name == heading), [])


class Labels:
    """Labels and years of every resource a description mentions."""

    def __init__(self, triples: Iterable[ox.Triple], lang: str, local: str = "") -> None:
        self._labels: dict[str, tuple[int, str]] = {}
        # IRIs on our own base that kg does not serve (a build activity) are shown as text.
        self._local, self._served = local, (local + "id/", local + "doc/")
        self.years: dict[str, str] = {}
        for t in triples:
            subject = text(t.subject)
            if t.predicate in LABELS and isinstance(t.object, ox.Literal):
                rank = LABELS.index(t.predicate) * 2 + (t.object.language not in (None, lang))
                if subject not in self._labels or rank < self._labels[subject][0]:
                    self._labels[subject] = (rank, t.object.value)
            elif t.predicate in DATES and isinstance(t.object, ox.Literal):
                self.years.setdefault(subject, t.object.value[:4])

    def label(self, iri: str) -> str:
        found = self._labels.get(iri)
        return found[1] if found else iri.rstrip("/").rsplit("/", 1)[-1]

    def link(self, term: Term, note: bool = False) -> Link:
        if isinstance(term, ox.Literal):
            return Link(term.value, lang=term.language)
        iri = text(term)
        served = not (self._local and iri.startswith(self._local)) or iri.startswith(self._served)
        return Link(self.label(iri), iri if served else None, self.years.get(iri) if note else None)


def build_page(
    d: Description,
    type_: str,
    lang: str,
    related: list[tuple[str, list[Related]]],
    base: str = "",
) -> Page:
    """The page model of a described resource (`base`: the IRI base kg serves)."""
    labels = Labels((*d.own, *d.context), lang, base)
    iri = d.iri.value
    own = [t for t in d.own if t.subject == d.iri]
    types = [text(t.object) for t in own if t.predicate == F.TYPE]
    label = _best_label(own, lang) or Link(labels.label(iri))
    page = Page(iri, type_, F.kind_of(types) or type_.capitalize(), label.label, label.lang)
    page.types = types
    page.deprecated = any(t.predicate == F.DEPRECATED and text(t.object) == "true" for t in own)
    page.abstract = _dedupe(labels.link(t.object) for t in own if t.predicate in F.ABSTRACTS)
    page.fields, page.more = _fields(d, own, labels, type_)
    page.journal = journal_of(d)
    if page.journal is not None:
        page.fields = _with_journal(page.fields, page.journal, d)
    page.sections = _sections(d, type_, labels)
    page.related = [
        (
            heading,
            [Link(r.label, r.iri.value, f"{r.works} works" if r.works > 1 else None) for r in rows],
        )
        for heading, rows in related
        if rows
    ]
    return page


def _best_label(own: list[ox.Triple], lang: str) -> Link | None:
    literals = [
        (LABELS.index(t.predicate), t.object.language not in (None, lang), t.object)
        for t in own
        if t.predicate in LABELS and isinstance(t.object, ox.Literal)
    ]
    if not literals:
        return None
    best = min(literals, key=lambda x: (x[0], x[1]))[2]
    return Link(best.value, lang=best.language)


def _fields(
    d: Description, own: list[ox.Triple], labels: Labels, type_: str
) -> tuple[list[tuple[str, list[Link]]], list[tuple[str, list[Link]]]]:
    shown: set[ox.NamedNode] = set(F.HIDDEN) | (F.PANEL if type_ in F.PANEL_TYPES else set())
    rows: list[tuple[str, list[Link]]] = []
    for heading, predicates in F.FIELDS:
        shown.update(predicates)
        values = [t.object for t in own if t.predicate in predicates]
        if heading not in F.UNION_ROWS:  # equivalent predicates: the first one that has values
            first = next((p for p in predicates if any(t.predicate == p for t in own)), None)
            values = [t.object for t in own if t.predicate == first]
        links = _dedupe(labels.link(v) for v in values if not isinstance(v, ox.BlankNode))
        if heading == "Authors":
            links = _ordered_authors(d, labels) or links
        elif heading == "Editors":
            links = _ordered_authors(d, labels, F.EDITOR_LIST) or links
        if links:
            rows.append((F.heading_for(heading, type_), links))
    more: dict[str, list[Link]] = {}
    for t in own:
        if t.predicate not in shown and not isinstance(t.object, ox.BlankNode):
            more.setdefault(F.curie(t.predicate.value), []).append(labels.link(t.object))
    return rows, sorted((k, _dedupe(v)) for k, v in more.items())


def _with_journal(
    rows: list[tuple[str, list[Link]]], journal: JournalRef, d: Description
) -> list[tuple[str, list[Link]]]:
    """ "Part of" names the article's journal, volume and issue, linked to the periodical,
    instead of the raw issue or volume IRI."""
    line = Link(journal.line(), journal.iri)
    out = []
    for heading, links in rows:
        if heading == "Part of":
            links = [line] + [
                link
                for link in links
                if not link.href or not is_periodical_part(d, ox.NamedNode(link.href))
            ]
        out.append((heading, links))
    return out


def _ordered_authors(
    d: Description, labels: Labels, sequence: ox.NamedNode = F.AUTHOR_LIST
) -> list[Link]:
    """Authors (or editors) in printed order, from a bibo:authorList (editorList) or
    schema.org Roles with positions."""
    by_subject: dict[str, dict[ox.NamedNode, list[Term]]] = {}
    for t in d.own:
        by_subject.setdefault(text(t.subject), {}).setdefault(t.predicate, []).append(t.object)
    mine = by_subject.get(d.iri.value, {})
    for head in mine.get(sequence, []):
        ordered = _members(by_subject, head, labels)
        if ordered:
            return ordered
    if sequence != F.AUTHOR_LIST:
        return []
    roles = []
    for predicate in F.CREATORS:
        for role in mine.get(predicate, []):
            props = by_subject.get(text(role), {}) if isinstance(role, ox.BlankNode) else {}
            position = props.get(F.POSITION)
            agents = [
                v for p in F.CREATORS for v in props.get(p, []) if isinstance(v, ox.NamedNode)
            ]
            if position and agents:
                roles.append((int(text(position[0])), labels.link(agents[0])))
    return [link for _, link in sorted(roles, key=lambda r: r[0])]


def _members(
    by_subject: dict[str, dict[ox.NamedNode, list[Term]]], head: Term, labels: Labels
) -> list[Link]:
    """The members of an rdf:Seq (rdf:_1, rdf:_2 …) or an rdf:List (first/rest), in order."""
    props = by_subject.get(text(head), {})
    numbered = [
        (int(p.value.rsplit("_", 1)[1]), v)
        for p, values in props.items()
        if F.is_member(p)
        for v in values
    ]
    if numbered:
        return [labels.link(v) for _, v in sorted(numbered, key=lambda m: m[0])]
    ordered: list[Link] = []
    node: Term | None = head
    for _ in range(1000):
        props = by_subject.get(text(node), {}) if node is not None else {}
        if F.FIRST not in props:
            break
        ordered += [labels.link(v) for v in props[F.FIRST]]
        rest = props.get(F.REST)
        node = rest[0] if rest else None
    return ordered


def _sections(d: Description, type_: str, labels: Labels) -> list[Section]:
    sections: list[Section] = []
    # Container membership (an author Seq) is shown as the authors, not as a section.
    used: set[ox.NamedNode] = {g.predicate for g in d.inverse if F.is_member(g.predicate)}
    # An inverse group that only repeats what the record already links to (skos:narrower back
    # to the broader topic shown above) adds nothing.
    linked = {t.object for t in d.own if t.subject == d.iri and t.predicate not in F.HIDDEN}
    used |= {g.predicate for g in d.inverse if g.subjects and set(g.subjects) <= linked}
    # Fragments of other records (a work's `#tag-…` reasons) are part of those records' pages.
    used |= {
        g.predicate for g in d.inverse if g.subjects and all("#" in s.value for s in g.subjects)
    }
    first = (d.page - 1) * d.page_size + 1
    for predicates, headings in F.INVERSE:
        groups = [g for g in d.inverse if g.predicate in predicates and g.predicate not in used]
        used.update(g.predicate for g in groups)
        if groups:
            g = max(groups, key=lambda g: (g.total, -predicates.index(g.predicate)))
            heading = headings.get(type_, headings["*"])
            items = tuple(labels.link(s, note=True) for s in g.subjects)
            sections.append(Section(heading, g.total, items, first, g.newest_first))
    for g in d.inverse:
        if g.predicate not in used and g.predicate not in F.INVERSE_HIDDEN:
            items = tuple(labels.link(s, note=True) for s in g.subjects)
            heading = f"Linked through {F.curie(g.predicate.value)}"
            sections.append(Section(heading, g.total, items, first, g.newest_first))
    return sections


def with_authors(sections: list[Section], authors: dict[str, tuple[Agent, ...]]) -> list[Section]:
    """The sections with the authors of the works they list (`authors` by work IRI)."""
    return [
        replace(s, items=tuple(replace(i, by=authors.get(i.href or "", ())) for i in s.items))
        for s in sections
    ]


def _dedupe(links: Iterable[Link]) -> list[Link]:
    seen: dict[tuple[str, str | None], Link] = {}
    for link in links:
        seen.setdefault((link.label, link.href), link)
    return list(seen.values())

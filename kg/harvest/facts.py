"""What a bibliographic record says about a work, read from its graph: the one input of the
MARC 21 and Dublin Core mappings (pure: a `WorkGraph` and a `Lookup` in, `WorkFacts` out).

Every text is stripped of the characters XML forbids here, at mapping time, and counted, so
that one bad record can never break a harvest and the build can say which record had them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any
from urllib.parse import unquote

from kg.harvest.graph import LABELS, TYPE, Lookup, WorkGraph, first_text
from kg.harvest.terms import Lit, Term
from kg.harvest.xmlsafe import clean
from kg.namespaces import BIBO, DCTERMS, KG, RDF, SDO, SKOS

KINDS = {str(SDO.ScholarlyArticle): "article", str(SDO.Book): "book", str(SDO.Report): "report"}
# The predicates read, as strings once (rdflib makes a new term on every attribute access).
_TITLE, _ABSTRACT, _ISSUED = str(DCTERMS.title), str(DCTERMS.abstract), str(DCTERMS.issued)
_EXTENT, _CREATOR, _PUBLISHER = str(DCTERMS.extent), str(DCTERMS.creator), str(DCTERMS.publisher)
_SUBJECT, _SPATIAL, _PART_OF = str(DCTERMS.subject), str(DCTERMS.spatial), str(DCTERMS.isPartOf)
_REPORT_NUMBER, _EDITOR, _CONTRIBUTOR = str(SDO.reportNumber), str(SDO.editor), str(SDO.contributor)
_LOCATION, _POSITION, _PAGINATION = str(SDO.locationCreated), str(SDO.position), str(SDO.pagination)
_SAME_AS, _SDO_PART_OF, _SDO_NAME = str(SDO.sameAs), str(SDO.isPartOf), str(SDO.name)
_ISSUE, _VOLUME = str(SDO.issueNumber), str(SDO.volumeNumber)
_EDITION, _AUTHOR_LIST = str(BIBO.edition), str(BIBO.authorList)
_INFERRED, _CONCEPT, _REASON = str(KG.inferredPublisher), str(KG.concept), str(KG.reason)
_PAGE_TOPIC = str(KG.PageTopic)
_PREF_LABEL, _TOP_OF, _BROADER = str(SKOS.prefLabel), str(SKOS.topConceptOf), str(SKOS.broader)
_PERSON, _ORGANIZATION = str(SDO.Person), str(SDO.Organization)
_SERIES, _PERIODICAL = str(SDO.CreativeWorkSeries), str(SDO.Periodical)
_MEMBER = re.compile(re.escape(str(RDF)) + r"_(\d+)$")
# A set spec is `([A-Za-z0-9\-_\.!~\*'\(\)])+` per level (OAI-PMH schema): keys that fit it.
SET_KEY = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+$")


@dataclass(frozen=True, slots=True)
class Agent:
    """A contributor: name, kind, role, kg IRI and authority IDs (`schema:sameAs`)."""

    iri: str
    name: str
    kind: str  # person | organization
    role: str  # author | editor | contributor
    authority: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Named:
    """A linked thing shown by name: a publisher, a series, a subject heading."""

    iri: str
    name: str
    number: str = ""  # a series number
    inferred: bool = False  # a publisher implied by the report number, not printed


@dataclass(frozen=True, slots=True)
class Host:
    """The journal an article appeared in, with volume, issue and pages."""

    iri: str
    title: str
    volume: str = ""
    issue: str = ""
    pages: str = ""


@dataclass(frozen=True, slots=True)
class WorkFacts:
    """The record of one work, every text XML-safe; `removed` counts what was stripped."""

    iri: str
    key: str
    kind: str  # report | book | article | work
    title: str
    language: str
    abstract: str = ""
    year: str = ""
    extent: str = ""
    report_number: str = ""
    edition: str = ""
    agents: tuple[Agent, ...] = ()
    publishers: tuple[Named, ...] = ()
    places: tuple[str, ...] = ()
    series: tuple[Named, ...] = ()
    host: Host | None = None
    topics: tuple[Named, ...] = ()
    subject_places: tuple[Named, ...] = ()
    sets: tuple[str, ...] = ()
    set_names: tuple[tuple[str, str], ...] = ()
    removed: int = field(default=0, compare=False)

    def canonical(self) -> str:
        """A stable text form (for the record's digest): every field but `removed`, each
        dataclass as the list of its field values (JSON writes tuples as lists)."""
        return _JSON.encode(_WORK_FIELDS(self))


def _field_values(value: Any) -> tuple[Any, ...]:
    """A nested dataclass (an agent, a heading, the host) as the tuple of its field values:
    the JSON encoder asks for it only for the objects it cannot write itself."""
    return _FIELD_VALUES[type(value)](value)


_FIELD_VALUES = {kind: attrgetter(*(f.name for f in fields(kind))) for kind in (Agent, Named, Host)}
_WORK_FIELDS = attrgetter(*(f.name for f in fields(WorkFacts) if f.name != "removed"))
# One encoder for every work: `json.dumps` with options builds a new one per call. The nested
# dataclasses go through `default`, in C otherwise (no copy of the facts as lists first).
_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False, default=_field_values)


class _Cleaner:
    """Strips XML-illegal characters and counts them."""

    def __init__(self) -> None:
        self.removed = 0

    def __call__(self, value: str) -> str:
        cleaned, removed = clean(value)
        self.removed += removed
        return cleaned


def work_facts(graph: WorkGraph, lookup: Lookup, id_base: str) -> WorkFacts:
    """The facts of one work's record."""
    iri, safe = graph.iri, _Cleaner()
    mine = _Own(graph)
    title = mine.literal(_TITLE)
    language = title.lang if title is not None else ""
    kind = next((KINDS[t] for t in mine.iris(TYPE) if t in KINDS), "work")
    series = _series(graph, mine, safe)  # read once: for the record and for its OAI set
    sets, set_names = _sets(graph, lookup, id_base, kind, safe, series)
    return WorkFacts(
        iri=iri,
        key=unquote(iri.rsplit("/", 1)[-1]),
        kind=kind,
        title=safe(title.value if title else ""),
        language=language,
        abstract=safe(mine.text(_ABSTRACT, language)),
        year=safe(mine.text(_ISSUED)[:4]),
        extent=safe(mine.text(_EXTENT)),
        report_number=safe(mine.text(_REPORT_NUMBER)),
        edition=safe(mine.text(_EDITION)),
        agents=_agents(graph, mine, lookup, safe),
        publishers=_publishers(graph, mine, safe),
        places=tuple(safe(_label(graph, p)) for p in mine.iris(_LOCATION)),
        series=series,
        host=_host(graph, mine, lookup, safe),
        topics=_headings(graph, mine.iris(_SUBJECT), language, safe),
        subject_places=_headings(graph, mine.iris(_SPATIAL), language, safe),
        sets=sets,
        set_names=set_names,
        removed=safe.removed,
    )


class _Own:
    """Reads the work's own values by predicate."""

    def __init__(self, graph: WorkGraph) -> None:
        self._graph = graph

    def iris(self, predicate: str, subject: str | None = None) -> list[str]:
        values = self._graph.values(subject or self._graph.iri, predicate)
        return [v for v in values if isinstance(v, str)]

    def literal(self, predicate: str, lang: str = "") -> Lit | None:
        literals = [v for v in self._graph.values(self._graph.iri, predicate) if isinstance(v, Lit)]
        for wanted in (lang, "en", ""):
            for lit in literals:
                if lit.lang == wanted:
                    return lit
        return literals[0] if literals else None

    def text(self, predicate: str, lang: str = "") -> str:
        found = self.literal(predicate, lang)
        return found.value if found else ""


def _context(graph: WorkGraph, node: str, predicate: str) -> list[Term]:
    return graph.values(node, predicate)


def _label(graph: WorkGraph, node: str, lang: str = "") -> str:
    for predicate in LABELS:
        labels = graph.values(node, predicate)
        if labels:
            return first_text(labels, lang) or node
    return node


def _agents(graph: WorkGraph, mine: _Own, lookup: Lookup, safe: _Cleaner) -> tuple[Agent, ...]:
    """Authors in author order (the `bibo:authorList` sequence), then editors, then others."""
    authors: list[str] = []
    for seq in mine.iris(_AUTHOR_LIST):
        members = [(p, o) for s, p, o in graph.own if s == seq and isinstance(o, str)]
        numbered = sorted((int(m.group(1)), o) for p, o in members if (m := _MEMBER.match(p)))
        authors += [o for _, o in numbered if o not in authors]
    authors += sorted(set(mine.iris(_CREATOR)) - set(authors), key=str)
    editors = sorted(set(mine.iris(_EDITOR)) - set(authors))
    others = sorted(set(mine.iris(_CONTRIBUTOR)) - set(authors) - set(editors))
    out = []
    for role, nodes in (("author", authors), ("editor", editors), ("contributor", others)):
        for node in nodes:
            types = _context(graph, node, TYPE)
            kind = "organization" if _ORGANIZATION in types and _PERSON not in types else "person"
            ids = tuple(o for o in lookup.objects(node, _SAME_AS) if isinstance(o, str))
            out.append(Agent(node, safe(_label(graph, node)), kind, role, ids))
    return tuple(out)


def _publishers(graph: WorkGraph, mine: _Own, safe: _Cleaner) -> tuple[Named, ...]:
    inferred = set(mine.iris(_INFERRED))
    nodes = sorted(set(mine.iris(_PUBLISHER)), key=lambda n: (n in inferred, n))
    return tuple(Named(n, safe(_label(graph, n)), inferred=n in inferred) for n in nodes)


def _series(graph: WorkGraph, mine: _Own, safe: _Cleaner) -> tuple[Named, ...]:
    number = safe(mine.text(_POSITION))
    nodes = [n for n in mine.iris(_PART_OF) if _SERIES in _context(graph, n, TYPE)]
    return tuple(Named(n, safe(_label(graph, n)), number) for n in sorted(set(nodes)))


def _host(graph: WorkGraph, mine: _Own, lookup: Lookup, safe: _Cleaner) -> Host | None:
    """Walk issue → volume → periodical up `schema:isPartOf` (missing levels are skipped)."""
    volume = issue = ""
    for start in sorted(set(mine.iris(_SDO_PART_OF))):
        node: str | None = start
        for _ in range(4):
            if node is None:
                break
            types = lookup.objects(node, TYPE)
            if _PERIODICAL in types:
                title = first_text(lookup.objects(node, _SDO_NAME))
                pages = mine.text(_PAGINATION)
                return Host(node, safe(title), safe(volume), safe(issue), safe(pages))
            issue = issue or first_text(lookup.objects(node, _ISSUE))
            volume = volume or first_text(lookup.objects(node, _VOLUME))
            parents = [p for p in lookup.objects(node, _SDO_PART_OF) if isinstance(p, str)]
            node = parents[0] if parents else None
    return None


def _headings(graph: WorkGraph, nodes: list[str], lang: str, safe: _Cleaner) -> tuple[Named, ...]:
    named = {Named(n, safe(_label(graph, n, lang))) for n in nodes}
    return tuple(sorted(named, key=lambda h: (h.name.casefold(), h.iri)))


def _sets(
    graph: WorkGraph,
    lookup: Lookup,
    id_base: str,
    kind: str,
    safe: _Cleaner,
    series: tuple[Named, ...],
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The OAI sets of a work, with their names: its type, the sections (top concepts) its page
    topics fall under, and its series; each under its parent (`type`, `section`, `series`), as
    OAI-PMH set hierarchies go."""
    names: dict[str, str] = {}
    if kind != "work":
        names[f"type:{kind}"] = f"{kind.capitalize()}s"
        names["type"] = "Works by type"
    for top in _sections(graph, lookup):
        key = _key(top, id_base + "topic/")
        if key:
            label = first_text(lookup.objects(top, _PREF_LABEL), "en") or key
            names[f"section:{key}"] = f"Section: {safe(label)}"
            names["section"] = "Sections (the library's top topics)"
    for one in series:
        key = _key(one.iri, id_base + "series/")
        if key:
            names[f"series:{key}"] = f"Series: {one.name}"
            names["series"] = "Works in a series"
    specs = tuple(sorted(names))
    return specs, tuple((spec, names[spec]) for spec in specs)


def _key(iri: str, prefix: str) -> str | None:
    key = unquote(iri[len(prefix) :]) if iri.startswith(prefix) else ""
    return key if SET_KEY.match(key) else None


def _sections(graph: WorkGraph, lookup: Lookup) -> list[str]:
    """The top concepts above the work's page topics (each tag whose reason is a page topic)."""
    concepts = [
        o
        for s, p, o in graph.own
        if p == _CONCEPT and isinstance(o, str) and _PAGE_TOPIC in graph.values(s, _REASON)
    ]
    tops: set[str] = set()
    seen: set[str] = set()
    while concepts:
        concept = concepts.pop()
        if concept in seen:
            continue
        seen.add(concept)
        if lookup.objects(concept, _TOP_OF):
            tops.add(concept)
        concepts += [b for b in lookup.objects(concept, _BROADER) if isinstance(b, str)]
    return sorted(tops)

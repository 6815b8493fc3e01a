"""A work's description read as a citable Reference (kg/cite): who, what, when, where."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.cite.reference import Kind, Name, Reference, organization_name, person_name
from kg.labels import DATES, LABELS
from kg.namespaces import BIBO, SDO
from kg.store import Description, text
from kg.web import fields as F
from kg.web.parts import Properties, Value, journal_of, properties

_KINDS: tuple[tuple[ox.NamedNode, Kind], ...] = (
    (ox.NamedNode(str(SDO.ScholarlyArticle)), "article"),
    (ox.NamedNode(str(SDO.Book)), "book"),
    (ox.NamedNode(str(SDO.Report)), "report"),
)
ORGANIZATION = ox.NamedNode(str(SDO.Organization))
SERIES = ox.NamedNode(str(SDO.CreativeWorkSeries))
_P = {
    name: tuple(ox.NamedNode(str(p)) for p in predicates)
    for name, predicates in {
        "editor": (SDO.editor, BIBO.editor),
        "place": (SDO.locationCreated,),
        "part": (SDO.isPartOf,),
        "position": (SDO.position, BIBO.number),
        "report": (SDO.reportNumber,),
        "pages": (SDO.numberOfPages, BIBO.numPages),
        "edition": (SDO.bookEdition, BIBO.edition),
    }.items()
}


def reference_of(d: Description, key: str, page_url: str) -> Reference:
    """The Reference of a described work (`key`: its key; `page_url`: its HTML document)."""
    props = properties((*d.own, *d.context))
    mine = props.get(d.iri.value, {})
    title = _first_literal(mine, LABELS)
    journal = journal_of(d)
    series = next((p for p in _values(mine, _P["part"]) if SERIES in _types(props, p)), None)
    pages = _first(mine, _P["pages"])
    return Reference(
        key=key,
        kind=_kind(mine),
        title=title.value if title is not None else key,
        url=d.iri.value,
        page_url=page_url,
        authors=tuple(_name(props, a) for a in _ordered(mine, props, F.AUTHOR_LIST, F.CREATORS)),
        editors=tuple(_name(props, e) for e in _ordered(mine, props, F.EDITOR_LIST, _P["editor"])),
        year=_first(mine, DATES),
        publishers=tuple(_label(props, p) for p in _dedupe(_values(mine, F.PUBLISHERS))),
        places=tuple(_label(props, p) for p in _dedupe(_values(mine, _P["place"]))),
        journal=journal.name if journal else None,
        volume=journal.volume if journal else None,
        issue=journal.issue if journal else None,
        pages=journal.pages if journal else None,
        series=_label(props, series) if series is not None else None,
        series_number=_first(mine, _P["position"]) if series is not None else None,
        report_number=_first(mine, _P["report"]),
        page_count=int(pages) if pages and pages.isdigit() else None,
        edition=_first(mine, _P["edition"]),
        abstract=_first(mine, F.ABSTRACTS),
        language=title.language if title is not None and title.language else None,
        keywords=tuple(_label(props, s) for s in _dedupe(_values(mine, F.SUBJECTS))),
    )


def _kind(mine: dict[ox.NamedNode, list[Value]]) -> Kind:
    types = mine.get(F.TYPE, [])
    return next((kind for cls, kind in _KINDS if cls in types), "work")


def _ordered(
    mine: dict[ox.NamedNode, list[Value]],
    props: Properties,
    sequence: ox.NamedNode,
    predicates: tuple[ox.NamedNode, ...],
) -> list[Value]:
    """Authors or editors in printed order (the bibo:authorList or editorList sequence), else
    as the graph lists them."""
    for head in mine.get(sequence, []):
        members = props.get(text(head), {})
        numbered = sorted(
            (int(p.value.rsplit("_", 1)[1]), v)
            for p, values in members.items()
            if F.is_member(p)
            for v in values
        )
        if numbered:
            return [v for _, v in numbered]
    return _dedupe(_values(mine, predicates))


def _name(props: Properties, agent: Value) -> Name:
    label = _label(props, agent)
    if ORGANIZATION in _types(props, agent):
        return organization_name(label)
    return person_name(label)


def _types(props: Properties, node: Value) -> list[Value]:
    return props.get(text(node), {}).get(F.TYPE, [])


def _label(props: Properties, node: Value) -> str:
    if isinstance(node, ox.Literal):
        return node.value
    found = _first_literal(props.get(text(node), {}), LABELS)
    return found.value if found is not None else text(node)


def _values(
    mine: dict[ox.NamedNode, list[Value]], predicates: Iterable[ox.NamedNode]
) -> list[Value]:
    """The values of the first predicate that has any (equivalent predicates repeat them)."""
    for predicate in predicates:
        if mine.get(predicate):
            return mine[predicate]
    return []


def _first(mine: dict[ox.NamedNode, list[Value]], predicates: Iterable[ox.NamedNode]) -> str | None:
    values = _values(mine, predicates)
    return text(values[0]) if values else None


def _first_literal(
    mine: dict[ox.NamedNode, list[Value]], predicates: Iterable[ox.NamedNode]
) -> ox.Literal | None:
    return next((v for v in _values(mine, predicates) if isinstance(v, ox.Literal)), None)


def _dedupe(values: list[Value]) -> list[Value]:
    return list(dict.fromkeys(values))

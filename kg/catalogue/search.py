"""Search over the catalogue index: words in titles, abstracts, names, topics and places, ranked
by bm25, with filters by type, topic, place and year, and snippets of the abstract.

User text never reaches FTS5's query syntax: each word becomes a quoted string (a phrase in
double quotes stays one phrase), so `NEAR`, `*`, `-`, `:` or an unbalanced quote are words or
nothing, never operators or errors.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kg.catalogue import BY_NAME, BY_TYPE, WORK_TYPES, Listed
from kg.catalogue.read import CatalogueIndex, listed
from kg.catalogue.write import MARK_END, MARK_START
from kg.errors import BadRequest

MAX_TEXT = 200  # characters of the query looked at
MAX_TERMS = 16  # words and phrases of the query matched
MAX_PAGE = 200  # pages of results a client may ask for
SORTS = ("relevance", "title", "year")
# Kinds, each type of work after works (facets list them in this order).
TYPES = ("work", *(name for name, _, _ in WORK_TYPES), *(t for t in BY_TYPE if t != "work"))
# Column weights for bm25: title, abstract, names, topics, places (about), imprint (place of
# publication: weak evidence of what a work is about), facets (kind and type tokens: none).
_WEIGHTS = "10.0, 1.0, 4.0, 3.0, 3.0, 0.5, 0.0"
_CONTENT = "{title abstract names topics places imprint}"  # the columns words are looked for in
FACET_SCAN = 1000  # the topic facets count this many results (the first, in the page's order)
_TERM = re.compile(r'"([^"]*)"|([^\s"]+)')
_WORD = re.compile(r"\w+")
_YEARS = re.compile(r"^\s*(\d{1,4})?\s*(-)?\s*(\d{1,4})?\s*$")


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What a search asks for (parsed and checked: every value is safe to use)."""

    text: str = ""
    type: str | None = None  # a kind's IRI type (work, person…) or a work type (report…)
    topic: str | None = None  # the topic's IRI
    place: str | None = None  # the place's IRI
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    page: int = 1

    @property
    def match(self) -> str | None:
        """The FTS5 query of the text, or None when it has no words."""
        return match_expression(self.text)

    @property
    def filtered(self) -> bool:
        return any(
            v is not None for v in (self.type, self.topic, self.place, self.year_from, self.year_to)
        )

    @property
    def empty(self) -> bool:
        return self.match is None and not self.filtered


@dataclass(frozen=True, slots=True)
class Facet:
    """One value a search can be narrowed to, with how many results have it."""

    value: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of results: a typed list an export can reuse (`work_iris`)."""

    query: SearchQuery
    total: int
    hits: tuple[Listed, ...]
    first: int  # 1-based position of the first hit
    types: tuple[Facet, ...] = ()
    topics: tuple[Facet, ...] = ()
    topics_over: int = 0  # how many of the results the topic facets counted

    def work_iris(self) -> list[str]:
        """The IRIs of the works on this page, in result order."""
        return [hit.iri for hit in self.hits if hit.kind == "works"]


def match_expression(text: str) -> str | None:
    """An FTS5 query that matches every word (and every quoted phrase) of `text`, or None.

    Only word characters survive, each word inside double quotes: whatever the user typed, the
    expression is valid FTS5 syntax and means "all these words".
    """
    terms: list[str] = []
    for phrase, word in _TERM.findall(text[:MAX_TEXT]):
        words = _WORD.findall(phrase if phrase else word)
        if words:
            terms.append('"' + " ".join(words) + '"')
    return " ".join(terms[:MAX_TERMS]) or None


def parse_query(args: Mapping[str, str], entity: Callable[[str, str], str]) -> SearchQuery:
    """The search a request's parameters ask for; `entity(type, key)` makes an IRI.

    `q` may be any text; a bad filter, sort or page number is a 400 that names the parameter.
    """
    type_ = args.get("type") or None
    if type_ is not None and type_ not in TYPES:
        raise BadRequest(f"type {type_!r} is not a kind of resource", fix=f"use {_or(TYPES)}")
    sort = args.get("sort") or ("relevance" if match_expression(args.get("q", "")) else "title")
    if sort not in SORTS:
        raise BadRequest(f"sort {sort!r} is not a way to sort results", fix=f"use {_or(SORTS)}")
    page = args.get("page", "1")
    if not (page.isascii() and page.isdigit()) or not 1 <= int(page) <= MAX_PAGE:
        raise BadRequest(f"page {page!r} is not a page number", fix=f"use 1 to {MAX_PAGE}")
    year_from, year_to = _years(args.get("year", ""))
    return SearchQuery(
        text=args.get("q", "").strip()[:MAX_TEXT],
        type=type_,
        topic=_iri(args, "topic", entity),
        place=_iri(args, "place", entity),
        year_from=year_from,
        year_to=year_to,
        sort=sort,
        page=int(page),
    )


def _iri(args: Mapping[str, str], name: str, entity: Callable[[str, str], str]) -> str | None:
    key = args.get(name) or None
    if key is None:
        return None
    try:
        return entity(name, key)
    except ValueError as err:
        raise BadRequest(f"{name} {key!r} is not a key", fix=f"use a {name}'s key") from err


def _years(raw: str) -> tuple[int | None, int | None]:
    """`2019`, `2010-2019`, `2010-` or `-2019`."""
    found = _YEARS.match(raw)
    if not raw.strip():
        return None, None
    if found is None or not (found.group(1) or found.group(3)):
        raise BadRequest(f"year {raw!r} is not a year or a range", fix="use 2019 or 2010-2019")
    low = int(found.group(1)) if found.group(1) else None
    high = int(found.group(3)) if found.group(3) else None
    return (low, high) if found.group(2) else (low, low)


def _or(values: tuple[str, ...]) -> str:
    return ", ".join(values[:-1]) + " or " + values[-1]


def search(index: CatalogueIndex, query: SearchQuery, size: int) -> SearchPage:
    """One page of the resources that match every word and every filter.

    Counting and the type facets are FTS5 queries (a doclist intersection in SQLite's C code);
    ranking reads every match once; the topic facets count the first FACET_SCAN results.
    """
    db = index.connection()
    start = (query.page - 1) * size
    scan = _ordered_ids(db, query, 0, FACET_SCAN)
    ids = scan[start : start + size] if start + size <= FACET_SCAN else []
    if start + size > FACET_SCAN:
        ids = _ordered_ids(db, query, start, size)
    total = _count(db, query, query.type)
    rows = index.by_id(ids)
    snippets = _snippets(db, query.match, ids)
    hits = tuple(listed(rows[i], _pieces(snippets.get(i))) for i in ids if i in rows)
    return SearchPage(
        query,
        total,
        hits,
        start + 1,
        _type_facets(db, query),
        _topic_facets(db, scan),
        min(total, FACET_SCAN),
    )


def _fts(query: SearchQuery, type_: str | None) -> str | None:
    """The FTS5 expression of the words (in the text columns) and of the type (in `facets`)."""
    parts = [f"{_CONTENT} : ({query.match})"] if query.match else []
    if type_ is not None:  # a value of TYPES: a token of the facets column
        token = f"kind{BY_TYPE[type_].name}" if type_ in BY_TYPE else f"type{type_}"
        parts.append(f'facets : "{token}"')
    return " AND ".join(parts) or None


def _joined(query: SearchQuery) -> bool:
    """Whether the search filters on what only the items and links tables hold."""
    return any(v is not None for v in (query.topic, query.place, query.year_from, query.year_to))


def _where(query: SearchQuery, type_: str | None) -> tuple[str, str, list[object]]:
    """FROM, WHERE (all values bound as parameters) and the parameters of a search."""
    clauses: list[str] = []
    params: list[object] = []
    fts = _fts(query, type_)
    if fts is not None:
        clauses.append("search MATCH ?")
        params.append(fts)
    for target in (query.topic, query.place):
        if target is not None:
            clauses.append("items.id IN (SELECT item FROM links WHERE target = ?)")
            params.append(target)
    if query.year_from is not None:
        clauses.append("items.year >= ?")
        params.append(query.year_from)
    if query.year_to is not None:
        clauses.append("items.year <= ?")
        params.append(query.year_to)
    source = "items JOIN search ON search.rowid = items.id" if fts else "items"
    return source, " AND ".join(clauses) or "1", params


def _ordered_ids(db: sqlite3.Connection, query: SearchQuery, start: int, size: int) -> list[int]:
    if query.match and query.sort == "relevance" and not _joined(query):
        # Ranked on the FTS table alone: no join with a row per match.
        rows = db.execute(
            f"SELECT rowid FROM search WHERE search MATCH ? ORDER BY bm25(search, {_WEIGHTS}),"
            " rowid LIMIT ? OFFSET ?",
            (_fts(query, query.type), size, start),
        )
        return [int(row[0]) for row in rows]
    source, where, params = _where(query, query.type)
    relevance = f"bm25(search, {_WEIGHTS}), items.id" if query.match else "items.id"
    order = {
        "relevance": relevance,
        "title": "items.id",  # the index is numbered in list order (sort key)
        "year": "items.year IS NULL, items.year DESC, items.id",
    }[query.sort]
    rows = db.execute(
        f"SELECT items.id FROM {source} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
        (*params, size, start),
    )
    return [int(row[0]) for row in rows]


def _count(db: sqlite3.Connection, query: SearchQuery, type_: str | None) -> int:
    fts = _fts(query, type_)
    if fts is not None and not _joined(query):
        found = db.execute("SELECT COUNT(*) FROM search WHERE search MATCH ?", (fts,))
    else:
        source, where, params = _where(query, type_)
        found = db.execute(f"SELECT COUNT(*) FROM {source} WHERE {where}", params)
    return int(found.fetchone()[0])


def _snippets(db: sqlite3.Connection, match: str | None, ids: list[int]) -> dict[int, str]:
    """The part of each result's abstract that matched (one rowid lookup each)."""
    if match is None:
        return {}
    sql = (
        f"SELECT snippet(search, 1, '{MARK_START}', '{MARK_END}', '…', 24) FROM search"
        " WHERE search MATCH ? AND rowid = ?"
    )
    found = {}
    for item in ids:
        row = db.execute(sql, (f"{_CONTENT} : ({match})", item)).fetchone()
        if row and row[0]:
            found[item] = str(row[0])
    return found


def _type_facets(db: sqlite3.Connection, query: SearchQuery) -> tuple[Facet, ...]:
    """How many results of each kind and each type of work, the type filter left out."""
    labels = {name: f"{label}s" for name, _, label in WORK_TYPES}
    labels.update({k.type_: k.heading for k in BY_TYPE.values()})
    if _joined(query):  # one pass over the joined matches
        source, where, params = _where(query, None)
        rows = db.execute(
            f"SELECT items.kind, items.work_type, COUNT(*) FROM {source} WHERE {where}"
            " GROUP BY items.kind, items.work_type",
            params,
        ).fetchall()
        counts: dict[str, int] = {}
        for kind, work_type, n in rows:
            type_ = BY_NAME[str(kind)].type_
            counts[type_] = counts.get(type_, 0) + int(n)
            if work_type:
                counts[str(work_type)] = int(n)
    else:  # one FTS5 count per type: no row is read
        counts = {type_: _count(db, query, type_) for type_ in TYPES}
    return tuple(Facet(t, labels[t], counts[t]) for t in TYPES if counts.get(t))


def _topic_facets(db: sqlite3.Connection, ids: list[int], limit: int = 12) -> tuple[Facet, ...]:
    """The topics most of these results have, most frequent first."""
    rows = db.execute(
        "SELECT t.iri, t.label, g.n FROM (SELECT target, COUNT(*) AS n FROM links"
        " WHERE item IN (SELECT value FROM json_each(?)) GROUP BY target) g"
        " JOIN items t ON t.iri = g.target AND t.kind = 'topics'"
        " ORDER BY g.n DESC, t.id LIMIT ?",
        (json.dumps(ids), limit),
    )
    return tuple(Facet(str(iri), str(label), int(n)) for iri, label, n in rows)


def _pieces(snippet: object) -> tuple[tuple[str, bool], ...]:
    """A snippet's text cut at its match marks: (text, matched) pieces."""
    if not snippet:
        return ()
    pieces: list[tuple[str, bool]] = []
    for n, part in enumerate(re.split(f"[{MARK_START}{MARK_END}]", str(snippet))):
        if part:
            pieces.append((part, n % 2 == 1))
    return tuple(pieces)

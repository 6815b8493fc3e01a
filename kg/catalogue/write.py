"""Writes the catalogue index of a release from its N-Triples lines (the build calls it).

The lines of the predicates lists need are staged in a temporary SQLite table, then each
resource is read back with its labels, authors, topics and places joined in SQLite, and written
sorted, so memory stays small whatever the catalogue's size. Rows are numbered in list order
(kind, then sort key): a browse page is a range of row ids.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.catalogue import BY_TYPE, FILE, KINDS, LABEL_PREDICATES, WORK_TYPES
from kg.namespaces import BIBO, DCTERMS, KG, RDF, SDO, SKOS

_TYPE, _LABEL, _ALT, _ABSTRACT, _ISSUED, _CREATOR = range(6)
_AUTHOR_LIST, _MEMBER, _EDITOR, _PUBLISHER, _SUBJECT, _PLACE, _PART_OF, _IMPRINT = range(6, 14)
_GROUPS: dict[int, tuple[object, ...]] = {
    _TYPE: (RDF.type,),
    _ALT: (SKOS.altLabel, SKOS.hiddenLabel, SDO.alternateName, KG.acronym),
    _ABSTRACT: (DCTERMS.abstract, SDO.abstract, SKOS.definition),
    _ISSUED: (DCTERMS.issued, SDO.datePublished, DCTERMS.date),
    _CREATOR: (DCTERMS.creator, SDO.author, SDO.creator),
    _AUTHOR_LIST: (BIBO.authorList,),
    _EDITOR: (SDO.editor, BIBO.editor),
    _PUBLISHER: (DCTERMS.publisher, SDO.publisher),
    _SUBJECT: (DCTERMS.subject, SDO.about),
    _PLACE: (DCTERMS.spatial, SDO.spatialCoverage),
    _IMPRINT: (SDO.locationCreated, KG.placeOfPublication),
    _PART_OF: (SDO.isPartOf, DCTERMS.isPartOf),
}
_PREDICATES = {f"<{p}>": group for group, ps in _GROUPS.items() for p in ps}
_PREDICATES.update({f"<{p}>": _LABEL for p in LABEL_PREDICATES})
_LABEL_RANK = {f"<{p}>": n for n, p in enumerate(LABEL_PREDICATES)}
_MEMBER_PREFIX = f"<{RDF}_"
# Private-use characters mark search matches in snippets; the text indexed never holds them.
MARK_START, MARK_END = "\ue000", "\ue001"
_UNSAFE = re.compile("[\ue000\ue001\x00-\x08\x0b\x0c\x0e-\x1f]")
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_SIMPLE_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'"}
_LEADING = re.compile(r"^[\W_]+")
_SEP, _PAIR = "\x1e", "\x1f"  # separators of lists read back from SQLite

SCHEMA = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE kinds (kind TEXT PRIMARY KEY, first INTEGER NOT NULL, count INTEGER NOT NULL)"
    " WITHOUT ROWID",
    "CREATE TABLE items (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, iri TEXT NOT NULL,"
    " label TEXT NOT NULL, year INTEGER, work_type TEXT, authors TEXT NOT NULL)",
    "CREATE TABLE links (target TEXT NOT NULL, item INTEGER NOT NULL,"
    " PRIMARY KEY (target, item)) WITHOUT ROWID",
    # `facets` holds a token for the kind and one for the type of work (`kindworks typereport`):
    # counting a search by type is then an FTS5 query, not a join over every match.
    "CREATE VIRTUAL TABLE search USING fts5(title, abstract, names, topics, places, imprint,"
    " facets, tokenize = 'porter unicode61 remove_diacritics 2')",
)
_STAGING = (
    "CREATE TEMP TABLE triple (s TEXT NOT NULL, p INTEGER NOT NULL, o TEXT NOT NULL,"
    " rank INTEGER NOT NULL)",
    "CREATE TEMP TABLE raw (iri TEXT PRIMARY KEY, kind TEXT, kind_order INTEGER, sort_key TEXT,"
    " label TEXT, year INTEGER, work_type TEXT, authors TEXT, title TEXT, abstract TEXT,"
    " names TEXT, topics TEXT, places TEXT, imprint TEXT, links TEXT)",
)
_AFTER_STAGING = (
    "CREATE INDEX temp.triple_s ON triple (s, p)",
    # The best label of each subject: lowest rank, then the first in code point order.
    "CREATE TEMP TABLE label AS SELECT s AS iri,"
    " substr(MIN(printf('%03d', rank) || o), 4) AS label FROM triple"
    f" WHERE p = {_LABEL} GROUP BY s",
    "CREATE UNIQUE INDEX temp.label_iri ON label (iri)",
)


def _list(group: int, linked: bool = False, labelled: bool = False) -> str:
    """A subquery: the distinct objects of `group` for the item, joined by _SEP; `labelled`
    gives `label _PAIR iri` pairs of linked things, `linked` their labels."""
    if labelled or linked:
        value = "l.label || char(31) || t.o" if labelled else "l.label"
        inner = (
            f"SELECT DISTINCT {value} AS x FROM triple t JOIN label l ON l.iri = t.o"
            f" WHERE t.s = i.iri AND t.p = {group}"
        )
    else:
        inner = f"SELECT DISTINCT o AS x FROM triple WHERE s = i.iri AND p = {group}"
    return f"(SELECT group_concat(x, char(30)) FROM ({inner}))"


_ITEMS = f"""
SELECT i.iri, {_list(_TYPE)}, (SELECT label FROM label WHERE iri = i.iri), {_list(_ALT)},
  {_list(_ABSTRACT)}, (SELECT MIN(o) FROM triple WHERE s = i.iri AND p = {_ISSUED}),
  {_list(_CREATOR, labelled=True)}, {_list(_EDITOR, linked=True)},
  {_list(_PUBLISHER, linked=True)}, {_list(_PART_OF, linked=True)},
  {_list(_SUBJECT, labelled=True)}, {_list(_PLACE, labelled=True)},
  {_list(_IMPRINT, labelled=True)}
FROM (SELECT DISTINCT s AS iri FROM triple WHERE p = {_TYPE}
      AND substr(s, 1, :length) = :id_base AND instr(s, '#') = 0) i
ORDER BY i.iri"""
_AUTHORS = f"""
SELECT a.s, l.label, m.o FROM triple a JOIN triple m ON m.s = a.o AND m.p = {_MEMBER}
  JOIN label l ON l.iri = m.o WHERE a.p = {_AUTHOR_LIST} ORDER BY a.s, m.rank"""


def write_index(lines: Iterable[str], id_base: str, target: Path, language: str = "en") -> Path:
    """Write the catalogue index of the resources minted under `id_base` to `target` (a folder:
    the release) from N-Triples lines; the path of the file."""
    path = target / FILE
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    db = sqlite3.connect(partial)
    try:
        db.execute("PRAGMA journal_mode = OFF")  # a new file: nothing to roll back to
        db.execute("PRAGMA synchronous = OFF")
        # The staged lines are read back by subject once per resource: keep their pages cached.
        db.execute("PRAGMA cache_size = -65536")
        db.execute("PRAGMA temp.cache_size = -65536")
        for statement in (*SCHEMA, *_STAGING):
            db.execute(statement)
        with db:
            staged = _staged(lines, language, id_base)
            db.executemany("INSERT INTO triple VALUES (?, ?, ?, ?)", staged)
        for statement in _AFTER_STAGING:
            db.execute(statement)
        with db:
            db.executemany(
                "INSERT INTO raw VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _rows(db, id_base),
            )
            _publish(db)
        db.execute("INSERT INTO search(search) VALUES ('optimize')")
        db.commit()
    finally:
        db.close()
    partial.replace(path)
    return path


def _staged(
    lines: Iterable[str], language: str, id_base: str | None = None
) -> Iterator[tuple[str, int, str, int]]:
    """(subject, predicate group, object, rank) of the lines whose predicate lists need; with
    `id_base`, only the labels and list members of other subjects than the resources listed
    (`{id_base}…` without a `#`): nothing reads their other lines (their types, mostly)."""
    # Looked up once per predicate (a build has a few hundred), once per subject (its lines
    # are together), once per IRI object while remembered (types, topics, agents recur): most
    # of the work per line is then the split.
    kinds: dict[str, tuple[int, int] | None] = {}
    iris: dict[str, tuple[str, str | None]] = {}
    term, subject, listed = "", "", True
    for line in lines:
        subject_term, predicate, rest = line.split(" ", 2)
        kind = kinds.get(predicate, _UNSEEN)
        if kind is _UNSEEN:
            kind = kinds[predicate] = _predicate_kind(predicate)
        if kind is None:
            continue
        if subject_term != term:
            term, subject = subject_term, _iri(subject_term)
            listed = id_base is None or (subject.startswith(id_base) and "#" not in subject)
        group, rank = kind
        if not listed and group != _LABEL and group != _MEMBER:
            continue
        found = iris.get(rest)
        if found is None:
            found = _object(rest.rstrip(" .\n"))
            if rest[:1] == "<":
                if len(iris) >= _KNOWN_IRIS:
                    iris.clear()
                iris[rest] = found
        obj, lang = found
        if group == _LABEL:
            rank = rank * 2 + (lang not in (None, language))
        elif group == _PART_OF:
            obj = obj.split("#", 1)[0]  # a journal issue is shown as its periodical
        yield subject, group, obj, rank


_UNSEEN: tuple[int, int] = (-1, -1)  # a predicate not looked up yet
_KNOWN_IRIS = 1 << 16  # IRI objects remembered while staging: emptied when full


def _predicate_kind(predicate: str) -> tuple[int, int] | None:
    """A predicate's group and rank (a label's rank before its language counts; a list
    member's position), or None for a predicate lists do not need."""
    group = _PREDICATES.get(predicate)
    if group is None:
        if not predicate.startswith(_MEMBER_PREFIX):
            return None
        return _MEMBER, int(predicate[len(_MEMBER_PREFIX) : -1])
    return group, _LABEL_RANK[predicate] if group == _LABEL else 0


def _iri(term: str) -> str:
    return _unescape(term[1:-1]) if term.startswith("<") else term


def _object(term: str) -> tuple[str, str | None]:
    """The IRI or the lexical form of an N-Triples object, and its language tag."""
    if not term.startswith('"'):
        return _iri(term), None
    end = term.rindex('"')
    lang = term[end + 2 :] if term[end + 1 : end + 2] == "@" else None
    return _UNSAFE.sub(" ", _unescape(term[1:end])), lang


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        if code:
            return chr(int(code, 16))
        return _SIMPLE_ESCAPES.get(match.group(3), match.group(3))

    return _ESCAPE.sub(one, text)


def sort_key(label: str) -> str:
    """How lists sort a label: without case, accents and leading quote marks or brackets."""
    plain = label
    if not label.isascii():
        decomposed = unicodedata.normalize("NFKD", label)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return (_LEADING.sub("", plain) or plain).casefold()


def _rows(db: sqlite3.Connection, id_base: str) -> Iterator[tuple[object, ...]]:
    """One `raw` row per resource minted under `id_base` (IRI `{id_base}{type}/{key}`)."""
    authors = _authors(db)
    pending = next(authors, None)
    order = {kind.name: n for n, kind in enumerate(KINDS)}
    items = db.cursor().execute(_ITEMS, {"length": len(id_base), "id_base": id_base})
    for row in items:
        iri, types, label, alts, abstract, issued, creators, editors, publishers = row[:9]
        part_of, subjects, places, imprint = row[9:]
        ordered: list[tuple[str, str]] = []
        while pending is not None and pending[0] <= iri:
            if pending[0] == iri:
                ordered.append((pending[1], pending[2]))
            pending = next(authors, None)
        kind = _kind(iri, id_base)
        if kind is None:
            continue
        label = label or iri.rsplit("/", 1)[-1]
        by = ordered or sorted(_pairs(creators))
        topics, where, published = _pairs(subjects), _pairs(places), _pairs(imprint)
        names = [name for name, _ in by] + _split(editors) + _split(publishers) + _split(part_of)
        yield (
            iri,
            kind,
            order[kind],
            sort_key(label),
            label,
            _year(issued),
            _work_type(_split(types)) if kind == "works" else None,
            json.dumps(by, ensure_ascii=False),
            label,
            " ".join(_split(abstract)),
            " ".join(names + _split(alts)),
            " ".join(name for name, _ in topics),
            " ".join(name for name, _ in where),
            " ".join(name for name, _ in published),
            json.dumps(sorted({target for _, target in topics + where + published})),
        )


def _authors(db: sqlite3.Connection) -> Iterator[tuple[str, str, str]]:
    """(work, author label, author IRI) in work order, then printed order (bibo:authorList)."""
    yield from db.cursor().execute(_AUTHORS)


def _kind(iri: str, id_base: str) -> str | None:
    kind = BY_TYPE.get(iri[len(id_base) :].split("/", 1)[0])
    return kind.name if kind is not None else None


def _split(joined: str | None) -> list[str]:
    """The values of a list read back from SQLite, sorted (SQLite gives them in no set order)."""
    return sorted(joined.split(_SEP)) if joined else []


def _pairs(joined: str | None) -> list[tuple[str, str]]:
    return [(label, iri) for label, _, iri in (x.partition(_PAIR) for x in _split(joined))]


def _year(issued: str | None) -> int | None:
    return int(issued[:4]) if issued and issued[:4].isdigit() else None


def _work_type(types: list[str]) -> str | None:
    return next((name for name, cls, _ in WORK_TYPES if cls in types), None)


def _publish(db: sqlite3.Connection) -> None:
    """Number the rows in list order and fill the tables the web layer reads."""
    db.execute(
        "INSERT INTO items (kind, iri, label, year, work_type, authors)"
        " SELECT kind, iri, label, year, work_type, authors FROM raw"
        " ORDER BY kind_order, sort_key, iri"
    )
    db.execute("INSERT INTO kinds SELECT kind, MIN(id), COUNT(*) FROM items GROUP BY kind")
    db.execute(
        "INSERT INTO search (rowid, title, abstract, names, topics, places, imprint, facets)"
        " SELECT items.id, title, abstract, names, topics, places, imprint,"
        " 'kind' || items.kind || coalesce(' type' || items.work_type, '')"
        " FROM raw JOIN items USING (iri)"
    )
    db.execute(
        "INSERT OR IGNORE INTO links SELECT value, items.id"
        " FROM raw JOIN items USING (iri), json_each(raw.links)"
    )
    db.execute("CREATE INDEX items_iri ON items (iri)")
    db.execute("CREATE INDEX links_item ON links (item, target)")
    db.execute("CREATE INDEX items_year ON items (kind, year DESC, id)")
    db.execute("INSERT INTO meta VALUES ('complete', 'yes')")

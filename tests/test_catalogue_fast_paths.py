"""The catalogue index's staging leaves out the lines of subjects it never lists but for their
labels and list members (`_staged` with `id_base`): the index written so has the same rows in
every table as one staged from every line (hypothesis, on lines of listed resources, their
`#fragments`, blank nodes and things outside the base, with every kind of predicate lists read);
and the staging, which remembers IRI objects, gives what a line-by-line reading gives."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.catalogue import FILE
from kg.catalogue import write as catalogue_write
from kg.catalogue.write import write_index
from kg.namespaces import BIBO, DCTERMS, RDF, SDO, SKOS

ID = "http://kg.invalid/id/"
_SUBJECTS = [
    f"<{ID}work/a>",
    f"<{ID}work/b>",
    f"<{ID}person/p>",
    f"<{ID}topic/t>",
    f"<{ID}work/a#authors>",
    f"<{ID}work/b#issue>",
    f"<{ID}nokind/x>",
    "_:list",
    "<http://elsewhere.invalid/concept>",
]
_PREDICATES = [
    f"<{RDF.type}>",
    f"<{SDO.name}>",
    f"<{DCTERMS.title}>",
    f"<{SKOS.prefLabel}>",
    f"<{SKOS.altLabel}>",
    f"<{DCTERMS.abstract}>",
    f"<{DCTERMS.issued}>",
    f"<{DCTERMS.creator}>",
    f"<{BIBO.authorList}>",
    f"<{RDF}_1>",
    f"<{RDF}_2>",
    f"<{DCTERMS.subject}>",
    f"<{DCTERMS.spatial}>",
    f"<{SDO.isPartOf}>",
    f"<{SDO.publisher}>",
    f"<{SDO.locationCreated}>",
    "<http://elsewhere.invalid/unread>",
]
_OBJECTS = st.one_of(
    st.sampled_from([*_SUBJECTS, f"<{SDO.Report}>", f"<{SDO.Person}>"]),
    st.builds(
        lambda text, tag: f'"{text}"{tag}',
        st.sampled_from(["Alpha", "beta", "1999-02", "Éclair", "a\\u00E9"]),
        st.sampled_from(["", "@en", "@fr", "^^<http://www.w3.org/2001/XMLSchema#date>"]),
    ),
)
# Lines that only count together (a work's author list, its members and their labels; a link to
# a thing outside the base and that thing's label), so that examples hold them often.
_LINKED = [
    f"<{ID}work/a> <{RDF.type}> <{SDO.Report}> .",
    f"<{ID}work/a> <{BIBO.authorList}> <{ID}work/a#authors> .",
    f"<{ID}work/a#authors> <{RDF}_1> <{ID}person/p> .",
    f"<{ID}work/a#authors> <{RDF}_2> _:someone .",
    f"<{ID}work/b> <{RDF.type}> <{SDO.Report}> .",
    f"<{ID}work/b> <{BIBO.authorList}> _:list .",
    f"_:list <{RDF}_1> _:someone .",
    f'_:someone <{SDO.name}> "Someone" .',
    f'<{ID}person/p> <{SDO.name}> "Person P"@en .',
    f"<{ID}work/a> <{DCTERMS.subject}> <http://elsewhere.invalid/concept> .",
    f"<{ID}work/b> <{SDO.isPartOf}> <{ID}work/b#issue> .",
    f'<{ID}work/b#issue> <{SDO.name}> "Issue 1" .',
    f'<http://elsewhere.invalid/concept> <{SKOS.prefLabel}> "Elsewhere"@fr .',
    f"<http://elsewhere.invalid/concept> <{RDF.type}> <{SKOS.Concept}> .",
]
_RANDOM = st.builds(
    lambda s, p, o: f"{s} {p} {o} .",
    st.sampled_from(_SUBJECTS),
    st.sampled_from(_PREDICATES),
    _OBJECTS,
)
_LINES = st.builds(
    lambda kept, other: sorted(
        {line for line, keep in zip(_LINKED, kept, strict=True) if keep} | set(other)
    ),
    st.lists(st.booleans(), min_size=len(_LINKED), max_size=len(_LINKED)),
    st.lists(_RANDOM, max_size=40),
)


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as db:
        tables = [
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        found = {
            name: db.execute(f"SELECT rowid, * FROM {name} ORDER BY rowid").fetchall()
            if name == "search"
            else sorted(db.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
            for name in tables
            if not name.startswith("search_")  # FTS5's own tables
        }
    db.close()
    return found


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=_LINES)
def test_staging_the_listed_resources_only_writes_the_same_rows(
    lines: list[str], tmp_path_factory: object
) -> None:
    folder = tmp_path_factory.mktemp("index")  # type: ignore[attr-defined]
    (folder / "fast").mkdir()
    (folder / "plain").mkdir()
    write_index(lines, ID, folder / "fast")
    staged = catalogue_write._staged

    def every_line(found: Iterable[str], language: str, id_base: str) -> Iterator[object]:
        return staged(found, language)  # no id_base: every line lists need is staged

    catalogue_write._staged = every_line  # type: ignore[assignment]
    try:
        write_index(lines, ID, folder / "plain")
    finally:
        catalogue_write._staged = staged
    assert _rows(folder / "fast" / FILE) == _rows(folder / "plain" / FILE)


def test_the_staging_leaves_out_what_no_list_reads() -> None:
    lines = [
        f"<{ID}work/a> <{RDF.type}> <{SDO.Report}> .",
        f"<{ID}work/a#issue> <{RDF.type}> <{BIBO.Issue}> .",
        f'<{ID}work/a#issue> <{SDO.name}> "Issue 1" .',
        f"_:list <{RDF}_1> <{ID}person/p> .",
        f"<http://elsewhere.invalid/c> <{DCTERMS.subject}> <{ID}topic/t> .",
    ]
    staged = list(catalogue_write._staged(lines, "en", ID))
    assert [row[0] for row in staged] == [f"{ID}work/a", f"{ID}work/a#issue", "_:list"]


def _plain_staged(lines: Iterable[str], language: str) -> Iterator[tuple[str, int, str, int]]:
    """What `_staged` gives without an `id_base`, a line at a time, nothing remembered."""
    for line in lines:
        subject, predicate, rest = line.split(" ", 2)
        kind = catalogue_write._predicate_kind(predicate)
        if kind is None:
            continue
        group, rank = kind
        obj, lang = catalogue_write._object(rest.rstrip(" .\n"))
        if group == catalogue_write._LABEL:
            rank = rank * 2 + (lang not in (None, language))
        elif group == catalogue_write._PART_OF:
            obj = obj.split("#", 1)[0]
        yield catalogue_write._iri(subject), group, obj, rank


@settings(max_examples=150, deadline=None)
@given(lines=_LINES, remembered=st.sampled_from([1, 2, 1 << 16]))
def test_the_staging_remembers_iri_objects_as_it_would_read_them(
    lines: list[str], remembered: int
) -> None:
    known = catalogue_write._KNOWN_IRIS
    catalogue_write._KNOWN_IRIS = remembered  # emptied often, or never
    try:
        staged = list(catalogue_write._staged(lines, "en"))
    finally:
        catalogue_write._KNOWN_IRIS = known
    assert staged == list(_plain_staged(lines, "en"))

"""The dumps' fast paths give exactly what the plain ones give: a subject's Turtle and JSON-LD
text (`SubjectText` against `turtle_block` and `json_node`), the compaction of IRIs, the block
merge of sorted files (against `merge_runs`) and the dump files themselves (against the plain
text compressed in one piece)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.namespaces import BIBO, DCTERMS, KG, PREFIXES, RDF, RDFS, SDO, SKOS, XSD
from kg.publish import formats
from kg.publish.dumps import write_dumps
from kg.publish.formats import (
    RDF_TYPE,
    Compactor,
    SubjectText,
    json_node,
    json_text,
    prefixes,
    turtle_block,
)
from kg.publish.runs import RunWriter, merge_blocks, merge_runs

_BASES = [str(ns) for ns in (DCTERMS, SDO, BIBO, KG, RDF, RDFS, SKOS, XSD)]
_BASES += ["http://example.org/id/", "http://example.org/id/work/", "urn:x:"]
_LOCAL = st.text(st.sampled_from("aZ_09-./#é:"), max_size=6)
_IRI = st.builds(lambda base, local: f"<{base}{local}>", st.sampled_from(_BASES), _LOCAL)
# Literal bodies as N-Triples holds them: escapes, raw tabs and control characters, non-ASCII.
_PIECE = st.sampled_from(
    [
        "a",
        "é",
        "𝄞",
        "\t",
        "\x01",
        "\x7f",
        "\\n",
        "\\r",
        '\\"',
        "\\\\",
        "\\t",
        "\\u00E9",
        "\\U0001D11E",
        "\\u0001",
        "@",
        "^^",
        " ",
    ]
)
_BODY = st.lists(_PIECE, max_size=6).map("".join)
_LANGUAGE = st.sampled_from(["en", "fr-CA", "x-1", "", "en_GB", "e n"])
_LITERAL = st.one_of(
    _BODY.map(lambda b: f'"{b}"'),
    st.builds(lambda b, tag: f'"{b}"@{tag}', _BODY, _LANGUAGE),
    st.builds(lambda b, dt: f'"{b}"^^{dt}', _BODY, _IRI),
)
_OBJECT = st.one_of(_IRI, _LITERAL, st.sampled_from(["_:b1", "_:b2"]))
_PREDICATE = st.one_of(st.just(RDF_TYPE), _IRI)
_SUBJECT = st.one_of(_IRI, st.just("_:b0"))
# One subject's statements, in any order (sorted or not: the plain functions take either).
_STATEMENTS = st.lists(st.tuples(_PREDICATE, _OBJECT), min_size=1, max_size=8)


def _plain(subject: str, pairs: list[tuple[str, str]]) -> tuple[str, str] | type[Exception]:
    try:
        return turtle_block(subject, pairs, Compactor()), json_text(
            json_node(subject, pairs, Compactor())
        )
    except ValueError:
        return ValueError


def _fast(
    texts: SubjectText, subject: str, pairs: list[tuple[str, str]]
) -> tuple[str, str] | type[Exception]:
    statements = [f"{subject} {p} {o} .".split(" ", 2) for p, o in pairs]
    if any(len(s) != 3 for s in statements):  # a space in a term: not a line `split` reads
        return _plain(subject, pairs)
    try:
        return texts.texts(subject, statements)
    except ValueError:
        return ValueError


@settings(max_examples=400, deadline=None)
@given(subjects=st.lists(st.tuples(_SUBJECT, _STATEMENTS), min_size=1, max_size=6))
def test_a_subjects_text_is_the_plain_paths(subjects: list[tuple[str, list]]) -> None:
    """Subject after subject with one writer (its remembered forms carried over), and with a
    memo of three forms (emptied again and again): the plain functions' text, or the same
    error for an object that is no N-Triples term."""
    for memo in (formats._MEMO, 3):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(formats, "_MEMO", memo)
            texts = SubjectText()
            for subject, pairs in subjects:
                assert _fast(texts, subject, pairs) == _plain(subject, pairs)


def test_the_fast_path_is_not_the_plain_one_by_accident() -> None:
    """A sample the test above would catch: a tagged literal and an escape in one node."""
    pairs = [(RDF_TYPE, f"<{BIBO.Book}>"), (f"<{DCTERMS.title}>", '"Caf\\u00E9 \\"x\\""@fr')]
    turtle, node = _fast(SubjectText(), "<http://example.org/id/work/1>", pairs)  # type: ignore[misc]
    assert json.loads(node) == {
        "@id": "http://example.org/id/work/1",
        "@type": "bibo:Book",
        "dcterms:title": {"@value": 'Café "x"', "@language": "fr"},
    }
    assert turtle.startswith("<http://example.org/id/work/1>\n    a bibo:Book ;\n")


@settings(max_examples=300, deadline=None)
@given(iri=_IRI)
def test_compacting_by_the_iris_head_is_trying_every_prefix(iri: str) -> None:
    """The longest namespace that leaves a plain local name, as the whole list sorted longest
    first gives it."""
    local = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
    expected = iri
    for name, ns in sorted(prefixes().items(), key=lambda kv: -len(kv[1])):
        if iri[1:-1].startswith(ns) and local.match(iri[1 + len(ns) : -1]):
            expected = f"{name}:{iri[1 + len(ns) : -1]}"
            break
    assert Compactor()(iri) == expected
    assert set(prefixes().values()) == {str(ns) for ns in PREFIXES.values()}


_LINE = st.builds(
    lambda s, p, o: f"<s:{s}> <p:{p}> {o} .",
    st.text("abc", max_size=3),
    st.text("xy", max_size=1),
    st.one_of(_BODY.map(lambda b: f'"{b}"'), st.just("<o:é𝄞>")),
)


@settings(max_examples=150, deadline=None)
@given(
    files=st.lists(st.lists(_LINE, max_size=40), min_size=1, max_size=4),
    block=st.integers(1, 200),
    limit=st.integers(1, 30),
)
def test_the_block_merge_is_the_line_merge(
    tmp_path_factory: pytest.TempPathFactory, files: list[list[str]], block: int, limit: int
) -> None:
    """Files of sorted, distinct lines (shared lines among them), read in blocks of any size:
    the statements `merge_runs` gives, in order, each once, never an empty list."""
    folder = tmp_path_factory.mktemp("blocks")
    paths = []
    for number, lines in enumerate(files):
        writer = RunWriter(folder, f"f{number}", limit=limit)
        writer.add(lines)
        target = folder / f"graph-{number}.nt"
        target.write_bytes(b"".join(merge_runs(writer.close())))
        paths.append(target)
    chunks = list(merge_blocks(paths, block))
    assert all(chunks)
    expected = [line[:-1].decode("utf-8") for line in merge_runs(paths)]
    assert [statement for chunk in chunks for statement in chunk] == expected


@settings(max_examples=40, deadline=None)
@given(
    subjects=st.lists(st.tuples(_IRI, _STATEMENTS), max_size=12),
    chunk=st.integers(1, 5),
)
def test_the_dump_files_are_the_plain_text_compressed_whole(
    tmp_path_factory: pytest.TempPathFactory,
    subjects: list[tuple[str, list]],
    chunk: int,
) -> None:
    """Every dump, its text cut in pieces of any size and compressed on threads: the gzip of
    the plain path's whole text (level 6, mtime 0), byte for byte."""
    lines = sorted(
        {f"{s} {p} {o} ." for s, pairs in subjects for p, o in pairs if " " not in s + p + o}
    )
    by_subject: dict[str, list[tuple[str, str]]] = {}
    for statement in lines:
        subject, predicate, rest = statement.split(" ", 2)
        by_subject.setdefault(subject, []).append((predicate, rest[:-2]))
    if any(_plain(s, pairs) is ValueError for s, pairs in by_subject.items()):
        return  # no dump of a line that is no N-Triples statement
    folder = tmp_path_factory.mktemp("dumps")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("kg.publish.dumps._CHUNK", chunk)
        written = {d.format: d for d in write_dumps(folder, "kg-x", lines, "ctx.jsonld")}
    curie = Compactor()
    head = "".join(f"@prefix {n}: <{ns}> .\n" for n, ns in prefixes().items())
    blocks = "".join(turtle_block(s, pairs, curie) for s, pairs in by_subject.items())
    nodes = [json_text(json_node(s, pairs, curie)) for s, pairs in by_subject.items()]
    graph = ("\n " + ",\n ".join(nodes)) if nodes else ""
    expected = {
        "ntriples": "".join(f"{statement}\n" for statement in lines),
        "turtle": head + "\n" + blocks,
        "jsonld": '{"@context": "ctx.jsonld", "@graph": [' + graph + "\n]}\n",
    }
    for fmt, text in expected.items():
        path: Path = folder / written[fmt].name
        assert path.read_bytes() == _gzip_whole(text.encode("utf-8")), fmt


def _gzip_whole(data: bytes) -> bytes:
    from io import BytesIO

    raw = BytesIO()
    with gzip.GzipFile("", "wb", 6, raw, mtime=0) as out:
        out.write(data)
    return raw.getvalue()

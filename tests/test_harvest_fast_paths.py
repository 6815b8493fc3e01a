"""The harvesting step's fast paths give what the plain code they replace gave: the order and
de-duplication of a work's triples, the JSON text its digest is taken of, the canonical facts,
the XML-safe forms of texts with newlines, remembered MARC subfields."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import fields
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.harvest.facts import Agent, Host, Named, WorkFacts
from kg.harvest.graph import PROVENANCE, WorkGraph, distinct, order, own_triples, term_order
from kg.harvest.marc import MarcRecord, record_xml
from kg.harvest.stage import triples_json
from kg.harvest.terms import Lit, Term, Triple
from kg.harvest.xmlsafe import attribute, clean, text

WORK = "http://example.org/id/work/w1"
# Few values, so that subjects, predicates and objects collide: IRIs and literals under one
# subject and predicate, literals that differ only by language or datatype, repeats.
TEXTS = st.sampled_from(["", "a", "b", 'q"\\', "é\n", "\x01", "z" * 90, "http://x/a"])
IRIS = st.sampled_from(
    [WORK, WORK + "#a", WORK + "#b", "_:b1", "http://x/a", "http://x/b", "http://x/a#c"]
)
LITERALS = st.builds(Lit, TEXTS, st.sampled_from(["", "en", "fr"]), st.sampled_from(["", "x:d"]))
TERMS: st.SearchStrategy[Term] = st.one_of(IRIS, LITERALS)
PREDICATES = st.sampled_from(["p:a", "p:b", *sorted(PROVENANCE)])
TRIPLES = st.lists(st.tuples(IRIS, PREDICATES, TERMS), max_size=40)


def _own_triples_before(iri: str, triples: list[Triple]) -> tuple[Triple, ...]:
    """`own_triples` as it was: a set of the reached triples, sorted with the key."""
    by_subject: dict[str, list[Triple]] = defaultdict(list)
    for triple in triples:
        by_subject[triple[0]].append(triple)
    parts = (iri + "#", "_:")
    out: set[Triple] = set()
    todo, seen = [iri], {iri}
    while todo:
        for triple in by_subject.get(todo.pop(), ()):
            if triple[1] in PROVENANCE:
                continue
            out.add(triple)
            obj = triple[2]
            if isinstance(obj, str) and obj.startswith(parts) and obj not in seen:
                seen.add(obj)
                todo.append(obj)
    return tuple(sorted(out, key=order))


@settings(max_examples=300, deadline=None)
@given(triples=TRIPLES)
def test_a_works_own_triples_are_those_reached_sorted_by_the_key_each_once(
    triples: list[Triple],
) -> None:
    assert own_triples(WORK, triples) == _own_triples_before(WORK, triples)


@settings(max_examples=300, deadline=None)
@given(terms=st.lists(TERMS, max_size=20))
def test_distinct_terms_sort_by_the_key_iris_and_literals_mixed_or_not(terms: list[Term]) -> None:
    assert distinct(terms) == tuple(sorted(set(terms), key=term_order))


@settings(max_examples=300, deadline=None)
@given(triples=TRIPLES)
def test_the_digests_json_is_what_json_writes(triples: list[Triple]) -> None:
    expected = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode(triples)
    assert triples_json(triples) == expected
    assert triples_json(triples) == expected  # the second time from remembered terms


@settings(max_examples=300, deadline=None)
@given(triples=TRIPLES)
def test_values_are_the_objects_of_own_then_context_triples(triples: list[Triple]) -> None:
    own = tuple(sorted(set(triples), key=order))
    context = (("http://x/a", "p:a", Lit("x")), ("http://x/a", "p:a", "http://x/b"))
    graph = WorkGraph(WORK, own, context)
    for subject, predicate, _ in (*own, *context):
        expected = [o for s, p, o in (*own, *context) if (s, p) == (subject, predicate)]
        assert graph.values(subject, predicate) == expected
    assert graph.values("http://x/none", "p:a") == []


def _plain(value: Any) -> Any:
    """The canonical form as it was: dataclasses as lists of their field values."""
    names = getattr(value, "__dataclass_fields__", None)
    if names is not None:
        return [v if type(v) is str else _plain(v) for v in map(value.__getattribute__, names)]
    if type(value) is tuple and not all(type(v) is str for v in value):
        return [_plain(v) for v in value]
    return value


@settings(max_examples=200, deadline=None)
@given(
    text=TEXTS,
    flag=st.booleans(),
    host=st.none() | st.builds(Host, TEXTS, TEXTS, TEXTS),
    many=st.integers(0, 3),
)
def test_the_canonical_facts_are_the_json_of_every_field_but_removed(
    text: str, flag: bool, host: Host | None, many: int
) -> None:
    agents = tuple(Agent(f"a{n}", text, "person", "author", (text,) * n) for n in range(many))
    named = tuple(Named(f"n{n}", text, text, flag) for n in range(many))
    facts = WorkFacts(
        WORK, "w1", "report", text, "en", agents=agents, publishers=named, places=(text,) * many,
        host=host, sets=("type",) * many, set_names=(("type", text),) * many, removed=many,
    )  # fmt: skip
    encoder = json.JSONEncoder(ensure_ascii=False, check_circular=False)
    assert facts.canonical() == encoder.encode(_plain(facts)[:-1])
    assert [f.name for f in fields(WorkFacts)][-1] == "removed"


ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(["a", "\n", "\t", "\r", "\x01", "\ud800", "\uffff", "\xa0", "&"])))
def test_texts_with_newlines_are_cleaned_and_escaped_as_the_pattern_says(value: str) -> None:
    cleaned, removed = clean(value)
    assert (cleaned, removed) == (ILLEGAL.sub("", value), len(ILLEGAL.findall(value)))
    assert text(value) == text(cleaned) and not ILLEGAL.search(text(value))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "0", "&"]), TEXTS), min_size=1, max_size=6))
def test_a_remembered_subfield_is_written_as_a_new_one(subfields: list[tuple[str, str]]) -> None:
    record = MarcRecord("00000nam a2200000 c 4500")
    record.add("650", " 4", *subfields)
    first = record_xml(record)
    assert record_xml(record) == first
    kept = [(code, value) for code, value in subfields if value]
    written = "".join(f'<subfield code="{attribute(c)}">{text(v)}</subfield>' for c, v in kept)
    assert (written in first) if kept else ("datafield" not in first)

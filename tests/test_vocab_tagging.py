"""Tagging: page topics plus whole-word label matches, each tag with its reasons."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef

from kg.ingest import read_records
from kg.ingest.authority import load_authority
from kg.namespaces import KG
from kg.vocab.model import load_vocabulary
from kg.vocab.tagging import Tagger, tag_triples
from tests.conftest import ROOT, SAMPLE

ID = "http://127.0.0.1:5000/id/"
TOPICS = ID + "vocab/topics"
SMALL = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<vocab/t> a skos:ConceptScheme .
<topic/violence> a skos:Concept ; skos:prefLabel "Violence"@en ; skos:inScheme <vocab/t> .
<topic/sv> a skos:Concept ; skos:prefLabel "Sexual violence"@en ;
    skos:altLabel "SV"@en ; skos:hiddenLabel "sexual voilence"@en ; skos:inScheme <vocab/t> .
<topic/crime> a skos:Concept ; skos:prefLabel "Crime"@en ; skos:inScheme <vocab/t> .
<topic/old> a skos:Concept ; skos:prefLabel "Terror"@en ; owl:deprecated true ;
    dcterms:isReplacedBy <topic/new> ; skos:inScheme <vocab/t> .
<topic/new> a skos:Concept ; skos:prefLabel "Terrorism"@en ; skos:inScheme <vocab/t> .
<topic/gone> a skos:Concept ; skos:prefLabel "Gone"@en ; owl:deprecated true ;
    skos:inScheme <vocab/t> .
<place/x> a skos:Concept ; skos:prefLabel "Ruritania"@en ; skos:inScheme <vocab/p> .
"""


@pytest.fixture
def small(tmp_path: Path) -> Tagger:
    (tmp_path / "t.ttl").write_text(SMALL)
    return Tagger(load_vocabulary(tmp_path, ID), [ID + "vocab/t"])


def concepts(
    tagger: Tagger, title: str, abstract: str = "", topics: tuple[str, ...] = ()
) -> list[str]:
    return [t.concept.removeprefix(ID) for t in tagger.tags(topics, title, abstract)]


def test_the_longest_label_wins_so_no_match_inside_longer_terms(small: Tagger) -> None:
    assert concepts(small, "Sexual violence at work") == ["topic/sv"]
    assert concepts(small, "Sexual violence and other violence") == ["topic/sv", "topic/violence"]


def test_matches_are_whole_words_and_hyphenated_compounds_are_one_word(small: Tagger) -> None:
    assert concepts(small, "Cybercrime and anti-violence work; crimes") == []
    assert concepts(small, "crime, (violence).") == ["topic/crime", "topic/violence"]


def test_case_spacing_alt_and_hidden_labels_all_match(small: Tagger) -> None:
    assert concepts(small, "SEXUAL   VIOLENCE") == ["topic/sv"]
    assert concepts(small, "", "rates of SV rose") == ["topic/sv"]
    assert concepts(small, "sexual voilence (sic)") == ["topic/sv"]


def test_page_topics_match_any_label_and_say_so(small: Tagger) -> None:
    [tag] = small.tags(["SEXUAL VIOLENCE"], "Untitled", None)
    assert tag.concept == ID + "topic/sv"
    assert [str(r) for r in tag.reasons] == ["page topic “SEXUAL VIOLENCE”"]


def test_deprecated_concepts_tag_their_successor_and_say_via(small: Tagger) -> None:
    [tag] = small.tags([], "Terror in the title", None)
    assert tag.concept == ID + "topic/new"
    assert str(tag.reasons[0]) == "“Terror” in the title (via deprecated topic/old)"
    assert concepts(small, "Gone with no successor") == []


def test_only_the_given_schemes_tag(small: Tagger) -> None:
    assert concepts(small, "Crime in Ruritania") == ["topic/crime"]


@functools.cache
def shipped() -> tuple[Tagger, frozenset[str]]:
    vocab = load_vocabulary(ROOT / "vocab", ID)
    return Tagger(vocab, [TOPICS]), frozenset(vocab.concepts)


WORDS = st.sampled_from(["the", "of", "crimes", "violent", "sexual", "crime", "violence", "x"])


# No deadline: the first example loads the shipped vocabulary (cached for the others).
@settings(deadline=None)
@given(st.lists(WORDS, max_size=12), st.sampled_from([" ", "  ", "\u00a0", ", ", "\n"]))
def test_every_match_is_a_run_of_whole_words_of_the_text(words: list[str], sep: str) -> None:
    tagger, known = shipped()
    text = sep.join(words)
    for iri, label in tagger.matches(text):
        n = len(label.split())
        runs = {" ".join(words[i : i + n]).casefold() for i in range(len(words))}
        assert label.casefold() in runs
        assert iri in known


def test_every_sample_work_has_a_topic_beyond_its_section_and_every_tag_says_why() -> None:
    vocab = load_vocabulary(ROOT / "vocab", ID)
    tagger = Tagger(vocab, [TOPICS])
    authority = load_authority(ROOT / "vocab" / "agents.ttl", ID)
    records = list(read_records(SAMPLE, authority))
    assert len(records) == 20
    for record in records:
        tags = tagger.tags(record.topics, record.title, record.abstract)
        section = tagger.concept_for(record.section or "")
        assert section is not None and section in {t.concept for t in tags}
        assert {t.concept for t in tags} - {section}, record.title
        assert all(t.reasons for t in tags)


def test_tag_triples_record_the_reasons_on_a_tag_node(small: Tagger) -> None:
    work = URIRef("http://127.0.0.1:5000/id/work/abc")
    graph = Graph()
    for triple in tag_triples(work, small.tags(["Crime"], "Sexual violence", None)):
        graph.add(triple)
    whys = {
        str(graph.value(node, KG.concept)).removeprefix(ID): str(graph.value(node, KG.why))
        for node in graph.objects(work, KG.tag)
    }
    assert whys == {
        "topic/crime": "page topic “Crime”",
        "topic/sv": "“Sexual violence” in the title",
    }

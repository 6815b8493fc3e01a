"""The tagger's shortcuts give what the plain definitions give (kg/vocab/text.py, tagging.py).

`tokens` skips Unicode normalisation for ASCII text; `Tagger.matches` visits only the words
that start a label; `Tagger.tags` and `concept_for` remember what they found. Each is held here
to a plain form written from the definition, on arbitrary text: same tokens, same matches in
the same order, same tags with the same reasons, asked once or many times.
"""

from __future__ import annotations

import functools
import pickle
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.vocab.model import load_vocabulary
from kg.vocab.tagging import Reason, Tag, Tagger
from kg.vocab.text import plain_tokens, tokens
from tests.conftest import ROOT

ID = "http://127.0.0.1:5000/id/"
TOPICS = ID + "vocab/topics"
# What a tokeniser trips on: case that folds to several letters, compatibility forms, the
# dashes and quotes that are words' joints, hyphens and apostrophes, spaces of every kind.
TRICKY = st.sampled_from("`’‘‐‑‒–-'ßİﬁＡ²½ſK\u00a0\u2003\n\t.,;()&")
ASCII = st.text(st.one_of(st.sampled_from(string.printable), TRICKY), max_size=80)
ANY = st.text(st.one_of(TRICKY, st.characters()), max_size=80)


@settings(max_examples=500)
@given(st.one_of(ASCII, ANY))
def test_tokens_equal_the_plain_tokens_on_any_text(text: str) -> None:
    assert tokens(text) == plain_tokens(text)


@functools.cache
def shipped() -> Tagger:
    return Tagger(load_vocabulary(ROOT / "vocab", ID), [TOPICS])


@functools.cache
def label_words() -> tuple[str, ...]:
    """Every label of the shipped topics and every word of one, in its printed case."""
    vocab = load_vocabulary(ROOT / "vocab", ID)
    labels = {lb.text for c in vocab.concepts.values() for lb in c.labels}
    return tuple(sorted(labels | {w for label in labels for w in label.split()}))


@functools.cache
def plain_index() -> dict[tuple[str, ...], tuple[str, str]]:
    """Label tokens → (concept, label), from the vocabulary as the tagger's definition says."""
    vocab = load_vocabulary(ROOT / "vocab", ID)
    index: dict[tuple[str, ...], tuple[str, str]] = {}
    for iri in sorted(vocab.concepts):
        if TOPICS in vocab.concepts[iri].schemes:
            for label in vocab.concepts[iri].labels:
                if key := plain_tokens(label.text):
                    index.setdefault(key, (iri, label.text))
    return index


def plain_matches(text: str) -> list[tuple[str, str]]:
    """Left to right, at each word the longest label that starts there, then past it."""
    index, words, out, start = plain_index(), plain_tokens(text), [], 0
    while start < len(words):
        for size in range(len(words) - start, 0, -1):
            if (hit := index.get(words[start : start + size])) is not None:
                out.append(hit)
                break
        else:
            size = 1
        start += size
    return out


def plain_tags(topics: list[str], title: str, abstract: str) -> tuple[Tag, ...]:
    """The tags as first written: a reason for each page topic and match, deduplicated."""
    tagger, found = shipped(), {}  # type: ignore[var-annotated]
    whys = [(plain_index().get(plain_tokens(t)), Reason("page", t)) for t in topics]
    for field, text in (("title", title), ("abstract", abstract)):
        whys += [(hit, Reason("text", hit[1], field)) for hit in plain_matches(text)]
    for hit, reason in whys:
        live = tagger.successor(hit[0]) if hit else None
        if hit and live:
            via = "/".join(hit[0].rsplit("/", 2)[-2:]) if live != hit[0] else None
            found.setdefault(live, []).append(Reason(reason.kind, reason.label, reason.field, via))
    return tuple(Tag(c, tuple(dict.fromkeys(found[c]))) for c in sorted(found))


def _text(words: list[str], seps: list[str]) -> str:
    return "".join(w + s for w, s in zip(words, seps, strict=False))


WORDS = st.lists(
    st.one_of(st.sampled_from(label_words()), st.text(string.ascii_letters, max_size=8)),
    max_size=25,
)
SEPS = st.lists(st.sampled_from([" ", "  ", ", ", "-", "'", "\u00a0", " – ", "\n"]), max_size=25)


@settings(max_examples=300, deadline=None)  # the first example loads the shipped vocabulary
@given(WORDS, SEPS, ANY)
def test_matches_equal_the_plain_matches(words: list[str], seps: list[str], noise: str) -> None:
    text = _text(words, seps)
    assert shipped().matches(text) == plain_matches(text)
    assert shipped().matches(noise + text) == plain_matches(noise + text)


TOPIC = st.one_of(st.sampled_from(label_words()), st.text(max_size=12))


@settings(max_examples=200, deadline=None)
@given(st.lists(TOPIC, max_size=4), WORDS, SEPS, WORDS)
def test_tags_equal_the_plain_tags_asked_once_or_again(
    topics: list[str], title: list[str], seps: list[str], abstract: list[str]
) -> None:
    expected = plain_tags(topics, _text(title, seps), _text(abstract, seps))
    tagger = shipped()  # remembers across examples: asked again, from what it remembered
    assert tagger.tags(topics, _text(title, seps), _text(abstract, seps)) == expected
    assert tagger.tags(topics, _text(title, seps), _text(abstract, seps)) == expected
    fresh = pickle.loads(pickle.dumps(tagger))  # as a build worker gets it: nothing remembered
    assert fresh.tags(topics, _text(title, seps), _text(abstract, seps)) == expected


def test_a_worker_gets_the_index_not_what_was_remembered() -> None:
    tagger = Tagger(load_vocabulary(ROOT / "vocab", ID), [TOPICS])
    before = len(pickle.dumps(tagger))
    tagger.tags(["Violence", "nothing known"], "Crime and violence", "terrorism")
    assert len(pickle.dumps(tagger)) == before

"""Search: titles, abstracts, names, topics and places (SQLite FTS5 written by the build), ranked,
with snippets and filters; authors and year in every list; FTS syntax never reaches the engine."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.catalogue import FILE
from kg.catalogue.read import CatalogueIndex
from kg.catalogue.search import SearchQuery, match_expression, search
from kg.catalogue.write import sort_key, write_index
from kg.store import current_release
from tests.conftest import Built
from tests.inprocess import InProcess

WORK = re.compile(r'<li><span class="tag">(\w+)</span> <a href="([^"]+)">([^<]+)</a>')


def _results(site: InProcess, **params: str) -> tuple[int, list[tuple[str, str, str]], str]:
    """The stated total, the (type, IRI, label) of each hit, and the page."""
    response = site.client().get("/search", query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)
    html = response.get_data(as_text=True)
    stated = re.search(r'class="summary">([\d,]+) result', html)
    total = int(stated.group(1).replace(",", "")) if stated else 0
    return total, WORK.findall(html), html


def _keys(hits: list[tuple[str, str, str]]) -> list[str]:
    return [iri.rsplit("/", 1)[-1] for _, iri, _ in hits]


def test_words_are_found_in_abstracts_names_topics_and_places(sample_app: InProcess) -> None:
    # "NatCen" is in one work's abstract and in the other's publisher, not in a title.
    _, hits, _ = _results(sample_app, q="natcen")
    assert {"edx9cagr1c", "cqp7j5hv33"} <= set(_keys(hits))
    # An author's name finds the person and their works.
    _, hits, _ = _results(sample_app, q="Wolbers")
    assert _keys(hits)[0] == "jvmnck0r4s" and {"fe0gbch4zj", "a9k3rn7r30"} <= set(_keys(hits))
    # A place finds the place and the works about it or published there.
    _, hits, _ = _results(sample_app, q="london")
    assert ("Place", sample_app.base + "id/place/london", "London") in hits
    assert "edx9cagr1c" in _keys(hits)  # published in London; "London" is in no word of it
    # Stemming: "victims" finds "victimization".
    _, hits, _ = _results(sample_app, q="victims")
    assert "victimization" in _keys(hits)


def test_a_title_match_ranks_above_a_match_elsewhere(sample_app: InProcess) -> None:
    _, hits, _ = _results(sample_app, q="london", type="work")
    # w179fe0a4w has London in its title; the others only in a place or abstract.
    assert _keys(hits)[0] == "w179fe0a4w"


def test_snippets_mark_the_match_and_escape_the_text(synthetic_app: InProcess) -> None:
    _, _, html = _results(synthetic_app, q="markup")
    snippet = html.split('<p class="snippet">', 1)[1].split("</p>", 1)[0]
    assert "<mark>markup</mark>" in snippet
    assert "&lt;i&gt;" in snippet and "&lt;/script&gt;" in snippet and "<i>" not in snippet


def test_every_word_must_match_and_phrases_stay_phrases(synthetic_app: InProcess) -> None:
    total, _, _ = _results(synthetic_app, q="annual REVIEW")
    assert total == 3
    total, _, _ = _results(synthetic_app, q="annual victimization")
    assert total == 0
    assert _results(synthetic_app, q='"repeat victimization"')[0] == 120
    assert _results(synthetic_app, q='"victimization repeat"')[0] == 0


def test_filters_by_type_topic_place_and_year(synthetic_app: InProcess) -> None:
    total, _, _ = _results(synthetic_app, q="victimization", type="person")
    assert total == 0
    total, hits, _ = _results(synthetic_app, q="study", topic="child-abuse")
    assert total == 60 and all(t == "Report" for t, _, _ in hits)
    assert "Only works" in _results(synthetic_app, topic="child-abuse")[2]
    total, hits, _ = _results(synthetic_app, place="manila")
    assert _keys(hits) == ["article1"]
    total, _, _ = _results(synthetic_app, q="study", year="2000-2009")
    assert total == 38  # years 1990 + n % 34 for n < 120: n % 34 in 10..19 for 38 of them
    total, _, _ = _results(synthetic_app, q="study", year="2023")
    assert total == 3
    total, _, _ = _results(synthetic_app, type="series")
    assert total == 1


def test_facets_count_the_results(synthetic_app: InProcess) -> None:
    _, _, html = _results(synthetic_app, q="victimization")
    facets = html.split('aria-label="Narrow the results"', 1)[1]
    counts = dict(re.findall(r'>([\w ]+)</a> <span class="note">(\d+)</span>', facets))
    # "Study NNN of repeat victimization" (120 reports) and "Victims in court" (stemming), the
    # topics Victimization and Juvenile victims; a topic facet counts the matching works on it
    # (the studies alternate two topics).
    assert counts == {
        "Reports": "121",
        "Works": "121",
        "Topics": "2",
        "Child abuse": "60",
        "Victimization": "60",
    }


def test_sorting_ignores_leading_quote_marks(sample_app: InProcess) -> None:
    assert sort_key("“I wanted them all to notice”").startswith("i wanted them")
    assert sort_key("'Écoles' \"en\" crise") == 'ecoles\' "en" crise'
    assert sort_key("[Untitled]") == "untitled]" and sort_key("«Titre»") == "titre»"
    html = sample_app.get("/browse/works").get_data(as_text=True)
    titles = re.findall(r'<li><a href="[^"]+/id/work/[^"]+">([^<]+)</a>', html)
    assert titles == sorted(titles, key=sort_key)
    quoted = next(t for t in titles if t.startswith("“"))
    assert titles.index(quoted) == sorted(titles, key=lambda t: t.lstrip("“")).index(quoted)
    _, hits, _ = _results(sample_app, type="work", sort="title")
    assert [label for _, _, label in hits] == titles


def test_every_list_shows_authors_and_year(sample_app: InProcess) -> None:
    work = re.compile(r'/id/work/[^"]+">[^<]+</a> <span class="by">— <a href="[^"]+/id/')
    year = re.compile(r'</span> <span class="note">\(\d{4}\)</span>')
    pages = {
        "browse": sample_app.get("/browse/works").get_data(as_text=True),
        "search": _results(sample_app, q="violence")[2],
        "home": sample_app.get("/").get_data(as_text=True),
        "topic": sample_app.get("/doc/topic/victimization").get_data(as_text=True),
    }
    for name, html in pages.items():
        assert work.search(html) and year.search(html), name


def test_results_are_paged(synthetic_app: InProcess) -> None:
    total, first, html = _results(synthetic_app, q="bulletin")
    assert total == 2500 and len(first) == 50 and 'rel="next"' in html
    _, second, html = _results(synthetic_app, q="bulletin", page="2")
    assert not set(first) & set(second) and 'rel="prev"' in html
    total, hits, html = _results(synthetic_app, q="bulletin", page="200")
    assert hits == [] and "Nothing matches on page 200" in html


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"type": "cat"}, "type"),
        ({"sort": "random"}, "sort"),
        ({"page": "0"}, "page"),
        ({"page": "201"}, "page"),
        ({"year": "last year"}, "year"),
    ],
)
def test_bad_parameters_are_a_400_that_names_them(
    synthetic_app: InProcess, params: dict[str, str], named: str
) -> None:
    response = synthetic_app.client().get(
        "/search", query_string={"q": "x", **params}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 400
    assert response.get_json()["detail"].startswith(named)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    q=st.text(max_size=60) | st.sampled_from(['"', "NEAR(a b)", "a*", "-x", "title:x", "^", "()"]),
    type_=st.sampled_from(["", "report", "person", "work"]) | st.text(max_size=8),
    year=st.sampled_from(["", "2019", "2010-2019", "-2000", "2020-"]) | st.text(max_size=10),
    sort=st.sampled_from(["", "relevance", "title", "year"]) | st.text(max_size=5),
    page=st.sampled_from(["1", "2"]) | st.text(max_size=4),
    topic=st.sampled_from(["", "child-abuse"]) | st.text(max_size=8),
)
def test_no_query_string_is_a_server_error(
    synthetic_app: InProcess, q: str, type_: str, year: str, sort: str, page: str, topic: str
) -> None:
    params = {"q": q, "type": type_, "year": year, "sort": sort, "page": page, "topic": topic}
    response = synthetic_app.client().get("/search", query_string=params)
    assert response.status_code in (200, 400), response.get_data(as_text=True)[:500]


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_the_match_expression_is_always_valid_fts5(text: str) -> None:
    expression = match_expression(text)
    if expression is None:
        assert not re.search(r"\w", text[:200])
        return
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE f USING fts5(a, tokenize = 'porter unicode61')")
    db.execute("INSERT INTO f VALUES ('some text')")
    db.execute("SELECT * FROM f WHERE f MATCH ?", (expression,)).fetchall()  # never raises


def test_a_search_page_is_a_typed_list_of_works(synthetic_app: InProcess) -> None:
    """What an export reuses: the works of a page, in order, with their fields."""
    with synthetic_app.app.test_request_context("/"):
        from kg.web.catalogue import catalogue

        page = search(catalogue(), SearchQuery(text="trends paper", sort="title"), size=10)
    assert page.total == 4
    assert page.work_iris() == [synthetic_app.base + f"id/work/trend{n}" for n in range(4)]
    assert [a.label for a in page.hits[0].authors] == ["Mei Tanaka"]
    assert page.hits[0].year == 2015 and page.hits[0].work_type == "report"


def test_the_build_writes_the_index_the_store_gives(sample_build: Built, tmp_path: Path) -> None:
    """The index written from the build's lines equals one written from what the store serves
    (how a release without an index gets one)."""
    release = current_release(sample_build.config.build_dir)
    assert (release / FILE).is_file()
    from kg.store.embedded import EmbeddedStore

    with EmbeddedStore.open_read_only(release / "store") as store:
        body = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples")
    id_base = sample_build.config.base_uri + "id/"
    write_index(body.body.decode().splitlines(), id_base, tmp_path)

    def rows(path: Path) -> list[tuple[object, ...]]:
        with sqlite3.connect(path) as db:
            items = db.execute("SELECT * FROM items ORDER BY id").fetchall()
            items += db.execute("SELECT rowid, * FROM search ORDER BY rowid").fetchall()
            items += db.execute("SELECT * FROM links ORDER BY target, item").fetchall()
        db.close()
        return items

    assert rows(release / FILE) == rows(tmp_path / FILE)
    index = CatalogueIndex.open(release)
    assert index is not None
    kinds = {"works": 20, "topics": 60}
    for name, count in kinds.items():
        assert sum(1 for row in rows(release / FILE) if row[1:2] == (name,)) == count

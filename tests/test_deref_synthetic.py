"""Tombstones, odd keys, hubs, escaping and every page type, over the synthetic release."""

from __future__ import annotations

import json
import re

import pytest
import requests
from rdflib import Graph, Literal, URIRef

from kg.namespaces import DCTERMS, HYDRA, SDO
from tests.webfixtures import HUB_WORKS, ODD_KEYS, PROLIFIC_WORKS, SCRIPT_TITLE, SyntheticServer

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


def _get(url: str, **headers: str) -> requests.Response:
    return requests.get(url, headers=headers, allow_redirects=False, timeout=30)


def test_replaced_key_redirects_to_its_successor(synthetic_server: SyntheticServer) -> None:
    site = synthetic_server.site
    thing = _get(site.iri("work", "old1"), Accept="text/turtle")
    assert thing.status_code == 303
    assert thing.headers["Location"] == site.iri("work", "new1")
    assert thing.headers["Vary"] == "Accept"
    doc = _get(site.doc("work", "old1"))
    assert doc.status_code == 301
    assert doc.headers["Location"] == site.doc("work", "new1")
    assert _get(site.doc("work", "old1", ".ttl")).headers["Location"] == site.doc(
        "work", "new1", ".ttl"
    )
    # following the redirects ends at the successor's description, which names the old IRI
    graph = Graph().parse(site.iri("work", "old1"), format="turtle")
    old, new = URIRef(site.iri("work", "old1")), URIRef(site.iri("work", "new1"))
    assert (old, DCTERMS.isReplacedBy, new) in graph


def test_ledger_tombstones_in_the_manifest_are_honoured(
    synthetic_server: SyntheticServer,
) -> None:
    site = synthetic_server.site
    assert _get(site.doc("work", "gone2")).status_code == 410
    assert _get(site.iri("work", "gone2")).status_code == 410
    moved = _get(site.doc("work", "old2", ".jsonld"))
    assert moved.status_code == 301
    assert moved.headers["Location"] == site.doc("work", "new1", ".jsonld")
    assert _get(site.iri("work", "old2")).headers["Location"] == site.iri("work", "new1")


def test_withdrawn_key_is_410_with_a_note(synthetic_server: SyntheticServer) -> None:
    site = synthetic_server.site
    for url in (
        site.iri("work", "gone1"),
        site.doc("work", "gone1"),
        site.doc("work", "gone1", ".nt"),
    ):
        response = _get(url)
        assert response.status_code == 410
        assert "removed from the source listing" in response.json()["detail"]
    page = _get(site.doc("work", "gone1"), Accept="text/html")
    assert page.status_code == 410
    assert "withdrawn" in page.text


def test_deprecated_concept_keeps_its_page(synthetic_server: SyntheticServer) -> None:
    site = synthetic_server.site
    response = _get(site.doc("topic", "juvenile-victims"), Accept="text/html")
    assert response.status_code == 200
    assert "deprecated" in response.text
    assert site.iri("topic", "child-abuse") in response.text


@pytest.mark.parametrize("key", ODD_KEYS)
def test_odd_keys_round_trip(synthetic_server: SyntheticServer, key: str) -> None:
    site = synthetic_server.site
    iri = site.iri("work", key)
    assert "%" in iri  # percent-encoded in the IRI the build minted
    thing = _get(iri)
    assert thing.status_code == 303
    assert thing.headers["Location"] == site.doc("work", key)
    graph = Graph().parse(iri, format="nt")
    assert graph.value(URIRef(iri), DCTERMS.title) == Literal(f"Work with the key {key}", lang="en")
    response = requests.get(site.doc("work", key, ".ttl"), timeout=10)
    assert response.headers["Content-Location"] == site.doc("work", key, ".ttl")


def test_record_text_is_escaped(synthetic_server: SyntheticServer) -> None:
    site = synthetic_server.site
    html = _get(site.doc("work", "xss"), Accept="text/html").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(" in html
    assert "<b>bold</b>" not in html
    assert "</script> in it" not in html
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S)
    assert len(scripts) == 1, "only the JSON-LD block, which the title cannot close"
    assert json.loads(scripts[0])["name"]["@value"] == SCRIPT_TITLE
    person_page = _get(site.doc("person", "okafor", ".html")).text
    assert "<script>alert" not in person_page


def test_person_lists_all_works_newest_first_in_pages(synthetic_server: SyntheticServer) -> None:
    site = synthetic_server.site
    seen: list[str] = []
    url: str | None = site.doc("person", "okafor", ".html")
    while url:
        page = _get(url).text
        assert f"{PROLIFIC_WORKS + 2}" in page  # the count: prolific works + xss + new1
        seen += re.findall(r'<li><a href="([^"]+/id/work/[^"]+)"', page.split('id="works"')[1])
        match = re.search(r'<a rel="next" href="([^"]+)"', page)
        url = match.group(1).replace("&amp;", "&") if match else None
    assert len(seen) == len(set(seen)) == PROLIFIC_WORKS + 2
    first = _get(site.doc("person", "okafor", ".html")).text
    years = [
        int(y)
        for y in re.findall(
            r'/id/work/[^"]+">[^<]+</a>(?: <span class="by">.*?</span>)? <span class="note">'
            r"\((\d{4})\)",
            first,
        )
    ]
    assert years == sorted(years, reverse=True) and years[0] == 2024


def test_person_page_shows_co_authors_and_topics(synthetic_server: SyntheticServer) -> None:
    page = _get(synthetic_server.site.doc("person", "okafor", ".html")).text
    side = page.split('aria-label="Co-authors"')[1]
    assert "Jonas Lindqvist" in side and "Mei Tanaka" in side
    assert "Victimization" in page.split('aria-label="Topics"')[1]


def test_organisation_separates_written_and_published(synthetic_server: SyntheticServer) -> None:
    page = _get(synthetic_server.site.doc("organization", "ijr", ".html")).text
    written = page.split('id="works-written"')[1].split("</section>")[0]
    published = page.split('id="works-published"')[1].split("</section>")[0]
    assert '<span class="count">3</span>' in written
    assert f'<span class="count">{HUB_WORKS + 3:,}</span>' in published
    assert "Annual review 0" in written and "Bulletin" not in written
    assert 'rel="next"' in published


def test_hub_is_paged_and_counted_in_rdf(synthetic_server: SyntheticServer) -> None:
    site = synthetic_server.site
    doc = site.doc("organization", "ijr")
    org = URIRef(site.iri("organization", "ijr"))
    collected: set[URIRef] = set()
    url: str | None = doc + ".ttl"
    pages = 0
    while url:
        response = requests.get(url, timeout=10)
        assert response.status_code == 200
        graph = Graph().parse(data=response.content, format="turtle")
        collected |= {s for s in graph.subjects(DCTERMS.publisher, org) if isinstance(s, URIRef)}
        nxt = graph.value(URIRef(doc), HYDRA.next)
        url = str(nxt).replace("?page=", ".ttl?page=") if nxt else None
        pages += 1
        assert ('rel="next"' in response.headers["Link"]) == (nxt is not None)
    assert len(collected) == HUB_WORKS + 3
    assert pages == -(-(HUB_WORKS + 3) // 50)


def test_topic_page_shows_hierarchy_and_works(synthetic_server: SyntheticServer) -> None:
    site = synthetic_server.site
    page = _get(site.doc("topic", "child-abuse", ".html")).text
    assert "Broader topics" in page and "Victimization" in page
    assert "Works on this topic" in page
    assert "Annual review 1" in page
    parent = _get(site.doc("topic", "victimization", ".html")).text
    assert "Narrower topics" in parent and "Child abuse" in parent


@pytest.mark.parametrize(
    ("type_", "key", "part", "section"),
    [
        ("series", "trends", "Trends paper 3", "parts"),
        ("periodical", "jvict", "Victims in court", "articles"),
    ],
)
def test_series_and_periodicals_list_their_parts(
    synthetic_server: SyntheticServer, type_: str, key: str, part: str, section: str
) -> None:
    page = _get(synthetic_server.site.doc(type_, key, ".html")).text
    parts = page.split(f'id="{section}"')[1]
    assert part in parts


def test_work_page_reads_like_a_catalogue_record(synthetic_server: SyntheticServer) -> None:
    page = _get(synthetic_server.site.doc("work", "trend2", ".html")).text
    for text in (
        "Trends paper 2",
        "Mei Tanaka",
        "How to cite",
        "Trends &amp; Issues in Crime",
        "2017",
        "Number in series",
        "Turtle",
        "JSON-LD",
    ):
        assert text in page, text
    graph = Graph().parse(
        data=page.split('<script type="application/ld+json">')[1].split("</script>")[0],
        format="json-ld",
    )
    work = URIRef(synthetic_server.site.iri("work", "trend2"))
    assert (work, SDO.author, URIRef(synthetic_server.site.iri("person", "tanaka"))) in graph

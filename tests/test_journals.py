"""Articles name their journal, volume, issue and pages, linked to the periodical; a
periodical's page lists its articles by volume and issue, paged."""

from __future__ import annotations

import re

from tests.citefixtures import CiteBuild
from tests.conftest import Built

COMEBACK = "Don’t call it a comeback! Revictimization and the cycle of violence at micro-places"


PART_OF = re.compile(r'<dt>Part of</dt><dd><a href="([^"]+/id/periodical/[^"#]+)">([^<]+)</a>')


def _periodical_href(page: str) -> tuple[str, str]:
    found = PART_OF.search(page)
    assert found, "no Part of row linking a periodical"
    return found.group(1), found.group(2)


def _doc_path(cite_build: CiteBuild, iri: str) -> str:
    return iri.replace(cite_build.config.base_uri, "/").replace("/id/", "/doc/")


def test_an_article_names_its_journal_volume_issue_and_pages(cite_build: CiteBuild) -> None:
    page = cite_build.client().get(cite_build.doc(COMEBACK)).get_data(as_text=True)
    href, line = _periodical_href(page)
    assert line == "Security Journal, vol. 37, no. 4, pp. 1483–1508"
    assert "#" not in href  # the periodical itself, not a raw issue key
    assert "#volume-" not in page.split("<main")[1]


def test_the_sample_articles_name_their_journals(sample_build: Built) -> None:
    from kg.web import create_app

    client = create_app(sample_build.config, sparql_endpoint=False).test_client()
    works = client.get("/browse/works").get_data(as_text=True)
    hrefs = re.findall(r'href="[^"]*/id/work/([^"]+)"', works)
    lines = set()
    for key in hrefs:
        page = client.get(f"/doc/work/{key}").get_data(as_text=True)
        found = PART_OF.search(page)
        if found:
            lines.add(found.group(2))
    assert lines == {
        "Security Journal, vol. 37, pp. 1483–1508",
        "Sociological Science, vol. 11, pp. 934-964",
        "Annual Review of Criminology, vol. 3, pp. 139–163",
    }


def test_a_periodical_lists_its_articles_by_volume_and_issue(cite_build: CiteBuild) -> None:
    client = cite_build.client()
    page = client.get(cite_build.doc(COMEBACK)).get_data(as_text=True)
    href, _ = _periodical_href(page)
    periodical = client.get(_doc_path(cite_build, href))
    html = periodical.get_data(as_text=True)
    assert "Nothing in the catalogue links here" not in html
    assert re.search(r'Articles <span class="count">4</span>', html)
    headings = re.findall(r"<h3 id=\"([^\"]+)\">([^<]+)</h3>", html)
    assert headings == [
        ("volume-37-issue-4", "Volume 37, issue 4"),
        ("volume-37-issue-2", "Volume 37, issue 2"),
        ("volume-36-issue-1", "Volume 36, issue 1"),
    ]
    issue4 = html.split('id="volume-37-issue-4"')[1].split("<h3")[0]
    assert "(Cory Schnell and Jane van der Berg, pp. 1483–1508, 2024)" in issue4
    # Within an issue, by first page.
    assert issue4.index("A note on repeat burglary") < issue4.index("Don’t call it a comeback")


def test_the_periodical_listing_is_paged(cite_build: CiteBuild) -> None:
    client = cite_build.client(page_size=3)
    page = client.get(cite_build.doc(COMEBACK)).get_data(as_text=True)
    doc = _doc_path(cite_build, _periodical_href(page)[0])
    first = client.get(doc).get_data(as_text=True)
    assert "Showing 1–3 of 4" in first and 'rel="next"' in first and 'rel="prev"' not in first
    second = client.get(doc + "?page=2").get_data(as_text=True)
    assert "Showing 4–4 of 4" in second and 'rel="prev"' in second and 'rel="next"' not in second
    assert "Hot spots and the displacement question" in second
    assert "Hot spots and the displacement question" not in first


def test_the_articles_rdf_document_carries_the_chain(cite_build: CiteBuild) -> None:
    from rdflib import Graph, Literal

    from kg.namespaces import SDO

    body = cite_build.client().get(cite_build.doc(COMEBACK, ".ttl")).get_data(as_text=True)
    graph = Graph().parse(data=body, format="turtle")
    issue = next(o for o in graph.objects(None, SDO.isPartOf) if "issue" in str(o))
    assert (issue, SDO.issueNumber, Literal("4")) in graph
    volume = graph.value(issue, SDO.isPartOf)
    assert (volume, SDO.volumeNumber, Literal("37")) in graph
    periodical = graph.value(volume, SDO.isPartOf)
    assert (periodical, SDO.name, Literal("Security Journal")) in graph

"""Home, browse, search, robots.txt, sitemap, dataset description and dumps (sample build)."""

from __future__ import annotations

import hashlib
import json
import re
from xml.etree import ElementTree

import pytest
import requests
from rdflib import Graph, URIRef

from kg.namespaces import RDF, VOID
from kg.store import Manifest, live_release
from tests.conftest import SERVED_ON, Server, served_on
from tests.webfixtures import SyntheticServer

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.fixture(scope="module", params=SERVED_ON)
def server(request: pytest.FixtureRequest) -> Server:
    """This module's tests run on the embedded store, `oxigraph serve` and Virtuoso."""
    return served_on(request)


def test_home_page_summarises_the_dataset(server: Server) -> None:
    page = requests.get(server.url + "/", timeout=10).text
    assert re.search(r'<span class="n">20</span> <span class="what">Works</span>', page)
    for link in (
        "/sparql",
        "/.well-known/void",
        "/dumps/latest.nt.gz",
        "/browse/people",
        "/search",
    ):
        assert link in page, link
    data = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Dataset"
    assert data["license"] == "http://creativecommons.org/publicdomain/zero/1.0/"


def test_newest_works_come_first(server: Server) -> None:
    page = requests.get(server.url + "/", timeout=10).text
    newest = page.split('id="newest-h"')[1]
    years = [int(y) for y in re.findall(r'<span class="note">\((\d{4})\)', newest)]
    assert years and years == sorted(years, reverse=True)


def test_browse_lists_are_paged(synthetic_server: SyntheticServer) -> None:
    url = synthetic_server.url + "/browse/works"
    first = requests.get(url, timeout=10).text
    assert 'rel="next"' in first and 'rel="prev"' not in first
    total = int(re.search(r'<span class="count">([\d,]+)</span>', first).group(1).replace(",", ""))
    last_page = -(-total // 50)
    last = requests.get(url, params={"page": last_page}, timeout=10).text
    assert 'rel="next"' not in last and 'rel="prev"' in last
    assert len(re.findall(r"<li><a ", last)) == total - 50 * (last_page - 1)
    assert requests.get(url, params={"page": "x"}, timeout=10).status_code == 400
    assert requests.get(synthetic_server.url + "/browse/nothing", timeout=10).status_code == 404


def test_robots_allows_documents_and_not_the_endpoint(server: Server) -> None:
    robots = requests.get(server.url + "/robots.txt", timeout=10)
    assert robots.headers["Content-Type"].startswith("text/plain")
    assert "Disallow: /sparql" in robots.text
    assert f"Sitemap: {server.url}/sitemap.xml" in robots.text


def test_sitemap_lists_every_document(server: Server) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = ElementTree.fromstring(requests.get(server.url + "/sitemap.xml", timeout=10).content)
    parts = [loc.text for loc in index.findall("s:sitemap/s:loc", ns)]
    assert parts == [server.url + "/sitemap-1.xml"]
    urlset = ElementTree.fromstring(requests.get(str(parts[0]), timeout=10).content)
    urls = [loc.text or "" for loc in urlset.findall("s:url/s:loc", ns)]
    assert sum("/doc/work/" in u for u in urls) == 20
    assert requests.get(urls[0], timeout=10).status_code == 200


def test_well_known_void_leads_to_the_dataset(server: Server) -> None:
    hop = requests.get(server.url + "/.well-known/void", allow_redirects=False, timeout=10)
    assert hop.status_code == 303
    graph = Graph().parse(server.url + "/.well-known/void", format="turtle")
    dataset = URIRef(server.url + "/id/dataset/kg")
    assert (dataset, RDF.type, VOID.Dataset) in graph


def test_dumps_are_served_as_the_manifest_lists_them(server: Server) -> None:
    manifest = Manifest.read(live_release(server.config))
    for entry in manifest.extra["dumps"]:
        response = requests.get(entry["url"], timeout=30)
        assert response.status_code == 200, entry["url"]
        assert hashlib.sha256(response.content).hexdigest() == entry["sha256"]
        assert "ETag" in response.headers
        if "latest_url" in entry:
            hop = requests.get(entry["latest_url"], allow_redirects=False, timeout=10)
            assert hop.status_code == 302 and hop.headers["Location"] == entry["url"]
    assert requests.get(server.url + "/dumps/../manifest.json", timeout=10).status_code == 404

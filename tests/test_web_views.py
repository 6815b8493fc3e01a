"""Views, fields and descriptions through the app in this process (no server needed)."""

from __future__ import annotations

import json
import re

import pyoxigraph as ox

from kg.namespaces import BIBO, DCTERMS, OWL, RDF, SDO, SKOS, XSD
from kg.store import Description
from kg.web import fields as F
from kg.web.view import Link, build_page
from tests.inprocess import InProcess


def _embedded(html: str) -> dict[str, object]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found, "no embedded JSON-LD"
    data = json.loads(found.group(1))
    assert isinstance(data, dict)
    return data


def test_the_dataset_page_answers_every_accept(sample_app: InProcess) -> None:
    """The header's "Dataset" link: /.well-known/void → 303 → the dataset's page."""
    hop = sample_app.get("/.well-known/void", "*/*")
    assert hop.status_code == 303
    for accept in ("*/*", None, "text/html"):
        page = sample_app.get(hop.headers["Location"], accept)
        assert page.status_code == 200, accept
        assert page.mimetype == "text/html"


def test_embedded_data_keeps_the_things_own_url(sample_app: InProcess) -> None:
    """The dataset has a schema:url (its home page); the page describing it is its
    mainEntityOfPage, not a second value pasted over the first."""
    data = _embedded(sample_app.get("/doc/dataset/kg").get_data(as_text=True))
    assert isinstance(data["url"], dict) and data["url"]["@id"] == sample_app.base
    assert data["mainEntityOfPage"] == sample_app.base + "doc/dataset/kg"


def test_embedded_data_of_a_work_names_its_page(synthetic_app: InProcess) -> None:
    data = _embedded(synthetic_app.get("/doc/work/trend1").get_data(as_text=True))
    assert data["@id"] == synthetic_app.base + "id/work/trend1"
    assert data["url"] == data["mainEntityOfPage"] == synthetic_app.base + "doc/work/trend1"


def _count_on_home(site: InProcess, heading: str) -> int:
    home = site.get("/").get_data(as_text=True)
    found = re.search(rf'<span class="n">([\d,]+)</span> <span class="what">{heading}</span>', home)
    assert found, f"no count of {heading} on the home page"
    return int(found.group(1).replace(",", ""))


def _browse(site: InProcess, kind: str) -> tuple[int, list[str]]:
    """The total a browse list states and every link of all its pages."""
    links: list[str] = []
    total, page = -1, 1
    while True:
        html = site.get(f"/browse/{kind}?page={page}").get_data(as_text=True)
        stated = re.search(r'<span class="count">([\d,]+)</span>', html)
        assert stated
        total = int(stated.group(1).replace(",", ""))
        items = html.split('<ol class="items', 1)[1].split("</ol>", 1)[0] if "<ol" in html else ""
        links += re.findall(r'<li><a href="([^"]+)"', items)
        if 'rel="next"' not in html:
            return total, links
        page += 1


def _scheme_concepts(site: InProcess, name: str) -> int:
    html = site.get("/vocab/").get_data(as_text=True)
    row = re.search(rf'href="/vocab/{name}">[^<]*</a></td>\s*<td>(\d+)</td>', html)
    assert row, f"no row for the {name} scheme on /vocab/"
    return int(row.group(1))


def test_topics_are_topics_and_places_are_places(sample_app: InProcess) -> None:
    total, links = _browse(sample_app, "topics")
    assert len(links) == total
    assert all(link.startswith(sample_app.base + "id/topic/") for link in links)
    total, links = _browse(sample_app, "places")
    assert len(links) == total
    assert all(link.startswith(sample_app.base + "id/place/") for link in links)


def test_one_count_per_scheme_everywhere(sample_app: InProcess) -> None:
    topics, _ = _browse(sample_app, "topics")
    assert _count_on_home(sample_app, "Topics") == topics == _scheme_concepts(sample_app, "topics")
    places, links = _browse(sample_app, "places")
    assert _count_on_home(sample_app, "Places") == places
    # Places the records name that the vocabulary does not hold yet are listed on its page,
    # so the scheme's count and the places' count add up where a specialist looks.
    scheme = sample_app.get("/vocab/places").get_data(as_text=True)
    missing = scheme.split('id="not-in-vocabulary"', 1)[1] if "not-in-vocabulary" in scheme else ""
    minted = re.findall(r'<li><a href="([^"]+)"', missing)
    assert places == _scheme_concepts(sample_app, "places") + len(minted)
    assert set(minted) < set(links)


def test_a_place_page_speaks_of_places(sample_app: InProcess) -> None:
    html = sample_app.get("/doc/place/new-york").get_data(as_text=True)
    assert '<p class="kind">Place</p>' in html
    assert "topic" not in html.split("<main", 1)[1].lower()
    assert "United States" in html.split("Lies in", 1)[1].split("</div>", 1)[0]


def test_mappings_are_shown_once(sample_app: InProcess) -> None:
    """Exact matches are the vocabulary panel's; the record does not repeat them as Same as."""
    html = sample_app.get("/doc/place/new-york").get_data(as_text=True)
    for target in ("http://www.wikidata.org/entity/Q60", "https://sws.geonames.org/5128581/"):
        assert html.count(f'href="{target}"') == 1, target


# Views and fields on hand-made descriptions: what a page shows for given triples.

EX = "http://127.0.0.1:5999/id/"


def _t(s: str, p: object, o: object) -> ox.Triple:
    obj = o if isinstance(o, ox.Literal | ox.NamedNode) else ox.NamedNode(str(o))
    return ox.Triple(ox.NamedNode(s), ox.NamedNode(str(p)), obj)


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


def test_a_work_page_shows_equivalent_predicates_once_and_authors_in_order() -> None:
    work, seq = EX + "work/w1", EX + "work/w1#authors"
    ann, bob = EX + "person/ann", EX + "person/bob"
    own = (
        _t(work, RDF.type, SDO.Report),
        _t(work, DCTERMS.title, _en("A title")),
        _t(work, SDO.name, _en("A title")),
        _t(work, DCTERMS.creator, bob),
        _t(work, DCTERMS.creator, ann),
        _t(work, SDO.author, ann),
        _t(work, BIBO.authorList, seq),
        _t(seq, RDF["_1"], bob),
        _t(seq, RDF["_2"], ann),
        _t(work, DCTERMS.issued, ox.Literal("2019", datatype=ox.NamedNode(str(XSD.gYear)))),
        _t(work, "http://example.org/unknown#prop", _en("kept")),
    )
    context = (_t(ann, SDO.name, _en("Ann")), _t(bob, SDO.name, _en("Bob")))
    page = build_page(Description(ox.NamedNode(work), own, context), "work", "en", [], EX[:-3])
    assert page.kind == "Report" and page.label == "A title" and page.lang == "en"
    assert [a.label for a in page.values("Authors")] == ["Bob", "Ann"]  # printed order
    assert [y.label for y in page.values("Year")] == ["2019"]
    assert page.more == [("http://example.org/unknown#prop", [Link("kept", lang="en")])]
    assert [name for name, _ in page.fields] == ["Authors", "Year"]


def test_a_place_is_a_place_with_its_own_headings() -> None:
    place, country = EX + "place/lyon", EX + "place/france"
    own = (
        _t(place, RDF.type, SKOS.Concept),
        _t(place, RDF.type, SDO.Place),
        _t(place, SKOS.prefLabel, _en("Lyon")),
        _t(place, SKOS.broader, country),
        _t(place, SDO.containedInPlace, country),
        _t(place, SKOS.exactMatch, "http://www.wikidata.org/entity/Q456"),
        _t(place, OWL.sameAs, "http://example.org/lyon"),
    )
    context = (_t(country, SKOS.prefLabel, _en("France")),)
    page = build_page(Description(ox.NamedNode(place), own, context), "place", "en", [], EX[:-3])
    assert page.kind == "Place"
    assert [name for name, _ in page.fields] == ["Lies in", "Country", "Same as"]
    assert [v.href for v in page.values("Same as")] == ["http://example.org/lyon"]
    assert page.more == []  # the exact match is the vocabulary panel's
    topic = build_page(Description(ox.NamedNode(place), own, context), "topic", "en", [], EX[:-3])
    assert "Broader topics" in [name for name, _ in topic.fields]


def test_field_helpers() -> None:
    assert F.curie(str(SDO.name)) == "schema:name"
    assert F.curie("http://example.org/x") == "http://example.org/x"
    assert F.kind_of([str(SKOS.Concept), str(SDO.Place)]) == "Place"
    assert F.kind_of([str(SKOS.Concept)]) == "Topic"
    assert F.heading_for("Broader topics", "place") == "Lies in"
    assert F.heading_for("Broader topics", "topic") == "Broader topics"
    assert F.is_member(ox.NamedNode(str(RDF["_12"]))) and not F.is_member(
        ox.NamedNode(str(RDF.type))
    )


def test_a_description_pages_inverse_links_newest_first(synthetic_app: InProcess) -> None:
    store = synthetic_app.app.extensions["kg.store"]
    person = ox.NamedNode(synthetic_app.base + "id/person/okafor")
    first = store.describe(person, 1, 50)
    (works,) = [g for g in first.inverse if g.predicate.value == str(DCTERMS.creator)]
    assert works.total == 122 and len(works.subjects) == 50 and works.newest_first
    assert first.has_next
    years = {
        t.subject.value: int(t.object.value)
        for t in first.context
        if t.predicate.value == str(DCTERMS.issued)
    }
    listed = [years[s.value] for s in works.subjects]
    assert listed == sorted(listed, reverse=True) and listed[0] == 2024
    third = store.describe(person, 3, 50)
    (rest,) = [g for g in third.inverse if g.predicate.value == str(DCTERMS.creator)]
    assert len(rest.subjects) == 22 and not third.has_next
    assert store.describe(ox.NamedNode(synthetic_app.base + "id/work/nothing")).found is False

"""Citations people can use: CSL-formatted (APA, Chicago), exports read back by real readers
(rispy, bibtexparser) with the graph's fields, Highwire Press meta tags for Zotero and Scholar."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts
from rdflib import RDF, Graph, URIRef

from kg.namespaces import BIBO, DCTERMS, SDO
from tests.citefixtures import CiteBuild
from tests.conftest import Built

COMEBACK = "Don’t call it a comeback! Revictimization and the cycle of violence at micro-places"
HANDBOOK = "Victims in the courtroom: A Handbook"
BULLETIN = "Homicide of Aboriginal and Torres Strait Islander women"
PENSIONS = "Social Pensions and Intimate Partner Violence against Older Women"
GAO = "Ridesharing and Taxi Safety: Information on Background Checks"

# What each style prints, with {IRI} for the work's permanent IRI. These pin citeproc-py and
# the fixes kg/cite/styles.py supplies (editors once, "(Eds.)", punctuation inside quotes).
GOLDEN = {
    ("apa", COMEBACK): "Schnell, C., &amp; van der Berg, J. (2024). Don’t call it a comeback! "
    "Revictimization and the cycle of violence at micro-places. <i>Security Journal</i>, "
    "<i>37</i>(4), 1483–1508. {IRI}",
    ("chicago", COMEBACK): "Schnell, Cory, and Jane van der Berg. 2024. “Don’t Call It a "
    "Comeback! Revictimization and the Cycle of Violence at Micro-places.” <i>Security "
    "Journal</i> 37 (4): 1483–1508. {IRI}.",
    ("apa", HANDBOOK): "Featherstone, L., &amp; Minto, K. (Eds.). (2021). <i>Victims in the "
    "courtroom: A Handbook</i>. Routledge. {IRI}",
    ("chicago", HANDBOOK): "Featherstone, Lisa, and Kiara Minto, eds. 2021. <i>Victims in the "
    "Courtroom: A Handbook</i>. London: Routledge. {IRI}.",
    ("apa", BULLETIN): "Australian Institute of Criminology. (2024). <i>Homicide of Aboriginal "
    "and Torres Strait Islander women</i> (Statistical Bulletin No. 46). Australian Institute "
    "of Criminology. {IRI}",
    ("chicago", BULLETIN): "Australian Institute of Criminology. 2024. <i>Homicide of "
    "Aboriginal and Torres Strait Islander Women</i>. Statistical Bulletin 46. Canberra: "
    "Australian Institute of Criminology. {IRI}.",
    ("apa", PENSIONS): "Bellés-Obrero, C., La Mattina, G., &amp; Ye, H. (2024). <i>Social "
    "Pensions and Intimate Partner Violence against Older Women</i> (Working Paper "
    "IDB-WP-1640). Inter-American Development Bank. {IRI}",
    ("chicago", PENSIONS): "Bellés-Obrero, Cristina, Giulia La Mattina, and Han Ye. 2024. "
    "<i>Social Pensions and Intimate Partner Violence Against Older Women</i>. Working Paper "
    "IDB-WP-1640. Washington, DC: Inter-American Development Bank. {IRI}.",
}
CITATION = re.compile(r'<p class="citation csl-entry" data-style="(\w+)">(.*?)</p>', re.S)


def _page(cite_build: CiteBuild, title: str, query: str = "") -> str:
    response = cite_build.client().get(cite_build.doc(title) + query)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_data(as_text=True)


@pytest.mark.parametrize(("style", "title"), sorted(GOLDEN))
def test_citations_in_each_style_match_the_golden_text(
    cite_build: CiteBuild, style: str, title: str
) -> None:
    query = "" if style == "apa" else f"?style={style}"
    found = CITATION.search(_page(cite_build, title, query))
    assert found, "no citation on the page"
    iri = f"{cite_build.config.base_uri}id/work/{cite_build.key(title)}"
    assert found.group(1) == style
    assert found.group(2) == GOLDEN[(style, title)].replace("{IRI}", iri)


def test_the_page_offers_each_style_and_the_exports_without_javascript(
    cite_build: CiteBuild,
) -> None:
    page = _page(cite_build, COMEBACK)
    panel = page.split('id="cite-h"')[1].split("</aside>")[0]
    assert '<strong aria-current="true">APA</strong>' in panel
    assert re.search(
        r'href="http://kg\.test/doc/work/\w+\?style=chicago#cite-h"[^>]*>Chicago</a>', panel
    )
    for suffix, label in (("ris", "RIS"), ("bib", "BibTeX"), ("csl.json", "CSL-JSON")):
        assert re.search(rf'href="[^"]+\.{re.escape(suffix)}"[^>]*>{label}</a>', panel), label
    assert "<script" not in page.split("</head>")[1]  # no JavaScript needed
    chicago = _page(cite_build, COMEBACK, "?style=chicago")
    assert '<strong aria-current="true">Chicago</strong>' in chicago


def test_an_unknown_style_is_a_clear_400(cite_build: CiteBuild) -> None:
    response = cite_build.client().get(cite_build.doc(COMEBACK) + "?style=mla")
    assert response.status_code == 400
    assert "apa, chicago" in response.get_json()["fix"]


# --- The graph's fields, read from the work's own RDF document --------------------------------


@dataclass(frozen=True)
class Fields:
    title: str
    authors: list[str]  # names in natural order, printed order
    editors: list[str]
    year: str
    publisher: str | None
    place: str | None
    journal: str | None
    volume: str | None
    issue: str | None
    pages: tuple[str, str] | None
    series: str | None
    number: str | None  # report number, else number in the series
    url: str


def _graph_fields(cite_build: CiteBuild, title: str) -> Fields:
    ttl = cite_build.client().get(cite_build.doc(title, ".ttl")).get_data(as_text=True)
    g = Graph().parse(data=ttl, format="turtle")
    work = URIRef(f"{cite_build.config.base_uri}id/work/{cite_build.key(title)}")

    def name(node: object) -> str:
        return str(g.value(node, SDO.name))

    def seq(predicate: URIRef) -> list[str]:
        head = g.value(work, predicate)
        if head is None:
            return []
        members = sorted(
            (int(str(p).rsplit("_", 1)[1]), o)
            for p, o in g.predicate_objects(head)
            if str(p).startswith(str(RDF) + "_")
        )
        return [name(o) for _, o in members]

    def text(node: object, predicate: URIRef) -> str | None:
        value = g.value(node, predicate)
        return str(value) if value is not None else None

    part = g.value(work, SDO.isPartOf)
    chain = {}
    for _ in range(3):  # issue → volume → periodical
        if part is None:
            break
        for cls in g.objects(part, RDF.type):
            chain[cls] = part
        part = g.value(part, SDO.isPartOf)
    periodical = chain.get(SDO.Periodical)
    series = chain.get(SDO.CreativeWorkSeries)
    start, end = g.value(work, SDO.pageStart), g.value(work, SDO.pageEnd)
    return Fields(
        title=str(g.value(work, DCTERMS.title)),
        authors=seq(BIBO.authorList),
        editors=seq(BIBO.editorList),
        year=str(g.value(work, DCTERMS.issued)),
        publisher=name(g.value(work, SDO.publisher)) if g.value(work, SDO.publisher) else None,
        place=name(g.value(work, SDO.locationCreated))
        if g.value(work, SDO.locationCreated)
        else None,
        journal=name(periodical) if periodical is not None else None,
        volume=text(chain.get(SDO.PublicationVolume), SDO.volumeNumber),
        issue=text(chain.get(SDO.PublicationIssue), SDO.issueNumber),
        pages=(str(start), str(end)) if start is not None else None,
        series=name(series) if series is not None else None,
        number=text(work, SDO.reportNumber) or text(work, SDO.position),
        url=str(work),
    )


ALL = (COMEBACK, HANDBOOK, BULLETIN, PENSIONS, GAO)


def _natural(name: str) -> str:
    """ "Family, Given" (RIS, BibTeX) → "Given Family"; an organisation stays whole."""
    family, _, given = name.partition(", ")
    return f"{given} {family}" if given else family


@pytest.mark.parametrize("title", ALL)
def test_ris_reads_back_with_the_graphs_fields(cite_build: CiteBuild, title: str) -> None:
    expected = _graph_fields(cite_build, title)
    response = cite_build.client().get(cite_build.doc(title, ".ris"))
    assert response.headers["Content-Type"].startswith("application/x-research-info-systems")
    (entry,) = rispy.loads(response.get_data(as_text=True))
    assert entry["title"] == expected.title
    assert [_natural(a) for a in entry.get("authors", [])] == expected.authors
    assert [_natural(a) for a in entry.get("tertiary_authors", [])] == expected.editors
    assert entry["year"] == expected.year
    assert entry.get("publisher") == expected.publisher
    assert entry.get("place_published") == expected.place
    assert entry["urls"] == [expected.url]
    if expected.journal:
        assert entry["type_of_reference"] == "JOUR"
        assert entry["secondary_title"] == expected.journal
        assert (entry["volume"], entry["number"]) == (expected.volume, expected.issue)
        assert (entry["start_page"], entry["end_page"]) == expected.pages
    else:
        assert entry.get("secondary_title") == expected.series
        if entry["type_of_reference"] == "RPRT":
            assert entry.get("issn") == expected.number  # SN: the report's number


@pytest.mark.parametrize("title", ALL)
def test_bibtex_reads_back_with_the_graphs_fields(cite_build: CiteBuild, title: str) -> None:
    expected = _graph_fields(cite_build, title)
    response = cite_build.client().get(cite_build.doc(title, ".bib"))
    assert response.headers["Content-Type"].startswith("application/x-bibtex")
    library = bibtexparser.parse_string(
        response.get_data(as_text=True),
        append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors(), SplitNameParts()],
    )
    assert not library.failed_blocks
    (entry,) = library.entries
    fields = {f.key: f.value for f in entry.fields}

    def names(key: str) -> list[str]:
        return [
            " ".join(p for p in (*n.first, *n.von, *n.last, *n.jr) if p)
            .replace("{", "")
            .replace("}", "")
            for n in fields.get(key, [])
        ]

    assert fields["title"] == expected.title
    assert names("author") == expected.authors
    assert names("editor") == expected.editors
    assert fields["year"] == expected.year
    assert fields["url"] == expected.url
    if expected.journal:
        assert entry.entry_type == "article"
        assert fields["journal"] == expected.journal
        assert (fields.get("volume"), fields.get("number")) == (expected.volume, expected.issue)
        # Written `1483--1508` (BibTeX's en dash), which the LaTeX decoder reads as "–".
        assert fields["pages"] == "–".join(expected.pages or ())
    else:
        publisher = fields.get("institution") or fields.get("publisher")
        assert publisher == expected.publisher
        assert fields.get("address") == expected.place
        assert (fields.get("type") or fields.get("series")) == expected.series
        assert fields.get("number") == expected.number


@pytest.mark.parametrize("title", ALL)
def test_csl_json_has_the_graphs_fields(cite_build: CiteBuild, title: str) -> None:
    expected = _graph_fields(cite_build, title)
    response = cite_build.client().get(
        cite_build.doc(title), headers={"Accept": "application/vnd.citationstyles.csl+json"}
    )
    assert response.headers["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    (item,) = json.loads(response.get_data(as_text=True))

    def natural(names: list[dict[str, str]]) -> list[str]:
        return [
            n.get("literal")
            or " ".join(n[k] for k in ("given", "non-dropping-particle", "family") if k in n)
            for n in names
        ]

    assert item["title"] == expected.title
    assert natural(item.get("author", [])) == expected.authors
    assert natural(item.get("editor", [])) == expected.editors
    assert item["issued"] == {"date-parts": [[int(expected.year)]]}
    assert item.get("publisher") == expected.publisher
    assert item.get("publisher-place") == expected.place
    assert item["URL"] == expected.url
    assert item.get("container-title") == expected.journal
    assert (item.get("volume"), item.get("issue")) == (expected.volume, expected.issue)
    assert item.get("collection-title", item.get("genre")) == expected.series
    assert item.get("collection-number", item.get("number")) == expected.number


# --- Highwire Press meta tags (Zotero's "Embedded Metadata", Google Scholar) ---------------


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and (found.get("name") or "").startswith("citation_"):
            self.tags.append((found["name"] or "", found.get("content") or ""))


def _meta(page: str) -> dict[str, list[str]]:
    parser = _Meta()
    parser.feed(page)
    out: dict[str, list[str]] = {}
    for name, content in parser.tags:
        out.setdefault(name, []).append(content)
    return out


def test_an_article_has_zoteros_embedded_metadata_fields(cite_build: CiteBuild) -> None:
    expected = _graph_fields(cite_build, COMEBACK)
    meta = _meta(_page(cite_build, COMEBACK))
    assert meta["citation_title"] == [expected.title]
    assert [_natural(a) for a in meta["citation_author"]] == expected.authors
    assert meta["citation_publication_date"] == meta["citation_date"] == [expected.year]
    assert meta["citation_journal_title"] == [expected.journal]
    assert meta["citation_volume"] == [expected.volume]
    assert meta["citation_issue"] == [expected.issue]
    assert (meta["citation_firstpage"][0], meta["citation_lastpage"][0]) == expected.pages
    assert meta["citation_abstract_html_url"] == [
        cite_build.config.base_uri + cite_build.doc(COMEBACK)[1:]
    ]
    assert "citation_pdf_url" not in meta  # the catalogue holds no full texts


def test_a_report_names_its_number_and_institution(cite_build: CiteBuild) -> None:
    meta = _meta(_page(cite_build, PENSIONS))
    assert meta["citation_technical_report_number"] == ["IDB-WP-1640"]
    assert meta["citation_technical_report_institution"] == ["Inter-American Development Bank"]
    assert [_natural(a) for a in meta["citation_author"]] == [
        "Cristina Bellés-Obrero",
        "Giulia La Mattina",
        "Han Ye",
    ]
    book = _meta(_page(cite_build, HANDBOOK))
    assert book["citation_publisher"] == ["Routledge"]
    assert book["citation_editor"] == ["Featherstone, Lisa", "Minto, Kiara"]


def test_rendered_ahead_pages_carry_apa_and_other_styles_are_rendered_per_request(
    sample_build: Built,
) -> None:
    from kg.web import create_app

    app = create_app(sample_build.config, sparql_endpoint=False)
    assert app.extensions["kg.documents"] is not None  # `kg render` has run
    client = app.test_client()
    works = client.get("/browse/works").get_data(as_text=True)
    key = re.search(r'href="[^"]*/id/work/([^"]+)"', works).group(1)
    stored = client.get(f"/doc/work/{key}")
    assert CITATION.search(stored.get_data(as_text=True)).group(1) == "apa"
    chicago = client.get(f"/doc/work/{key}?style=chicago")
    assert CITATION.search(chicago.get_data(as_text=True)).group(1) == "chicago"
    assert chicago.headers["ETag"] != stored.headers["ETag"]


def test_a_stored_work_still_negotiates_its_citation_formats(sample_build: Built) -> None:
    from kg.web import create_app

    client = create_app(sample_build.config, sparql_endpoint=False).test_client()
    works = client.get("/browse/works").get_data(as_text=True)
    key = re.search(r'href="[^"]*/id/work/([^"]+)"', works).group(1)
    accept = {"Accept": "application/x-bibtex, text/html;q=0.1"}
    response = client.get(f"/doc/work/{key}", headers=accept)
    assert response.headers["Content-Type"].startswith("application/x-bibtex")
    assert (
        client.get(f"/doc/work/{key}.ris")
        .headers["Content-Type"]
        .startswith("application/x-research-info-systems")
    )

"""Citation exports are negotiated like every other format: suffixes, ?format=, Accept, Vary,
Link alternates, 406; lists of works export the page shown. And what no input may break."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.cite.bibtex import bibtex
from kg.cite.csl import csl_item
from kg.cite.reference import Name, Reference, organization_name, person_name
from kg.cite.ris import ris
from kg.cite.styles import STYLES, bibliography_entry
from kg.web.conneg import formats_for, negotiate, split_suffix
from tests.citefixtures import CiteBuild

COMEBACK = "Don’t call it a comeback! Revictimization and the cycle of violence at micro-places"
CITATION_TYPES = {
    "ris": "application/x-research-info-systems",
    "bib": "application/x-bibtex",
    "csl.json": "application/vnd.citationstyles.csl+json",
}


@pytest.mark.parametrize(("suffix", "media_type"), sorted(CITATION_TYPES.items()))
def test_each_export_by_suffix_format_and_accept(
    cite_build: CiteBuild, suffix: str, media_type: str
) -> None:
    client = cite_build.client()
    by_suffix = client.get(cite_build.doc(COMEBACK, "." + suffix))
    by_name = client.get(cite_build.doc(COMEBACK) + f"?format={suffix}")
    by_accept = client.get(cite_build.doc(COMEBACK), headers={"Accept": media_type})
    for response in (by_suffix, by_name, by_accept):
        assert response.status_code == 200
        assert response.headers["Content-Type"] == f"{media_type}; charset=utf-8"
    assert by_suffix.data == by_name.data == by_accept.data
    assert by_accept.headers["Vary"] == "Accept"
    assert "Vary" not in by_suffix.headers
    assert by_accept.headers["Content-Location"].endswith(f".{suffix}")
    assert by_suffix.headers["ETag"] != client.get(cite_build.doc(COMEBACK, ".ttl")).headers["ETag"]


def test_work_documents_link_every_export_and_html_stays_the_default(cite_build: CiteBuild) -> None:
    client = cite_build.client()
    page = client.get(cite_build.doc(COMEBACK), headers={"Accept": "*/*"})
    assert page.headers["Content-Type"].startswith("text/html")
    links = page.headers["Link"]
    for suffix, media_type in CITATION_TYPES.items():
        assert re.search(
            rf'<[^>]+\.{re.escape(suffix)}>; rel="alternate"; type="{re.escape(media_type)}"', links
        )
        assert f'<link rel="alternate" type="{media_type}"' in page.get_data(as_text=True)
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert (
        client.get(cite_build.doc(COMEBACK), headers={"Accept": browser})
        .headers["Content-Type"]
        .startswith("text/html")
    )


def test_other_resources_offer_no_citation_formats(cite_build: CiteBuild) -> None:
    client = cite_build.client()
    page = client.get(cite_build.doc(COMEBACK)).get_data(as_text=True)
    person = re.search(r'href="http://kg\.test/id/person/([^"]+)"', page).group(1)
    refused = client.get(f"/doc/person/{person}", headers={"Accept": "application/x-bibtex"})
    assert refused.status_code == 406
    assert "application/x-bibtex" not in refused.get_json()["detail"]
    assert client.get(f"/doc/person/{person}.ris").status_code == 404
    assert client.get(f"/doc/person/{person}?format=bib").status_code == 400
    assert "x-research-info-systems" not in client.get(f"/doc/person/{person}").headers["Link"]
    assert client.get("/terms.ris").status_code == 404
    assert client.get("/vocab/topics.bib").status_code == 404


def test_the_browse_list_of_works_exports_the_page_shown(cite_build: CiteBuild) -> None:
    client = cite_build.client(page_size=3)
    page = client.get("/browse/works?page=2")
    assert page.headers["Vary"] == "Accept"
    shown = re.findall(r'<li><a href="[^"]+">([^<]+)</a>', page.get_data(as_text=True))
    assert len(shown) == 3
    for suffix, media_type in CITATION_TYPES.items():
        assert f'type="{media_type}"' in page.headers["Link"]
        assert f"format={suffix}" in page.get_data(as_text=True).replace("&amp;", "&")
    ris_body = client.get("/browse/works?page=2&format=ris")
    titles = [html.unescape(e["title"]) for e in rispy.loads(ris_body.get_data(as_text=True))]
    assert titles == [html.unescape(t) for t in shown]
    by_accept = client.get("/browse/works?page=2", headers={"Accept": "application/x-bibtex"})
    assert by_accept.headers["Content-Type"].startswith("application/x-bibtex")
    assert len(bibtexparser.parse_string(by_accept.get_data(as_text=True)).entries) == 3
    assert client.get("/browse/works?format=xml").status_code == 400
    assert client.get("/browse/works", headers={"Accept": "image/png"}).status_code == 406


def test_the_csl_json_suffix_has_two_dots() -> None:
    stem, fmt = split_suffix("abc.csl.json", formats_for("work"))
    assert (stem, fmt.suffix if fmt else None) == ("abc", "csl.json")
    assert split_suffix("abc.csl.json")[1] is None  # not offered for other types
    assert negotiate("application/x-bibtex") is None
    bib = negotiate("application/x-bibtex", formats_for("work"))
    assert bib is not None and bib.suffix == "bib"


# --- Names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "family", "given", "particle", "suffix"),
    [
        ("Michael J. Rosenfeld", "Rosenfeld", "Michael J.", "", ""),
        ("Giulia La Mattina", "Mattina", "Giulia", "La", ""),
        ("Jane van der Berg", "Berg", "Jane", "van der", ""),
        ("Cristina Bellés-Obrero", "Bellés-Obrero", "Cristina", "", ""),
        ("Martin Luther King Jr.", "King", "Martin Luther", "", "Jr."),
        ("Madonna", "Madonna", "", "", ""),
        ("  Claude   Ann Mellins ", "Mellins", "Claude Ann", "", ""),
    ],
)
def test_printed_names_split_into_parts(
    printed: str, family: str, given: str, particle: str, suffix: str
) -> None:
    assert person_name(printed) == Name(family, given, particle, suffix)


WORDS = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1)


@given(st.lists(WORDS, min_size=1, max_size=5))
def test_a_split_name_keeps_every_word_in_order(words: list[str]) -> None:
    name = person_name(" ".join(words))
    assert name.natural().split() == " ".join(words).replace(",", " ").split() or "," in "".join(
        words
    )


# --- What no record text may break ---------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60).filter(
    lambda t: t.strip()
)


def _reference(title: str, author: str, kind: str = "report") -> Reference:
    return Reference(
        key="k1",
        kind=kind,  # type: ignore[arg-type]
        title=title,
        url="http://kg.test/id/work/k1",
        page_url="http://kg.test/doc/work/k1",
        authors=(person_name(author), organization_name(author)),
        year="2024",
        publishers=(author,),
        series=title,
        series_number="7",
        journal=title if kind == "article" else None,
        pages="1–9" if kind == "article" else None,
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.add(tag)


@settings(max_examples=40, deadline=None)
@given(TEXT, TEXT, st.sampled_from(STYLES), st.sampled_from(["report", "article", "book"]))
def test_a_citation_never_carries_markup_from_the_record(
    title: str, author: str, style: object, kind: str
) -> None:
    entry = bibliography_entry(csl_item(_reference(title, author, kind)), style)  # type: ignore[arg-type]
    parser = _Tags()
    parser.feed(entry)
    assert parser.tags <= {"i", "b", "span", "sup", "sub"}


@settings(max_examples=60, deadline=None)
@given(TEXT, TEXT, st.sampled_from(["report", "article", "book"]))
def test_exports_read_back_whatever_the_text(title: str, author: str, kind: str) -> None:
    ref = _reference(title, author, kind)
    (entry,) = rispy.loads(ris([ref]))
    assert entry["title"] == " ".join(title.split())
    for line in ris([ref]).split("\r\n"):
        assert not line or re.match(r"^[A-Z][A-Z0-9]  - ", line), line
    library = bibtexparser.parse_string(
        bibtex([ref]), append_middleware=[LatexDecodingMiddleware()]
    )
    assert not library.failed_blocks and len(library.entries) == 1
    assert library.entries[0].fields_dict["url"].value == ref.url


def test_search_results_export_the_works_of_the_page(cite_build: CiteBuild) -> None:
    client = cite_build.client(page_size=2)
    page = client.get("/search?type=work&q=security")
    html_page = page.get_data(as_text=True)
    assert page.status_code == 200 and page.headers["Vary"] == "Accept"
    assert "format=ris" in html_page and 'type="application/x-bibtex"' in page.headers["Link"]
    ris_body = client.get("/search?type=work&q=security&format=ris").get_data(as_text=True)
    exported = [e["title"] for e in rispy.loads(ris_body)]
    assert len(exported) == 2
    for title in exported:
        assert html.escape(title, quote=False) in html_page
    second = client.get(
        "/search?type=work&q=security&page=2", headers={"Accept": "application/x-bibtex"}
    )
    assert second.headers["Content-Type"].startswith("application/x-bibtex")
    titles = {
        e.fields_dict["title"].value
        for e in bibtexparser.parse_string(second.get_data(as_text=True)).entries
    }
    assert titles and not titles & set(exported)
    empty = client.get("/search?format=csl.json")
    assert empty.status_code == 200 and empty.get_json() == []


def test_a_bad_list_parameter_is_a_400_whatever_is_accepted(cite_build: CiteBuild) -> None:
    client = cite_build.client()
    for path in ("/search?q=x&page=0", "/browse/works?page=x"):
        response = client.get(path, headers={"Accept": "application/x-bibtex"})
        assert response.status_code == 400, path

"""OAI-PMH 2.0 at /oai, in-process: every error condition and its code, the request element's
echo, GET and POST alike, and no argument combination or record text that gives anything but a
valid response (XML-illegal characters never reach one)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from kg.namespaces import DCTERMS
from tests.harvest_support import (
    OAI,
    Catalogue,
    error_code,
    identifiers,
    oai_get,
    oai_schema,
    pages,
    small_pages_client,
    valid,
)


@pytest.fixture(scope="module")
def client(harvest_catalogue: Catalogue) -> Any:
    return small_pages_client(harvest_catalogue)


# The openarchives.org validator's error requests (its "testing for error conditions"), and the
# rest of OAI-PMH 2.0's error rules: (query, expected error code).
ERROR_REQUESTS = [
    ("verb=junk", "badVerb"),
    ("", "badVerb"),
    ("verb=", "badVerb"),
    ("verb=Identify&verb=Identify", "badVerb"),
    ("verb=Identify&test=test", "badArgument"),
    ("verb=ListRecords", "badArgument"),
    ("verb=ListIdentifiers&from=2001-01-01", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument"),
    ("verb=ListRecords&metadataPrefix=", "badArgument"),
    (
        "verb=ListRecords&metadataPrefix=oai_dc&from=2001-01-01&until=2002-01-01T00:00:00Z",
        "badArgument",
    ),
    (
        "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2002-02-05&until=2002-02-06T05:35:00Z",
        "badArgument",
    ),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2002-02-05T00:00:00", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2000-13-01", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=junk", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2002-01-01T00:00:00.5Z", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2010-01-02&until=2010-01-01", "badArgument"),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&set=really wrong set", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x", "badArgument"),
    ("verb=ListRecords&resumptionToken=junktoken", "badResumptionToken"),
    ("verb=ListIdentifiers&resumptionToken=junktoken", "badResumptionToken"),
    ("verb=ListSets&resumptionToken=junktoken", "badResumptionToken"),
    ("verb=ListRecords&metadataPrefix=illegal_mdp", "cannotDisseminateFormat"),
    ("verb=ListRecords&metadataPrefix=a:b", "badArgument"),  # not a prefix's syntax
    ("verb=ListIdentifiers&metadataPrefix=illegal_mdp", "cannotDisseminateFormat"),
    ("verb=GetRecord&identifier=invalid%22id&metadataPrefix=oai_dc", "idDoesNotExist"),
    (
        "verb=GetRecord&identifier=oai:localhost.localdomain:work/nonexistent&metadataPrefix=oai_dc",
        "idDoesNotExist",
    ),
    ("verb=GetRecord&metadataPrefix=oai_dc", "badArgument"),
    ("verb=ListMetadataFormats&identifier=really_wrong_id", "idDoesNotExist"),
    ("verb=ListRecords&metadataPrefix=oai_dc&until=1969-01-01T00:00:00Z", "noRecordsMatch"),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&until=1969-01-01", "noRecordsMatch"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2999-01-01", "noRecordsMatch"),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=type:nonexistent", "noRecordsMatch"),
]


@pytest.mark.parametrize(("query", "code"), ERROR_REQUESTS)
def test_error_requests_give_the_right_error(client: Any, query: str, code: str) -> None:
    body, root = oai_get(client, query)
    valid(oai_schema(), body)
    assert error_code(root) == code
    request = root.find(f"{OAI}request")
    if code in ("badVerb", "badArgument"):
        assert dict(request.attrib) == {}  # OAI-PMH 3.2: the base URL only
    assert request.text.endswith("/oai")


@pytest.mark.parametrize(("query", "code"), ERROR_REQUESTS[:12])
def test_error_requests_by_post_give_the_same_errors(client: Any, query: str, code: str) -> None:
    response = client.post("/oai", data=query, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert error_code(etree.fromstring(response.get_data())) == code


def test_get_record_of_a_work_with_a_bad_prefix_and_without_one(client: Any) -> None:
    _, root = oai_get(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")
    identifier = quote(identifiers([root])[0])
    _, bad = oai_get(client, f"verb=GetRecord&identifier={identifier}&metadataPrefix=illegal_mdp")
    assert error_code(bad) == "cannotDisseminateFormat"
    _, missing = oai_get(client, f"verb=GetRecord&identifier={identifier}")
    assert error_code(missing) == "badArgument"


def test_the_request_element_echoes_valid_arguments_escaped(client: Any) -> None:
    _, listed = oai_get(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")
    identifier = identifiers([listed])[0]
    _body, root = oai_get(
        client, f"verb=GetRecord&metadataPrefix=oai_dc&identifier={quote(identifier)}"
    )
    assert root.find(f"{OAI}request").attrib == {
        "verb": "GetRecord",
        "metadataPrefix": "oai_dc",
        "identifier": identifier,
    }
    _, odd = oai_get(
        client, "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + quote('a"<b>&\x01c')
    )
    assert error_code(odd) == "idDoesNotExist"
    assert odd.find(f"{OAI}request").get("identifier") == 'a"<b>&c'


def test_post_takes_the_arguments_from_the_form(client: Any) -> None:
    response = client.post("/oai", data={"verb": "ListMetadataFormats"})
    root = valid(oai_schema(), response.get_data())
    prefixes = [e.text for e in root.iter(f"{OAI}metadataPrefix")]
    assert prefixes == ["oai_dc", "marc21", "marcxml", "rdf"]


def test_xml_illegal_characters_of_a_record_never_reach_a_response(
    harvest_catalogue: Catalogue, client: Any
) -> None:
    graph = harvest_catalogue.graph()
    dirty = [s for s, o in graph.subject_objects(DCTERMS.title) if "\x01" in str(o)]
    assert dirty  # the fixture's title with U+0001 reached the graph
    assert any(
        "removed 2 character(s) XML forbids" in p
        for p in harvest_catalogue.summary.harvest.problems
    )
    for prefix in ("oai_dc", "marc21", "rdf"):
        for body, _ in pages(client, f"verb=ListRecords&metadataPrefix={prefix}"):
            assert b"\x01" not in body and b"\x07" not in body


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from("\x00\x01\ufffe<>&\"'"), max_size=30
)
_NAMES = st.sampled_from(
    ["verb", "metadataPrefix", "identifier", "from", "until", "set", "resumptionToken", "x", ""]
)
_VALUES = st.one_of(
    _TEXT,
    st.sampled_from(
        [
            "Identify",
            "ListRecords",
            "ListIdentifiers",
            "GetRecord",
            "ListSets",
            "ListMetadataFormats",
            "oai_dc",
            "marc21",
            "rdf",
            "2020-01-01",
            "2020-01-01T00:00:00Z",
            "type:report",
            "oai:localhost.localdomain:work/zehssw8vcq",
        ]
    ),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pairs=st.lists(st.tuples(_NAMES, _VALUES), max_size=5), post=st.booleans())
@example(pairs=[("verb", "ListRecords"), ("metadataPrefix", ":")], post=False)
@example(pairs=[("verb", "ListIdentifiers"), ("metadataPrefix", "a b")], post=False)
@example(pairs=[("verb", "GetRecord"), ("identifier", "x"), ("metadataPrefix", "é")], post=True)
@example(pairs=[("verb", "ListMetadataFormats"), ("identifier", "<x>")], post=False)
def test_no_argument_combination_gives_anything_but_a_valid_oai_response(
    client: Any, pairs: list[tuple[str, str]], post: bool
) -> None:
    if post:
        form = urlencode(pairs)
        response = client.post("/oai", data=form, content_type="application/x-www-form-urlencoded")
    else:
        response = client.get("/oai", query_string=pairs)
    assert response.status_code == 200
    body = response.get_data()
    valid(oai_schema(), body)
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", body)

"""Content negotiation is a pure function of the Accept header."""

from __future__ import annotations

import pytest

from kg.web.conneg import negotiate


@pytest.mark.parametrize(
    ("accept", "suffix"),
    [
        (None, "html"),
        ("", "html"),
        ("*/*", "html"),
        ("text/turtle", "ttl"),
        ("application/ld+json", "jsonld"),
        ("application/rdf+xml", "rdf"),
        ("application/n-triples", "nt"),
        ("text/plain", "nt"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),
        ("text/turtle;q=0.5, application/ld+json;q=0.9", "jsonld"),
        ("text/*", "html"),
    ],
)
def test_negotiate_picks_the_best_format(accept: str | None, suffix: str) -> None:
    fmt = negotiate(accept)
    assert fmt is not None
    assert fmt.suffix == suffix


def test_nothing_acceptable_is_none() -> None:
    assert negotiate("image/png") is None

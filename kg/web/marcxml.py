"""A work's MARC 21 record as a document (`/doc/work/{key}.marcxml`, or `application/marcxml+xml`
by `Accept`): the `/doc` route negotiates it with the other formats of a work (kg/web/conneg.py)
and asks here for the body, which the release's harvesting state renders (kg/harvest/records.py).
"""

from __future__ import annotations

from kg.errors import NotFound
from kg.web.oai import harvesting


def body(key: str) -> bytes:
    """The record of a live work, dated with its OAI datestamp."""
    found = harvesting().records.marcxml(key)
    if found is None:
        raise NotFound(f"no live work with key {key!r}", fix="check the key")
    return found.encode("utf-8")

"""A public body named with its hierarchy, each level after a full stop: one publisher.

Catalogues name a public body from the top down (`United States. Department of Justice. Office
of Community Oriented Policing Services`, `UNITED STATES. DRUG ENFORCEMENT ADMINISTRATION`,
`Library of Congress. Congressional Research Service`): the levels are one body, not a place
and two publishers. A country followed by any other body (`Switzerland. Small Arms Survey.`), or
a state or city before a body (`New York. Harbour Crime Commission.`), stays a place and a
publisher.
"""

from __future__ import annotations

import re

from kg.ingest.gazetteer import names_a_country
from kg.ingest.text import trim

_LEVEL_BREAK = re.compile(r"\s*\.\s+")
# Words that name a part of a government (the levels under the jurisdiction).
_GOVERNMENT_WORDS = frozenset(
    ["department", "ministry", "office", "bureau", "agency", "administration", "commission",
     "congress", "senate", "parliament", "court", "committee", "subcommittee", "council",
     "service", "services", "government", "police", "directorate", "secretariat",
     "inspectorate"]
)  # fmt: skip


def _of_government(level: str) -> bool:
    return not _GOVERNMENT_WORDS.isdisjoint(level.casefold().split())


def dotted_body(text: str) -> str | None:
    """The body a dotted hierarchy names (its levels joined by `. `), or None."""
    if ". " not in text:
        return None
    levels = [trim(level) for level in _LEVEL_BREAK.split(trim(text))]
    if len(levels) < 2 or not all(levels):
        return None
    if not (names_a_country(levels[0]) or _of_government(levels[0])):
        return None
    if not all(_of_government(level) for level in levels[1:]):
        return None
    return ". ".join(levels)

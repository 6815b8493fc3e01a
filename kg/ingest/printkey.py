"""The key a correction names its record by: a fingerprint of the title and byline as printed.

Not a line number (lines move when a page is re-crawled or edited) and not the parsed fields
(the reading is what a correction fixes): the printed title and byline, with white space, case,
punctuation and accents ignored, hashed to a short key such as `r-4k7q2m9x1c`.
"""

from __future__ import annotations

import hashlib

from kg.ingest.authority import name_key

_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
KEY_PREFIX = "r-"


def print_key(title: str | None, byline: str | None) -> str:
    """The correction key of a record printed with this title and byline (lines joined)."""
    text = f"{name_key(title or '')}\n{name_key(byline or '')}"
    digest = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:7], "big")
    out = []
    for _ in range(10):
        digest, rest = divmod(digest, 32)
        out.append(_CROCKFORD[rest])
    return KEY_PREFIX + "".join(out)

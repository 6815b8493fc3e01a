"""Mints every IRI kg publishes: `{base}id/{type}/{key}` and the matching documents.

Keys are opaque: Crockford base32 of a hash of the entity's fingerprint.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import URIRef

from kg.ingest.authority import name_key

ENTITY_TYPES = ("work", "person", "organization", "topic", "series", "periodical", "place")
_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
KEY_LENGTH = 10


def opaque_key(fingerprint: str, length: int = KEY_LENGTH) -> str:
    """A short Crockford base32 key derived from a fingerprint string."""
    digest = int.from_bytes(hashlib.sha256(fingerprint.encode("utf-8")).digest()[:8], "big")
    chars = []
    for _ in range(length):
        digest, index = divmod(digest, 32)
        chars.append(_CROCKFORD[index])
    return "".join(chars)


def work_fingerprint(title: str, year: int | None, first_contributor: str | None) -> str:
    """What identifies a work: normalised title, year and first contributor."""
    return f"work|{name_key(title)}|{year or ''}|{name_key(first_contributor or '')}"


@dataclass(frozen=True, slots=True)
class Iris:
    """IRI factory for one base IRI (which ends with a slash)."""

    base: str

    @property
    def id_base(self) -> str:
        return self.base + "id/"

    def entity(self, type_: str, key: str) -> URIRef:
        if type_ not in ENTITY_TYPES and type_ != "dataset":
            raise ValueError(f"unknown entity type {type_!r}")
        return URIRef(f"{self.id_base}{type_}/{quote(key, safe='-._~')}")

    def document(self, type_: str, key: str, suffix: str = "") -> str:
        return f"{self.base}doc/{type_}/{quote(key, safe='-._~')}{suffix}"

    def graph(self, name: str) -> URIRef:
        return URIRef(f"{self.base}graph/{name}")

    def work(self, title: str, year: int | None, first_contributor: str | None) -> URIRef:
        return self.entity("work", opaque_key(work_fingerprint(title, year, first_contributor)))

    def named(self, type_: str, name: str) -> URIRef:
        """An agent, place, series or periodical known only by its name."""
        return self.entity(type_, opaque_key(f"{type_}|{name_key(name)}"))

    def dataset(self) -> URIRef:
        return self.entity("dataset", "kg")

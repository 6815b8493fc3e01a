"""Browse lists, search and the sitemap: the catalogue's resources by kind, sorted once.

Built lazily, once per worker process and build (the store is a read-only snapshot), so listing
page 2,000 of 100,000 works costs a slice, not a SPARQL ORDER BY over the whole catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from threading import Lock

import pyoxigraph as ox

from kg.namespaces import SDO, SKOS
from kg.store import Entry, Store


@dataclass(frozen=True, slots=True)
class Kind:
    """A browsable kind of resource: its URL name, heading, class and the type in its IRIs
    (`{base}id/{type_}/{key}`): a place is a skos:Concept too, but not a topic."""

    name: str
    heading: str
    rdf_type: str
    type_: str


KINDS: tuple[Kind, ...] = (
    Kind("works", "Works", str(SDO.CreativeWork), "work"),
    Kind("people", "People", str(SDO.Person), "person"),
    Kind("organisations", "Organisations", str(SDO.Organization), "organization"),
    Kind("topics", "Topics", str(SKOS.Concept), "topic"),
    Kind("series", "Series", str(SDO.CreativeWorkSeries), "series"),
    Kind("periodicals", "Periodicals", str(SDO.Periodical), "periodical"),
    Kind("places", "Places", str(SDO.Place), "place"),
)
BY_NAME = {k.name: k for k in KINDS}


@dataclass(frozen=True, slots=True)
class Hit:
    kind: Kind
    entry: Entry


class Catalogue:
    """Sorted entries of every kind, for one store and one id base."""

    def __init__(
        self, store: Store, id_base: str, stored: Callable[[str], list[Entry] | None] | None = None
    ) -> None:
        """`stored(kind name)` gives a list the build sorted already (or None: read the store)."""
        self._store = store
        self._id_base = id_base
        self._stored = stored
        self._lists: dict[str, list[Entry]] = {}
        self._newest: list[Entry] | None = None
        self._lock = Lock()

    def entries(self, kind: Kind) -> list[Entry]:
        """Every resource of a kind minted under this base, sorted by label."""
        with self._lock:
            if kind.name not in self._lists:
                stored = self._stored(kind.name) if self._stored else None
                self._lists[kind.name] = self._read(kind) if stored is None else stored
            return self._lists[kind.name]

    def _read(self, kind: Kind) -> list[Entry]:
        rows = self._store.entries(ox.NamedNode(kind.rdf_type))
        prefix = f"{self._id_base}{kind.type_}/"
        mine = [e for e in rows if e.iri.startswith(prefix)]
        return sorted(mine, key=lambda e: (e.label.casefold(), e.iri))

    def newest(self, count: int) -> list[Entry]:
        """The newest works (by year, then title)."""
        works = self.entries(BY_NAME["works"])
        if self._newest is None:
            # A stable sort, even reversed: works of one year stay in title order.
            self._newest = sorted(works, key=lambda e: e.year or "", reverse=True)
        return self._newest[:count]

    def search(self, text: str, limit: int) -> tuple[int, list[Hit]]:
        """Titles and names containing every word of `text` (case-insensitive)."""
        words = text.casefold().split()
        hits: list[Hit] = []
        total = 0
        for kind in KINDS:
            for entry in self.entries(kind):
                label = entry.label.casefold()
                if words and all(w in label for w in words):
                    total += 1
                    if len(hits) < limit:
                        hits.append(Hit(kind, entry))
        return total, hits

    def document_urls(self) -> list[str]:
        """The HTML document URL of every resource, for the sitemap."""
        doc_base = self._id_base[: -len("id/")] + "doc/"
        urls = []
        for kind in KINDS:
            urls += [doc_base + e.iri[len(self._id_base) :] for e in self.entries(kind)]
        return sorted(set(urls))

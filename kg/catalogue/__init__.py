"""The catalogue index: every resource of a release as lists and search show it, in SQLite.

The build writes it (`write.py`) from the release's N-Triples lines into `catalogue.sqlite`
beside the store: one row per resource (kind, label, sort key, year, authors, work type), the
topics and places each work links to, and an FTS5 table over titles, abstracts, names, topics
and places. The web layer reads it (`read.py`, `search.py`), so a browse page, the home page's
counts, the sitemap and a search cost one indexed query each, whatever the catalogue's size.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.labels import LABEL_IRIS
from kg.namespaces import SDO
from kg.resource_types import RESOURCE_TYPES

FILE = "catalogue.sqlite"
# What a resource is called, best first (one table: kg/labels.py).
LABEL_PREDICATES = LABEL_IRIS


@dataclass(frozen=True, slots=True)
class Kind:
    """A browsable kind of resource: its URL name, heading, class and the type in its IRIs
    (`{base}id/{type_}/{key}`): a place is a skos:Concept too, but not a topic."""

    name: str
    heading: str
    rdf_type: str
    type_: str
    singular: str


KINDS: tuple[Kind, ...] = tuple(
    Kind(t.plural, t.heading, t.rdf_type, t.name, t.singular) for t in RESOURCE_TYPES
)
BY_NAME = {k.name: k for k in KINDS}
BY_TYPE = {k.type_: k for k in KINDS}

# Kinds of work, by the most specific class: (name in URLs, class, what a list calls it).
WORK_TYPES: tuple[tuple[str, str, str], ...] = (
    ("article", str(SDO.ScholarlyArticle), "Article"),
    ("report", str(SDO.Report), "Report"),
    ("book", str(SDO.Book), "Book"),
)
WORK_TYPE_LABELS = {name: label for name, _, label in WORK_TYPES}


@dataclass(frozen=True, slots=True)
class Agent:
    """An author as a list shows it."""

    label: str
    iri: str


@dataclass(frozen=True, slots=True)
class Listed:
    """One resource as a list shows it: browse lists, search results, the newest works."""

    iri: str
    kind: str  # a Kind name: works, people, …
    label: str
    year: int | None = None
    authors: tuple[Agent, ...] = ()
    work_type: str | None = None  # article, report, book (works only)
    # Where the search matched in the abstract: (text, matched) pieces, for <mark>.
    snippet: tuple[tuple[str, bool], ...] = ()

    @property
    def type_label(self) -> str:
        """What the resource is: Article, Report, Person, Topic…"""
        if self.work_type:
            return WORK_TYPE_LABELS[self.work_type]
        return BY_NAME[self.kind].singular

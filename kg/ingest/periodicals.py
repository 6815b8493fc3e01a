"""The periodical list (`vocab/periodicals.ttl`): journals known by name, with their variants.

A journal printed like a publisher (`Victims & Offenders, 2022. 39p.`) can only be told from one
by knowing it; an abbreviation (`Int Criminol`) or a variant spelling is read as the journal's
preferred name, so each periodical gets one IRI.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal

from kg.ingest.authority import name_key
from kg.namespaces import RDF, SDO


@dataclass(frozen=True, slots=True)
class Periodical:
    key: str  # the IRI path under `id/periodical/`
    name: str


@dataclass(frozen=True, slots=True)
class Periodicals:
    """Listed periodicals by the comparison key of each of their names."""

    by_key: dict[str, Periodical]

    def find(self, name: str) -> Periodical | None:
        return self.by_key.get(name_key(name)) if self.by_key else None

    def lookup(self, name: str) -> str | None:
        """The preferred name of the periodical printed as `name`, if it is listed."""
        found = self.find(name)
        return found.name if found else None

    def __len__(self) -> int:
        return len(set(self.by_key.values()))


def load_periodicals(path: Path, id_base: str = "http://kg.invalid/id/") -> Periodicals:
    """Read the list (Turtle: `schema:Periodical` resources with `schema:name` and
    `schema:alternateName`); an absent file is an empty list."""
    if not path.exists():
        return Periodicals({})
    graph = Graph()
    graph.parse(path, format="turtle", publicID=id_base)
    by_key: dict[str, Periodical] = {}
    for subject in sorted(graph.subjects(RDF.type, SDO.Periodical), key=str):
        names = sorted(str(o) for o in graph.objects(subject, SDO.name) if isinstance(o, Literal))
        if not names:
            continue
        key = str(subject).removeprefix(id_base).removeprefix("periodical/")
        entry = Periodical(key, names[0])
        variants = [str(o) for o in graph.objects(subject, SDO.alternateName)]
        for label in (*names, *variants):
            by_key.setdefault(name_key(label), entry)
    return Periodicals(by_key)

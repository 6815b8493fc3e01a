"""The place list (`vocab/places.ttl`): recognises place tags and places in imprint lines."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg.ingest.text import ends_with_abbreviation
from kg.namespaces import RDF, SDO, SKOS

_WORD = re.compile(r"[a-z0-9]+")
# Cities older imprints shorten with a stop, alone or before their region (`Wash., DC`, `Camb.,
# Mass.`, `Phila.`; `Phila`, `Edinb` and `Lond`, no words, alone without it too): read in full, the
# region kept as printed.
_SHORT_CITIES = {
    "Wash": "Washington", "Phila": "Philadelphia", "Camb": "Cambridge", "Balt": "Baltimore",
    "Lond": "London", "Edinb": "Edinburgh", "Oxf": "Oxford",
}  # fmt: skip
_SHORT_CITY = re.compile(
    r"(Wash|Phila|Camb|Balt|Lond|Edinb|Oxf)(?:\.(?=,|$)|(?<=Phila|Edinb)$|(?<=Lond)$)"
)


@lru_cache(maxsize=65_536)
def place_key(name: str) -> str:
    """A comparison key: case and punctuation ignored."""
    return " ".join(_WORD.findall(name.casefold()))


@dataclass(frozen=True, slots=True)
class Place:
    key: str
    name: str
    labels: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()


class Places:
    """Looks printed place names up: preferred names, variants and abbreviations."""

    def __init__(self, places: Iterable[Place] = ()) -> None:
        self.places = tuple(places)
        self._by_name: dict[str, Place] = {}
        self._abbrev: dict[str, Place] = {}
        for place in self.places:
            for label in (place.name, *place.labels):
                self._by_name.setdefault(place_key(label), place)
            for abbrev in place.abbreviations:
                self._abbrev.setdefault(place_key(abbrev), place)

    def lookup(self, name: str) -> Place | None:
        """The place one of whose names (not abbreviations) is `name`."""
        return self._by_name.get(place_key(name))

    def expand(self, printed: str) -> str:
        """`NY.` → `New York`; any other printed place is kept as printed (cleaned)."""
        text = printed.strip(" ,;:")
        place = self._abbrev.get(place_key(text))
        if place is not None:
            return place.name
        short = _SHORT_CITY.match(text) if text[:1] in "WPCBLEO" else None
        if short is not None:
            text = _SHORT_CITIES[short[1]] + text[short.end() :]
        return text.rstrip(".") if not ends_with_abbreviation(text) else text

    def is_place(self, name: str) -> bool:
        key = place_key(name)
        return bool(key) and (key in self._by_name or key in self._abbrev)

    def split_leading(self, text: str) -> tuple[str, str] | None:
        """`Southbank VIC 3006 Australia Coastal Institute` → (place, publisher).

        Only when the place part has a postcode or at least two words ending in a known
        place, and the publisher does not start with an organisation word.
        """
        tokens = text.split()
        for cut in range(len(tokens) - 1, 0, -1):
            head = tokens[:cut]
            if not self.is_place(head[-1]) and not self.is_place(" ".join(head[-2:])):
                continue
            postcode = any(re.fullmatch(r"\d{4,5}", t) for t in head)
            if postcode or len(head) >= 2:
                return " ".join(head), " ".join(tokens[cut:])
        return None

    def __len__(self) -> int:
        return len(self.places)


def load_places(path: Path) -> Places:
    """Read the place list (Turtle); an absent file is an empty list."""
    if not path.exists():
        return Places()
    graph = Graph()
    graph.parse(path, format="turtle", publicID="http://kg.invalid/id/")
    places = []
    for subject in sorted(
        {s for s in graph.subjects(RDF.type, SDO.Place) if isinstance(s, URIRef)}
    ):

        def texts(predicate: URIRef, subject: URIRef = subject) -> tuple[str, ...]:
            found = graph.objects(subject, predicate)
            return tuple(sorted(str(o) for o in found if isinstance(o, Literal)))

        names = texts(SKOS.prefLabel)
        places.append(
            Place(
                key=str(subject).rsplit("/", 1)[-1],
                name=names[0] if names else str(subject).rsplit("/", 1)[-1],
                labels=names + texts(SKOS.altLabel),
                abbreviations=texts(SKOS.hiddenLabel),
            )
        )
    return Places(places)

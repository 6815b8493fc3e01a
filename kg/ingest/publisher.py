"""The place-and-publisher part of an imprint → places of publication and publishers.

`Place: Publisher` is the common shape; defects and variants are many (several places joined by
`;`, `/`, `·` or even `:`; the place repeated; the publisher first and the place after it, with a
comma, a full stop or nothing between; no colon at all; a URL or a genre statement such as
`Unpublished paper` where the publisher goes; `An Imprint of …`; two publishers joined by `;` or
`/`). Each segment is judged by its shape: a place name (gazetteer.py), a body's name (an
organisation word, an acronym, an entry of the authority file), or noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.ingest.authority import Authority
from kg.ingest.bilingual import same_body_in_two_languages
from kg.ingest.byline import parse_byline
from kg.ingest.gazetteer import Gazetteer
from kg.ingest.glued_places import WORLD_PARTS, named_as_a_town, place_inside, split_places
from kg.ingest.hierarchy import dotted_body
from kg.ingest.names import has_org_word, is_acronym, is_org_like, title_case
from kg.ingest.not_known import no_place, no_publisher
from kg.ingest.text import clean, ends_with_abbreviation, strip_trailing_period, trim

_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_GENRE = re.compile(
    r"^(?:unpublished(?:\s+(?:paper|manuscript|report|thesis|draft))?|self[- ]published|"
    r"n\.\s?p\.|s\.\s?n\.|preprint|working draft|mimeo|"
    # an edition statement where the publisher goes (`4th Edition: 2021-01-31`)
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|revised|updated|new|expanded)"
    r"\s+ed(?:ition|\.)?)$",
    re.IGNORECASE,
)
_IMPRINT_OF = re.compile(r"^an?\s+imprint\s+of\s+(?P<parent>.+)$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z])|(?<=[A-Z]{3})\.\s+(?=[A-Z])")
_SEGMENT_SPLIT = re.compile(r"\s*[;·]\s*")
_ABBREVIATED_PLACE = re.compile(r"^([A-Z]{2,3}\.)\s+(.*)$")
_ACRONYM_PAREN = re.compile(
    r"^(?P<name>.+?)\s*\((?P<acr>[A-Za-z][\w &.-]{0,30})\)\.?(?:\s+(?P<unit>.+))?$"
)
_ACRONYM_DASH = re.compile(r"^(?P<name>.+?)\s+[-–]\s+(?P<acr>[A-Z][A-Za-z]{1,9})$")
_ACRONYM_PIPE = re.compile(r"^(?P<acr>[A-Z][A-Za-z]{1,9})\s*\|\s*(?P<name>.+)$")
_PAIR_SPLIT = re.compile(r"\s*[;/]\s*")
# A unit named after its parent (`…, Research Division`); a department after a comma is a
# parent body more often than a unit (`Firearms Centre, Department of Justice Canada`).
_UNIT = re.compile(r"\b(?:Division|Unit|Section|Branch)\b")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# `Published by the …`, `Issued by …`, `Published in …`, `Publisher: …`, `Source: …`: what the
# imprint names is the publisher (or the journal), not its first words.
# `Published for the X Council by Y`, `Prepared for X by Y`: Y published it (X is who it was
# for, as a sponsor is); `A joint report of X and Y`, `Jointly published by …`, `Printed by …`:
# the bodies after the label.
_SAYS_PUBLISHER = re.compile(
    r"^(?:(?:published|issued|jointly\s+published|co-?published|printed(?:\s+and\s+published)?)"
    r"\s+(?:by|in)\s*:?\s*(?:the\s+)?|read\s+more\s+at\s+(?:the\s+)?"
    r"|(?:published|issued|prepared|produced)\s+for\s+[^.:;]{3,120}?\s+by\s+(?:the\s+)?"
    r"|an?\s+joint\s+(?:report|publication|paper|study)\s+(?:of|by|from)\s+(?:the\s+)?"
    r"|(?:publisher|published|source|imprint|citation)\s*:\s*)",
    re.IGNORECASE,
)
# `Urban Institute (Washington, DC)`: the place in brackets after the publisher.
_PLACE_IN_BRACKETS = re.compile(r"^(?P<publisher>[^()]+?)\s*\((?P<place>[^()]+)\)$")


@dataclass(slots=True)
class PlacesAndPublishers:
    places: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)
    printed: str | None = None
    acronym: str | None = None
    unit: str | None = None
    parent: str | None = None


def read_places_and_publishers(text: str, gazetteer: Gazetteer) -> PlacesAndPublishers:
    """Split `Place[; Place]: Publisher` (or any of its variants) into places and publishers."""
    places, printed, publishers = _read(text, gazetteer)
    return PlacesAndPublishers(list(places), list(publishers), printed)


@lru_cache(maxsize=16_384)
def _read(text: str, gazetteer: Gazetteer) -> tuple[tuple[str, ...], str | None, tuple[str, ...]]:
    """(places, publisher as printed, publishers): cached, since a catalogue names the same
    places and publishers over and over (the year and pages are already taken off)."""
    out = _uncached(text, gazetteer)
    return tuple(out.places), out.printed, tuple(out.publishers)


def _uncached(text: str, gazetteer: Gazetteer) -> PlacesAndPublishers:
    out = PlacesAndPublishers()
    if "www" in text or "http" in text:
        text = _URL.sub("", text)
    colon_at_end = text.rstrip().endswith(":")
    text = trim(text)
    if not text:
        return out
    if colon_at_end and ":" not in text and gazetteer.is_place(text):
        out.places = [_place(p, gazetteer) for p in split_places(text, gazetteer)]
        return out  # `Wellington:` and nothing after it: the place, no publisher
    text = without_label(text)
    # `Canberra: Department … (Australia)`: the place is before the colon; the bracket, the name.
    bracketed = _PLACE_IN_BRACKETS.match(text) if text.endswith(")") and ":" not in text else None
    dotted = dotted_body(text) if ":" not in text else None
    if bracketed and _bracketed_place(bracketed["place"], gazetteer):
        places, publisher = [bracketed["place"]], bracketed["publisher"]
    elif dotted is not None:
        places, publisher = [], dotted
    elif ":" in text:
        places, publisher = _colon_form(text, gazetteer)
    else:
        places, publisher = _segments(text, gazetteer)
    places = [p for p in places if not no_place(p)]
    out.places = _unique([_place(p, gazetteer) for p in places if p.strip(" .,")])
    if publisher.endswith(")") and "(" not in publisher:
        publisher = publisher[:-1].rstrip()  # `… the Centre for Care), 2025`: a stray bracket
    if no_publisher(publisher):
        publisher = ""
    if publisher:
        out.printed = strip_trailing_period(publisher)
        parent = _IMPRINT_OF.match(publisher)
        if parent is None and not _GENRE.match(out.printed):
            out.publishers = [out.printed]
    return out


def _bracketed_place(text: str, gazetteer: Gazetteer) -> bool:
    return text.strip().casefold() not in WORLD_PARTS and gazetteer.is_place(text)


def without_label(text: str) -> str:
    """The imprint (or its publisher's part) without a label that says what follows."""
    return _SAYS_PUBLISHER.sub("", text) if text[:1] in "PpIiSsCcRrAaJj" else text


def _colon_form(text: str, gazetteer: Gazetteer) -> tuple[list[str], str]:
    parts = [trim(p) for p in text.split(":")]  # `Washington, D.C.:` keeps its initial's stop
    parts = [p for p in parts if p]
    if not parts:
        return [], ""
    if len(parts) == 1:
        return _segments(parts[0], gazetteer)
    if (
        len(parts) == 2
        and not gazetteer.is_place(parts[0])
        and is_org_like(parts[0])
        and gazetteer.is_place(parts[1])
    ):
        return [parts[1]], parts[0]  # `Publisher: Place`
    if len(parts) == 3 and gazetteer.is_region(parts[1]) and gazetteer.is_known(parts[0]):
        return [f"{parts[0]}, {parts[1]}"], parts[2]  # `Ibadan:Nigeria: IFRA`
    pairs = _pairs(parts, gazetteer) if len(parts) >= 3 else None
    if pairs is not None:  # `London: Routledge; New York: Taylor & Francis`: pairs
        return pairs
    publisher = parts[-1]
    places = []
    for part in parts[:-1]:
        places += split_places(part, gazetteer)
    # `Melbourne: Melbourne: Policy Lab`: the place printed twice.
    return places, publisher


def _pairs(parts: list[str], gazetteer: Gazetteer) -> tuple[list[str], str] | None:
    """`Geneva: A; Brussels: B; Paris: C` (split at the colons) → the places and the
    publishers, when each part between two colons is a publisher and the next pair's place."""
    places = split_places(parts[0], gazetteer)
    publishers = []
    for middle in parts[1:-1]:
        split = _PAIR_SPLIT.split(middle)
        if len(split) == 1 and (", " in middle or " and " in middle or " & " in middle):
            split = _publisher_then_place(middle)
        if len(split) != 2 or not gazetteer.is_place(split[1]) or gazetteer.is_place(split[0]):
            return None
        publishers.append(split[0])
        places.append(split[1])
    return places, "; ".join([*publishers, parts[-1]])


# Between one pair's publisher and the next pair's place: `, `, ` and `, `, and `, ` & `.
_PAIR_JOIN = re.compile(r",?\s+(?:and|&)\s+|,\s+")


def _publisher_then_place(text: str) -> list[str]:
    """`Peace Institute, Geneva`, `Harbour Press, and New York`, `Harbour Press and New York` →
    the first pair's publisher and the next pair's place, split at the last join."""
    joins = list(_PAIR_JOIN.finditer(text))
    if not joins:
        return [text]
    last = joins[-1]
    return [text[: last.start()], text[last.end() :]]


def _segments(text: str, gazetteer: Gazetteer) -> tuple[list[str], str]:
    """No colon: sentences and `;`/`·` pieces, each a place, a publisher or noise."""
    if " . " in text:
        text = text.replace(" . ", ". ")  # `CHARLES C. THOMAS . Springfield`
    head = _ABBREVIATED_PLACE.match(text)
    pieces = [head[1], head[2]] if head else [text]
    segments: list[str] = []
    for piece in pieces:
        for sentence in _SENTENCE_BREAK.split(piece):
            segments += [trim(s) for s in _SEGMENT_SPLIT.split(sentence) if trim(s)]
    places: list[str] = []
    publisher = ""
    for segment in segments:
        if _IMPRINT_OF.match(segment) or _GENRE.match(segment):
            if not publisher:
                publisher = segment
            continue
        lone = publisher == "" and _only_segment(segments)
        if gazetteer.is_place(segment) and (not lone or _lone_place(segment, gazetteer)):
            places += split_places(segment, gazetteer) if lone else [segment]
            continue
        found, rest = place_inside(segment, gazetteer)
        if found:
            places += found
        if rest and not publisher:
            publisher = rest
        elif rest and (_one_name(rest) or named_as_a_town(rest)):
            places.append(rest)  # `Ministry of Justice. Northland.`: a place after the body
        elif rest:
            publisher += "; " + rest  # `A; B; C`: more bodies
    if not publisher and places and len(segments) > 1 and not has_org_word(places[-1]):
        publisher = places.pop()  # `London; New York; Routledge`
    return places, publisher


def _one_name(rest: str) -> bool:
    """`Northland`: one word, no body's word and no acronym (a town after the body)."""
    return " " not in rest and not has_org_word(rest) and not is_acronym(rest)


def _lone_place(segment: str, gazetteer: Gazetteer) -> bool:
    """A segment alone before the year is a place only beyond doubt: cities of the place list
    (`London, 2019.`, `Leiden, Boston, 2019.`) or a place and its region (`Washington, DC,
    2019.`); a name that some town also bears (`Brookings, 2019.`) is the publisher."""
    head, comma, region = segment.rpartition(",")
    if comma and head.strip() and gazetteer.is_region(region.strip()):
        return True
    return all(gazetteer.places.is_place(piece.strip()) for piece in segment.split(","))


def _only_segment(segments: list[str]) -> bool:
    return len(segments) == 1


def _place(printed: str, gazetteer: Gazetteer) -> str:
    """A printed place, abbreviations expanded (`NY.` → New York), a stray letter dropped."""
    text = gazetteer.places.expand(printed.strip(" ,;:[]"))  # `[Washington, DC]`: supplied
    if not gazetteer.is_known(text.split(",")[0]):
        fixed = text[1:] if text[:1].isupper() and text[1:2].isupper() else text
        if fixed != text and gazetteer.is_known(fixed.split(",")[0]):
            text = fixed  # `UBerlin` → `Berlin`
    if text.isupper():
        text = ", ".join(_piece_case(p, gazetteer) for p in text.split(", "))
    return text if ends_with_abbreviation(text) else text.rstrip(".")


def _piece_case(piece: str, gazetteer: Gazetteer) -> str:
    """`LONDON` → `London`, `NEW YORK` → `New York`; region codes stay (`DC`, `UK`)."""
    short = len(piece.replace(".", "").replace(" ", "")) <= 3
    return piece if short and gazetteer.is_region(piece) else title_case(piece)


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def publisher_names(printed: str, authority: Authority) -> tuple[list[str], str | None, str | None]:
    """(publishers, acronym, unit) of a publisher statement: `A; B` and `A/B` are two bodies,
    `Name (ACR)` one with its acronym, `Body, X Division` the body with its unit."""
    names, acronym, unit = _publisher_names(printed, authority)
    return list(names), acronym, unit


# `Body, with support from Trust`, `Body on behalf of Ministry`: who paid or asked for the work
# is no publisher; `Body in partnership with Lab`: both are.
_SPONSOR = re.compile(
    r",?\s+(?:with (?:the )?(?:support|funding|assistance) (?:from|of)|(?:funded|supported|"
    r"sponsored) by|on behalf of)\s.*$"
)
_PARTNER = re.compile(
    r"[,;]?\s+(?:in (?:partnership|collaboration|association|cooperation) with|jointly with)\s+"
)


# `HMSO for the Home Office`: a printer's acronym, then the body it printed for (no publisher;
# a name goes on after `for` far more often: `Institute for the Study of X`).
_PRINTER_FOR = re.compile(r"^(?P<printer>[A-Z]{2,6})\s+for\s+\S.*$")
# `Harbour Press (an imprint of X)`, `Harbour Press, an imprint of X`: the house, not its parent.
_PARENT_HOUSE = re.compile(r"(?<=\S),?\s*\(?\s*an?\s+imprint\s+of\s+[^()]+\)?$", re.IGNORECASE)


@lru_cache(maxsize=16_384)
def _publisher_names(
    printed: str, authority: Authority
) -> tuple[tuple[str, ...], str | None, str | None]:
    if " with " in printed or " by " in printed or " behalf " in printed:
        printed = _SPONSOR.sub("", printed)
    if " for " in printed:
        printed = _PRINTER_FOR.sub(r"\g<printer>", printed)
    if "mprint of" in printed:
        printed = _PARENT_HOUSE.sub("", printed)
    parts = [printed]
    partners = _PARTNER.split(printed) if " with " in printed else [printed]
    if len(partners) > 1:
        parts = partners
    elif ";" in printed or "/" in printed:
        split = [p.strip() for p in re.split(r"\s*[;/]\s*", printed)]
        one_body = len(split) == 2 and same_body_in_two_languages(*split)
        if all(len(p) > 2 and p[:1].isupper() for p in split) and not one_body:
            parts = split
    elif " and " in printed or " & " in printed:
        parts = _joint_bodies(printed, authority) or parts
    names: list[str] = []
    acronym = unit = None
    for part in parts:
        name, acr, sub = _one_publisher(part, authority)
        if name:
            names.append(name)
        acronym, unit = acronym or acr, unit or sub
    return tuple(_unique(names)), acronym, unit


def _joint_bodies(printed: str, authority: Authority) -> list[str] | None:
    """`Penal Reform International and Thailand Institute of Justice`: two whole bodies, read
    as a byline's are, each named as a body is (a house named after people, `Harper and Row`,
    is one publisher)."""
    found = parse_byline(printed, authority)
    if len(found) < 2 or any(c.kind != "organization" for c in found):
        return None
    names = [c.name for c in found]
    serial = len(names) > 2 or ", and " in printed or ", & " in printed  # `A, B, and C`
    if "," in printed and not serial and len({n.split(" ", 1)[0] for n in names}) > 1:
        return None  # `Small Arms Survey, Graduate Institute of …`: a body within a body
    known = authority.lookup
    if serial:
        return names  # `A, B, and C`: a list of bodies, as the byline reader found them
    return names if all(has_org_word(n) or known(n) is not None for n in names) else None


def _one_publisher(printed: str, authority: Authority) -> tuple[str, str | None, str | None]:
    name = _LEADING_THE.sub("", clean(printed).strip(" ,"))
    if name.isupper() and " " in name:
        name = title_case(name)
    name, acronym, unit = _split_acronym(name)
    if unit is None:
        head, sep, tail = name.rpartition(",")
        if sep and _UNIT.search(tail) and is_org_like(head):
            name, unit = head.strip(), clean(tail)
    known = authority.lookup(name) or (authority.lookup(acronym) if acronym else None)
    if known is not None:
        if known.name != name and authority.is_acronym(name):
            acronym = acronym or name
        name = authority.name_for(name) or known.name
    return name, acronym, unit


# `HI (Harbour Institute)`: the acronym first and the name it stands for in brackets.
_ACRONYM_FIRST = re.compile(r"(?P<acr>[A-Z][A-Z&]{1,7})\s?\((?P<name>[^()]{4,})\)")


def _acronym_first(name: str) -> tuple[str, str] | None:
    m = _ACRONYM_FIRST.fullmatch(name)
    if m is None:
        return None
    initials = "".join(word[0] for word in m["name"].split() if word[:1].isupper())
    return (clean(m["name"]), m["acr"]) if initials == m["acr"].replace("&", "") else None


def _split_acronym(name: str) -> tuple[str, str | None, str | None]:
    first = _acronym_first(name) if name.endswith(")") else None
    if first is not None:
        return first[0], first[1], None
    m = _ACRONYM_PAREN.match(name) if ")" in name else None
    if m and (is_acronym(m["acr"]) or len(m["acr"].split()) <= 2):
        unit = clean(m["unit"]) if m["unit"] else None
        acronym = clean(m["acr"]) if is_acronym(m["acr"]) else None
        return clean(m["name"]), acronym, unit
    m = _ACRONYM_DASH.match(name) if "-" in name or "–" in name else None
    m = m or (_ACRONYM_PIPE.match(name) if "|" in name else None)
    if m and m["acr"].casefold() not in WORLD_PARTS:  # `Network - Africa`: where it works
        return clean(m["name"]), clean(m["acr"]), None
    return name, None, None

"""A work's facts as a MARC 21 bibliographic record (pure).

ISBD punctuation is omitted (leader/18 `c`): every subfield holds the bare value, so a catalogue
reads back exactly what the graph says. Subjects are 650/651 with second indicator 4: kg's topic
and place schemes have no MARC source code, so each heading carries its concept IRI in `$0`
instead (docs/harvesting.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from kg.harvest.facts import Agent, WorkFacts
from kg.harvest.marc import MarcRecord

# ISO 639-1 → MARC language code (the bibliographic ISO 639-2 forms MARC uses).
LANGUAGES = {
    "en": "eng", "fr": "fre", "es": "spa", "de": "ger", "pt": "por", "it": "ita", "nl": "dut",
    "ru": "rus", "zh": "chi", "ja": "jpn", "ar": "ara", "sv": "swe", "no": "nor", "nb": "nob",
    "da": "dan", "fi": "fin", "pl": "pol", "tr": "tur", "ko": "kor", "el": "gre", "cs": "cze",
    "hu": "hun", "ro": "rum", "uk": "ukr", "he": "heb", "hi": "hin", "id": "ind", "vi": "vie",
}  # fmt: skip
# Initial articles skipped in filing (245 and 830 second indicator), by language.
ARTICLES = {
    "en": ("the", "a", "an"),
    "fr": ("le", "la", "les", "l'", "un", "une"),
    "es": ("el", "la", "los", "las", "un", "una"),
    "de": ("der", "die", "das", "ein", "eine"),
    "it": ("il", "lo", "la", "i", "gli", "le", "l'", "un", "una"),
    "pt": ("o", "a", "os", "as", "um", "uma"),
    "nl": ("de", "het", "een"),
}
_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le"}
_PARTICLES |= {"dal", "dos", "das", "ten", "ter", "bin", "al", "el", "st.", "vander"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_OPENERS = "\"'“‘«([¿¡"
RELATORS = {"author": "aut", "editor": "edt", "contributor": "ctb"}
_BIBLIOGRAPHIC_LEVEL = {"article": "b"}  # a serial component part; the rest are monographs
_ENCODING_LEVEL = "7"  # minimal level: records made by a program from listing pages


@dataclass(frozen=True, slots=True)
class RecordContext:
    """What a MARC record holds besides the work's facts."""

    org_code: str  # 003: the agency whose control numbers 001 holds
    page_url: str  # 856: the work's page
    status: str  # leader/05: n new, c corrected or revised
    entered: str  # 008/00-05: yymmdd the record was first published
    datestamp: datetime | None = None  # 005 (the OAI datestamp); None in the dump


def to_marc(facts: WorkFacts, ctx: RecordContext) -> MarcRecord:
    """The MARC 21 record of one work."""
    level = _BIBLIOGRAPHIC_LEVEL.get(facts.kind, "m")
    leader = f"00000{ctx.status}a{level} a2200000{_ENCODING_LEVEL}c 4500"
    record = MarcRecord(leader, [("001", facts.key), ("003", ctx.org_code)])
    if ctx.datestamp is not None:
        record.control.append(("005", ctx.datestamp.strftime("%Y%m%d%H%M%S.0")))
    record.control.append(("008", _fixed_data(facts, ctx.entered)))
    record.add("024", "7 ", ("a", facts.iri), ("2", "uri"))
    record.add("088", "  ", ("a", facts.report_number))
    authors = [a for a in facts.agents if a.role == "author"]
    if authors:
        _name(record, "1", authors[0])
    nonfiling = str(_nonfiling(facts.title, facts.language))
    record.add("245", ("1" if authors else "0") + nonfiling, ("a", facts.title))
    record.add("250", "  ", ("a", facts.edition))
    _imprint(record, facts)
    extent = f"1 online resource ({facts.extent})" if facts.extent else "1 online resource"
    record.add("300", "  ", ("a", extent))
    record.add("336", "  ", ("a", "text"), ("b", "txt"), ("2", "rdacontent"))
    record.add("337", "  ", ("a", "computer"), ("b", "c"), ("2", "rdamedia"))
    record.add("338", "  ", ("a", "online resource"), ("b", "cr"), ("2", "rdacarrier"))
    for series in facts.series:
        record.add("490", "1 ", ("a", series.name), ("v", series.number))
    record.add("520", "  ", ("a", facts.abstract))
    for topic in facts.topics:
        record.add("650", " 4", ("a", topic.name), ("0", topic.iri))
    for place in facts.subject_places:
        record.add("651", " 4", ("a", place.name), ("0", place.iri))
    for agent in [*authors[1:], *(a for a in facts.agents if a.role != "author")]:
        _name(record, "7", agent)
    _host(record, facts)
    for series in facts.series:
        ind2 = str(_nonfiling(series.name, facts.language))
        record.add("830", " " + ind2, ("a", series.name), ("v", series.number), ("1", series.iri))
    record.add("856", "4 ", ("u", ctx.page_url), ("y", "Record in the catalogue"))
    return record


def _fixed_data(facts: WorkFacts, entered: str) -> str:
    """008 for books (also used for articles, MARC's choice for component parts of text)."""
    dated = facts.year.isdigit() and len(facts.year) == 4
    dates = ("s" + facts.year if dated else "nuuuu") + "    "
    nature = "t   " if facts.kind == "report" else "    "
    language = LANGUAGES.get(facts.language.split("-")[0], "und")
    parts = (
        f"{entered:0>6.6}",  # 00-05 date entered on file
        dates,  # 06 type of date, 07-10 date 1, 11-14 date 2
        "xx ",  # 15-17 place of publication: not given
        "    ",  # 18-21 illustrations
        " ",  # 22 target audience
        "o",  # 23 form of item: online
        nature,  # 24-27 nature of contents: t = technical report
        " 000 0 ",  # 28 government publication … 34 biography
        language,  # 35-37
        " d",  # 38 modified record, 39 cataloguing source: other
    )
    return "".join(parts)


def _name(record: MarcRecord, block: str, agent: Agent) -> None:
    """100/700 for a person (inverted, surname first), 110/710 for an organisation."""
    if agent.kind == "organization":
        tag, indicators, name = block + "10", "2 ", agent.name
    else:
        name, inverted = invert(agent.name)
        tag, indicators = block + "00", ("1 " if inverted else "0 ")
    subfields = [("a", name), ("e", agent.role)]
    subfields += [("0", identifier) for identifier in agent.authority]
    subfields += [("1", agent.iri), ("4", RELATORS.get(agent.role, "ctb"))]
    record.add(tag, indicators, *subfields)


@lru_cache(maxsize=1 << 16)  # people recur from work to work
def invert(name: str) -> tuple[str, bool]:
    """`Jane van der Berg Jr.` → (`van der Berg, Jane, Jr.`, True); one word stays as it is."""
    words = name.split()
    suffix: list[str] = []
    while len(words) > 2 and words[-1].casefold().rstrip(",") in _SUFFIXES:
        suffix.insert(0, words.pop().rstrip(","))
    if len(words) < 2 or "," in name:
        return name, "," in name
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _PARTICLES:
        start -= 1
    surname, forenames = " ".join(words[start:]), " ".join(words[:start])
    return ", ".join([surname, forenames, *([" ".join(suffix)] if suffix else [])]), True


def _nonfiling(title: str, language: str) -> int:
    """How many leading characters a catalogue skips when filing (`The ` → 4), at most 9."""
    stripped = title.lstrip(_OPENERS)
    lead = len(title) - len(stripped)
    lowered = stripped.casefold()
    for article in ARTICLES.get(language.split("-")[0], ()):
        if not lowered.startswith(article):  # what either test below needs: most titles fail it
            continue
        if article.endswith("'"):
            return min(9, lead + len(article))
        if re.match(re.escape(article) + r"\s", lowered):
            return min(9, lead + len(article) + 1)
    return 0


def _imprint(record: MarcRecord, facts: WorkFacts) -> None:
    """264 _1: places, publishers (an implied one in brackets, as MARC marks supplied data)."""
    subfields = [("a", place) for place in facts.places]
    subfields += [("b", f"[{p.name}]" if p.inferred else p.name) for p in facts.publishers]
    subfields.append(("c", facts.year))
    record.add("264", " 1", *subfields)


def _host(record: MarcRecord, facts: WorkFacts) -> None:
    """773 0_: the journal, and where in it (`Vol. 5, no. 2 (2020), p. 10-20`)."""
    host = facts.host
    if host is None:
        return
    parts = []
    if host.volume:
        parts.append(f"Vol. {host.volume}")
    if host.issue:
        parts.append(f"no. {host.issue}")
    where = ", ".join(parts) + (f" ({facts.year})" if facts.year and parts else "")
    enumeration = ", ".join(p for p in (where, f"p. {host.pages}" if host.pages else "") if p)
    record.add("773", "0 ", ("t", host.title), ("g", enumeration), ("1", host.iri))

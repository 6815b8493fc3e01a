"""A byline's text made plain before its names are read: identifiers and addresses after a
name taken off, `and` printed in another language between two people's names read as `and`,
two names glued together or parted by a stop parted by a comma."""

from __future__ import annotations

import re

from kg.ingest.names import PARTICLES, has_org_word, is_person_like, is_shouting
from kg.ingest.pieces import SPLIT

# `and` in Spanish, French, German, Portuguese and Italian, Dutch, Catalan and Polish, Swedish,
# Norwegian and Danish, Hungarian, Romanian; before a capital (`Juan E. Pérez`: an initial has
# a stop).
_OTHER_AND = re.compile(r" (?:y|et|und|e|en|i|och|og|és|și|şi) (?=[^\W\d_])")
_OTHER_AND_CAPITALS = re.compile(r" (?:Y|ET|UND|E|EN|I|OCH|OG|ÉS|ȘI|ŞI) (?=[^\W\d_])")
# An ORCID iD (glued to the name or not, labelled or not, as a link or not), a web address, an
# e-mail address; in brackets or not.
_IDENTIFIER = re.compile(
    r",?\s*[(<\[]?(?:(?i:orcid)(?:\s*iD)?:?\s*)?(?:https?://orcid\.org/)?"
    r"\d{4}-\d{4}-\d{4}-\d{3}[\dX][)>\]]?"
    r"|,?\s*[(<\[]?(?:https?://|www\.)[^\s)>\]]+[)>\]]?"
    r"|,?\s*[(<\[]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>\]]?"
)
# What each of _IDENTIFIER's branches needs: an ORCID iD's first four digits and dash, `://` or
# `www.`, or `@` (the pattern costs about 30 µs a byline: its address branch backtracks at every
# letter).
_ORCID_START = re.compile(r"\d\d\d\d-")  # a digit first: a fast scan for it
_BEFORE = re.compile(r"[,;|&]| and | with ")
_AFTER = re.compile(r"[,;|&(]| and | with ")


def plain_byline(text: str) -> str:
    """The byline's names without identifiers and bracketed affiliations, and with `and` for
    another language's."""
    if "(" in text:
        text = _BRACKETED_AFFILIATION.sub(_without_affiliation, text)
    if _FAMILY_NAME_FIRST.search(text):
        text = _SHORT_FAMILY_NAME_FIRST.sub(lambda m: m[0].title(), text)
    return with_other_ands_read(without_identifiers(text))


# `ZHANG Wei`: a family name in capitals before the given name (as Chinese, Korean and
# Vietnamese names are printed). Where one is, a family name of two letters printed so
# (`LI Na`, `WU Lei`) is one too, not two initials.
# `(?:^|(?<=[,;&] )|(?<=and ))[A-Z]{3,} [A-Z][a-z]+\b(?! [A-Z])`, written to start with its first
# capital (what may stand before it is looked back at after it), so that a search scans for
# capitals fast instead of trying every position.
_FAMILY_NAME_FIRST = re.compile(
    r"[A-Z](?:(?<![\s\S][A-Z])|(?<=[,;&] [A-Z])|(?<=and [A-Z]))[A-Z]{2,} [A-Z][a-z]+\b(?! [A-Z])"
)
_SHORT_FAMILY_NAME_FIRST = re.compile(
    r"(?:^|(?<=[,;&] )|(?<=and ))[A-Z]{2}(?= [A-Z][a-z]+(?:$|[,;]| and | &))"
)


# `Jane Roe (Northland University, USA)`: a body and a place in brackets after a name (the
# commas inside would part the names).
_BRACKETED_AFFILIATION = re.compile(r"\s*\((?P<inner>[^()]*,[^()]*)\)")


def _without_affiliation(m: re.Match[str]) -> str:
    before = _BEFORE.split(m.string[: m.start()])[-1].strip()
    return "" if has_org_word(m["inner"]) and _whole_person(before) else m[0]


def without_identifiers(text: str) -> str:
    """`Jane Roe https://orcid.org/0000-…`, `Jane Roe0000-0002-…`, `Jane Roe (jroe@…)`: the
    name alone (an identifier is no name, and a glued one hides the name's end)."""
    if (
        "@" not in text
        and "://" not in text
        and "www." not in text
        and ("-" not in text or _ORCID_START.search(text) is None)
    ):
        return text  # the common case: nothing to take off (`Ann Lee - Jo Roe` included)
    return _IDENTIFIER.sub("", text)


def with_other_ands_read(text: str) -> str:
    """`Ana Solís y Joaquín Ferrer` → `Ana Solís and Joaquín Ferrer`: a connector with a whole
    person's name of two words or more on each side; one word after it is a double family
    name (`Luis Roldán y Ibarra`, `Pedro da Cunha e Quintela`) and a body's name stays one
    (`Instituto … de Pesquisa e Estatística`)."""
    pattern = _OTHER_AND_CAPITALS if is_shouting(text) else _OTHER_AND
    if pattern.search(text) is None:
        return text  # the common case: nothing to read
    out, last = [], 0
    for m in pattern.finditer(text):
        left = _BEFORE.split(text[: m.start()])[-1].strip()
        right = _AFTER.split(text[m.end() :], maxsplit=1)[0].strip()
        if _whole_person(left) and _whole_person(right):
            out += [text[last : m.start()], " and "]
            last = m.end()
    return "".join([*out, text[last:]])


def _whole_person(name: str) -> bool:
    return len(name.split()) >= 2 and is_person_like(name)


# A name glued to the next one (`Katherine HoodDaniel Schneider`): a lower-case letter then a
# capitalised word, unless what comes before is a name prefix (`McMahon`, `MacDonald`, `DeSilva`).
_GLUED_NAMES = re.compile(r"\b(?P<head>[A-Z][a-z]{2,})(?P<tail>[A-Z][a-z]+)\b")
_NAME_PREFIXES = frozenset(["mac", "fitz", "van", "von", "del", "della", "des", "dal", "vander"])


def unglued(text: str) -> str:
    """The byline with a comma between two names glued together (`Katherine HoodDaniel
    Schneider`)."""
    return _GLUED_NAMES.sub(_unglue, text)


def _unglue(m: re.Match[str]) -> str:
    """`Katherine HoodDaniel Schneider` → two names: a family name glued to the next given
    name has a name word on each side (`StopWatch`, `SafeLives` alone are bodies' names)."""
    before, after = m.string[: m.start()].split(), m.string[m.end() :]
    if (
        m["head"].casefold() in _NAME_PREFIXES
        or not before
        or not (before[-1][:1].isupper() or before[-1] in PARTICLES)  # `Marly van BruchemLaura`
        or not after.startswith(" ")
        or not after[1:2].isupper()
    ):
        return m[0]
    return f"{m['head']}, {m['tail']}"


_SENTENCE_BETWEEN_NAMES = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z][a-z])")
_ABBREVIATIONS = frozenset(
    ["st", "mt", "jr", "sr", "dr", "mr", "mrs", "ms", "prof", "rev", "hon", "sen", "rep", "gov",
     "lt", "sgt", "capt", "col", "gen", "maj", "det", "insp", "supt", "cmdr", "med", "phil"]
)  # fmt: skip


def sentences_of_names_split(text: str) -> str:
    """`Besiki Kutateladze. Melba Pearson` → a comma; `Westland. Department of Justice` kept."""
    parts = _SENTENCE_BETWEEN_NAMES.split(text)
    out = parts[0]
    for part in parts[1:]:
        last = out.rsplit(None, 1)[-1].casefold() if out.split() else ""
        left = SPLIT.split(out)[-1].strip()
        right = SPLIT.split(part)[0].strip()
        if last not in _ABBREVIATIONS and is_person_like(left) and is_person_like(right):
            out += ", " + part
        else:
            out += ". " + part
    return out

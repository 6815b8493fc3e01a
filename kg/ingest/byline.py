"""Bylines → contributors: the `By` prefix and its role, notes and `et al.` taken off, `;` groups.

Each group is split into names by pieces.py and each name typed by contributor.py. One
organisation stays one when its name has dots, commas, `&` or a parent body; roles, notes,
job titles and `et al.` never become people.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.ingest.authority import Authority
from kg.ingest.byline_leads import (
    OTHER_COLLABORATION,
    OTHER_LEAD_STARTS,
    leads_names,
    may_have_opinion_notes,
    strip_other_lead,
    without_opinion_notes,
)
from kg.ingest.byline_text import plain_byline, sentences_of_names_split, unglued
from kg.ingest.contributor import (
    bare_org,
    contributor,
    dedupe,
)
from kg.ingest.kinds import kinds_in_context, kinds_in_group
from kg.ingest.names import (
    has_head_word,
    has_org_word,
    is_person_like,
    is_shouting,
    title_case,
)
from kg.ingest.pieces import (
    ROLE_WORD,
    SPLIT,
    named_pieces,
    uninverted,
    unseparated,
    without_marks,
)
from kg.ingest.plain_names import (
    JOINT,
    LIST_MARK,
    TITLE_CASE_AND,
    doubled_name,
    plain_people,
)
from kg.ingest.text import NAME_ENDS, clean, strip_trailing_period
from kg.ingest.vancouver import vancouver
from kg.records import Contributor

# `By`, `Edited by`, `Compiled and edited by`, `Foreword by`: the prefix and the role it gives.
BY_PREFIX = re.compile(
    r"^[\s\u00a0]*(?:(?P<role>(?i:edited|compiled|translated|illustrated|selected|foreword|forward|"
    r"preface|afterword|introduction|introduced|prepared|written|illustrations|photos|photographs|"
    r"photography|authored|contributions|researched|"
    # a recording's makers: `Hosted by`, `Directed by`, `Presented by`, `Produced by`
    r"hosted|directed|presented|produced|narrated|moderated|"
    r"report(?:\s+(?:prepared|written))?)"
    # `Edited and introduced by`, `Edited and with an introduction by`, `Edited, with an
    # introduction, by`
    r"(?:\s+and\s+(?:with\s+an?\s+)?[a-z]+|,\s+with\s+an?\s+[a-z]+,)?"
    # `Translated from the Spanish by`: the language translated from
    r"(?:\s+from\s+(?:the\s+)?[A-Z][a-z]+)?)"
    # `Prepared for the National Institute of Justice by …`: the body it was prepared for
    r"(?:\s+for\s+(?:the\s+)?[A-Z][^;]*?,?)?\s+)?"
    r"(?:(?:By|BY|by)(?:\s*:[\s\u00a0]*|[\s\u00a0]+|(?=[\"“'‘]))|By(?=[A-Z])|BY(?=[A-Z][a-z])"
    # or a label and a colon: `Authors: …`, `Editor: …`, `Principal Investigator(s): …`
    r"|(?P<label>(?i:(?:author|editor|compiler|translator|(?:co-?)?principal\s+investigator)"
    r"(?:s|\(s\))?))[\s\u00a0]*:[\s\u00a0]*)"
)
_LABEL_ROLES = {"editor": "editor", "compiler": "editor", "translator": "translator"}
_PREFIX_ROLES = {"edited": "editor", "compiled": "editor", "selected": "editor",
                 "translated": "translator", "illustrated": "illustrator",
                 "foreword": "foreword", "forward": "foreword",
                 "preface": "preface", "afterword": "afterword", "illustrations": "illustrator",
                 "photos": "photographer", "photographs": "photographer",
                 "photography": "photographer",
                 "introduction": "introduction", "introduced": "introduction",
                 "contributions": "contributor"}  # fmt: skip
# `(Editor and Introduction)`: roles joined inside brackets, kept from the name separators.
_JOINED_ROLES = re.compile(
    rf"[(\[]\s*{ROLE_WORD}\.?(?:\s*(?:and|&|,)\s*{ROLE_WORD}\.?)+\s*[)\]]", re.IGNORECASE
)
_TRAILING_EDS = re.compile(
    r",?\s*\(?\b(?:eds|editors)\.?\)?\.?$|(?:,\s*|\s*\()(?:ed|editor)\.?\)?\.?$", re.IGNORECASE
)
MID_ROLE = re.compile(
    r"[,;.]?\s+(?:with\s+(?:an?\s+)?)?(?P<role>Edited|Compiled|Translated|Illustrated|Foreword|"
    r"Preface|Afterword|Introduction|Illustrations|Photos|Photographs|Photography)"
    r"(?:\s+from\s+(?:the\s+)?[A-Z][a-z]+)?\s+by\s+|[,;]?\s+with\s+(?P<contributions>contributions)\s+(?:by|from)\s+"
    # `With editorial assistance and commentary by`: a contribution without a role of its own
    r"|[,;.]?\s+with\s+(?P<assistance>(?:(?:editorial|research|technical|additional)\s+)?"
    r"(?:assistance|commentary|research|help)"
    r"(?:\s+and\s+(?:commentary|assistance|research))?)\s+(?:by|from)\s+"
    rf"|,?\s+(?P<collaboration>{OTHER_COLLABORATION})\s+",  # `avec la collaboration de`
    re.IGNORECASE,
)
_COMMA_GENERATION = re.compile(r",\s*(Jr|Sr)\.?(?=\s*(?:[,;&]|and\s|$))")
_COMMA_NUMERAL = re.compile(r",\s*(II|III|IV)(?=\s*(?:[,;&]|and\s|$))")
# `\b([A-Z])\.(?=[A-Z][a-z])`, not `M.Ed.`: the capital first (the look-behind is the `\b` before
# it), so that a search scans for capitals fast instead of trying every position.
_INITIAL_GLUED = re.compile(r"([A-Z])(?<!\w[A-Z])\.(?=[A-Z][a-z])(?!(?:Ed|Phil|Sc)\b)")
# What a `;` group of names may start with: the part its people had (`Graphics:`, `Photos:`).
_GROUP_LABEL = re.compile(r"^[A-Z][a-z]+(?: [a-z]+)?:\s+(?=[A-Z])")
_JOINER_COMMA = re.compile(r"\s+(and|&)\s*,\s*")
_GLUED_JOINER = re.compile(r"(?<= )(?:and|&)(?=[A-Z][a-z])")
# and `, etc.`, and German `u.a.` at the end
_ET_AL = re.compile(r",?\s*\b(?:et\.?\s+al|etc)\b\.*|\s+u\.\s?a\.$", re.IGNORECASE)
# `and others`, `[and 3 others]`, `… and 12 more`: the names a listing left out
_OTHERS = re.compile(
    r",?\s*(?:…|\.\.\.)?\s*[\[(]?(?:and|&|\+)\s+(?:(?:\d+\s+)?(?:others|colleagues)|\d+\s+more)"
    r"[\])]?\.?$",
    re.IGNORECASE,
)
# `Jane Roe for the National Institute of Justice`: the body a report was prepared for.
_SPONSOR = re.compile(r"\s+(?:for|on behalf of)\s+(?P<the>the\s+)?(?=[A-Z])(?P<body>[^,;]+)$")

_NOTE = re.compile(
    r"(?:^|(?<=[.;,]))\s*(?:[A-Z][a-z]+\s+){0,2}(?:research|support|assistance|analysis|data|"
    r"editing|design|contributions?)\s+(?:was|were)\s+(?:also\s+)?(?:provided|given|conducted|"
    r"carried out)\b.*$",
    re.IGNORECASE,
)
_INVERTED_JOIN = re.compile(r"\s+(?:and|&)\s+")

# Patterns of the helpers below, compiled once.
_SEMICOLON = re.compile(r"\s*;\s*(?:(?:and|&)\s+)?")  # `Roe; Doe; and Poe`
_SPACE_COMMA = re.compile(r"\s+,")
_COMMAS = re.compile(r",(?:\s*,)+")
_LEADING_JOINER = re.compile(r"^(?:and|with)\s+")
_JOINER_STARTS = frozenset("aw")
_WORD_CHAR = re.compile(r"\w")


def strip_by(line: str) -> tuple[str, str | None]:
    """The byline without its prefix, and the role the prefix gives (`Edited by` → editor)."""
    if _by_and_a_letter(line):
        return line[3:], None  # what BY_PREFIX matches there: `By ` alone, no role
    m = BY_PREFIX.match(line)
    if m is None:
        return line, None
    if m["label"]:
        label = m["label"].casefold().removesuffix("(s)").removesuffix("s")
        return line[m.end() :], _LABEL_ROLES.get(label)
    role = m["role"].split()[0].casefold() if m["role"] else None
    return line[m.end() :], _PREFIX_ROLES.get(role) if role else None


_PREFIX_STARTS = frozenset("BbEeCcTtSsFfIiPpWwAaRrHhDdNnMm \u00a0")  # what BY_PREFIX can start with


_BYS = ("By", "BY", "by")
# The first two letters of every prefix BY_PREFIX matches without white space before it: `By`,
# its roles (`Edited`, `Compiled`, `Foreword`…) and labels (`Authors:`, `Editor:`), in lower case.
PREFIX_PAIRS = frozenset(
    ["by", "ed", "co", "tr", "il", "se", "fo", "in", "pr", "wr", "au", "re", "af", "ph", "ho", "di",
     "na", "mo"]
)  # fmt: skip


def _by_and_a_letter(text: str) -> bool:
    """`By Jane Roe`: `By`, one space and a letter, where BY_PREFIX matches `By ` alone (no
    role or label starts with `By`, and a letter is no space, colon or quote it goes on to)."""
    return text[:3] == "By " and text[3:4].isalpha()


def looks_like_byline(text: str) -> bool:
    """`By Jane Roe`, `by`, `BY`, `By:`, `ByAnna`, `Edited by …`, `Authors: …`: a prefix, then
    a name; or names after another language's `by` (`Por Ana García`), or a court opinion's."""
    global _LAST_ASKED
    asked, answer = _LAST_ASKED
    if text is asked:  # the same line again (its glue test, its scores, its shape ask in turn)
        return answer
    answer = _by_prefixed(text) or (text[:1] in OTHER_LEAD_STARTS and leads_names(text))
    _LAST_ASKED = (text, answer)
    return answer


# The last line asked about and the answer, matched by identity (no hash is worked out); one
# tuple, so a thread never reads one line's answer for another.
_LAST_ASKED: tuple[str, bool] = ("", False)


def _by_prefixed(text: str) -> bool:
    if text[:1] not in _PREFIX_STARTS:
        return False  # a fast test before the pattern
    if text[1:2].isascii() and text[:2].lower() not in PREFIX_PAIRS and text[0].isalpha():
        return False  # no prefix starts so (a letter beyond ASCII may match one in any case)
    if _by_and_a_letter(text):
        rest = text[3:]  # most bylines: what BY_PREFIX matches is `By ` alone
    else:
        m = BY_PREFIX.match(text)
        if not m:
            return False
        if m["role"] is None and m["label"] is None and text.lstrip(" \u00a0")[:2] not in _BYS:
            return False
        rest = text[m.end() :].lstrip(" \u00a0\"“'‘")
    if rest[:4].casefold() == "the ":
        rest = rest[4:]  # `By the U.S. Commission …`, but not `By the end of 2020, …`
    # `By .` (a byline with no name left) still separates title from abstract.
    return not rest or rest[0].isupper() or not any(ch.isalnum() for ch in rest)


@lru_cache(maxsize=16_384)
def parse_byline(line: str, authority: Authority) -> tuple[Contributor, ...]:
    """Contributors in printed order (cached: cross-posted records repeat their bylines).

    White space is read as one space: what a page pads a line with (no-break spaces copied
    from a web page) must not hide a trailing `eds.` from the rules that look for it."""
    printed = clean(line)
    bare, role = strip_by(printed)
    if bare is printed and bare[:1] in OTHER_LEAD_STARTS:  # no English `By`
        bare, role = strip_other_lead(bare)  # `Por Ana García`, `Herausgegeben von …`
    if may_have_opinion_notes(bare):
        bare = without_opinion_notes(bare)  # `Justice Ann Lee delivered the opinion of …`
    bare = plain_byline(bare)  # `Jane Roe0000-0002-…`, `Ana Solís y Joaquín Ferrer`
    if "." in bare:
        bare = _INITIAL_GLUED.sub(r"\1. ", bare)  # `Rose M. C.Kagawa`
    if "and" in bare or "&" in bare:
        bare = _GLUED_JOINER.sub(r"\g<0> ", bare)  # `Sandra Poe andTrisha Lee`
        bare = _JOINER_COMMA.sub(r" \1 ", bare)  # `Joel Herrera and , Cesar Alvarez`
    people = plain_people(bare, authority)
    if people is not None:
        return tuple(dedupe([Contributor(name, "person", role) for name in people]))
    return _read_byline(bare, role, authority)


def _read_byline(bare: str, role: str | None, authority: Authority) -> tuple[Contributor, ...]:
    """`parse_byline` after the prefix, by every rule."""
    later = any(hint in bare for hint in _LATER_HINTS)  # a fast test first
    mid = MID_ROLE.search(bare) if later else None
    if mid is not None:  # `By Newton D. Baker, Edited by Colin Heston`
        first = parse_byline(bare[: mid.start()], authority)
        then_role = mid["role"] or mid["contributions"] or "contributions"
        then = parse_byline(f"{then_role} by {bare[mid.end() :]}", authority)
        out_ = [c if c.role or role is None else Contributor(c.name, c.kind, role) for c in first]
        return tuple(dedupe([*out_, *then]))
    if bare.rstrip(" .)").lower().endswith(
        ("ed", "eds", "editor", "editors")
    ) and _TRAILING_EDS.search(bare.rstrip()):  # `…, eds.`, `(Editors)`: every name is an editor
        bare, role = _TRAILING_EDS.sub("", bare.rstrip()), role or "editor"
        trailing_editors = True
    else:
        trailing_editors = False
    listed = vancouver(strip_trailing_period(bare.strip()))  # before title case: `ROE J`
    if listed is not None:
        return tuple(Contributor(name, "person", role) for name in listed)
    text = _denoise(bare)
    whole = authority.lookup(text)
    if whole is None and not LIST_MARK.search(text):
        whole = doubled_name(text, authority)
    if whole is not None:
        return (Contributor(authority.name_for(bare_org(text)) or whole.name, whole.kind, role),)
    out: list[Contributor] = []
    groups = _SEMICOLON.split(text) if ";" in text else [text]
    for group in groups:
        found = _group(group, authority)
        out += _without_affiliations(found) if len(groups) > 1 else found
    out = kinds_in_context(out, authority)
    # `Committee on X; Jane Roe and John Doe, Editors`: the body is the author, the people
    # after it edited the book.
    mixed = trailing_editors and len({c.kind for c in out}) == 2
    if role is not None:
        out = [
            c
            if c.role or (mixed and c.kind == "organization")
            else Contributor(c.name, c.kind, role)
            for c in out
        ]
    return tuple(dedupe(out))


# What a byline with a later part (`, Edited by …`, `avec la collaboration de …`) has.
_LATER_HINTS = (" by ", " By ", " from ", "ollabora", "olabora", "Mitarbeit", "medewerking")


def _denoise(text: str) -> str:
    text = clean(text)
    text = without_marks(text)
    if is_shouting(text):
        text = title_case(text)  # `JANE ROE AND JOHN DOE`: separators are case-sensitive
    elif " And " in text:
        text = TITLE_CASE_AND.sub(" and ", text)  # `Ann Lee And Bo Chan`: in title case
    if " was " in text or " were " in text:
        text = _NOTE.sub("", text)
    if "al" in text or "Al" in text or "AL" in text or "tc" in text or "u." in text:
        text = _ET_AL.sub("", text)
    if "thers" in text or "olleagues" in text or " more" in text:
        text = _OTHERS.sub("", text)
    if " for " in text or " on behalf of " in text:
        text = _without_sponsor(text)
    # Only plain spaces are left: `\\s` before a comma is " ,". The tests spare the patterns.
    if " ," in text:
        text = _SPACE_COMMA.sub(",", text)
    if text.count(",") > 1:
        text = _COMMAS.sub(",", text)
    if text[:1] in _JOINER_STARTS:
        text = _LEADING_JOINER.sub("", text)
    if " with " in text or " With " in text or " WITH " in text:
        text = JOINT.sub(" with ", text)
    text = unglued(text)
    if "Jr" in text or "Sr" in text:
        text = _COMMA_GENERATION.sub(r" \1.", text)  # `Martin Luther King, Jr.`: one name
    if "II" in text or "IV" in text:
        text = _COMMA_NUMERAL.sub(r" \1", text)  # `John Doe, III`
    if "(" in text:
        text = _JOINED_ROLES.sub(lambda m: re.sub(r"\s*(?:and|&|,)\s*", "/", m[0]), text)
    if ". " in text:
        text = sentences_of_names_split(text)
    text = strip_trailing_period(text, NAME_ENDS).strip(" ,;")
    if text.endswith((" and", " &")):  # `By Ed Fox and`: the line broke before the last name
        text = text.rsplit(" ", 1)[0].rstrip(" ,")
    return text


def _without_affiliations(group: list[Contributor]) -> list[Contributor]:
    """`Bo Chan, Urban Institute; Cy Diaz, RAND Corporation`: in a `;`-separated byline, a group
    of one person and one body names the person and the body they work for (an affiliation,
    not an author)."""
    kinds = [c.kind for c in group]
    return group[:1] if kinds == ["person", "organization"] else group


def _without_sponsor(text: str) -> str:
    """The byline without `for <body>` after a person's name, or `for the <body>` after a whole
    body's name (`Harbour Policy Institute for the Northland Sheriff's Office`); a body's own
    `for` stays (`Council for Criminal Justice`, `Foundation for the National Institutes …`)."""
    m = _SPONSOR.search(text)
    if m is None or not has_org_word(m["body"]):
        return text
    before = SPLIT.split(text[: m.start()])[-1]
    if is_person_like(before) and not has_org_word(before):
        return text[: m.start()]
    return text[: m.start()] if m["the"] and _whole_body(before, m["body"]) else text


def _whole_body(before: str, after: str) -> bool:
    """Two words or more ending with a body's head word, and a body with one after `for the`."""
    tokens = before.removeprefix("the ").split()
    return len(tokens) >= 2 and has_head_word(tokens[-1]) and has_head_word(after)


def _group(text: str, authority: Authority) -> list[Contributor]:
    """One `;`-separated group: an inverted name, one organisation, or a list of names."""
    text = text.strip(" ,")
    if ": " in text:
        text = _GROUP_LABEL.sub("", text)  # `…; Graphics: Samy Chahr`
    if not text:
        return []
    bare = bare_org(text)
    known = authority.lookup(bare) or authority.lookup(text)
    if known is not None:
        return [Contributor(authority.name_for(bare) or known.name, known.kind)]
    listed = vancouver(text)
    if listed is not None:
        return [Contributor(name, "person") for name in listed]
    one = uninverted(text)
    if one:
        return [contributor(one, authority)]
    pairs = _INVERTED_JOIN.split(text)
    if len(pairs) > 1 and all(uninverted(pair) for pair in pairs):
        return [
            contributor(uninverted(pair) or pair, authority) for pair in pairs
        ]  # Roe, Jane and Doe, John
    pieces = named_pieces(text, authority)
    if len(pieces) == 1 and not has_org_word(pieces[0][0]):
        name, role, sep = pieces[0]
        pieces = [(one, role, sep) for one in unseparated(name)]
    found = [
        (contributor(name, authority, role), sep)
        for name, role, sep in pieces
        if _WORD_CHAR.search(name)
    ]
    return kinds_in_group(found, authority)

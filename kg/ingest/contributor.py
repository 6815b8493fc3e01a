"""One printed name → a contributor: person or organisation, the form the authority file knows,
an affiliation or a job title dropped, a body's part named before the body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.ingest.authority import Authority
from kg.ingest.names import (
    CONNECTORS,
    PARTICLES,
    has_head_word,
    has_nominal_ending,
    has_org_word,
    has_unit_word,
    is_acronym,
    is_org_like,
    is_person_like,
    is_shouting,
    names_a_part,
    title_case,
    words,
)
from kg.ingest.text import clean, strip_trailing_period
from kg.records import AgentKind, Contributor

_AFFILIATION = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
JOB = re.compile(
    r"^(?:(?:The\s+)?(?:Rt\.?\s+Hon\.?|Right\s+Honourable|Hon\.)"  # `Rt Hon David Lammy`
    r"|(?:(?:Executive|Managing|Deputy|Assistant|Associate|Research|Program|Policy)\s+)?"
    r"(?:Director|President|Chair(?:person|man|woman)?|CEO|Professor|Prof\.|Dr\.?|Senator|"
    r"Commissioner|Secretary|Minister|Judge|Fellow|Officer|Manager|"
    r"Chief Executive|Chief Justice|Chief"
    # forms of address and ranks, with their stop (`Rep Lee`, `Sen Wong` are given names)
    r"|Mrs?\.?|Ms\.?|Mx\.?|Dr\.\s+(?:med|phil|jur|rer\.\s?nat)\.|Sen\.|Rep\.|Gov\.|Lt\.|Sgt\.|"
    r"Capt\.|Col\.|Gen\.|Maj\.|Det\.|Insp\.|Supt\.|Cmdr\.|Rev\.|Revd\.?))\s+(?=[A-Z])"
)
# `Ryo Tanaka [田中 亮]`, `Olga Petrova (Ольга Петрова)`, `Ryo Tanaka 田中 亮`: the name printed
# again in its own script (Greek, Cyrillic, Arabic, Chinese, Korean…) after the Latin one.
_SCRIPT = r"[^\x00-\u036f\[\]()]+(?:\s[^\x00-\u036f\[\]()]+)*"
_OWN_SCRIPT = re.compile(rf"(?<=[A-Za-z.])\s*(?:\[{_SCRIPT}\]|\({_SCRIPT}\)|{_SCRIPT})$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_OF_THE_BODY = re.compile(r"^(?P<person>[^,]+?)\s+of\s+(?P<the>the\s+)?(?P<body>.+)$")
_TEAM_OF_BODY = re.compile(r"(?<=[A-Za-z]) (?:research )?(?:team|staff)$")
_DASHED_ACRONYM = re.compile(r"(?<=[a-z]{2}) [-–—] [A-Z][A-Za-z&]{0,2}[A-Z&]{1,8}$")
_BRACKETED_ACRONYM = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<acr>[^()]{2,15})\)\s*\.?(?:\s+.*)?$")


# First words of bodies named like a slogan (no organisation word): never a given name.
SLOGAN_WORDS = frozenset(
    ["stop", "ban", "end", "save", "protect", "fight", "take", "walk", "free", "safe", "beyond",
     "against", "together", "enough", "make", "keep", "change", "break", "open", "global",
     "national", "federal", "local", "united", "human", "justice", "youth", "women's",
     "children's", "people's", "citizens", "friends", "voices", "no", "not", "every", "all",
     "one", "first", "prevent", "reclaim", "restore", "defend", "support", "action", "amnesty",
     # words that start bodies' names and no person's (`Fair Trials`, `Child Trends`)
     "fair", "safer", "better", "equal", "child", "children", "families", "family", "victims",
     "victim", "prisoners", "revolving", "transform", "innocence", "restorative", "public",
     "community", "communities", "peoples", "rights", "smart", "healthy", "policy", "user",
     "users", "leaders",
     # acronyms that start bodies' names (`UN Women`, `HM Prison Service`)
     "un", "eu", "hm"]
)  # fmt: skip
_GIVEN_INITIAL_FAMILY = re.compile(r"[A-Z][a-z]+ (?:[A-Z]\. ?){1,2}[A-Z][a-z]+")
_ACRONYM_AFTER_COMMA = re.compile(r"(?<=[a-z]{2}),\s+[A-Z]{2,8}$")
_CAPITAL_CONNECTORS = frozenset(["Of", "For", "Against", "On", "And", "The"])
_LOWER_WORD = re.compile(r"^[a-z]{3,}$")  # and no particle (`van`, `della`, `binti`, `ould`)


@lru_cache(maxsize=16_384)
def bare_org(name: str) -> str:
    """An organisation's name without `The`, `team` or `staff` after it, or its acronym in
    brackets or after a dash."""
    name = _LEADING_THE.sub("", name.strip())
    if name.endswith(("team", "staff")) and has_org_word(name[:-5]):
        name = _TEAM_OF_BODY.sub("", name)  # `Harbour Policy Lab team`: the body
    if " - " in name or " – " in name or " — " in name:
        name = _DASHED_ACRONYM.sub("", name)  # `Harbour Justice Mission – HJM`
    m = _BRACKETED_ACRONYM.match(name) if "(" in name else None
    if (m and is_org_like(m["name"])) or (m and is_acronym(m["acr"])):
        return m["name"].strip()
    return name


def _parent(name: str) -> str:
    """`Inter-American Development Bank, Gender and Diversity Division` → the bank."""
    head, sep, tail = name.partition(",")
    if sep and has_unit_word(tail) and is_org_like(head) and not _needs_its_parent(head, tail):
        return head.strip()
    return name


# Words that make a body's name one of a part of another body, named by what it is and not by
# its own name (`Office of the Inspector General`, `Research Division`).
_PART_WORDS = frozenset(["office", "division", "section", "branch", "unit"])


def _needs_its_parent(part: str, parent: str) -> bool:
    """`Office of the Inspector General, U.S. Department of Justice`: a part named as a part,
    then the whole body it belongs to, is one body with its parent (the part's name alone
    names no one body: every department has such an office)."""
    part_words = {w.casefold().strip(".,") for w in part.split()}
    parent_words = {w.casefold().strip(".,") for w in parent.split()}
    return bool(part_words & _PART_WORDS) and bool(parent_words & _WHOLE_HEADS)


def _justice_and_a_name(name: str) -> bool:
    """`Justice` and a person's name of two words, none a body's word (`Justice Reform Now`)."""
    rest = name.removeprefix("Justice ")
    tokens = rest.split()
    return (
        len(tokens) == 2
        and is_person_like(rest)
        and not any(has_nominal_ending(f"x {t}") for t in tokens)
        and tokens[0].casefold() not in SLOGAN_WORDS
    )


@lru_cache(maxsize=65_536)
def agent_kind(name: str, authority: Authority) -> AgentKind:
    """`organization` when the authority file says so or the name looks like a body."""
    known = authority.lookup(name)
    if known is not None:
        return known.kind
    if _GIVEN_INITIAL_FAMILY.fullmatch(name):
        return "person"  # `Anna O. Law`: a middle initial makes `Law` a family name
    if name.startswith("Justice ") and _justice_and_a_name(name):
        return "person"  # `Justice Amara Okafor`: a judge's title or a given name, then a name
    if has_org_word(name) or name.startswith("The ") or is_acronym(name) or names_a_part(name):
        return "organization"
    if "/" in name and has_org_word(name.replace("/", " ")):
        return "organization"  # `Guatemala Human Rights Commission/USA`
    if words(name)[0].casefold() in SLOGAN_WORDS or has_nominal_ending(name):
        return "organization"  # `Stop Handgun Violence`, `Walk Free`, `Toll Evasion`
    if " " not in name and "-" in name.strip("-") and name[:1].isupper() and not name.isupper():
        return "person"  # `Ruiz-Pla`: a double family name alone
    if any(w in CONNECTORS or _lower_word(w) for w in words(name)):
        return "organization"  # `Citizens for Safe Streets`, `HOPE not hate`: no person's name
    if any(w in _CAPITAL_CONNECTORS for w in words(name)[1:-1]):
        return "organization"  # `Color Of Change`: a name in title case, every word capital
    if len(words(name)) > 5 or len(words(name)) == 1:
        return "organization"  # `Europol`: a person's name has at least two words
    return "person"


def _lower_word(word: str) -> bool:
    """A lower-case word of three letters or more that is no particle of a person's name."""
    return _LOWER_WORD.match(word) is not None and word not in PARTICLES and word != "ten"


@lru_cache(maxsize=65_536)
def contributor(name: str, authority: Authority, role: str | None = None) -> Contributor:
    """One printed name → a contributor (cached: the same names recur across a catalogue)."""
    name = strip_trailing_period(clean(name)).strip(" ,")
    if not name.isascii() and name.rstrip(")]")[-1:] >= "\u0370":
        name = _OWN_SCRIPT.sub("", name)
    name = JOB.sub("", name)
    bare = bare_org(name)
    known = authority.lookup(name) or authority.lookup(bare)
    if known is not None:
        return Contributor(authority.name_for(bare) or known.name, known.kind, role)
    name = _without_affiliation(name)
    if "," in name:
        name = _ACRONYM_AFTER_COMMA.sub("", name)  # `… Fundamental Rights, FRA`
    kind = agent_kind(name, authority)
    if kind == "organization":
        name = _child_first(_parent(bare_org(name)))
    elif "," in name:
        last, first = (p.strip() for p in name.split(",", 1))
        name = f"{first} {last}"
    if is_shouting(name) or (kind == "person" and name.isupper()):
        name = title_case(name)
    elif kind == "person" and _CAPITALS_WORD.search(name):
        name = _CAPITALS_WORD.sub(lambda m: title_case(m[0]), name)  # `Jean DUPONT`
    return Contributor(name, kind, role)


# A family name in capitals beside given names that are not (three letters or more, no
# roman numeral: `NG` may be initials, `III` is a generation).
_CAPITALS_WORD = re.compile(r"\b(?![IVX]+\b)[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]*[A-ZÀ-ÖØ-Þ]{2}\b")


def _a_body(name: str, the: str | None) -> bool:
    """A body's name after `of the`, or one with a head word after `of` alone."""
    return has_org_word(name) and bool(the or has_head_word(name))


def _without_affiliation(name: str) -> str:
    """`Simon McMahon (Project Oracle)` → the person; `HM Government (UK)` → the body;
    `Ann Lee of the Urban Institute`, `Ann Lee of Harbour University` → the person."""
    of_the = _OF_THE_BODY.match(name) if " of " in name else None
    if of_the and is_person_like(of_the["person"]) and _a_body(of_the["body"], of_the["the"]):
        return of_the["person"]
    m = _AFFILIATION.match(name) if name.endswith(")") else None
    if m is None:
        return name
    head, inner = m["name"].strip(), m["inner"].strip()
    if is_person_like(head) and not has_org_word(head):
        return head  # `Bo Chan (RAND)`: where the person works
    if is_org_like(head) and not is_acronym(inner) and not has_org_word(inner):
        return head  # a place or a note, not the body's acronym
    return name


_PART_HEADS = frozenset(
    ["panel", "committee", "taskforce", "subcommittee", "working", "unit", "division", "section",
     "branch", "programme", "program", "project"]
)  # fmt: skip
_WHOLE_HEADS = frozenset(
    ["authority", "university", "ministry", "department", "government", "agency",
     "corporation", "council", "commission"]
)  # fmt: skip


def _child_first(name: str) -> str:
    """`Blue Ribbon Panel on X, Metropolitan Transportation Authority`: a part printed before the
    body it belongs to is the author (the body is the publisher)."""
    first, sep, rest = name.partition(", ")
    if not sep:
        return name
    head_words = {w.casefold() for w in first.split()}
    rest_words = {w.casefold().strip(".,") for w in rest.split()}
    if _needs_its_parent(first, rest):
        return name
    if head_words & _PART_HEADS and rest_words & _WHOLE_HEADS and not rest_words & _PART_HEADS:
        return first
    return name


def dedupe(contributors: list[Contributor]) -> list[Contributor]:
    seen: set[str] = set()
    out = []
    for c in contributors:
        folded = c.name.casefold()
        if folded not in seen:
            seen.add(folded)
            out.append(c)
    return out

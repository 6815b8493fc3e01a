"""Bylines → contributors: split on the separators the site uses, type person or organisation."""

from __future__ import annotations

import re

from kg.ingest.authority import Agent, Authority
from kg.ingest.text import clean, strip_trailing_period
from kg.records import AgentKind, Contributor

BY_PREFIX = re.compile(r"^\s*by(?=[\s\u00a0]|[A-Z])[\s\u00a0]*", re.IGNORECASE)

# Words that make a name an organisation rather than a person.
ORG_WORDS = frozenset(
    [
        "academy",
        "agency",
        "alliance",
        "association",
        "authority",
        "board",
        "bureau",
        "centre",
        "center",
        "coalition",
        "college",
        "commission",
        "committee",
        "council",
        "court",
        "department",
        "division",
        "foundation",
        "forum",
        "fund",
        "government",
        "group",
        "institute",
        "institution",
        "international",
        "justice",
        "lab",
        "laboratory",
        "league",
        "library",
        "ministry",
        "mission",
        "network",
        "observatory",
        "office",
        "organisation",
        "organization",
        "panel",
        "parliament",
        "partnership",
        "police",
        "programme",
        "program",
        "project",
        "research",
        "school",
        "service",
        "services",
        "society",
        "trust",
        "unit",
        "united",
        "university",
        "nations",
        "bank",
        "union",
        "federation",
        "consortium",
        "initiative",
        "collective",
        "corporation",
    ]
)
_SEPARATORS = re.compile(r"\s*(?:;|\||·|\s-\s|,\s*and\s+|,|\s+and\s+|\s+&\s+|\s+with\s+)\s*")
_ROLE = re.compile(r"\s*\((?:eds?|editors?|compilers?|translators?)\.?\)\s*", re.IGNORECASE)
_ET_AL = re.compile(r",?\s*et\.?\s+al\.*\s*$", re.IGNORECASE)


def strip_by(line: str) -> str:
    """The byline without its `By` prefix."""
    return BY_PREFIX.sub("", line, count=1)


def looks_like_byline(line: str) -> bool:
    return bool(BY_PREFIX.match(line)) and len(clean(line)) < 400


def agent_kind(name: str, authority: Authority) -> AgentKind:
    """`organization` when the authority file says so or the name has an organisation word."""
    known = authority.lookup(name)
    if known is not None:
        return known.kind
    words = {w.casefold() for w in re.findall(r"[A-Za-z]+", name)}
    if words & ORG_WORDS or name.startswith("The "):
        return "organization"
    return "person"


def parse_byline(line: str, authority: Authority) -> tuple[Contributor, ...]:
    """Contributors in printed order."""
    text = clean(strip_by(line))
    text = _ET_AL.sub("", text)
    text = _ROLE.sub(" ", text)
    text = strip_trailing_period(text)
    whole = authority.lookup(text) or _doubled_name(text, authority)
    if whole is not None:
        return (Contributor(whole.name, whole.kind),)
    if _is_single_org(text, authority):
        return (_contributor(text, authority),)
    parts = [strip_trailing_period(p) for p in _SEPARATORS.split(text)]
    return tuple(_contributor(p, authority) for p in parts if p and re.search(r"\w", p))


def _doubled_name(text: str, authority: Authority) -> Agent | None:
    """`The CSA - Centre The Centre of expertise…`: two names of one agent printed together."""
    words = text.split()
    for cut in range(1, len(words)):
        head = authority.lookup(" ".join(words[:cut]))
        if head is not None and head is authority.lookup(" ".join(words[cut:])):
            return head
    return None


def _is_single_org(text: str, authority: Authority) -> bool:
    # "Organization for Security and Co-operation in Europe" has "and" but is one body:
    # no separator but "and", an org word before and none after.
    if re.search(r"[;,|·]|\s-\s", text):
        return False
    pieces = re.split(r"\s+(?:and|&)\s+", text)
    if len(pieces) < 2:
        return False
    return agent_kind(pieces[0], authority) == "organization" and all(
        agent_kind(p, authority) == "person" and re.search(r"\b(?:in|of|for|on)\b", p)
        for p in pieces[1:]
    )


def _contributor(name: str, authority: Authority) -> Contributor:
    name = re.sub(r"^the\s+", "", clean(name), flags=re.IGNORECASE)
    known = authority.lookup(name)
    if known is not None:
        return Contributor(known.name, known.kind)
    kind = agent_kind(name, authority)
    if kind == "person":
        name = _natural_order(name)
    return Contributor(name, kind)


def _natural_order(name: str) -> str:
    if "," in name:
        last, first = (p.strip() for p in name.split(",", 1))
        name = f"{first} {last}"
    if name.isupper():
        name = name.title()
    return name

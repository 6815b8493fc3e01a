"""Bylines → contributors: split on the separators the site uses, type person or organisation.

One organisation stays one when its name has dots, commas, `&` or a parent body; roles, notes,
job titles and `et al.` never become people.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.ingest.authority import Agent, Authority
from kg.ingest.names import (
    CONNECTORS,
    PARTICLES,
    has_head_word,
    has_org_word,
    has_unit_word,
    is_acronym,
    is_org_like,
    is_person_like,
    is_shouting,
    looks_like_initials,
    title_case,
    words,
)
from kg.ingest.text import clean, strip_trailing_period
from kg.records import AgentKind, Contributor

BY_STARTS = frozenset("Bb")  # what a `By` prefix starts with (see BY_PREFIX)
BY_PREFIX = re.compile(r"^[\s\u00a0]*(?:By|BY|by)(?:[\s\u00a0]+|(?=[A-Z]))")
# The lookahead names what every separator starts with: a fast test at each position.
_SPLIT = re.compile(
    r"((?=[\s|·;,])\s*(?:\||·|;|\s-\s|,\s*and\s+|,|\s+and\s+|\s+&\s+|\s+with\s+)\s*)"
)
_ROLE = re.compile(
    r"\s*[(\[]\s*(?P<role>eds?|editors?|compilers?|translators?|trans|authors?|illustrators?|"
    r"foreword|introduction)\.?\s*[)\]]",
    re.IGNORECASE,
)
_ROLE_PART = re.compile(r"^(?:eds?|editors?|compiled|translated|\(?eds?\.?\)?)\.?$", re.IGNORECASE)
_ET_AL = re.compile(r",?\s*\bet\.?\s+al\b\.*", re.IGNORECASE)
_NOTE = re.compile(
    r"(?:^|(?<=[.;,]))\s*(?:[A-Z][a-z]+\s+){0,2}(?:research|support|assistance|analysis|data|"
    r"editing|design|contributions?)\s+(?:was|were)\s+(?:also\s+)?(?:provided|given|conducted|"
    r"carried out)\b.*$",
    re.IGNORECASE,
)
_JOB = re.compile(
    r"^(?:(?:Executive|Managing|Deputy|Assistant|Associate|Research|Program|Policy)\s+)?"
    r"(?:Director|President|Chair(?:person|man|woman)?|CEO|Professor|Prof\.|Dr\.?|Senator|"
    r"Commissioner|Secretary|Minister|Judge|Fellow|Officer|Manager|Chief Executive)\s+(?=[A-Z])"
)
_JOINERS = {"and", "&"}
_INVERTED_JOIN = re.compile(r"\s+(?:and|&)\s+")
_DEGREES = re.compile(r"(?:^|,?\s+)(?:Ph\.?\s?D|M\.?D|J\.?D|MPH|MSW|MSc|LLM|D\.?Phil)\.?(?=\s|,|$)")
_JOB_ONLY = re.compile(
    r"^(?:(?:Executive|Managing|Deputy|Assistant|Associate|Senior|Research|Program|Policy)\s+)*"
    r"(?:Director|President|Chair(?:person|man|woman)?|CEO|Professor|Senator|Commissioner|"
    r"Secretary|Minister|Fellow|Officer|Manager|Analyst|Researcher|Coordinator)s?$"
)
_OPENING = re.compile(r"\s(?=(?:From the (?:document|cover|report)|FROM THE [A-Z]+)\s*:)")
_DIVISION = re.compile(r"\b(?:Division|Unit|Section|Branch)$")
_NOT_PROSE = CONNECTORS | PARTICLES | {"with", "by", "from", "and"}

# Patterns of the helpers below, compiled once.
_LIST_MARK = re.compile(r"[,;|·]")
_SEMICOLON = re.compile(r"\s*;\s*")
_SPACE_COMMA = re.compile(r"\s+,")
_COMMAS = re.compile(r",(?:\s*,)+")
_LEADING_JOINER = re.compile(r"^(?:and|with)\s+")
_JOINER_STARTS = frozenset("aw")
_WORD_CHAR = re.compile(r"\w")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_BRACKETED_ACRONYM = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<acr>[^()]{2,15})\)\s*\.?(?:\s+.*)?$")


def strip_by(line: str) -> str:
    """The byline without its `By` prefix."""
    return BY_PREFIX.sub("", line, count=1)


def looks_like_byline(text: str) -> bool:
    """`By Jane Roe`, `by`, `BY`, `ByAnna`: a `By` prefix followed by a capitalised name."""
    if text[:1] not in BY_STARTS and not text[:1].isspace():
        return False  # a fast test before the pattern
    m = BY_PREFIX.match(text)
    if not m:
        return False
    rest = text[m.end() :].lstrip(" \u00a0\"“'")
    # `By .` (a byline with no name left) still separates title from abstract.
    return not rest or rest[0].isupper() or not any(ch.isalnum() for ch in rest)


def split_glued(text: str) -> tuple[str, str | None]:
    """`By Jane Roe This report examines …` → (`By Jane Roe`, `This report examines …`)."""
    if len(text) < 80:
        return text, None
    opening = _OPENING.search(text) if "FROM THE" in text or "From the" in text else None
    if opening:
        return text[: opening.start()].rstrip(), text[opening.start() :].lstrip()
    tokens = text.split(" ")
    for i in range(2, len(tokens) - 3):
        word, nxt = tokens[i], tokens[i + 1 : i + 3]
        if (
            word[:1].isupper()
            and all(n.isalpha() and n.islower() and n not in PARTICLES for n in nxt)
            and any(n not in _NOT_PROSE for n in nxt)
            and not tokens[i - 1].endswith(",")
        ):
            head, tail = " ".join(tokens[:i]), " ".join(tokens[i:])
            if len(tail) >= 40:
                return head, tail
            break
    return text, None


@lru_cache(maxsize=16_384)
def parse_byline(line: str, authority: Authority) -> tuple[Contributor, ...]:
    """Contributors in printed order (cached: cross-posted records repeat their bylines)."""
    text = _denoise(strip_by(line))
    whole = authority.lookup(text)
    if whole is None and not _LIST_MARK.search(text):
        whole = _doubled_name(text, authority)
    if whole is not None:
        return (Contributor(whole.name, whole.kind),)
    out: list[Contributor] = []
    for group in _SEMICOLON.split(text) if ";" in text else (text,):
        out += _group(group, authority)
    return tuple(_dedupe(out))


def _denoise(text: str) -> str:
    text = clean(text)
    if is_shouting(text):
        text = title_case(text)  # `JANE ROE AND JOHN DOE`: separators are case-sensitive
    if " was " in text or " were " in text:
        text = _NOTE.sub("", text)
    if "al" in text or "Al" in text or "AL" in text:  # `ET AL` is title-cased above: `Et Al`
        text = _ET_AL.sub("", text)
    # Only plain spaces are left: `\\s` before a comma is " ,". The tests spare the patterns.
    if " ," in text:
        text = _SPACE_COMMA.sub(",", text)
    if text.count(",") > 1:
        text = _COMMAS.sub(",", text)
    if text[:1] in _JOINER_STARTS:
        text = _LEADING_JOINER.sub("", text)
    return strip_trailing_period(text).strip(" ,;")


def _group(text: str, authority: Authority) -> list[Contributor]:
    """One `;`-separated group: an inverted name, one organisation, or a list of names."""
    text = text.strip(" ,")
    if not text:
        return []
    known = authority.lookup(_bare_org(text)) or authority.lookup(text)
    if known is not None:
        return [Contributor(known.name, known.kind)]
    inverted = _inverted(text)
    if inverted:
        return [_contributor(inverted, authority)]
    pairs = _INVERTED_JOIN.split(text)
    if len(pairs) > 1 and all(_inverted(pair) for pair in pairs):
        return [
            _contributor(_inverted(pair) or pair, authority) for pair in pairs
        ]  # Roe, Jane and Doe, John
    pieces = _merge(_pieces(text), authority)
    if len(pieces) == 1 and is_person_like(pieces[0][0]):
        pieces = [(name, role) for name in _unseparated(pieces[0][0]) for role in [pieces[0][1]]]
    return [_contributor(name, authority, role) for name, role in pieces if _WORD_CHAR.search(name)]


def _pieces(text: str) -> list[tuple[str, str]]:
    """(piece, separator before it) pairs."""
    parts = _SPLIT.split(text)
    out = [(parts[0], "")]
    for i in range(1, len(parts) - 1, 2):
        out.append((parts[i + 1], parts[i].strip().casefold()))
    pieces = [(_bare_piece(p), s) for p, s in out]
    return [(p, s) for p, s in pieces if p]


@lru_cache(maxsize=16_384)
def _bare_piece(piece: str) -> str:
    """A piece without job title and degrees; '' when it is nothing but a job title."""
    piece = _DEGREES.sub("", _JOB.sub("", piece.strip())).strip(" ,")
    return "" if _JOB_ONLY.match(piece) else piece


def _merge(pieces: list[tuple[str, str]], authority: Authority) -> list[tuple[str, str | None]]:
    """Glue back the pieces of one organisation (`Data & Safety`, `Co-operation in Europe`)."""
    merged: list[tuple[str, str]] = []
    for piece, sep in pieces:
        if merged and _continues(merged[-1][0], piece, sep, authority):
            prev, prev_sep = merged[-1]
            glue = f"{sep} " if sep in {",", ";"} else f" {sep} "
            merged[-1] = (prev + glue.replace(" , ", ", ") + piece, prev_sep)
        else:
            merged.append((piece, sep))
    out: list[tuple[str, str | None]] = []
    for piece, _sep in merged:
        name, role = _role(piece)
        if _ROLE_PART.match(name) and out:
            out[-1] = (out[-1][0], "editor")
        elif name:
            out.append((name, role))
    return out


def _continues(prev: str, piece: str, sep: str, authority: Authority) -> bool:
    """Whether `piece` is the rest of the organisation `prev` rather than a new name."""
    if not piece:
        return False
    if piece[0].islower():
        # `Jane Roe, and the Harbour Research Council`: no person's name goes on with `the`.
        return not (piece.startswith("the ") and not is_org_like(prev))
    if authority.lookup(piece) is not None or sep in {";", "|", "·", "with"}:
        return False
    if sep == "-":
        return is_acronym(piece)  # `International Justice Mission - IJM`
    if not is_org_like(prev) or prev.endswith(")"):
        return False
    if has_unit_word(piece) and (sep == "," or _DIVISION.search(piece)):
        return True  # a parent body, then its division
    if is_person_like(piece) and not ("," in prev and not has_head_word(piece)):
        return False  # a person, unless it continues a list (`Committee on X, Y, and Z`)
    # `Organization for Security and Co-operation in Europe`, `Data & Safety`: no head word.
    return not has_head_word(piece)


@lru_cache(maxsize=16_384)
def _role(piece: str) -> tuple[str, str | None]:
    m = _ROLE.search(piece) if "(" in piece or "[" in piece else None
    if not m:
        return piece.strip(), None
    role = m["role"].casefold().rstrip("s")
    role = {"ed": "editor", "trans": "translator"}.get(role, role)
    return (piece[: m.start()] + piece[m.end() :]).strip(), role


def _inverted(text: str) -> str | None:
    """`Roe, Jane A.` → `Jane A. Roe` (one comma, a family name and given names)."""
    if text.count(",") != 1 or has_org_word(text):
        return None
    last, first = (p.strip() for p in text.split(","))
    if _ROLE_PART.match(first) or _JOB_ONLY.match(first) or _DEGREES.fullmatch(first):
        return None  # `Li Chen, Editor`
    if not (1 <= len(words(last)) <= 3 and 1 <= len(words(first)) <= 3):
        return None
    if not all(w[:1].isupper() or w in PARTICLES for w in words(last) + words(first)):
        return None
    # `Jane Roe, John Doe` is two people, not one inverted name.
    if (
        len(words(last)) >= 2
        and len(words(first)) >= 2
        and not looks_like_initials(words(first)[-1])
    ):
        return None
    return f"{first} {last}"


def _unseparated(name: str) -> list[str]:
    """`Jane Roe John Doe` (no separator) → two people: four or six plain capitalised words."""
    tokens = words(name)
    plain = all(
        t[:1].isupper() and t.isalpha() and not t.isupper() and t.casefold() not in PARTICLES
        for t in tokens
    )
    if plain and len(tokens) in (4, 6):
        return [" ".join(tokens[i : i + 2]) for i in range(0, len(tokens), 2)]
    return [name]


def _doubled_name(text: str, authority: Authority) -> Agent | None:
    """`The CSA - Centre The Centre of expertise…`: two names of one agent printed together."""
    tokens = text.split()
    if len(tokens) > 16 or not authority.may_end(text):
        return None
    for cut in range(1, len(tokens)):
        head = authority.lookup(" ".join(tokens[:cut]))
        if head is not None and head is authority.lookup(" ".join(tokens[cut:])):
            return head
    return None


@lru_cache(maxsize=16_384)
def _bare_org(name: str) -> str:
    """An organisation's name without `The`, a bracketed acronym or a unit after a full stop."""
    name = _LEADING_THE.sub("", name.strip())
    m = _BRACKETED_ACRONYM.match(name) if "(" in name else None
    if (m and is_org_like(m["name"])) or (m and is_acronym(m["acr"])):
        return m["name"].strip()
    return name


def _parent(name: str) -> str:
    """`Inter-American Development Bank, Gender and Diversity Division` → the bank."""
    head, sep, tail = name.partition(",")
    if sep and has_unit_word(tail) and is_org_like(head):
        return head.strip()
    return name


@lru_cache(maxsize=65_536)
def agent_kind(name: str, authority: Authority) -> AgentKind:
    """`organization` when the authority file says so or the name looks like a body."""
    known = authority.lookup(name)
    if known is not None:
        return known.kind
    if has_org_word(name) or name.startswith("The ") or is_acronym(name):
        return "organization"
    if any(w in CONNECTORS - {"&"} for w in words(name)):
        return "organization"  # `Citizens for Safe Streets`: no person's name has `for`
    if len(words(name)) > 5 or len(words(name)) == 1:
        return "organization"  # `Europol`: a person's name has at least two words
    return "person"


@lru_cache(maxsize=65_536)
def _contributor(name: str, authority: Authority, role: str | None = None) -> Contributor:
    """One printed name → a contributor (cached: the same names recur across a catalogue)."""
    name = strip_trailing_period(clean(name)).strip(" ,")
    name = _JOB.sub("", name)
    known = authority.lookup(name) or authority.lookup(_bare_org(name))
    if known is not None:
        return Contributor(known.name, known.kind, role)
    kind = agent_kind(name, authority)
    if kind == "organization":
        name = _parent(_bare_org(name))
    elif "," in name:
        last, first = (p.strip() for p in name.split(",", 1))
        name = f"{first} {last}"
    if is_shouting(name) or (kind == "person" and name.isupper()):
        name = title_case(name)
    return Contributor(name, kind, role)


def _dedupe(contributors: list[Contributor]) -> list[Contributor]:
    seen: set[str] = set()
    out = []
    for c in contributors:
        folded = c.name.casefold()
        if folded not in seen:
            seen.add(folded)
            out.append(c)
    return out

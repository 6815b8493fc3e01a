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
    HEAD_WORDS,
    PARTICLES,
    has_head_word,
    has_nominal_ending,
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
from kg.ingest.text import clean, is_clean, strip_trailing_period
from kg.records import AgentKind, Contributor

# `By`, `Edited by`, `Compiled and edited by`, `Foreword by`: the prefix and the role it gives.
BY_PREFIX = re.compile(
    r"^[\s\u00a0]*(?:(?P<role>(?i:edited|compiled|translated|selected|foreword|forward|"
    r"introduction|introduced|prepared|written|authored)(?:\s+and\s+[a-z]+)?)\s+)?"
    r"(?:(?:By|BY|by)(?:\s*:[\s\u00a0]*|[\s\u00a0]+|(?=[\"“'‘]))|By(?=[A-Z])|BY(?=[A-Z][a-z]))"
)
_PREFIX_ROLES = {"edited": "editor", "compiled": "editor", "selected": "editor",
                 "translated": "translator", "foreword": "foreword", "forward": "foreword",
                 "introduction": "introduction", "introduced": "introduction"}  # fmt: skip
# The lookahead names what every separator starts with: a fast test at each position.
_SPLIT = re.compile(
    r"((?=[\s|·;,])\s*(?:\||·|;|\s-\s|,\s*and\s+|,|\s+and\s+|\s+&\s+|\s+with\s+)\s*)"
)
# `… In Conjunction with …`: read as `with` (the separator of a second body).
_JOINT = re.compile(
    r"\s+in\s+(?:conjunction|collaboration|partnership|association)\s+with\s+", re.IGNORECASE
)
_ROLE_WORD = (
    r"(?:eds?|editors?|compilers?|translators?|trans|authors?|illustrators?|foreword|"
    r"introduction|contributors?)"
)
_ROLE = re.compile(
    rf"\s*[(\[]\s*(?P<role>{_ROLE_WORD})\.?(?:\s*(?:and|&|,|/)\s*{_ROLE_WORD}\.?)*\s*[)\]]",
    re.IGNORECASE,
)
# `(Editor and Introduction)`: roles joined inside brackets, kept from the name separators.
_JOINED_ROLES = re.compile(
    rf"[(\[]\s*{_ROLE_WORD}\.?(?:\s*(?:and|&|,)\s*{_ROLE_WORD}\.?)+\s*[)\]]", re.IGNORECASE
)
_TRAILING_EDS = re.compile(r",?\s*\(?\b(?:eds|editors)\.?\)?\.?$", re.IGNORECASE)
_MID_ROLE = re.compile(r",?\s+(?P<role>Edited|Compiled|Translated)\s+by\s+", re.IGNORECASE)
# A name glued to the next one (`Katherine HoodDaniel Schneider`): a lower-case letter then a
# capitalised word, unless what comes before is a name prefix (`McMahon`, `MacDonald`, `DeSilva`).
_GLUED_NAMES = re.compile(r"\b(?P<head>[A-Z][a-z]{2,})(?P<tail>[A-Z][a-z]+)\b")
_NAME_PREFIXES = frozenset(["mac", "fitz", "van", "von", "del", "della", "des", "dal", "vander"])
_SENTENCE_BETWEEN_NAMES = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z][a-z])")
_ABBREVIATIONS = frozenset(["st", "mt", "jr", "sr", "dr", "mr", "mrs", "ms", "prof", "rev"])
_AFFILIATION = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
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


def strip_by(line: str) -> tuple[str, str | None]:
    """The byline without its prefix, and the role the prefix gives (`Edited by` → editor)."""
    m = BY_PREFIX.match(line)
    if m is None:
        return line, None
    role = m["role"].split()[0].casefold() if m["role"] else None
    return line[m.end() :], _PREFIX_ROLES.get(role) if role else None


_PREFIX_STARTS = frozenset("BbEeCcTtSsFfIiPpWwAa \u00a0")  # what BY_PREFIX can start with


def looks_like_byline(text: str) -> bool:
    """`By Jane Roe`, `by`, `BY`, `By:`, `ByAnna`, `Edited by …`: a prefix, then a name."""
    if text[:1] not in _PREFIX_STARTS:
        return False  # a fast test before the pattern
    m = BY_PREFIX.match(text)
    if not m:
        return False
    if m["role"] is None and text.lstrip(" \u00a0")[:2] not in ("By", "BY", "by"):
        return False
    rest = text[m.end() :].lstrip(" \u00a0\"“'‘")
    if rest[:4].casefold() == "the ":
        rest = rest[4:]  # `By the U.S. Commission …`, but not `By the end of 2020, …`
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
    bare, role = strip_by(line)
    people = _plain_people(bare, authority)
    if people is not None:
        return tuple(_dedupe([Contributor(name, "person", role) for name in people]))
    return _read_byline(bare, role, authority)


def _read_byline(bare: str, role: str | None, authority: Authority) -> tuple[Contributor, ...]:
    """`parse_byline` after the prefix, by every rule."""
    mid = _MID_ROLE.search(bare) if " by " in bare or " By " in bare else None
    if mid is not None:  # `By Newton D. Baker, Edited by Colin Heston`
        first = parse_byline(bare[: mid.start()], authority)
        then = parse_byline(f"{mid['role']} by {bare[mid.end() :]}", authority)
        out_ = [c if c.role or role is None else Contributor(c.name, c.kind, role) for c in first]
        return tuple(_dedupe([*out_, *then]))
    if bare.rstrip(" .)").lower().endswith(("eds", "editors")) and _TRAILING_EDS.search(
        bare.rstrip()
    ):  # `…, eds.`, `(Editors)`: every name is an editor
        bare, role = _TRAILING_EDS.sub("", bare.rstrip()), role or "editor"
    text = _denoise(bare)
    whole = authority.lookup(text)
    if whole is None and not _LIST_MARK.search(text):
        whole = _doubled_name(text, authority)
    if whole is not None:
        return (Contributor(authority.name_for(_bare_org(text)) or whole.name, whole.kind, role),)
    out: list[Contributor] = []
    for group in _SEMICOLON.split(text) if ";" in text else (text,):
        out += _group(group, authority)
    out = _kinds_in_context(out, authority)
    if role is not None:
        out = [c if c.role else Contributor(c.name, c.kind, role) for c in out]
    return tuple(_dedupe(out))


# Most bylines are a list of plain personal names (`Jane Roe, John D. Doe and Ann Lee`): their
# names are found by the separators alone, and the rules for bodies, inverted names, notes and
# roles have nothing to do (tests/test_byline_fast_path.py checks the two ways agree).
_PLAIN_WORD = r"(?:Mc|Mac|O')?[A-Z][a-zß-öø-ÿ]+(?:-[A-Z][a-zß-öø-ÿ]+)?"
_PLAIN_PARTICLE = r"(?:van|der|den|de|del|della|di|da|dal|dos|du|la|le|von)"  # `Li van der Doe`
_PLAIN_PERSON = re.compile(
    rf"{_PLAIN_WORD}(?: {_PLAIN_WORD}| [A-Z]\.)?(?: {_PLAIN_PARTICLE}){{0,3}} {_PLAIN_WORD}"
)
_PLAIN_SEPARATOR = re.compile(r", and |, | and | & | \| | · | - |; | with ")
_NOT_PLAIN = re.compile(
    r"[^A-Za-zß-öø-ÿ' .,;&|·-]|\.[^ ;]|[.,;&|·-]$|\b(?i:et|al|by|eds?|editors?)\b"
)


def _plain_people(bare: str, authority: Authority) -> list[str] | None:
    """The names of a byline that lists plain personal names only, else None."""
    text = bare[:-1] if bare.endswith(".") else bare
    if _NOT_PLAIN.search(text) or not is_clean(text) or authority.lookup(text) is not None:
        return None
    if ";" in text and any(authority.lookup(group) for group in text.split("; ")):
        return None
    if " with " in text and _JOINT.search(text):
        return None
    if not _LIST_MARK.search(text) and _doubled_name(text, authority) is not None:
        return None
    inverted = ";" in text and "," in text  # `Roe, Jane; Doe, John A.`
    names: list[str] = []
    for piece in text.split("; ") if inverted else _PLAIN_SEPARATOR.split(text):
        name = _plain_inverted(piece) if inverted else piece
        if not (name and _PLAIN_PERSON.fullmatch(name) and _plain_person(name, authority)):
            return None
        names.append(name)
    return names


_PLAIN_INVERTED = re.compile(
    rf"(?P<family>{_PLAIN_WORD}), (?P<given>{_PLAIN_WORD}(?: {_PLAIN_WORD}| [A-Z]\.)?)"
)


def _plain_inverted(group: str) -> str | None:
    """`Roe, Jane A.` → `Jane A. Roe`, else None."""
    m = _PLAIN_INVERTED.fullmatch(group)
    return f"{m['given']} {m['family']}" if m else None


@lru_cache(maxsize=65_536)
def _plain_person(name: str, authority: Authority) -> bool:
    """A name read as printed, a person's, by `_contributor` and the list rules."""
    return (
        authority.lookup(name) is None
        and agent_kind(name, authority) == "person"
        and not is_org_like(name)
        and _bare_piece(name) == name
        and _JOB.match(name) is None
    )


def _kinds_in_context(out: list[Contributor], authority: Authority) -> list[Contributor]:
    """A lone family name among people is a person (`N Elbers; Fiodorova; A Grané`)."""
    people = sum(1 for c in out if c.kind == "person")
    if people == 0 or people == len(out):
        return out
    return [
        Contributor(c.name, "person", c.role)
        if c.kind == "organization" and _bare_surname(c.name, authority)
        else c
        for c in out
    ]


def _bare_surname(name: str, authority: Authority) -> bool:
    return (
        " " not in name
        and name[:1].isupper()
        and not name.isupper()
        and not has_org_word(name)
        and authority.lookup(name) is None
    )


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
    if " with " in text or " With " in text or " WITH " in text:
        text = _JOINT.sub(" with ", text)
    text = _GLUED_NAMES.sub(_unglue, text)
    if "(" in text:
        text = _JOINED_ROLES.sub(lambda m: re.sub(r"\s*(?:and|&|,)\s*", "/", m[0]), text)
    if ". " in text:
        text = _split_sentences_of_names(text)
    return strip_trailing_period(text).strip(" ,;")


def _unglue(m: re.Match[str]) -> str:
    if m["head"].casefold() in _NAME_PREFIXES:
        return m[0]
    return f"{m['head']}, {m['tail']}"


def _split_sentences_of_names(text: str) -> str:
    """`Besiki Kutateladze. Melba Pearson` → a comma; `Westland. Department of Justice` kept."""
    parts = _SENTENCE_BETWEEN_NAMES.split(text)
    out = parts[0]
    for part in parts[1:]:
        last = out.rsplit(None, 1)[-1].casefold() if out.split() else ""
        left = _SPLIT.split(out)[-1].strip()
        right = _SPLIT.split(part)[0].strip()
        if last not in _ABBREVIATIONS and is_person_like(left) and is_person_like(right):
            out += ", " + part
        else:
            out += ". " + part
    return out


def _group(text: str, authority: Authority) -> list[Contributor]:
    """One `;`-separated group: an inverted name, one organisation, or a list of names."""
    text = text.strip(" ,")
    if not text:
        return []
    bare = _bare_org(text)
    known = authority.lookup(bare) or authority.lookup(text)
    if known is not None:
        return [Contributor(authority.name_for(bare) or known.name, known.kind)]
    inverted = _inverted(text)
    if inverted:
        return [_contributor(inverted, authority)]
    pairs = _INVERTED_JOIN.split(text)
    if len(pairs) > 1 and all(_inverted(pair) for pair in pairs):
        return [
            _contributor(_inverted(pair) or pair, authority) for pair in pairs
        ]  # Roe, Jane and Doe, John
    pieces = _merge(_inverted_pairs(_pieces(text)), authority)
    if len(pieces) == 1 and not has_org_word(pieces[0][0]):
        pieces = [(name, role) for name in _unseparated(pieces[0][0]) for role in [pieces[0][1]]]
    return [_contributor(name, authority, role) for name, role in pieces if _WORD_CHAR.search(name)]


def _pieces(text: str) -> list[tuple[str, str]]:
    """(piece, separator before it) pairs."""
    parts = _SPLIT.split(text)
    out = [(parts[0], "")]
    for i in range(1, len(parts) - 1, 2):
        sep = parts[i].strip().casefold()
        out.append((parts[i + 1], "with" if sep.endswith("with") else sep))
    pieces = [(_bare_piece(p), s) for p, s in out]
    return [(p, s) for p, s in pieces if p]


def _inverted_pairs(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`Muhammad, Khalil Gibran, Bruce Western` → `Khalil Gibran Muhammad`, `Bruce Western`;
    `Goodman, Ryan, Kim, Sang-Min` → two people: a lone family name before a comma takes the
    given names after it (and a `Jr.` after them)."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(pieces):
        piece, sep = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if (
            nxt is not None
            and nxt[1] == ","
            and _lone_family_name(piece)
            and 1 <= len(nxt[0].split()) <= 3
            and is_person_like(f"{nxt[0]} {piece}")
        ):
            name = f"{nxt[0]} {piece}"
            i += 2
            if i < len(pieces) and pieces[i][0].rstrip(".") in ("Jr", "Sr", "II", "III", "IV"):
                name += f" {pieces[i][0]}"
                i += 1
            out.append((name, sep))
            continue
        out.append((piece, sep))
        i += 1
    return out


def _lone_family_name(piece: str) -> bool:
    return (
        " " not in piece.strip()
        and piece[:1].isupper()
        and not has_org_word(piece)
        and not looks_like_initials(piece)
        and not is_acronym(piece)
    )


@lru_cache(maxsize=16_384)
def _bare_piece(piece: str) -> str:
    """A piece without job title and degrees; '' when it is nothing but a job title."""
    piece = _DEGREES.sub("", _JOB.sub("", piece.strip())).strip(" ,")
    return "" if _JOB_ONLY.match(piece) else piece


def _merge(pieces: list[tuple[str, str]], authority: Authority) -> list[tuple[str, str | None]]:
    """Glue back the pieces of one organisation (`Data & Safety`, `Co-operation in Europe`)."""
    merged: list[tuple[str, str]] = []
    listed = [False] * len(pieces)  # an `and` at or after each piece: a list, not one body
    for i in range(len(pieces) - 1, -1, -1):
        later = i + 1 < len(pieces) and listed[i + 1]
        listed[i] = later or pieces[i][1] in _LIST_JOINERS
    for (piece, sep), in_list in zip(pieces, listed, strict=True):
        if merged and (
            _continues(merged[-1][0], piece, sep, authority)
            or (sep == "," and not in_list and _chain(merged[-1][0], piece))
        ):
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


_LIST_JOINERS = frozenset(["and", ", and", "&"])
_OBJECT_PHRASE = re.compile(r"\s(?:on|of|for|against|in)\s+[A-Z][^,;]*$")


def _object_continues(prev: str, piece: str) -> bool:
    """After `… on/of/for X` (X no body's head word), `and Y` names more of what the body is
    about, unless Y starts a body of its own or is a person's name."""
    m = _OBJECT_PHRASE.search(prev)
    if m is None or has_head_word(prev.rsplit(None, 1)[-1]):
        return False
    first = piece.split()[0].casefold().strip(".,") if piece.split() else ""
    if first in HEAD_WORDS or piece.startswith("The "):
        return False
    return not is_person_like(piece) or has_nominal_ending(piece)


# First words of bodies named like a slogan (no organisation word): never a given name.
SLOGAN_WORDS = frozenset(
    ["stop", "ban", "end", "save", "protect", "fight", "take", "walk", "free", "safe", "beyond",
     "against", "together", "enough", "make", "keep", "change", "break", "open", "global",
     "national", "federal", "local", "united", "human", "justice", "youth", "women's",
     "children's", "people's", "citizens", "friends", "voices", "no", "not", "every", "all",
     "one", "first", "prevent", "reclaim", "restore", "defend", "support", "action", "amnesty"]
)  # fmt: skip


def _chain(prev: str, piece: str) -> bool:
    """`Northeastern University, School of Law`: a body, then one of its parts (no `and` in the
    list, so the commas do not separate bodies)."""
    return is_org_like(prev) and has_head_word(piece) and not prev.endswith(")")


def _continues(prev: str, piece: str, sep: str, authority: Authority) -> bool:
    """Whether `piece` is the rest of the organisation `prev` rather than a new name."""
    if not piece:
        return False
    if piece[0].islower():
        # `Jane Roe, and the Harbour Research Council`: no person's name goes on with `the`;
        # `X Center and the Y Law Center`: a body of its own.
        return not (piece.startswith("the ") and (has_head_word(piece) or not is_org_like(prev)))
    if authority.lookup(piece) is not None or sep in {";", "|", "·", "with"}:
        return False
    if sep == "-":
        return is_acronym(piece)  # `International Justice Mission - IJM`
    if not is_org_like(prev) or prev.endswith(")"):
        return False
    if has_unit_word(piece) and (sep == "," or _DIVISION.search(piece)):
        return True  # a parent body, then its division
    if sep in ("and", "&") and _object_continues(prev, piece):
        return True  # `Panel on Fare and Toll Evasion`, `Office of Juvenile Justice and …`
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
        t[:1].isupper()
        and t.replace("-", "").replace("'", "").isalpha()
        and not t.isupper()
        and t.casefold() not in PARTICLES
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
    if words(name)[0].casefold() in SLOGAN_WORDS or has_nominal_ending(name):
        return "organization"  # `Stop Handgun Violence`, `Walk Free`, `Toll Evasion`
    if " " not in name and "-" in name.strip("-") and name[:1].isupper() and not name.isupper():
        return "person"  # `Ruiz-Pla`: a double family name alone
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
    bare = _bare_org(name)
    known = authority.lookup(name) or authority.lookup(bare)
    if known is not None:
        return Contributor(authority.name_for(bare) or known.name, known.kind, role)
    name = _without_affiliation(name)
    kind = agent_kind(name, authority)
    if kind == "organization":
        name = _child_first(_parent(_bare_org(name)))
    elif "," in name:
        last, first = (p.strip() for p in name.split(",", 1))
        name = f"{first} {last}"
    if is_shouting(name) or (kind == "person" and name.isupper()):
        name = title_case(name)
    return Contributor(name, kind, role)


def _without_affiliation(name: str) -> str:
    """`Simon McMahon (Project Oracle)` → the person; `HM Government (UK)` → the body."""
    m = _AFFILIATION.match(name) if name.endswith(")") else None
    if m is None:
        return name
    head, inner = m["name"].strip(), m["inner"].strip()
    if is_person_like(head) and not is_acronym(inner):
        return head
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
    if head_words & _PART_HEADS and rest_words & _WHOLE_HEADS and not rest_words & _PART_HEADS:
        return first
    return name


def _dedupe(contributors: list[Contributor]) -> list[Contributor]:
    seen: set[str] = set()
    out = []
    for c in contributors:
        folded = c.name.casefold()
        if folded not in seen:
            seen.add(folded)
            out.append(c)
    return out

"""A group of a byline → its names: split on the separators, a lone family name joined to the
given names after it, the pieces of one body's name glued back, bracketed roles taken off.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.ingest.authority import Authority
from kg.ingest.contributor import JOB
from kg.ingest.gazetteer import names_a_country
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
    looks_like_initials,
    words,
)
from kg.ingest.topic_nouns import names_a_topic

# The lookahead names what every separator starts with: a fast test at each position.
SPLIT = re.compile(
    r"((?=[\s|·;,])\s*(?:\||·|;|\s[-–—]\s|,\s*(?:and|&|with)\s+|,|\s+and\s+|\s+&\s+|\s+with\s+)\s*)"
)
ROLE_WORD = (
    r"(?:eds?|editors?|compilers?|translators?|trans|transl|tr(?=\.)|authors?|illustrators?|foreword|"
    r"introduction|contributors?)"
)
_ROLE = re.compile(
    rf"\s*[(\[]\s*(?P<role>{ROLE_WORD})\.?(?:\s*(?:and|&|,|/)\s*{ROLE_WORD}\.?)*\s*[)\]]",
    re.IGNORECASE,
)
_ROLE_PART = re.compile(r"^(?:eds?|editors?|compiled|translated|\(?eds?\.?\)?)\.?$", re.IGNORECASE)
# Degrees in any case (a byline in capitals is title-cased first: `M.a.`, `Mph`), but `MD`,
# `JD` and honours (`QC`, `OBE`) in capitals only (`Md` is a given name).
DEGREES = re.compile(
    r"(?:^|,?\s+)(?:(?i:Ph\.?\s?D|M\.D|J\.D|M\.A|M\.S|M\.Sc|B\.A|B\.S|Ed\.?D|Psy\.?D|D\.?Phil|"
    r"M\.?P\.?H|M\.?S\.?W|M\.?B\.?A|M\.?P\.?A|M\.?P\.?P|MSc|BSc|LL\.?M|LL\.?B|DrPH|Esq)|"
    r"MD|JD|QC|KC|OBE|CBE|MBE|DBE|KBE|GBE|CMG|FBA|MP|MSP|MEP|M\.?Ed|B\.?Ed|M\.?Phil)"
    r"\.?(?:\d{1,2}(?:,\d{1,2})*)?(?=\s|,|;|\)|$)"  # and a footnote's number: `PhD1`
    # after a comma only: `Jack MA` is a family name in capitals
    r"|(?:^|,\s*)(?:MA|MS|BA|RN)\.?(?=\s|,|;|\)|$)"
)
_JOB_ONLY = re.compile(
    r"^(?:[A-Z]{2,6}\s+)?"  # the body's acronym first: `BJS Statistician`
    # in any case: `doctoral student`, `research director` are job titles too
    r"(?i:(?:Executive|Managing|Deputy|Assistant|Associate|Senior|Research|Program|Policy|"
    r"Principal|Lead|Chief|Independent|Visiting|Adjunct|Postdoctoral|Doctoral|Graduate|Project|"
    r"Staff)\s+)*"
    r"(?i:Director|President|Chair(?:person|man|woman)?|CEO|Professor|Senator|Commissioner|"
    r"Secretary|Minister|Fellow|Officer|Manager|Analyst|Researcher|Coordinator|Investigator|"
    r"Author|Scientist|Economist|Lecturer|Consultant|Advis[eo]r|Specialist|Statistician|"
    r"Criminologist|Attorney|Scholar|Student|Candidate|Associate|Assistant)s?"
    r"(?:\s+(?:at|of)\s+(?:the\s+)?[A-Z].*)?$"  # `Senior Fellow at the Brookings Institution`
)
_DIVISION = re.compile(r"\b(?:Division|Unit|Section|Branch)$")


def names_and_roles(text: str, authority: Authority) -> list[tuple[str, str | None]]:
    """The names of one `;`-separated group of a byline, each with its bracketed role."""
    return [(name, role) for name, role, _sep in named_pieces(text, authority)]


def named_pieces(text: str, authority: Authority) -> list[tuple[str, str | None, str]]:
    """`names_and_roles`, each name with the separator printed before it (`,`, `and`…)."""
    return _merge(_inverted_pairs(_pieces(text)), authority)


def _pieces(text: str) -> list[tuple[str, str]]:
    """(piece, separator before it) pairs."""
    parts = SPLIT.split(text)
    out = [(parts[0], "")]
    for i in range(1, len(parts) - 1, 2):
        sep = parts[i].strip().casefold()
        sep = "with" if sep.endswith("with") else sep
        if sep in ("&", "and") and parts[i + 1].strip() in _FIRM_ENDS:
            out = _firm(out, parts[i] + parts[i + 1])
        else:
            out.append((parts[i + 1], sep))
    pieces = [(bare_piece(p), s) for p, s in out]
    return [(p, s) for p, s in pieces if p]


_DASHES = frozenset("–—")
# What ends a firm's name after `&` or `and` (`Ana Lee & Associates`): no one's name, and no
# job title (`Research Associates` after a comma is one).
_FIRM_ENDS = frozenset(["Associates", "Partners", "Sons", "Company", "Co.", "Co"])


def _firm(out: list[tuple[str, str]], end: str) -> list[tuple[str, str]]:
    """The pieces with `& Associates` glued to the name before it, and the family names listed
    before that one with commas (`Chan, Lee & Partners`)."""
    name, sep = out[-1]
    out = out[:-1]
    while out and sep == "," and " " not in name.strip() and " " not in out[-1][0].strip():
        name, sep = f"{out[-1][0]}, {name}", out[-1][1]
        out = out[:-1]
    return [*out, (name + end, sep)]


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
            and not (out and _OBJECT_PHRASE.search(out[-1][0]))  # `Bureau of Alcohol, Tobacco,`
            and 1 <= len(nxt[0].split()) <= 3
            and not names_a_country(nxt[0])  # `Northland, USA`: a place and its country
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
def bare_piece(piece: str) -> str:
    """A piece without job title and degrees; '' when it is nothing but a job title."""
    piece = DEGREES.sub("", JOB.sub("", piece.strip())).strip(" ,")
    return "" if _JOB_ONLY.match(piece) else piece


def _merge(
    pieces: list[tuple[str, str]], authority: Authority
) -> list[tuple[str, str | None, str]]:
    """Glue back the pieces of one organisation (`Data & Safety`, `Co-operation in Europe`)."""
    merged: list[tuple[str, str]] = []
    listed = [False] * len(pieces)  # an `and` at or after each piece: a list, not one body
    for i in range(len(pieces) - 1, -1, -1):
        later = i + 1 < len(pieces) and listed[i + 1]
        # `…, Wilson Center for Science and Justice`: an `and` inside a body's name lists nothing
        inside = i > 0 and _object_continues(pieces[i - 1][0], pieces[i][0])
        listed[i] = later or (pieces[i][1] in _LIST_JOINERS and not inside)
    for i, ((piece, sep), in_list) in enumerate(zip(pieces, listed, strict=True)):
        side = sep == "," and in_list and bool(merged) and _side_by_side(merged[-1][0], piece)
        if (
            merged
            and not side
            and (
                _continues(merged[-1][0], piece, sep, authority)
                or (i == len(pieces) - 1 and _last_word_of_a_body(merged[-1][0], piece, sep))
                or (sep == "," and not in_list and _chain(merged[-1][0], piece))
            )
        ):
            prev, prev_sep = merged[-1]
            glue = f"{sep} " if sep in {",", ";"} else f" {sep} "
            merged[-1] = (prev + glue.replace(" , ", ", ") + piece, prev_sep)
        else:
            merged.append((piece, sep))
    out: list[tuple[str, str | None, str]] = []
    for piece, sep in merged:
        name, role = _role(piece)
        if _ROLE_PART.match(name) and out:
            out[-1] = (out[-1][0], "editor", out[-1][2])
        elif name:
            out.append((name, role, sep))
    return out


_LIST_JOINERS = frozenset(["and", ", and", "&", ", &"])
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


def _chain(prev: str, piece: str) -> bool:
    """`Northeastern University, School of Law`: a body, then one of its parts (no `and` in the
    list, so the commas do not separate bodies); a piece that starts with `The` is a body of its
    own (`National Retail Federation, The Loss Prevention Research Council`)."""
    if piece.startswith("The "):
        return False
    return is_org_like(prev) and has_head_word(piece) and not prev.endswith(")")


def _continues(prev: str, piece: str, sep: str, authority: Authority) -> bool:
    """Whether `piece` is the rest of the organisation `prev` rather than a new name."""
    if not piece:
        return False
    if piece[0].islower():
        # `Jane Roe, and the Harbour Research Council`: no person's name goes on with `the`;
        # `X Center and the Y Law Center`, `… and the ACLU`: a body of its own.
        if not piece.startswith("the "):
            return True
        body = piece[4:]
        return not (has_head_word(piece) or is_acronym(body) or has_org_word(body)
                    or not is_org_like(prev))  # fmt: skip
    if authority.lookup(piece) is not None or sep in {";", "|", "·", "with"}:
        return False
    if sep == "-":
        return is_acronym(piece) and not is_person_like(prev)  # `Justice Mission - IJM`
    if sep in _DASHES:  # an en or em dash after a body goes on with its name (or its parent's)
        return not is_person_like(prev)
    if sep in ("and", "&") and has_org_word(piece) and _one_word_before_and(prev):
        return True  # `Equality and Human Rights Commission`, `…and Fire & Rescue Services`
    if sep in ("and", "&") and prev.startswith("the ") and not has_org_word(prev):
        return has_head_word(piece)  # `and the Substance Abuse and Mental Health … Administration`
    if sep == "and" and _ends_in_a_topic(prev) and _no_body_alone(piece):
        return True  # `Northland Crime and Misconduct Commission`: two topics, one body
    if not is_org_like(prev) or prev.endswith(")"):
        return False
    if has_unit_word(piece) and (sep == "," or _DIVISION.search(piece)):
        return True  # a parent body, then its division
    if sep in ("and", "&") and _object_continues(prev, piece):
        return True  # `Panel on Fare and Toll Evasion`, `Office of Juvenile Justice and …`
    if is_person_like(piece) and not ("," in prev and not has_head_word(piece)):
        return False  # a person, unless it continues a list (`Committee on X, Y, and Z`)
    if sep in ("and", "&") and has_org_word(piece) and has_org_word(prev.rsplit(None, 1)[-1]):
        return False  # `Human Rights Watch and Amnesty International`: two whole bodies
    # `Organization for Security and Co-operation in Europe`, `Data & Safety`: no head word.
    return not has_head_word(piece)


def _ends_in_a_topic(prev: str) -> bool:
    """`Eastmoor Crime`, `Harbour Police`: a name (a word or more) then a topic's word, and no
    body's head word: no body's whole name, nor a person's."""
    tokens = prev.split()
    return len(tokens) >= 2 and names_a_topic(tokens[-1]) and not has_head_word(prev)


def _no_body_alone(piece: str) -> bool:
    """`Misconduct Commission`, `Justice Statistics Agency`: topics' words, then a body's head
    word; with no name of a place or a person before them, they name no body alone (unlike
    `Southern Institute`)."""
    *topics, head = piece.split() or [""]
    return bool(topics) and head.casefold() in HEAD_WORDS and all(map(names_a_topic, topics))


def _side_by_side(prev: str, piece: str) -> bool:
    """In a list closed by `and`, the piece starts with the word the last body before it starts
    with (`Department of Education, Department of Justice and …`): a body beside it, not a part
    of it (`Office of the Inspector General, Office of Audits`, no list, is one body and its
    unit)."""
    return piece.split(" ", 1)[0] == prev.rsplit(", ", 1)[-1].split(" ", 1)[0]


def _one_word_before_and(prev: str) -> bool:
    """`Equality`, `… and Fire`, `…, Food`: one word alone before `and`/`&` (after a comma, if
    any), which no name ends with (no person's name is one word; a body's name goes on)."""
    last = re.split(r" (?:and|&) |, ", prev)[-1]
    return " " not in last and last[:1].isupper() and not is_acronym(last)


def _last_word_of_a_body(prev: str, piece: str, sep: str) -> bool:
    """`Rape Crisis England & Wales`: one word alone after `and`/`&` at the end of a byline is
    the end of the name before it (no person's name is one word)."""
    return (
        sep in ("and", "&")
        and " " not in piece
        and "-" not in piece  # `Luna-Pla`: a double family name, a person's
        and piece[:1].isupper()
        and not is_acronym(piece)
        and len(prev.split()) >= 3
    )


_SHORT_ROLES = {"ed": "editor", "eds": "editor", "trans": "translator", "transl": "translator",
                "tr": "translator"}  # fmt: skip


@lru_cache(maxsize=16_384)
def _role(piece: str) -> tuple[str, str | None]:
    m = _ROLE.search(piece) if "(" in piece or "[" in piece else None
    if not m:
        return piece.strip(), None
    printed = m["role"].casefold()
    role = _SHORT_ROLES.get(printed) or printed.rstrip("s")
    return (piece[: m.start()] + piece[m.end() :]).strip(), role


def uninverted(text: str) -> str | None:
    """`Roe, Jane A.` → `Jane A. Roe` (one comma, a family name and given names)."""
    if text.count(",") != 1 or has_org_word(text):
        return None
    last, first = (p.strip() for p in text.split(","))
    generation = ""
    if first.endswith((" Jr.", " Sr.")):  # `Lee, Ann Jr.` (a comma before `Jr.` taken off)
        first, generation = first[:-4], first[-4:]
    if _ROLE_PART.match(first) or _JOB_ONLY.match(first) or DEGREES.fullmatch(first):
        return None  # `Li Chen, Editor`
    if not (1 <= len(words(last)) <= 3 and 1 <= len(words(first)) <= 3):
        return None
    if not all(w[:1].isupper() or w in PARTICLES for w in words(last) + words(first)):
        return None
    # `Jane Roe, John Doe` is two people, not one inverted name (`Jane ROE, John DOE` too: a
    # family name in capitals is no initials).
    end = words(first)[-1]
    initials = looks_like_initials(end) and len(end.replace(".", "")) <= 2
    if len(words(last)) >= 2 and len(words(first)) >= 2 and not initials:
        return None
    return f"{first} {last}{generation}"


def unseparated(name: str) -> list[str]:
    """`Jane Roe John Doe` (no separator) → two people: four or six plain capitalised words."""
    tokens = words(name)
    plain = all(
        t[:1].isupper()
        and t.replace("-", "").replace("'", "").isalpha()
        and not t.isupper()
        and t.casefold() not in PARTICLES
        and t.casefold() not in CONNECTORS  # `Friends Of The Earth`: a body in title case
        for t in tokens
    )
    if plain and len(tokens) in (4, 6) and not _iberian(tokens):
        return [" ".join(tokens[i : i + 2]) for i in range(0, len(tokens), 2)]
    return people_with_initials(name) or [name]


def people_with_initials(text: str) -> list[str] | None:
    """`Kiran M. Roe Sarah L. Doe`: people printed one after another without separators, each
    with a middle initial (else None)."""
    if ". " not in text or not _PEOPLE_WITH_INITIALS.fullmatch(text):
        return None
    return [m[0] for m in _PERSON_WITH_INITIAL.finditer(text)]


# People printed one after another without separators, each with a middle initial.
_PERSON_WITH_INITIAL = re.compile(r"[A-Z][a-z'’-]+ [A-Z]\. [A-Z][a-z'’-]+")
_PEOPLE_WITH_INITIALS = re.compile(
    rf"{_PERSON_WITH_INITIAL.pattern}(?: {_PERSON_WITH_INITIAL.pattern})+"
)


def _iberian(tokens: list[str]) -> bool:
    """Four words as a Spanish or Portuguese name prints them (two given names, two family
    names: `Ana María García López`): a family name in `-ez` last, or Iberian accents."""
    return tokens[-1].endswith(("ez", "ez.")) or any(
        not t.isascii() and not _IBERIAN.isdisjoint(t) for t in tokens
    )


_IBERIAN = frozenset("áéíóúñãõçÁÉÍÓÚÑÃÕÇ")


# Marks after a name that point to an affiliation or a note (`Ann Lee*`, `Bo Chan¹`,
# `Cy Diaz1,3`).
_FOOTNOTE = re.compile(
    r"(?:(?<=[^\W\d_])[*†‡§‖¶¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=[a-z])\d{1,2}(?:,\d{1,2})*)"  # `KARĞIN*`, `Lee1,3`
    r"(?=\s*(?:[,;&|·/]|and\s|$))"
)
_FOOTNOTE_CHARS = frozenset("*†‡§‖¶¹²³⁴⁵⁶⁷⁸⁹⁰0123456789")
_STAFF_OF = re.compile(
    r"^(?:the\s+)?(?:research\s+)?(?:staff|team)\s+(?:of|at)\s+(?:the\s+(?=[A-Z]))?", re.IGNORECASE
)


def without_marks(byline: str) -> str:
    """A byline without footnote marks after its names, with commas for the slashes between
    them (`Ann Lee / Bo Chan`), and the body for its staff or team (`the staff of the Urban
    Institute`, `the research team of …`)."""
    if not _FOOTNOTE_CHARS.isdisjoint(byline):
        byline = _FOOTNOTE.sub("", byline)
    if " / " in byline:
        byline = byline.replace(" / ", ", ")
    if byline[:5].casefold() in ("staff", "the s", "team ", "the t", "the r", "resea"):
        byline = _STAFF_OF.sub("", byline)
    return byline

"""The fast path of a byline: most list plain personal names (`Jane Roe, John D. Doe and Ann
Lee`), found by the separators alone; and the tests both paths share (a joint statement, a list
mark, one agent's two names printed together)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.ingest.authority import Agent, Authority
from kg.ingest.contributor import JOB, agent_kind
from kg.ingest.names import is_org_like
from kg.ingest.pieces import bare_piece
from kg.ingest.text import is_clean

# `… In Conjunction with …`: read as `with` (the separator of a second body).
JOINT = re.compile(
    r"\s+in\s+(?:conjunction|collaboration|partnership|association)\s+with\s+", re.IGNORECASE
)
LIST_MARK = re.compile(r"[,;|·]")
# `Ann Lee And Bo Chan`: a title-case `And` after a word, which the rules read as `and`.
TITLE_CASE_AND = re.compile(r"(?<=[a-z.]) And (?=[A-Z])")


# Most bylines are a list of plain personal names (`Jane Roe, John D. Doe and Ann Lee`): their
# names are found by the separators alone, and the rules for bodies, inverted names, notes and
# roles have nothing to do (tests/test_byline_fast_path.py checks the two ways agree).
_PLAIN_WORD = r"(?:Mc|Mac|O')?[A-Z][a-zß-öø-ÿ]+(?:-[A-Z][a-zß-öø-ÿ]+)?"
_PLAIN_PARTICLE = r"(?:van|der|den|de|del|della|di|da|dal|dos|du|la|le|von)"  # `Li van der Doe`
_PLAIN_PERSON = re.compile(
    rf"{_PLAIN_WORD}(?: {_PLAIN_WORD}| [A-Z]\.)?(?: {_PLAIN_PARTICLE}){{0,3}} {_PLAIN_WORD}"
)
_PLAIN_SEPARATOR = re.compile(r", and |, & |, with |, | and | & | \| | · | - |; and |; | with ")
_NOT_PLAIN = re.compile(
    r"[^A-Za-zß-öø-ÿ' .,;&|·-]|\.[^ ;]|[.,;&|·-]$|\b(?i:et|al|by|eds?|editors?)\b"
)
# _NOT_PLAIN in three patterns that each start with a character class, so that each search
# scans for it fast (the alternation is tried at every position): a character no plain name
# has; a stop before a letter, or a mark at the end; a word of a byline's roles. Past the
# first, the text is ASCII letters and Latin-1 ones, none of which matches those words' letters
# in another case.
_ODD_CHARACTER = re.compile(r"[^A-Za-zß-öø-ÿ' .,;&|·-]")
_ODD_MARK = re.compile(r"[.,;&|·-](?:(?<=\.)[^ ;]|$)")
_ROLE_WORD = re.compile(
    r"[EeAaBb](?<!\w[EeAaBb])"
    r"(?:(?<=[Ee])(?:[Tt]|[Dd](?:[Ss]|[Ii][Tt][Oo][Rr][Ss]?)?)|(?<=[Aa])[Ll]|(?<=[Bb])[Yy])\b"
)


def _not_plain(text: str) -> bool:
    """`_NOT_PLAIN.search(text)`: a character, mark or word no byline of plain names has."""
    return (
        _ODD_CHARACTER.search(text) is not None
        or _ODD_MARK.search(text) is not None
        or _ROLE_WORD.search(text) is not None
    )


def plain_people(bare: str, authority: Authority) -> list[str] | None:
    """The names of a byline that lists plain personal names only, else None."""
    text = bare[:-1] if bare.endswith(".") and not bare.endswith((" Jr.", " Sr.")) else bare
    if _not_plain(text) or not is_clean(text) or authority.lookup(text) is not None:
        return None
    if ";" in text and any(authority.lookup(group) for group in text.split("; ")):
        return None
    if " with " in text and JOINT.search(text):
        return None
    if " And " in text and TITLE_CASE_AND.search(text):
        return None  # `Ann Lee, and And Roe`: the rules read it with `and and`
    if not LIST_MARK.search(text) and doubled_name(text, authority) is not None:
        return None
    inverted = ";" in text and "," in text  # `Roe, Jane; Doe, John A.`
    names: list[str] = []
    for piece in text.split("; ") if inverted else _PLAIN_SEPARATOR.split(text):
        name = _plain_inverted(piece) if inverted else piece
        if not (name and _plain_person(name, authority)):
            return None
        names.append(name)
    return names


_PLAIN_INVERTED = re.compile(
    rf"(?P<family>{_PLAIN_WORD}), (?P<given>{_PLAIN_WORD}(?: {_PLAIN_WORD}| [A-Z]\.)?)"
)


@lru_cache(maxsize=65_536)
def _plain_inverted(group: str) -> str | None:
    """`Roe, Jane A.` → `Jane A. Roe`, else None."""
    m = _PLAIN_INVERTED.fullmatch(group)
    if m is None or m["given"].rstrip(".") in _GENERATIONS:
        return None  # `Roe, Jr`: a generation after a name, which the full rules read
    return f"{m['given']} {m['family']}"


_GENERATIONS = frozenset(["Jr", "Sr", "II", "III", "IV"])


@lru_cache(maxsize=65_536)
def _plain_person(name: str, authority: Authority) -> bool:
    """A plain personal name (`Jane A. Roe`, `Li van der Doe`), read as printed, a person's,
    by `_contributor` and the list rules (remembered: a byline's names come back)."""
    return (
        _PLAIN_PERSON.fullmatch(name) is not None
        and authority.lookup(name) is None
        and agent_kind(name, authority) == "person"
        and not is_org_like(name)
        and bare_piece(name) == name
        and JOB.match(name) is None
    )


def doubled_name(text: str, authority: Authority) -> Agent | None:
    """`The CSA - Centre The Centre of expertise…`: two names of one agent printed together."""
    tokens = text.split()
    if len(tokens) > 16 or not authority.may_end(text):
        return None
    for cut in range(1, len(tokens)):
        head = authority.lookup(" ".join(tokens[:cut]))
        if head is not None and head is authority.lookup(" ".join(tokens[cut:])):
            return head
    return None

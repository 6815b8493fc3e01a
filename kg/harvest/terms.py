"""The plain terms harvesting maps from: IRIs as strings, literals as a small value type.

Records are mapped from two sources that must agree to the byte: the build reads the sorted
N-Triples lines it publishes, the web layer reads the store. Both turn their terms into these,
so one mapping serves both and one digest says whether a record changed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import pyoxigraph as ox

from kg.namespaces import RDF, XSD


class Lit(NamedTuple):
    """A literal: its text, language tag ("" when none) and datatype ("" for plain strings).

    A tuple (it sorts by the three, like the frozen dataclass it was) so that JSON writes it as
    `[value, lang, datatype]`: a work's digest encodes its triples in one call, no copy first.
    """

    value: str
    lang: str = ""
    datatype: str = ""

    def n3(self) -> str:
        body = '"' + self.value.translate(_LITERAL_ESCAPES) + '"'
        if self.lang:
            return f"{body}@{self.lang}"
        return f"{body}^^<{self.datatype}>" if self.datatype else body


# An IRI (or a blank node written `_:label`), or a literal.
Term = str | Lit
Triple = tuple[str, str, Term]

_PLAIN = {str(XSD.string), str(RDF.langString)}
# The store keeps the integer family as xsd:integer (pyoxigraph 0.5): so do the lines.
_SAME_AS_INTEGER = {
    str(XSD[name])
    for name in (
        "int",
        "long",
        "short",
        "byte",
        "positiveInteger",
        "nonNegativeInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}
_INTEGER = str(XSD.integer)
_LITERAL_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_LITERAL = re.compile(r'^"(.*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$', re.DOTALL)
_LANG_TAG = re.compile(r"[A-Za-z0-9-]+")
_UNESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[\\"nrtbf\'])')
_SIMPLE = {"\\": "\\", '"': '"', "'": "'", "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def literal(value: str, lang: str = "", datatype: str = "") -> Lit:
    """A literal with its datatype normalised as the store normalises it."""
    if lang or datatype in _PLAIN:
        datatype = ""
    elif datatype in _SAME_AS_INTEGER:
        datatype = _INTEGER
    return Lit(value, lang.lower(), datatype)


def from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Term:
    """A pyoxigraph term as a plain term."""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        return literal(term.value, term.language or "", term.datatype.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    raise TypeError(f"RDF-star terms are not mapped: {term}")


def to_ox(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A plain term as a pyoxigraph term (to serialise it)."""
    if isinstance(term, Lit):
        if term.lang:
            return ox.Literal(term.value, language=term.lang)
        if term.datatype:
            return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype))
        return ox.Literal(term.value)
    if term.startswith("_:"):
        return ox.BlankNode(term[2:])
    return ox.NamedNode(term)


@lru_cache(maxsize=1 << 16)
def _iri(text: str) -> str:
    inner = text[1:-1]
    return _unescape(inner) if "\\" in inner else inner


def parse_nt(text: str) -> Term:
    """One term in its N-Triples form (as kg writes them): `<iri>`, `_:b`, or a literal."""
    if text.startswith("<"):
        return _iri(text)
    if text.startswith("_:"):
        return text
    end = text.rfind('"')
    if end > 0 and text[0] == '"':
        found = _literal(text[1:end], text[end + 1 :])
        if found is not None:
            return found
    match = _LITERAL.match(text)
    if match is None:
        raise ValueError(f"not an N-Triples term: {text[:80]!r}")
    body, lang, datatype = match.groups()
    return literal(_unescape(body) if "\\" in body else body, lang or "", datatype or "")


def _literal(body: str, tail: str) -> Lit | None:
    """A literal from its quoted body and what follows the closing quote, when the tail is one
    kg writes (`@lang`, `^^<datatype>` or nothing); else None, for the full pattern to judge.
    The body ends at the last quote, where `_LITERAL`'s greedy body ends too."""
    value = _unescape(body) if "\\" in body else body
    if not tail:
        return Lit(value)
    if tail[0] == "@" and _LANG_TAG.fullmatch(tail, 1):
        return literal(value, tail[1:])
    if tail.startswith("^^<") and tail.endswith(">") and ">" not in tail[3:-1]:
        return literal(value, "", tail[3:-1])
    return None


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: _SIMPLE.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), text)


def n3(term: Term) -> str:
    """The N-Triples form of a plain term (for digests and tests)."""
    return term.n3() if isinstance(term, Lit) else (term if term.startswith("_:") else f"<{term}>")

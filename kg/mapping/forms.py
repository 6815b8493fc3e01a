"""Literals as the build writes them: their N-Triples forms, made without rdflib Literals.

The mapping makes every literal through `Context.literal`. It is rdflib's `Literal` on the plain
path (tests, small catalogues, the reference build); the build's map + validate workers pass
`form`, which gives a `Form`: the literal's N-Triples text, the text `kg.publish.ntriples.term`
writes for the equal Literal. Building a Literal (its checks, its value, its normalisation)
cost more than the rest of a triple's way to a line.

The escaping here is written again, not imported from kg.publish.ntriples (the mapping may not
import the build): tests/test_mapping_forms.py checks, for any text, language and datatype, that
a `Form` is exactly the line the plain path writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from rdflib import Literal
from rdflib.term import Node

from kg.namespaces import XSD

# Plain str: a URIRef compares unequal to any object of another type, str included.
_INTEGER = str(XSD.integer)
_STRING = str(XSD.string)
_MEMO = 1 << 16  # language suffixes and slow-path forms remembered (few distinct ones repeat)


if TYPE_CHECKING:

    class Form(str, Node):
        """A term already in its N-Triples form (a literal's `"…"`, `"…"@lang` or `"…"^^<dt>`).

        A Node to the type checker, so that triples keep one type; only the build's line
        writer reads it, as is, and knows it as the one term that is a plain `str`.
        """

        def n3(self, namespace_manager: Any = None) -> str: ...

else:
    # At run time a form is a plain str: an f-string takes a str as it is, but formats a str
    # subclass through its `__format__` into a copy, which doubled the cost of writing a line.
    Form = str


class LiteralMaker(Protocol):
    """What makes the mapping's literals: rdflib's `Literal`, or `form`."""

    def __call__(
        self, value: Any, /, lang: str | None = None, datatype: str | None = None
    ) -> Node: ...


def form(value: Any, /, lang: str | None = None, datatype: str | None = None) -> Form:
    """The N-Triples form of `Literal(value, lang=lang, datatype=datatype)`."""
    kind = type(value)
    if kind is str and datatype is None:
        return Form(f'"{escape(value)}"{_language(lang)}' if lang else f'"{escape(value)}"')
    if kind is int and lang is None and (datatype is None or str(datatype) == _INTEGER):
        return Form(f'"{value}"^^<{_INTEGER}>')
    return _slow(value, lang, datatype)


def escape(value: str) -> str:
    """A literal's text as N-Triples writes it between its quotes (only `\\ " LF CR` escaped,
    as kg.publish.ntriples does: the dumps keep their bytes)."""
    if "\\" in value or '"' in value or "\n" in value or "\r" in value:
        # A chain of replaces, not str.translate: many times faster on an abstract.
        value = value.replace("\\", "\\\\").replace('"', '\\"')
        return value.replace("\n", "\\n").replace("\r", "\\r")
    return value


_suffixes: dict[str, str] = {}
_slow_forms: dict[tuple[type, Any, str | None, str | None], Form] = {}


def _language(lang: str) -> str:
    # rdflib checks a language tag each time; a build has one or two, checked once by rdflib
    # (an ill-formed one raises its ValueError every time: it is never remembered).
    found = _suffixes.get(lang)
    if found is None:
        made = Literal("", lang=lang)
        found = _suffixes[lang] = f"@{made.language}" if made.language else ""
    return found


def _slow(value: Any, lang: str | None, datatype: str | None) -> Form:
    # Typed literals other than integers (years): rdflib makes the Literal, once per value.
    key = (type(value), value, lang, datatype)
    found = _slow_forms.get(key)
    if found is None:
        if len(_slow_forms) >= _MEMO:
            _slow_forms.clear()
        found = _slow_forms[key] = _of(Literal(value, lang=lang, datatype=datatype))
    return found


def _of(literal: Literal) -> Form:
    """The N-Triples form of an rdflib Literal."""
    text = f'"{escape(str(literal))}"'
    if literal.language:
        return Form(f"{text}@{literal.language}")
    if literal.datatype is not None and str(literal.datatype) != _STRING:
        return Form(f"{text}^^<{literal.datatype}>")
    return Form(text)

"""Turtle and JSON-LD text of one subject's statements, for the dumps.

Two ways to the same text: the plain one (`turtle_block`, `json_node` then `json_text`) builds
each object's form and a JSON object per node, and is the reference; `SubjectText` writes both
texts at once, remembering the forms of IRIs and of typed literals (two thirds of the objects)
and writing a plain or language-tagged literal's JSON string without decoding it when it needs
no escape, and falls back to the plain functions for anything else. The property tests hold the
two to the same text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from itertools import groupby
from operator import itemgetter
from typing import Any

from kg.namespaces import PREFIXES, RDF

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_LITERAL = re.compile(r'^"(.*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$', re.DOTALL)
_UNESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[\\"nrtbf])')
_SIMPLE = {"\\": "\\", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}
# What JSON escapes (ensure_ascii off): a text without any of these is its own JSON string body.
_JSON_ESCAPED = re.compile(r'[\x00-\x1f"\\]')
_LANGUAGE = re.compile(r"[A-Za-z0-9-]+")
RDF_TYPE = f"<{RDF.type}>"
# One encoder for every node: `json.dumps` with options builds a new one per call.
_JSON = json.JSONEncoder(ensure_ascii=False)
_MEMO = 50_000  # forms remembered (IRIs, typed literals): emptied when full, so it stays small
_PREDICATE = itemgetter(1)


def prefixes() -> dict[str, str]:
    """The prefixes the dumps declare, by name."""
    return {name: str(ns) for name, ns in sorted(PREFIXES.items())}


class Compactor:
    """`<iri>` → `prefix:local` when a prefix covers it with a plain local name (memoised: the
    memo is emptied when it holds `_MEMO` IRIs, so it stays small however many a dump links)."""

    def __init__(self) -> None:
        # A local name holds no `/` or `#`, so a namespace that compacts an IRI ends at or after
        # the IRI's last one: only the namespaces with the IRI's head (up to its last `/` or
        # `#`) are tried, longest first, as the whole list would be.
        self._by_head: dict[str, list[tuple[str, str]]] = {}
        for name, ns in sorted(prefixes().items(), key=lambda kv: -len(kv[1])):
            self._by_head.setdefault(_head(ns), []).append((name, ns))
        self._memo: dict[str, str] = {}

    def __call__(self, iri_term: str) -> str:
        found = self._memo.get(iri_term)
        if found is None:
            if len(self._memo) >= _MEMO:
                self._memo.clear()  # predicates and classes come back at once
            found = self._memo[iri_term] = self._compact(iri_term)
        return found

    def _compact(self, iri_term: str) -> str:
        iri = iri_term[1:-1]
        for name, ns in self._by_head.get(_head(iri), ()):
            if iri.startswith(ns) and _LOCAL.match(iri[len(ns) :]):
                return f"{name}:{iri[len(ns) :]}"
        return iri_term


def _head(iri: str) -> str:
    """An IRI up to its last `/` or `#` (empty without one)."""
    return iri[: max(iri.rfind("/"), iri.rfind("#")) + 1]


# The plain path: the reference the fast one is tested against, and its fallback.


def turtle_block(subject: str, pairs: list[tuple[str, str]], curie: Compactor) -> str:
    """One subject's Turtle block (statements, then a blank line)."""
    parts = []
    for predicate, group in groupby(pairs, key=lambda po: po[0]):
        objects = ", ".join(turtle_object(o, curie) for _, o in group)
        verb = "a" if predicate == RDF_TYPE else curie(predicate)
        parts.append(f"    {verb} {objects}")
    body = " ;\n".join(parts)
    return f"{subject}\n{body} .\n\n"


def turtle_object(obj: str, curie: Compactor) -> str:
    if obj.startswith("<"):
        return curie(obj)
    if obj.endswith(">") and "^^<" in obj:
        text, _, datatype = obj.rpartition("^^")
        return f"{text}^^{curie(datatype)}"
    return obj


def json_node(subject: str, pairs: list[tuple[str, str]], curie: Compactor) -> dict[str, Any]:
    """One subject's compact JSON-LD node."""
    node: dict[str, Any] = {"@id": json_id(subject)}
    types = [curie(o) for p, o in pairs if p == RDF_TYPE and o.startswith("<")]
    if types:
        node["@type"] = types[0] if len(types) == 1 else types
    for predicate, group in groupby(pairs, key=lambda po: po[0]):
        if predicate == RDF_TYPE:
            continue
        values = [json_value(o, curie) for _, o in group]
        node[curie(predicate).strip("<>")] = values[0] if len(values) == 1 else values
    return node


def json_text(value: Any) -> str:
    """A JSON value as the dumps write it (no ASCII escapes, `, ` and `: ` separators)."""
    return _JSON.encode(value)


def json_id(term: str) -> str:
    return term if term.startswith("_:") else unescape(term[1:-1])


def json_value(obj: str, curie: Compactor) -> dict[str, str]:
    if obj.startswith(("<", "_:")):
        return {"@id": json_id(obj)}
    match = _LITERAL.match(obj)
    if match is None:
        raise ValueError(f"not an N-Triples literal: {obj}")
    value: dict[str, str] = {"@value": unescape(match.group(1))}
    if match.group(2):
        value["@language"] = match.group(2)
    elif match.group(3):
        value["@type"] = curie(f"<{match.group(3)}>").strip("<>")
    return value


def unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _UNESCAPE.sub(lambda m: _SIMPLE.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), text)


# The fast path.


class SubjectText:
    """Writes a subject's Turtle block and JSON-LD node text, as `turtle_block` and
    `json_text(json_node(…))` do, remembering the forms of recurring terms."""

    def __init__(self) -> None:
        self.curie = Compactor()
        self._objects: dict[str, tuple[str, str]] = {}  # term → (Turtle form, JSON value text)
        self._types: dict[str, str] = {}  # class IRI term → its JSON `@type` text
        self._verbs: dict[str, tuple[str, str]] = {}  # predicate → (Turtle verb, JSON key text)
        self._languages: dict[str, str | None] = {}  # `@tag` → its JSON member text, or None

    def texts(self, subject: str, statements: Iterable[list[str]]) -> tuple[str, str]:
        """(Turtle block, JSON-LD node text) of one subject's statements in order, each a line
        split in three at its first two spaces (the object still ends with ` .`)."""
        # One step per statement, no function per predicate: most predicates have one object.
        forms, verb_of = self._objects, self._verbs
        turtle: list[str] = [subject, "\n"]
        members: dict[str, list[str]] = {}  # JSON key text → value texts, as `json_node` keys
        types: list[str] = []
        values: list[str] = []
        previous = None
        for _, predicate, rest in statements:
            obj = rest[:-2]
            if predicate == RDF_TYPE:  # no JSON value: the classes go to `@type`
                types.append(self._type(obj))
                form = self._turtle(obj)
            else:
                pair = forms.get(obj) or self._forms(obj)
                form = pair[0]
            if predicate != previous:
                verb = verb_of.get(predicate) or self._verb(predicate)
                turtle += (" ;\n    " if previous is not None else "    ", verb[0], " ", form)
                previous = predicate
                if predicate != RDF_TYPE:
                    values = members[verb[1]] = [pair[1]]
            else:
                turtle += (", ", form)
                if predicate != RDF_TYPE:
                    values.append(pair[1])
        turtle.append(" .\n\n")
        node = {'"@id"': [_JSON.encode(json_id(subject))]}
        classes = [t for t in types if t]
        if classes:
            node['"@type"'] = classes
        node.update(members)  # a key met again keeps its first place and takes the last value
        text = [
            f"{k}: {v[0]}" if len(v) == 1 else f"{k}: [{', '.join(v)}]" for k, v in node.items()
        ]
        return "".join(turtle), "{" + ", ".join(text) + "}"

    def predicates(self) -> set[str]:
        """The predicates of the statements written so far."""
        return set(self._verbs)

    def _verb(self, predicate: str) -> tuple[str, str]:
        verb = "a" if predicate == RDF_TYPE else self.curie(predicate)
        found = self._verbs[predicate] = (verb, _JSON.encode(self.curie(predicate).strip("<>")))
        return found

    def _turtle(self, obj: str) -> str:
        found = self._objects.get(obj)
        return found[0] if found else turtle_object(obj, self.curie)

    def _type(self, obj: str) -> str:
        """A class's `@type` text ('' for an object that is not an IRI: left out)."""
        found = self._types.get(obj)
        if found is None:
            found = self._types[obj] = _JSON.encode(self.curie(obj)) if obj[:1] == "<" else ""
        return found

    def _forms(self, obj: str) -> tuple[str, str]:
        """(Turtle form, JSON value text) of an object; remembered for IRIs and typed literals."""
        last = obj[-1:]
        if last == '"' and obj[:1] == '"' and len(obj) > 1:
            return obj, '{"@value": ' + _string(obj[1:-1]) + "}"
        quote = obj.rfind('"')
        if last != ">" and quote > 0 and obj[:1] == '"':
            language = self._language(obj[quote + 1 :])
            if language is not None:
                return obj, '{"@value": ' + _string(obj[1:quote]) + language + "}"
        if obj[:1] == "<":
            forms = self.curie(obj), '{"@id": ' + _JSON.encode(unescape(obj[1:-1])) + "}"
        else:
            forms = turtle_object(obj, self.curie), _JSON.encode(json_value(obj, self.curie))
        if last == ">":
            if len(self._objects) >= _MEMO:
                self._objects.clear()
            self._objects[obj] = forms
        return forms

    def _language(self, suffix: str) -> str | None:
        """`, "@language": "tag"` for a literal's `@tag` suffix, None if it is not one."""
        if suffix not in self._languages:
            tag = suffix[1:]
            good = suffix[:1] == "@" and _LANGUAGE.fullmatch(tag) is not None
            self._languages[suffix] = f', "@language": {_JSON.encode(tag)}' if good else None
        return self._languages[suffix]


def _string(body: str) -> str:
    """The JSON string of an N-Triples literal's body (its escapes undone)."""
    if _JSON_ESCAPED.search(body) is None:
        return f'"{body}"'
    return _JSON.encode(unescape(body))

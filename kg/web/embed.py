"""schema.org JSON-LD embedded in HTML pages, for search engines (read generically).

The context is inline (`@vocab` https://schema.org/), so the embedded data expands to exactly
the IRIs of the graph without fetching a remote context.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg.namespaces import RDF, SDO
from kg.store import Description, text
from kg.web.parts import Properties, properties
from kg.web.view import Labels

_SDO = str(SDO)
_TYPE = ox.NamedNode(str(RDF.type))


def schema_jsonld(d: Description, labels: Labels, document: str) -> dict[str, Any]:
    """The resource's schema.org statements as a JSON-LD object."""
    data: dict[str, Any] = {"@context": {"@vocab": _SDO}, "@id": d.iri.value}
    types = [
        text(t.object)[len(_SDO) :]
        for t in d.own
        if t.subject == d.iri and t.predicate.value.endswith("#type")
        if text(t.object).startswith(_SDO)
    ]
    if types:
        data["@type"] = types if len(types) > 1 else types[0]
    context = properties(d.context)
    for t in d.own:
        if t.subject != d.iri or not t.predicate.value.startswith(_SDO):
            continue
        name = t.predicate.value[len(_SDO) :]
        if name == "hasPart":  # unbounded for a series; its parts link back with isPartOf
            continue
        value = _value(t.object, labels)
        if name == "isPartOf" and isinstance(value, dict) and "@id" in value:
            value = _part(value["@id"], context, labels)
        if value is not None:
            data.setdefault(name, []).append(value)
    # The page that describes the thing; its own `url` (a dataset's landing page) is kept.
    data["mainEntityOfPage"] = document
    data.setdefault("url", document)
    return {k: (v[0] if isinstance(v, list) and len(v) == 1 else v) for k, v in data.items()}


def _part(iri: str, context: Properties, labels: Labels, depth: int = 3) -> dict[str, Any]:
    """A linked issue or volume with its number and the chain up to its periodical, so the
    embedded data names the journal (a series or a periodical is named by its label)."""
    node: dict[str, Any] = {"@id": iri, "name": labels.label(iri)}
    own = context.get(iri, {})
    types = [text(t)[len(_SDO) :] for t in own.get(_TYPE, []) if text(t).startswith(_SDO)]
    if not types or depth == 0:
        return node
    node["@type"] = types if len(types) > 1 else types[0]
    if any(t in ("PublicationIssue", "PublicationVolume") for t in types):
        del node["name"]  # a number, not a name
    for predicate, values in own.items():
        name = predicate.value[len(_SDO) :]
        if name in ("issueNumber", "volumeNumber"):
            node[name] = text(values[0])
        elif name == "isPartOf":
            node[name] = _part(text(values[0]), context, labels, depth - 1)
    return node


def _value(term: object, labels: Labels) -> Any:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        datatype = term.datatype.value
        if datatype.endswith(("#string", "#langString")):
            return term.value
        return {"@value": term.value, "@type": datatype}
    if isinstance(term, ox.NamedNode):
        return {"@id": term.value, "name": labels.label(term.value)}
    return None

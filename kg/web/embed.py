"""schema.org JSON-LD embedded in HTML pages, for search engines (read generically).

The context is inline (`@vocab` https://schema.org/), so the embedded data expands to exactly
the IRIs of the graph without fetching a remote context.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg.namespaces import SDO
from kg.store import Description, text
from kg.web.view import Labels

_SDO = str(SDO)


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
    for t in d.own:
        if t.subject != d.iri or not t.predicate.value.startswith(_SDO):
            continue
        name = t.predicate.value[len(_SDO) :]
        if name == "hasPart":  # unbounded for a series; its parts link back with isPartOf
            continue
        value = _value(t.object, labels)
        if value is not None:
            data.setdefault(name, []).append(value)
    # The page that describes the thing; its own `url` (a dataset's landing page) is kept.
    data["mainEntityOfPage"] = document
    data.setdefault("url", document)
    return {k: (v[0] if isinstance(v, list) and len(v) == 1 else v) for k, v in data.items()}


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

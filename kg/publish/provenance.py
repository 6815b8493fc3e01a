"""Build-level triples: the PROV activity of the build and the tombstones of retired keys."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib import Literal, URIRef

import kg
from kg.iris import Iris
from kg.mapping.context import Triple
from kg.mapping.ledger import Tombstone
from kg.namespaces import DCTERMS, PROV, RDF, RDFS
from kg.publish.ntriples import line


def build_activity(iris: Iris, build_id: str, inputs: Sequence[Path], root: Path) -> list[Triple]:
    """The build as a prov:Activity that used the source files (no date: dumps stay stable)."""
    activity = iris.build(build_id)
    out: list[Triple] = [
        (activity, RDF.type, PROV.Activity),
        (activity, RDFS.label, Literal(f"kg {kg.__version__} build {build_id}")),
    ]
    for number, path in enumerate(inputs, start=1):
        try:
            name = path.resolve().relative_to(root).as_posix()
        except ValueError:
            name = path.name
        source = URIRef(f"{activity}#file-{number}")
        out += [
            (activity, PROV.used, source),
            (source, RDF.type, PROV.Entity),
            (source, RDFS.label, Literal(name)),
        ]
    return out


def tombstone_lines(tombstones: Iterable[Tombstone], iris: Iris) -> list[str]:
    """`old dcterms:isReplacedBy new` for every merged key (withdrawn keys have no triples)."""
    return [
        line((iris.entity(t.type, t.key), DCTERMS.isReplacedBy, iris.entity(*t.replaced_by)))
        for t in tombstones
        if t.replaced_by is not None
    ]

"""Where an article appeared: its periodical, volume, issue and pages, read from a description.

The graph models an article as part of an issue, the issue part of a volume, the volume part
of the periodical (levels the source does not print are skipped). The description brings the
chain as context of the linked issue or volume (`kg/store/describe.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.labels import LABELS
from kg.namespaces import BIBO, SDO
from kg.store import Description, text
from kg.web import fields as F

PART_OF = ox.NamedNode(str(SDO.isPartOf))
ISSUE, VOLUME, PERIODICAL = (
    ox.NamedNode(str(t)) for t in (SDO.PublicationIssue, SDO.PublicationVolume, SDO.Periodical)
)
ISSUE_NUMBER = ox.NamedNode(str(SDO.issueNumber))
VOLUME_NUMBER = ox.NamedNode(str(SDO.volumeNumber))
PAGINATION = (ox.NamedNode(str(SDO.pagination)), ox.NamedNode(str(BIBO.pages)))
# How many levels an article can sit below its periodical (issue, volume).
MAX_LEVELS = 3


@dataclass(frozen=True, slots=True)
class JournalRef:
    """An article's place in a periodical: "Security Journal, vol. 37, no. 4, pp. 1–9"."""

    iri: str
    name: str
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    part: str | None = None  # the IRI of the issue or volume the article is part of

    def details(self) -> str:
        """What follows the periodical's name: ", vol. 37, no. 4, pp. 1483–1508"."""
        out = ""
        if self.volume:
            out += f", vol. {self.volume}"
        if self.issue:
            out += f", no. {self.issue}"
        if self.pages:
            ranged = any(c in self.pages for c in "-‐‑‒–—―")
            out += f", {'pp.' if ranged else 'p.'} {self.pages}"
        return out

    def line(self) -> str:
        return self.name + self.details()


def journal_of(d: Description) -> JournalRef | None:
    """The periodical a described work is part of (through its issue and volume), or None."""
    props = properties((*d.own, *d.context))
    mine = props.get(d.iri.value, {})
    for part in mine.get(PART_OF, []):
        found = _climb(props, part)
        if found is not None:
            pages = next((text(v) for p in PAGINATION for v in mine.get(p, [])), None)
            name, iri, volume, issue = found
            return JournalRef(iri, name, volume, issue, pages, text(part))
    return None


def is_periodical_part(d: Description, node: ox.NamedNode | ox.BlankNode | ox.Literal) -> bool:
    """Whether `node` (a thing the work is part of) is a periodical, or one of its issues or
    volumes: shown as the journal line rather than as a raw "Part of" link."""
    props = properties(d.context)
    types = props.get(text(node), {}).get(F.TYPE, [])
    return any(t in (ISSUE, VOLUME, PERIODICAL) for t in types)


Value = ox.NamedNode | ox.BlankNode | ox.Literal
Properties = dict[str, dict[ox.NamedNode, list[Value]]]


def properties(triples: tuple[ox.Triple, ...]) -> Properties:
    out: Properties = {}
    for t in triples:
        obj = t.object
        if not isinstance(obj, ox.Triple):
            out.setdefault(text(t.subject), {}).setdefault(t.predicate, []).append(obj)
    return out


def _climb(
    props: Properties, node: ox.NamedNode | ox.BlankNode | ox.Literal
) -> tuple[str, str, str | None, str | None] | None:
    """(name, IRI, volume, issue) of the periodical above `node`, or None if there is none."""
    volume = issue = None
    for _ in range(MAX_LEVELS):
        own = props.get(text(node), {})
        types = own.get(F.TYPE, [])
        if PERIODICAL in types:
            labels = [v for p in LABELS for v in own.get(p, [])]
            name = text(labels[0]) if labels else text(node)
            return name, text(node), volume, issue
        if ISSUE in types:
            issue = next((text(v) for v in own.get(ISSUE_NUMBER, [])), issue)
        elif VOLUME in types:
            volume = next((text(v) for v in own.get(VOLUME_NUMBER, [])), volume)
        else:
            return None
        parents = own.get(PART_OF, [])
        if not parents:
            return None
        node = parents[0]
    return None

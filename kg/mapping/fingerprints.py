"""What identifies each entity a record mentions: its fingerprint, the input to key minting.

A fingerprint is `{type}|{normalised parts}`. Equal fingerprints are the same entity; the ledger
(`ledger.py`) maps every fingerprint ever seen to the key it was given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.authority import Authority, name_key
from kg.ingest.periodicals import Periodicals
from kg.records import Record

# An agency prefix on a report number (`GAO-24-107093`): the publisher it implies.
_REPORT_PREFIX = re.compile(r"^([A-Za-z][A-Za-z&]{1,15})[-\s]")


@dataclass(frozen=True, slots=True)
class Ref:
    """One entity a record mentions: its type, fingerprint and, if fixed, its key."""

    type: str
    fingerprint: str
    fixed_key: str | None = None
    label: str = ""
    # Other fingerprints of the same entity: a work under its first contributor's other names
    # in the authority file, so that renaming an entry (old name kept as a variant) keeps keys.
    aliases: tuple[str, ...] = ()


def work_fingerprint(title: str, year: int | None, first_contributor: str | None) -> str:
    """What identifies a work: normalised title, year and first contributor."""
    return f"work|{name_key(title)}|{year or ''}|{name_key(first_contributor or '')}"


def record_work_fingerprint(record: Record) -> str:
    """The work's fingerprint, from what identified it before any correction."""
    return work_fingerprint(*(record.identity or record.printed_identity()))


def agent_ref(name: str, kind: str, authority: Authority) -> Ref:
    """An agent: the authority entry's own key when the file knows it, else its name."""
    known = authority.lookup(name)
    if known is not None:
        key = known.key.removeprefix(f"{known.kind}/")
        return Ref(known.kind, f"{known.kind}|@{key}", key, known.name)
    return Ref(kind, f"{kind}|{name_key(name)}", None, name)


def named_ref(type_: str, name: str, scope: str = "") -> Ref:
    """A place, topic or periodical known by its name (a series within its publisher)."""
    parts = [type_, *([name_key(scope)] if scope else []), name_key(name)]
    return Ref(type_, "|".join(parts), None, name)


def periodical_ref(name: str, periodicals: Periodicals | None) -> Ref:
    """A periodical: the list's own key when the periodical list knows it, else its name."""
    listed = periodicals.find(name) if periodicals is not None else None
    if listed is not None:
        return Ref("periodical", f"periodical|@{listed.key}", listed.key, listed.name)
    return named_ref("periodical", name)


def series_ref(record: Record) -> Ref | None:
    if record.series is None or not record.series.name:
        return None
    scope = record.publishers[0] if record.publishers else ""
    return named_ref("series", record.series.name, scope)


def inferred_publisher(record: Record, authority: Authority) -> str | None:
    """The authority name of the agency a report number's prefix implies, if not printed."""
    match = _REPORT_PREFIX.match(record.report_id or "")
    if match is None:
        return None
    agent = authority.lookup(match.group(1))
    if agent is None or agent.kind != "organization":
        return None
    printed = {a.key for p in record.publishers if (a := authority.lookup(p)) is not None}
    return None if agent.key in printed else agent.name


def _work_aliases(record: Record, authority: Authority) -> tuple[str, ...]:
    """The work's fingerprint under each other name of its first contributor's entry."""
    title, year, first = record.identity or record.printed_identity()
    agent = authority.lookup(first) if first else None
    if agent is None:
        return ()
    names = {agent.name, *agent.variants, *agent.acronyms} - {first}
    return tuple(sorted({work_fingerprint(title, year, n) for n in names}))


def record_refs(
    record: Record, authority: Authority, periodicals: Periodicals | None = None
) -> list[Ref]:
    """Every entity the record's graph names, the work first."""
    aliases = _work_aliases(record, authority)
    refs = [Ref("work", record_work_fingerprint(record), None, record.title, aliases)]
    refs += [agent_ref(c.name, c.kind, authority) for c in record.contributors]
    publishers = list(record.publishers)
    implied = inferred_publisher(record, authority)
    if implied:
        publishers.append(implied)
    refs += [agent_ref(p, "organization", authority) for p in publishers]
    refs += [named_ref("place", p) for p in (*record.places, *record.subject_places)]
    refs += [named_ref("topic", t) for t in record.topics]
    if (series := series_ref(record)) is not None:
        refs.append(series)
    if record.journal is not None and record.journal.name:
        refs.append(periodical_ref(record.journal.name, periodicals))
    return refs

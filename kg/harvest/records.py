"""Records as the web layer serves them, dated from the release's harvest index.

MARC 21 and Dublin Core come as the build rendered them into the index (with MARC's 005, the
datestamp, added): a page of a harvest is then a few index reads, whatever the size of the
catalogue. RDF/XML, and any record the index lacks, is read through the Store and mapped by the
same functions the build uses; `tests/test_harvest_history.py` checks both ways agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from kg.harvest.facts import work_facts
from kg.harvest.graph import StoreLookup, WorkGraph, work_graph
from kg.harvest.history import Decision, leader_status
from kg.harvest.index import HarvestIndex, Row
from kg.harvest.marc import dated_record, record_xml
from kg.harvest.marcmap import RecordContext, to_marc
from kg.harvest.payloads import dublin_core, rdf_xml
from kg.iris import Iris
from kg.store import Store


@dataclass(frozen=True, slots=True)
class StoreRecords:
    """The metadata of works in every format (an OAI `RecordSource`). Linked things recur on
    many works, so what was looked up about them is kept for the life of the release."""

    store: Store
    index: HarvestIndex
    iris: Iris
    org_code: str
    lookup: StoreLookup = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lookup", StoreLookup(self.store))

    def metadata(self, rows: Sequence[Row], prefix: str) -> dict[str, str]:
        out = {} if prefix == "rdf" else self.stored(rows, prefix)
        return out | self.from_store([row for row in rows if row.key not in out], prefix)

    def stored(self, rows: Sequence[Row], prefix: str) -> dict[str, str]:
        """The payloads the build rendered, for the rows that have one."""
        if not rows:
            return {}
        if prefix == "oai_dc":
            return self.index.payloads([row.key for row in rows], "dc")
        found = self.index.payloads([row.key for row in rows], "marc")
        stamps = {row.key: self.marc_context(row).datestamp for row in rows}
        return {
            key: dated_record(content, f"{stamps[key]:%Y%m%d%H%M%S}.0")
            for key, content in found.items()
        }

    def from_store(self, rows: Sequence[Row], prefix: str) -> dict[str, str]:
        """The payloads rendered now from the Store."""
        lookup = self.lookup
        out: dict[str, str] = {}
        for row in rows:
            graph = work_graph(self.store, str(self.iris.entity("work", row.key)), lookup,
                               self.iris.id_base + "work/")  # fmt: skip
            if graph is not None:
                out[row.key] = self.render(graph, row, prefix, lookup)
        return out

    def render(self, graph: WorkGraph, row: Row, prefix: str, lookup: StoreLookup) -> str:
        """One record's payload element in a format (`oai_dc`, `marc21`/`marcxml`, `rdf`)."""
        if prefix == "rdf":
            return rdf_xml(graph)
        facts = work_facts(graph, lookup, self.iris.id_base)
        if prefix == "oai_dc":
            return dublin_core(facts)
        return record_xml(to_marc(facts, self.marc_context(row)))

    def marc_context(self, row: Row) -> RecordContext:
        decision = Decision(row.generation, row.first_generation, row.entered, None, "")
        moment = datetime.fromtimestamp(self.index.times[row.generation], UTC)
        page = self.iris.document("work", row.key)
        return RecordContext(self.org_code, page, leader_status(decision), row.entered, moment)

    def marcxml(self, key: str) -> str | None:
        """One live work's MARCXML document (`/doc/work/{key}.marcxml`), or None."""
        row = self.index.work(key)
        if row is None or row.deleted:
            return None
        found = self.metadata([row], "marc21").get(key)
        return None if found is None else '<?xml version="1.0" encoding="UTF-8"?>\n' + found + "\n"

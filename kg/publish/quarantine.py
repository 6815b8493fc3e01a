"""The gate's output: the quarantine file, the text report and the SHACL report in Turtle.

A record is quarantined when its graph fails a shape (with the shapes' messages) or when ingest
could not parse it (with ingest's reason): either way it is read and not published.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal

from kg.namespaces import RDF, SH
from kg.records import Record, Rejected, Source
from kg.validate import Verdict

QUARANTINE_FILE = "quarantine.jsonl"
REPORT_TEXT = "validation.txt"
REPORT_TURTLE = "validation.ttl"


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A record kept out of the published graph: where it was read, what it is, and why."""

    source: Source
    title: str
    messages: tuple[str, ...]
    record: dict[str, Any] = field(default_factory=dict)  # the parsed record, or what was printed
    work: str | None = None
    report_ttl: str = ""

    @classmethod
    def failed(cls, record: Record, work: str, verdict: Verdict) -> Quarantined:
        """A parsed record whose graph failed the shapes."""
        messages = tuple(
            v.message if v.focus == work else f"{v.message} ({v.focus})" for v in verdict.violations
        )
        return cls(
            record.source, record.title, messages, record.to_json(), work, verdict.report_ttl
        )

    @classmethod
    def rejected(cls, rejected: Rejected) -> Quarantined:
        """A record ingest read but could not parse."""
        title = rejected.printed[0] if rejected.printed else ""
        return cls(rejected.source, title, (rejected.reason,), rejected.to_json())

    def to_json(self) -> dict[str, object]:
        return {
            "source": str(self.source),
            "title": self.title,
            "work": self.work,
            "messages": list(self.messages),
            "record": self.record,
        }


def write_gate_reports(folder: Path, read: int, quarantined: Sequence[Quarantined]) -> None:
    """Write the three files of the gate into the release folder."""
    with (folder / QUARANTINE_FILE).open("w", encoding="utf-8") as out:
        for q in quarantined:
            out.write(json.dumps(q.to_json(), ensure_ascii=False) + "\n")
    published = read - len(quarantined)
    lines = [f"read {read} records = {published} published + {len(quarantined)} quarantined"]
    for q in quarantined:
        lines += [f"{q.source}: {q.title}"] + [f"  - {m}" for m in q.messages]
    (folder / REPORT_TEXT).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / REPORT_TURTLE).write_text(_shacl_report(quarantined), encoding="utf-8")


def _shacl_report(quarantined: Sequence[Quarantined]) -> str:
    """One sh:ValidationReport holding the results of every record that failed a shape."""
    merged = Graph()
    merged.bind("sh", SH)
    for q in quarantined:
        if q.report_ttl:
            merged.parse(data=q.report_ttl, format="turtle")
    for report in list(merged.subjects(RDF.type, SH.ValidationReport)):
        merged.remove((report, None, None))
    node = BNode("report")
    merged.add((node, RDF.type, SH.ValidationReport))
    merged.add((node, SH.conforms, Literal(not any(q.report_ttl for q in quarantined))))
    for result in set(merged.subjects(RDF.type, SH.ValidationResult)):
        merged.add((node, SH.result, result))
    return merged.serialize(format="turtle")

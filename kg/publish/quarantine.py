"""The gate's output: the quarantine file, the text report and the SHACL report in Turtle."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal

from kg.namespaces import RDF, SH
from kg.records import Record
from kg.validate import Verdict

QUARANTINE_FILE = "quarantine.jsonl"
REPORT_TEXT = "validation.txt"
REPORT_TURTLE = "validation.ttl"


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A record kept out of the published graph, and why."""

    record: Record
    work: str
    verdict: Verdict

    @property
    def messages(self) -> tuple[str, ...]:
        return tuple(_message(v.message, v.focus, self.work) for v in self.verdict.violations)

    def to_json(self) -> dict[str, object]:
        return {
            "source": str(self.record.source),
            "work": self.work,
            "messages": list(self.messages),
            "record": self.record.to_json(),
        }


def _message(message: str, focus: str, work: str) -> str:
    return message if focus == work else f"{message} ({focus})"


def write_gate_reports(folder: Path, read: int, quarantined: Sequence[Quarantined]) -> None:
    """Write the three files of the gate into the release folder."""
    with (folder / QUARANTINE_FILE).open("w", encoding="utf-8") as out:
        for q in quarantined:
            out.write(json.dumps(q.to_json(), ensure_ascii=False) + "\n")
    lines = [
        f"read {read} records: {read - len(quarantined)} published, {len(quarantined)} quarantined"
    ]
    for q in quarantined:
        lines += [f"{q.record.source}: {q.record.title}"] + [f"  - {m}" for m in q.messages]
    (folder / REPORT_TEXT).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / REPORT_TURTLE).write_text(_shacl_report(quarantined), encoding="utf-8")


def _shacl_report(quarantined: Sequence[Quarantined]) -> str:
    """One sh:ValidationReport holding the results of every quarantined record."""
    merged = Graph()
    merged.bind("sh", SH)
    for q in quarantined:
        merged.parse(data=q.verdict.report_ttl, format="turtle")
    for report in list(merged.subjects(RDF.type, SH.ValidationReport)):
        merged.remove((report, None, None))
    node = BNode("report")
    merged.add((node, RDF.type, SH.ValidationReport))
    merged.add((node, SH.conforms, Literal(not quarantined)))
    for result in set(merged.subjects(RDF.type, SH.ValidationResult)):
        merged.add((node, SH.result, result))
    return merged.serialize(format="turtle")

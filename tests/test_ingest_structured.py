"""JSON Lines and CSV inputs give the same records as the page for the same works."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from kg.ingest import Lexicon, load_lexicon, read_source
from kg.ingest.csv import COLUMNS
from kg.records import Record
from tests.conftest import ROOT, SAMPLE

LEX: Lexicon = load_lexicon(ROOT / "vocab", "http://kg.invalid/id/")
STRUCTURED = ROOT / "tests" / "fixtures" / "structured"
# What was printed, and where, differs by input; the record itself must not.
PRINTING = {"source", "sources", "as_printed", "title_as_printed", "publisher_as_printed",
            "year_as_printed", "publisher_acronym"}  # fmt: skip


def content(record: Record) -> dict[str, Any]:
    return {k: v for k, v in record.to_json().items() if k not in PRINTING}


def read(path: Path) -> list[Record]:
    items = list(read_source(path, LEX))
    assert all(isinstance(i, Record) for i in items), [str(i) for i in items]
    return [i for i in items if isinstance(i, Record)]


def page_records() -> list[Record]:
    return read(SAMPLE)


def test_kg_parse_output_read_back_as_json_lines_is_the_same(tmp_path: Path) -> None:
    path = tmp_path / "sample.jsonl"
    records = page_records()
    path.write_text("".join(json.dumps(r.to_json()) + "\n" for r in records), encoding="utf-8")
    assert [content(r) for r in read(path)] == [content(r) for r in records]


def _csv_row(record: Record) -> dict[str, str]:
    data = record.to_json()
    series, journal = data["series"] or {}, data["journal"] or {}
    row = {
        "contributors": "; ".join(c["name"] for c in data["contributors"]),
        "contributor_kinds": "; ".join(c["kind"] for c in data["contributors"]),
        "series_name": series.get("name"), "series_number": series.get("number"),
        "journal_name": journal.get("name"), "journal_volume": journal.get("volume"),
        "journal_issue": journal.get("issue"), "journal_pages": journal.get("pages"),
    }  # fmt: skip
    for key in ("publishers", "places", "topics", "subject_places"):
        row[key] = "; ".join(data[key])
    for key in COLUMNS:
        if key not in row:
            row[key] = data.get(key)
    return {k: "" if v is None else str(v) for k, v in row.items()}


def test_records_written_as_csv_with_the_documented_columns_read_back_the_same(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sample.csv"
    records = page_records()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(_csv_row(r) for r in records)
    assert [content(r) for r in read(path)] == [content(r) for r in records]


def test_hand_written_jsonl_and_csv_give_the_page_records_of_the_same_works() -> None:
    by_title = {r.title: content(r) for r in page_records()}
    for name in ("sample-three.jsonl", "sample-three.csv"):
        got = read(STRUCTURED / name)
        assert len(got) == 3
        for record in got:
            assert content(record) == by_title[record.title], name

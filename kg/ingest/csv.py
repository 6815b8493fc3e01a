"""CSV input: a header row naming the columns, then one record per row (docs/inputs.md).

Columns: title (required), contributors, contributor_kinds, publishers, places, year, page_count,
series_name, series_number, journal_name, journal_volume, journal_issue, journal_pages, report_id,
section, topics, subject_places, abstract, publisher_acronym, publisher_unit, edition_note.
Lists are `;`-separated; `contributor_kinds` gives `person`/`organization` in contributor order.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from kg.errors import InputError
from kg.ingest.assemble import Lexicon
from kg.ingest.structured import FieldError, record_from_fields
from kg.records import Record, Rejected, Source

LIST_COLUMNS = (
    "contributors",
    "contributor_kinds",
    "publishers",
    "places",
    "topics",
    "subject_places",
)
COLUMNS = (
    "title", "contributors", "contributor_kinds", "publishers", "places", "year", "page_count",
    "series_name", "series_number", "journal_name", "journal_volume", "journal_issue",
    "journal_pages", "report_id", "section", "topics", "subject_places", "abstract",
    "publisher_acronym", "publisher_unit", "edition_note",
)  # fmt: skip


def read_csv(lines: Iterable[str], file: str, lex: Lexicon) -> Iterator[Record | Rejected]:
    """A record (or a rejection) for every data row."""
    rows = csv.reader(_numbered(lines))
    header = next(rows, None)
    if header is None:
        return
    header = [h.strip().casefold() for h in header]
    if "title" not in header:
        raise InputError(
            file, 1, f"the CSV header has no 'title' column (it has: {', '.join(header)})",
            f"add a header row with the columns {', '.join(COLUMNS[:4])}, …",
        )  # fmt: skip
    for row in rows:
        number = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        source = Source(file, number)
        if len(row) != len(header):
            reason = (
                f"{len(row)} cells but the header has {len(header)} columns — "
                "quote cells that contain commas, and give every column a cell (empty is fine)"
            )
            yield Rejected(source, reason, (",".join(row),))
            continue
        try:
            yield record_from_fields(_fields(dict(zip(header, row, strict=True))), source, lex)
        except FieldError as err:
            yield Rejected(source, str(err), (",".join(row),))


def _numbered(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        yield line + "\n"


def _fields(row: dict[str, str]) -> dict[str, Any]:
    """CSV cells → `kg parse` keys."""
    values: dict[str, Any] = {k: (v.strip() or None) for k, v in row.items() if k in COLUMNS}
    for key in LIST_COLUMNS:
        cell = row.get(key) or ""
        values[key] = [p.strip() for p in cell.split(";") if p.strip()]
    kinds = values.pop("contributor_kinds")
    values["contributors"] = [
        {"name": name, "kind": kinds[i] if i < len(kinds) else None}
        for i, name in enumerate(values["contributors"])
    ]
    if values.get("series_name") or values.get("series_number"):
        values["series"] = {
            "name": values.pop("series_name"),
            "number": values.pop("series_number"),
        }
    if values.get("journal_name"):
        values["journal"] = {
            "name": values.get("journal_name"), "volume": values.get("journal_volume"),
            "issue": values.get("journal_issue"), "pages": values.get("journal_pages"),
        }  # fmt: skip
    return values

"""`kg parse --explain`: every line of a page with its role and its record, so a cataloguer can
see why a record was read as it was, and the key to copy into a correction.

    page.txt:5  title     record 1  In their Own Right: Actions to Improve …
    page.txt:7  byline    record 1  By Sophie Gillfeather-Spetere, Amy Watson
    page.txt:5  record 1  parsed  correction key r-4k7q2m9x1c  (title, 2 contributors, …)

Blank lines are counted, not listed. Every other line appears exactly once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.ingest.assemble import Lexicon, assemble
from kg.ingest.decode import text_lines
from kg.ingest.evidence import ROLE_NAMES
from kg.ingest.page import read_page
from kg.ingest.printkey import print_key
from kg.records import Record

SHOWN_TEXT = 90


def explain_page(path: Path, lex: Lexicon) -> Iterator[str]:
    """The lines of the explanation of one page."""
    lines = list(text_lines(path, lambda _message: None))
    header, blocks = read_page(lines)
    for unit in header.lines:
        yield _row(path, unit.line, "header", "", unit.raw)
    count = 0
    for count, block in enumerate(blocks, start=1):
        for role, unit in block.lines:
            yield _row(path, unit.line, ROLE_NAMES[role], f"record {count}", unit.raw)
        item = assemble(block, header, str(path), lex)
        yield f"{path}:{block.line}  record {count}  {_verdict(item)}"
    blank = sum(1 for line in lines if not line.strip())
    yield f"{path}: {len(lines)} lines: {count} records, {blank} blank"


def _row(path: Path, line: int, role: str, record: str, text: str) -> str:
    text = " ".join(text.split())
    if len(text) > SHOWN_TEXT:
        text = text[: SHOWN_TEXT - 1] + "…"
    return f"{path}:{line}  {role:<9} {record:<10} {text}"


def _verdict(item: object) -> str:
    if not isinstance(item, Record):
        return f"rejected: {getattr(item, 'reason', '')}"
    key = print_key(item.as_printed.title, item.as_printed.byline)
    read = [f"{len(item.contributors)} contributor(s)"]
    if item.journal is not None:
        read.append(f"journal {item.journal.name}")
    if item.publishers:
        read.append("publisher " + "; ".join(item.publishers))
    if item.year is not None:
        read.append(str(item.year))
    return f"parsed  correction key {key}  ({', '.join(read)})"

"""Ingest: source files → Records. One module per source format; no network, no graph.

`read_source` streams a file's records and rejections; `read_records` keeps only the records.
Pages (`.txt`), JSON Lines (`.jsonl`, `.ndjson`) and CSV (`.csv`) are read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest.assemble import Lexicon, assemble
from kg.ingest.authority import Authority, load_authority
from kg.ingest.decode import text_lines
from kg.ingest.page import read_page
from kg.ingest.periodicals import load_periodicals
from kg.ingest.places import Places, load_places
from kg.records import Record, Rejected

PAGE_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
SOURCE_SUFFIXES = PAGE_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES

Warn = Callable[[str], None]


def _ignore(_message: str) -> None:
    return None


# Files of a data folder that hold no records: the cataloguers' corrections (corrections.py).
NOT_SOURCES = frozenset(["corrections.jsonl"])


def source_files(paths: list[Path]) -> list[Path]:
    """The readable source files under `paths` (files or folders), in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix in SOURCE_SUFFIXES and p.name not in NOT_SOURCES
            )
        elif path.exists():
            found.append(path)
        else:
            raise InputError(str(path), 0, "no such file or folder", "check the path")
    return found


# The files of the vocabulary folder that reading uses: the authority file, places, journals.
VOCABULARY_FILES = ("agents.ttl", "places.ttl", "periodicals.ttl")


def load_lexicon(vocab_dir: Path, id_base: str, extra_agents: tuple[Path, ...] = ()) -> Lexicon:
    """The authority file, place list and periodical list of a vocabulary folder (and more
    agents from other files, such as the test fixtures' made-up ones)."""
    agents, places, periodicals = VOCABULARY_FILES
    return Lexicon(
        load_authority(vocab_dir / agents, id_base, *extra_agents),
        load_places(vocab_dir / places),
        load_periodicals(vocab_dir / periodicals, id_base),
    )


def read_source(path: Path, lex: Lexicon, warn: Warn = _ignore) -> Iterator[Record | Rejected]:
    """Every record of one source file, parsed or rejected, in file order.

    File-level problems (binary data, undecodable bytes) raise `InputError`. An empty file, or a
    page with nothing after its header, is a warning; text that makes no record is a `Rejected`
    with its line and the reason, so no line goes unread silently.
    """
    suffix = path.suffix.casefold()
    lines = text_lines(path, warn)
    if suffix in JSONL_SUFFIXES:
        from kg.ingest.jsonl import read_jsonl

        items: Iterator[Record | Rejected] = read_jsonl(lines, str(path), lex)
    elif suffix in CSV_SUFFIXES:
        from kg.ingest.csv import read_csv

        items = read_csv(lines, str(path), lex)
    else:
        items = _read_page(lines, str(path), lex, warn)
    count = 0
    for count, item in enumerate(items, start=1):  # noqa: B007
        yield item
    if count == 0:
        warn(_nothing_read(path))


def _read_page(
    lines: Iterator[str], file: str, lex: Lexicon, warn: Warn
) -> Iterator[Record | Rejected]:
    header, blocks = read_page(lines)
    for unit in header.unknown:
        warn(
            f"{file}:{unit.line}: '{unit.text}' is read as a label of the page, not a record "
            "(a title and its byline follow it) — if it is a record's title, print its By line "
            "under it"
        )
    for block in blocks:
        item = assemble(block, header, file, lex)
        if isinstance(item, Record) and block.title_wrapped:
            warn(
                f"{item.source}: a title printed over two lines is read as one — if its first "
                "line is no part of it, add a correction"
            )
        if isinstance(item, Record) and not item.contributors:
            warn(
                f"{item.source}: a record with no byline — it is read without authors; "
                "if it has some, add its By line or a correction"
            )
        if isinstance(item, Record) and not item.as_printed.imprint:
            warn(
                f"{item.source}: a record with no imprint line — it is read without place, "
                "publisher and year; add its citation line or a correction"
            )
        yield item


def _nothing_read(path: Path) -> str:
    if path.stat().st_size == 0:
        return f"{path}:1: empty file — nothing to read; remove it or add records"
    return (
        f"{path}:1: no records found (nothing after the page header) — "
        "check that this is a catalogue page, JSON Lines or CSV file"
    )


def read_records(
    path: Path, authority: Authority | Lexicon, warn: Warn = _ignore
) -> Iterator[Record]:
    """The parsed records of one source file (rejected ones are skipped; see `read_source`)."""
    lex = authority if isinstance(authority, Lexicon) else Lexicon(authority, Places())
    for item in read_source(path, lex, warn):
        if isinstance(item, Record):
            yield item


__all__ = [
    "VOCABULARY_FILES",
    "Lexicon",
    "load_lexicon",
    "read_records",
    "read_source",
    "source_files",
]

"""The `kg parse` run: stream records to JSON Lines, count, collect rejects and review names.

Counts and messages go to stderr, JSON Lines only to stdout. Every record read is
either parsed or rejected with its reason: read = parsed + rejected.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import orjson

from kg.errors import InputError
from kg.ingest import VOCABULARY_FILES, Lexicon, load_lexicon, read_source, source_files
from kg.ingest.merge import merge_records
from kg.ingest.review import Review
from kg.records import Record, Rejected

Warn = Callable[[str], None]

EXIT_OK, EXIT_FAILED = 0, 1
SHOWN_LINES = 20


@dataclass(slots=True)
class Tally:
    """What a run read: counts, rejected records and files that could not be read."""

    parsed: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    failed_files: list[str] = field(default_factory=list)

    def summary(self) -> str:
        read = self.parsed + len(self.rejected)
        line = f"read {read} records: {self.parsed} parsed, {len(self.rejected)} rejected"
        if self.failed_files:
            line += f"; {len(self.failed_files)} file(s) could not be read"
        return line


def parse_command(
    paths: list[Path],
    vocab_dir: Path,
    id_base: str,
    *,
    merge: bool = False,
    strict: bool = False,
    rejects: Path | None = None,
    review: Path | None = None,
    explain: bool = False,
    out: IO[str] = sys.stdout,
    err: IO[str] = sys.stderr,
) -> int:
    """Run `kg parse`; return the exit code."""
    missing = [name for name in VOCABULARY_FILES if not (vocab_dir / name).is_file()]
    if missing:
        print(
            f"{vocab_dir.absolute()}: no {', no '.join(missing)} — reading without them, so "
            "known bodies, places and journals are not recognised; run kg from the project "
            "folder or set KG_VOCAB_DIR to the vocabulary folder",
            file=err,
        )
    lex = load_lexicon(vocab_dir, id_base)
    files = source_files(paths)
    if explain:
        return _explain(files, lex, out, err)
    tally = Tally()
    reviewer = Review(lex.authority)

    def warn(message: str) -> None:
        print(message, file=err)

    records = _records(files, lex, tally, reviewer, warn)
    if merge:
        records = iter(merge_records(records))
    write = _line_writer(out)
    for record in records:
        write(record.to_json())
    _report(tally, reviewer, err)
    if rejects is not None:
        _write_jsonl(rejects, (r.to_json() for r in tally.rejected))
    if review is not None:
        _write_jsonl(review, (c.to_json() for c in reviewer.candidates))
    if tally.failed_files or (strict and tally.rejected):
        return EXIT_FAILED
    return EXIT_OK


def _records(
    files: list[Path], lex: Lexicon, tally: Tally, reviewer: Review, warn: Warn
) -> Iterator[Record]:
    for path in files:
        try:
            for item in read_source(path, lex, warn):
                if isinstance(item, Rejected):
                    tally.rejected.append(item)
                    continue
                tally.parsed += 1
                reviewer.observe(item)
                yield item
        except InputError as error:
            tally.failed_files.append(str(path))
            warn(str(error))
        except OSError as error:
            tally.failed_files.append(str(path))
            warn(f"{path}:0: cannot read the file ({error.strerror}) — check its permissions")


def _explain(files: list[Path], lex: Lexicon, out: IO[str], err: IO[str]) -> int:
    """`--explain`: each page's lines with their roles (JSON Lines and CSV: one record a line)."""
    from kg.ingest.explain import explain_page

    status = EXIT_OK
    for path in files:
        try:
            if path.suffix.casefold() == ".txt":
                for row in explain_page(path, lex):
                    print(row, file=out)
            else:
                for item in read_source(path, lex, lambda message: print(message, file=err)):
                    print(f"{item.source}  {_structured_verdict(item)}", file=out)
        except InputError as error:
            print(str(error), file=err)
            status = EXIT_FAILED
    return status


def _structured_verdict(item: Record | Rejected) -> str:
    from kg.ingest.printkey import print_key

    if isinstance(item, Rejected):
        return f"rejected: {item.reason}"
    return f"parsed  correction key {print_key(item.as_printed.title, item.as_printed.byline)}"


def _line_writer(out: IO[str]) -> Callable[[dict[str, object]], object]:
    """Writes one JSON line to `out`; under a UTF-8 text stream, orjson's UTF-8 bytes go
    straight to the byte stream below it (no decoding to text to encode it back)."""
    buffer: IO[bytes] | None = getattr(out, "buffer", None)
    encoding = str(getattr(out, "encoding", "")).replace("_", "-").casefold()
    if buffer is None or encoding not in {"utf-8", "utf8"} or os.linesep != "\n":
        return lambda row: out.write(json_line(row))
    errors = str(getattr(out, "errors", None) or "strict")
    out.flush()  # what was written as text first stays first

    def write(row: dict[str, object]) -> object:
        try:
            return buffer.write(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE))
        except orjson.JSONEncodeError:
            return buffer.write(json_line(row).encode("utf-8", errors))

    return write


def json_line(row: dict[str, object]) -> str:
    """One JSON Lines line (UTF-8 text, not ASCII escapes).

    orjson is several times faster than the json module; what it refuses (an integer beyond
    64 bits, a lone surrogate read from a JSON Lines input) goes through json as before.
    """
    try:
        return orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE).decode()
    except orjson.JSONEncodeError:
        return json.dumps(row, ensure_ascii=False) + "\n"


def _report(tally: Tally, reviewer: Review, err: IO[str]) -> None:
    for rejected in tally.rejected[:SHOWN_LINES]:
        print(f"rejected {rejected}", file=err)
    if len(tally.rejected) > SHOWN_LINES:
        print(f"… and {len(tally.rejected) - SHOWN_LINES} more rejected (see --rejects)", file=err)
    for candidate in reviewer.candidates[:SHOWN_LINES]:
        print(f"review {candidate}", file=err)
    if len(reviewer.candidates) > SHOWN_LINES:
        more = len(reviewer.candidates) - SHOWN_LINES
        print(f"… and {more} more names to review (see --review)", file=err)
    print(tally.summary(), file=err)


def _write_jsonl(path: Path, rows: Iterable[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")

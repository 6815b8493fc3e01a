"""The build's source files read on several processes, the records coming back in file order.

Reading a page costs about a quarter of a millisecond per record, all of it Python: on one
interpreter it is one core's work however many the machine has. Each source file is read
whole by one forked worker (sharing the lexicon the build process loaded) and its records and
rejections come back pickled, in the order of the files, so the build sees exactly what a
single reader gives.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from kg.ingest import Lexicon, read_source
from kg.publish.child import error_fields, rebuilt
from kg.records import Record, Rejected

Item = Record | Rejected
_lexicon: Lexicon | None = None  # in each worker: the lexicon it was forked with


def read_sources(paths: Sequence[Path], lexicon: Lexicon, workers: int) -> Iterator[Item]:
    """Every record and rejection of the files, in file order; a file that cannot be read
    raises its `InputError` here, as `read_source` does."""
    if workers <= 1 or len(paths) <= 1:
        for path in paths:
            yield from read_source(path, lexicon)
        return
    fork = multiprocessing.get_context("fork")  # the workers get the lexicon without a copy
    with fork.Pool(min(workers, len(paths)), _keep, (lexicon,)) as pool:
        for kind, payload in pool.imap(_read_file, paths):
            if kind == "error":
                raise rebuilt(*payload)
            yield from payload


def _keep(lexicon: Lexicon) -> None:
    global _lexicon
    _lexicon = lexicon


def _read_file(path: Path) -> tuple[str, Any]:
    assert _lexicon is not None, "each worker keeps the lexicon when it starts"
    try:
        return "ok", list(read_source(path, _lexicon))
    except Exception as err:  # goes back to the build process with its file and line
        return "error", error_fields(err)

"""A record's lines as a map + validate worker prepares them (kg/publish/pipeline.py
`_prepare`) are the lines of its plain mapping, sorted and each once, whatever the record: the
worker writes literals as forms (plain strs to the line writer) and makes the record's lines
from its units' sorted lines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from hypothesis import given, settings

from kg.mapping import map_record
from kg.mapping.forms import form
from kg.publish.ntriples import line
from kg.publish.pipeline import _Predicates, _prepare
from kg.records import Record
from kg.validate import Gate, load_shapes
from tests.conftest import ROOT
from tests.test_mapping_forms import RECORD, _context

_Outcome = tuple[str, object]


@cache
def _gate() -> Gate:
    return Gate(load_shapes(ROOT / "shapes"))


def _outcome(make: Callable[[], tuple[str, ...]]) -> _Outcome:
    """The lines made, or the type of the error raised instead."""
    try:
        return "made", make()
    except Exception as err:  # the same error is what is compared
        return "raised", type(err)


def _plain(record: Record) -> _Outcome:
    try:
        lines = tuple(sorted({line(t) for t in map_record(record, _context()).catalogue}))
    except Exception as err:  # the same error is what is compared
        return "raised", type(err)
    if not _encodes(lines):
        # A lone surrogate (never read from a source file): its unit cannot be digested.
        return "raised", UnicodeEncodeError
    return "made", lines


def _encodes(lines: tuple[str, ...]) -> bool:
    try:
        "".join(lines).encode()
    except UnicodeEncodeError:
        return False
    return True


def _prepared(record: Record, predicates: _Predicates) -> _Outcome:
    fast = replace(_context(), literal=form)
    return _outcome(lambda: _prepare(map_record(record, fast), _gate(), predicates).lines)


@settings(max_examples=150)
@given(record=RECORD, again=RECORD)
def test_a_records_prepared_lines_are_its_plain_lines_sorted_once(
    record: Record, again: Record
) -> None:
    predicates = _Predicates()  # shared by a batch's records
    for each in (record, again, record):
        assert _prepared(each, predicates) == _plain(each)

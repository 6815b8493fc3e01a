"""Records pickle as their class called with their fields (kg/records.py): what comes back is
the same record, with every field in its place, whatever the values."""

from __future__ import annotations

import pickle
import pickletools

from hypothesis import given

from kg.records import Record, Rejected, Source
from tests.test_mapping_forms import NAME, RECORD


@given(record=RECORD)
def test_a_record_comes_back_from_pickle_equal(record: Record) -> None:
    again = pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
    assert again == record and type(again) is Record
    assert again.to_json() == record.to_json()


@given(file=NAME, reason=NAME)
def test_a_rejection_comes_back_from_pickle_equal(file: str, reason: str) -> None:
    rejected = Rejected(Source(file, 3), reason, ("a", "b"))
    assert pickle.loads(pickle.dumps(rejected)) == rejected


def test_a_record_unpickles_without_setting_state() -> None:
    # The slow path this replaces: BUILD, a Python __setstate__ per record and nested record.
    record = Record("T", Source("f", 1), sources=(Source("g", 2),))
    opcodes = {op.name for op, _, _ in pickletools.genops(pickle.dumps(record, 5))}
    assert "BUILD" not in opcodes

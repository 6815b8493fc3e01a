"""The record spool gives the records `merge_records` gives, in the same order, from disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.merge import merge_key, merge_records
from kg.publish.spool import RecordSpool
from kg.records import Contributor, Record, Source


def _record(title: str, name: str, year: int | None, topic: str, line: int) -> Record:
    return Record(
        title=title,
        contributors=(Contributor(name, "person"),) if name else (),
        year=year,
        topics=(topic,),
        source=Source("page.txt", line),
    )


RECORDS = st.lists(
    st.builds(
        _record,
        st.sampled_from(["A title", "a TITLE!", "Another"]),
        st.sampled_from(["", "Jane Doe", "jane doe"]),
        st.sampled_from([None, 2020, 2021]),
        st.sampled_from(["crime", "health"]),
        st.integers(1, 10_000),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(records=RECORDS)
def test_the_spool_merges_cross_posts_as_merge_records_does(
    tmp_path_factory: pytest.TempPathFactory, records: list[Record]
) -> None:
    spool = RecordSpool(tmp_path_factory.mktemp("spool") / "records.pickle")
    spool.write(iter(records))
    expected = merge_records(records)
    assert list(spool) == expected
    assert list(spool) == expected  # read again: the same
    assert spool.count == len({merge_key(r) for r in records})


def test_many_batches(tmp_path: Path) -> None:
    records = [_record(f"Title {n}", "Jane Doe", 2020, "crime", n) for n in range(2500)]
    spool = RecordSpool(tmp_path / "records.pickle")
    spool.write(records + records[:3])
    assert list(spool) == merge_records(records + records[:3])
    spool.remove()
    assert not spool.path.exists()

"""Keys assigned over a spool in a child process: the same ledger and the same keys per batch as
`assign_keys` in memory, and the child's failures reach the build as themselves."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import read_records
from kg.ingest.authority import Authority, load_authority
from kg.publish.child import in_child, started_in_child
from kg.publish.claims import kept, second_claims
from kg.publish.keys import assign_keys, assign_spool_keys, batch_keys, batch_keys_of
from kg.publish.spool import RecordSpool
from kg.records import Record
from tests.conftest import ROOT, SAMPLE, fixture_lexicon

HEADER = "Open Access Publisher and Free Library\n\nCRIME\n\n"
WORK = "Courts and Work\n\nBy John Doe\n\nAn abstract.\n\nLondon: Harbour Press, 2021. 10p.\n\n"


@pytest.fixture(scope="module")
def authority() -> Authority:
    return load_authority(ROOT / "vocab" / "agents.ttl", "http://example.org/id/")


@pytest.fixture(scope="module")
def records(authority: Authority) -> list[Record]:
    return list(read_records(SAMPLE, authority))


@pytest.mark.parametrize("batch_size", [1, 3, 500])
@pytest.mark.parametrize("earlier", [False, True])
def test_spool_keys_are_the_keys_assign_keys_gives(
    tmp_path: Path, authority: Authority, records: list[Record], batch_size: int, earlier: bool
) -> None:
    ledger_file = tmp_path / "ledger.tsv"
    old = ""
    if earlier:  # a ledger that knows half the records already
        old = assign_keys(records[::2], authority, "", "ledger").ledger_text
        ledger_file.write_text(old, encoding="utf-8")
    spool = RecordSpool(tmp_path / "records.pickle")
    spool.write(records)
    keys = assign_spool_keys(spool, authority, ledger_file, tmp_path / "scratch", batch_size)
    expected = assign_keys(records, authority, old, str(ledger_file))
    assert keys.ledger.read_text(encoding="utf-8") == expected.ledger_text
    assert keys.tombstones == expected.tombstones
    assert keys.minted == expected.minted > 0
    assert keys.learned
    batches = [records[i : i + batch_size] for i in range(0, len(records), batch_size)]
    assert list(batch_keys(keys)) == [
        batch_keys_of(batch, expected.table, authority) for batch in batches
    ]


@pytest.mark.parametrize("batch_size", [1, 4, 500])
def test_second_claims_are_found_in_the_child_and_their_records_get_no_batch(
    tmp_path: Path, batch_size: int
) -> None:
    """Two versions of one work (a corrected copy beside the original): the child, which holds
    the key table, finds the second claim that `second_claims` finds in memory; the batches'
    keys are those of the records left to map, periodicals' keys included."""
    lexicon = fixture_lexicon()
    (tmp_path / "page.txt").write_text(HEADER + WORK, encoding="utf-8")
    (tmp_path / "page-2.txt").write_text(HEADER + WORK.replace("10p.", "12p."), encoding="utf-8")
    pages = [SAMPLE, tmp_path / "page.txt", tmp_path / "page-2.txt"]
    records = [r for page in pages for r in read_records(page, lexicon)]
    spool = RecordSpool(tmp_path / "records.pickle")
    spool.write(records)
    assert list(spool) == records  # two versions, not cross-posts
    keys = assign_spool_keys(
        spool,
        lexicon.authority,
        tmp_path / "ledger.tsv",
        tmp_path / "s",
        batch_size,
        lexicon.periodicals,
    )
    expected = assign_keys(records, lexicon.authority, "", "ledger", lexicon.periodicals)
    dropped = second_claims(records, len(records), expected.table)
    assert keys.dropped == dropped
    assert [str(r.source) for r in dropped.values()] == [str(records[-2].source)]
    to_map = list(kept(records, dropped))
    assert len(to_map) == len(records) - 1
    batches = [to_map[i : i + batch_size] for i in range(0, len(to_map), batch_size)]
    named = list(batch_keys(keys))
    assert named == [
        batch_keys_of(b, expected.table, lexicon.authority, lexicon.periodicals) for b in batches
    ]
    assert any(kind == "periodical" for batch in named for kind, _ in batch)


def test_a_ledger_that_learns_nothing_is_not_saved(
    tmp_path: Path, authority: Authority, records: list[Record]
) -> None:
    ledger_file = tmp_path / "ledger.tsv"
    ledger_file.write_text(assign_keys(records, authority, "", "l").ledger_text, encoding="utf-8")
    spool = RecordSpool(tmp_path / "records.pickle")
    spool.write(records)
    keys = assign_spool_keys(spool, authority, ledger_file, tmp_path / "scratch", 500)
    assert not keys.learned and keys.minted == 0


def _bad_ledger() -> None:
    raise InputError("data/ledger.tsv", 7, "not a ledger row", "restore it from version control")


def _dies() -> None:
    os._exit(3)


def _waits_for(signal: Path) -> str:
    for _ in range(200):
        if signal.exists():
            return "saw the signal"
        time.sleep(0.05)
    return "no signal within 10 s"


def _answer(x: int, y: int) -> dict[str, int]:
    return {"sum": x + y, "pid": os.getpid()}


def test_a_child_step_answers_from_another_process() -> None:
    answer = in_child(_answer, 2, 3)
    assert answer["sum"] == 5 and answer["pid"] != os.getpid()


def test_a_started_child_step_runs_while_this_process_goes_on(tmp_path: Path) -> None:
    signal = tmp_path / "go"
    running = started_in_child(_waits_for, signal)
    signal.write_text("now")  # written after the start: a step run to its end first never sees it
    assert running.result() == "saw the signal"


def test_a_started_child_step_can_be_stopped(tmp_path: Path) -> None:
    running = started_in_child(_waits_for, tmp_path / "never")
    running.stop()
    assert not running._process.is_alive()


def test_a_child_steps_input_error_keeps_its_file_and_line() -> None:
    with pytest.raises(InputError) as caught:
        in_child(_bad_ledger)
    assert (caught.value.file, caught.value.line) == ("data/ledger.tsv", 7)
    assert str(caught.value) == (
        "data/ledger.tsv:7: not a ledger row — restore it from version control"
    )


def test_a_child_step_that_dies_is_an_error_not_a_hang() -> None:
    with pytest.raises(RuntimeError, match="a build step died \\(_dies, exit 3\\)"):
        in_child(_dies)

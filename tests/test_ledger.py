"""Stable keys (issue 4, must show 3): the ledger keeps every key across shuffled, added and
corrected records, never reuses one, and records merges as `dcterms:isReplacedBy`."""

from __future__ import annotations

import gzip
import random
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.ingest import read_records
from kg.ingest.authority import Agent, Authority, load_authority
from kg.mapping.fingerprints import Ref
from kg.mapping.ledger import Ledger
from kg.namespaces import DCTERMS
from kg.publish import build
from kg.publish.keys import assign_keys
from kg.records import Record
from tests.conftest import ROOT, SAMPLE, make_config

TEACHERS = "Sexual Harassment of Teachers\n"
EXTRA_PAGE = """Open Access Publisher and Free Library

VICTIMIZATION

A New Report on Witness Protection

By Heather Wolbers

What witnesses need.

Canberra: Australian Institute of Criminology, 2025. 12p.
"""


@pytest.fixture(scope="module")
def sample_records() -> list[Record]:
    authority = load_authority(ROOT / "vocab" / "agents.ttl", "http://example.org/id/")
    return list(read_records(SAMPLE, authority))


def _authority() -> Authority:
    return load_authority(ROOT / "vocab" / "agents.ttl", "http://example.org/id/")


def test_shuffled_records_keep_their_keys(sample_records: list[Record]) -> None:
    first = assign_keys(sample_records, _authority(), "", "ledger")
    shuffled = sample_records[:]
    random.Random(4).shuffle(shuffled)
    again = assign_keys(shuffled, _authority(), first.ledger_text, "ledger")
    assert again.table == first.table
    assert again.ledger_text == first.ledger_text
    assert again.minted == 0


def test_a_fresh_ledger_in_any_order_gives_the_same_keys(sample_records: list[Record]) -> None:
    shuffled = sample_records[::-1]
    assert (
        assign_keys(shuffled, _authority(), "", "l").table
        == assign_keys(sample_records, _authority(), "", "l").table
    )


def test_a_corrected_title_keeps_its_key(sample_records: list[Record]) -> None:
    first = assign_keys(sample_records, _authority(), "", "ledger")
    corrected = [
        r.with_changes(title="Sexual Harassment of Teachers in Schools")
        if r.title == "Sexual Harassment of Teachers"
        else r
        for r in sample_records
    ]
    again = assign_keys(corrected, _authority(), first.ledger_text, "ledger")
    assert set(again.table.values()) == set(first.table.values())
    assert again.minted == 0
    assert "sexual harassment of teachers in schools" in again.ledger_text
    assert not any(t.type == "work" for t in again.tombstones)


def test_a_different_work_of_the_same_author_and_year_is_not_a_correction() -> None:
    ledger = Ledger()
    old = ledger.resolve([Ref("work", "work|crime in cities|2024|jane doe")])
    new = ledger.resolve([Ref("work", "work|drug markets online|2024|jane doe")])
    assert set(old.values()).isdisjoint(new.values())


def test_keys_are_never_reused_even_on_a_hash_collision() -> None:
    ledger = Ledger.from_text("work\tabcdefghjk\tfingerprint\tx\n")
    table = ledger.resolve([Ref("work", "work|new|2024|a")])
    assert "abcdefghjk" not in table.values()
    # Force a collision: a fingerprint whose hash key is already taken gets a salted key.
    from kg.iris import opaque_key

    taken = opaque_key("work|y|2024|b")
    ledger = Ledger.from_text(f"work\t{taken}\tfingerprint\tsomething else\n")
    (key,) = ledger.resolve([Ref("work", "work|y|2024|b")]).values()
    assert key != taken


def test_ledger_text_round_trips_and_is_sorted() -> None:
    ledger = Ledger()
    ledger.resolve([Ref("place", "place|b"), Ref("place", "place|a\twith tab")])
    text = ledger.to_text()
    assert Ledger.from_text(text).rows == ledger.rows
    rows = [x for x in text.splitlines() if not x.startswith("#")]
    assert rows == sorted(rows)


def test_a_name_the_authority_now_knows_is_merged() -> None:
    ledger_text = assign_keys(_one("Jane Q. Doe"), Authority(), "", "l").ledger_text
    authority = Authority([Agent("jane-doe", "person", "Jane Doe", variants=("Jane Q. Doe",))])
    keys = assign_keys(_one("Jane Doe"), authority, ledger_text, "l")
    (merged,) = [t for t in keys.tombstones if t.type == "person"]
    assert merged.replaced_by == ("person", "jane-doe")
    assert "replaced_by\tperson/jane-doe" in keys.ledger_text


def _one(name: str) -> list[Record]:
    from kg.records import Contributor, Source

    return [Record("A Work", Source("x", 1), (Contributor(name, "person"),), year=2020)]


def _iris(summary_dump: Path) -> set[str]:
    graph = Graph().parse(data=gzip.decompress(summary_dump.read_bytes()), format="nt")
    return {
        str(s) for s in graph.subjects() if isinstance(s, URIRef) and "/id/" in s and "#" not in s
    }


def test_rebuild_after_shuffle_add_and_correction_keeps_every_uri(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    before = _iris(build(config).dump())
    data = tmp_path / "data"
    data.mkdir()
    page = SAMPLE.read_text(encoding="utf-8").replace(
        TEACHERS, "Sexual Harassment of Teachers in Schools\n"
    )
    (data / "000_8c7e17bedec4a9c3.txt").write_text(page, encoding="utf-8")
    (data / "000_0_new.txt").write_text(EXTRA_PAGE, encoding="utf-8")
    summary = build(make_config(tmp_path, data_dir=data))
    assert summary.read == 21
    after = _iris(summary.dump())
    assert before - after == set()
    assert len(after - before) == 1  # the added work; its author and publisher existed


def test_a_withdrawn_record_leaves_a_tombstone_and_a_merge_redirects(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    build(config)
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(SAMPLE, data / "page.txt")
    text = (data / "page.txt").read_text(encoding="utf-8")
    start = text.index(TEACHERS)
    end = text.index("The Social Organization of Sexual Assault")
    (data / "page.txt").write_text(text[:start] + text[end:], encoding="utf-8")
    summary = build(make_config(tmp_path, data_dir=data))
    assert summary.read == 19
    import json

    manifest = json.loads((summary.release.path / "manifest.json").read_text())
    withdrawn = [t for t in manifest["tombstones"] if t["replaced_by"] is None]
    assert any("/id/work/" in t["iri"] for t in withdrawn)
    graph = Graph().parse(data=gzip.decompress(summary.dump().read_bytes()), format="nt")
    # No work was merged (deprecated vocabulary concepts carry isReplacedBy too: not counted).
    merged = [
        s for s, _, _ in graph.triples((None, DCTERMS.isReplacedBy, None)) if "/id/work/" in s
    ]
    assert not merged


def test_a_corrected_name_keeps_its_key_and_a_new_name_does_not_take_it() -> None:
    ledger = Ledger()
    (old,) = ledger.resolve([Ref("person", "person|heather wolbres")]).values()
    corrected = ledger.resolve([Ref("person", "person|heather wolbers")])
    assert list(corrected.values()) == [old]
    other = Ledger.from_text(ledger.to_text())
    (new,) = other.resolve([Ref("person", "person|maggie dent")]).values()
    assert new != old


def test_renaming_an_authority_entry_keeps_the_keys_of_its_works(
    sample_records: list[Record], tmp_path: Path
) -> None:
    """A specialist renames an agent and keeps the old name as a variant: the works it is
    first contributor of keep their keys (their fingerprints name the first contributor)."""
    first = assign_keys(sample_records, _authority(), "", "ledger")
    agents = tmp_path / "agents.ttl"
    text = (ROOT / "vocab" / "agents.ttl").read_text(encoding="utf-8")
    renamed = text.replace(
        'skos:prefLabel "International Justice Mission"@en ;',
        'skos:prefLabel "International Justice Mission (Global)"@en ;\n'
        '    skos:altLabel "International Justice Mission"@en ;',
    )
    assert renamed != text
    agents.write_text(renamed, encoding="utf-8")
    authority = load_authority(agents, "http://example.org/id/")
    records = list(read_records(SAMPLE, authority))
    renamed_agent = authority.lookup("International Justice Mission")
    assert renamed_agent is not None
    assert renamed_agent.name == "International Justice Mission (Global)"
    again = assign_keys(records, authority, first.ledger_text, "ledger")
    work_keys = {k for (t, _), k in first.table.items() if t == "work"}
    assert {k for (t, _), k in again.table.items() if t == "work"} == work_keys
    assert again.tombstones == first.tombstones

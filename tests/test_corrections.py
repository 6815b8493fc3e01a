"""Corrections in data/corrections.jsonl, and two live records of one work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest.corrections import read_corrections, record_key
from kg.namespaces import KG
from kg.publish import build
from kg.store import open_build_store
from tests.conftest import ROOT, fixture_lexicon, make_config

HEADER = "Open Access Publisher and Free Library\n\nCRIME\n\n"
MISREAD = (
    "Fraud Against Older People\n\nBy Jane Roe\n\nA study of scams.\n\n"
    "Northland Fraud Monitor, 2022. 39p.\n\n"
)
OTHER = "Courts and Work\n\nBy John Doe\n\nAn abstract.\n\nLondon: Harbour Press, 2021. 10p.\n\n"


def _key_of(page: Path, title: str) -> str:
    from kg.ingest import read_records

    (record,) = [r for r in read_records(page, fixture_lexicon()) if r.title == title]
    return record_key(record)


def _works(summary: object) -> dict[str, dict[str, object]]:
    """Title → the work's IRI, journal name and corrected fields, read from the build's store."""
    corrected = KG.correctedField.n3()
    query = f"""
        PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX schema: <https://schema.org/>
        SELECT ?work ?title ?journal ?field WHERE {{
          ?work a schema:CreativeWork ; dcterms:title ?title .
          OPTIONAL {{ ?work schema:isPartOf+ ?j . ?j a schema:Periodical ; schema:name ?journal }}
          OPTIONAL {{ ?work {corrected} ?field }} }}"""
    root = summary.release.path.parent.parent  # type: ignore[attr-defined]
    with open_build_store(root) as store:
        rows = json.loads(store.query(query).body)["results"]["bindings"]
    out: dict[str, dict[str, object]] = {}
    for row in rows:
        entry = out.setdefault(
            row["title"]["value"], {"iri": row["work"]["value"], "fields": set()}
        )
        if "journal" in row:
            entry["journal"] = row["journal"]["value"]
        if "field" in row:
            entry["fields"].add(row["field"]["value"])  # type: ignore[attr-defined]
    return out


def test_a_correction_fixes_a_misread_record_and_survives_moving_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    page = data / "page.txt"
    page.write_text(HEADER + MISREAD, encoding="utf-8")
    config = make_config(tmp_path, data_dir=data)
    before = _works(build(config))["Fraud Against Older People"]
    assert "journal" not in before  # read as a publisher: the misreading to correct

    key = _key_of(page, "Fraud Against Older People")
    (data / "corrections.jsonl").write_text(
        json.dumps({"key": key, "publishers": [], "journal": {"name": "Northland Fraud Monitor"},
                    "note": "a journal, printed like a publisher"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    page.write_text(HEADER + OTHER + MISREAD, encoding="utf-8")  # the record moved down
    summary = build(config)
    after = _works(summary)["Fraud Against Older People"]
    assert after["journal"] == "Northland Fraud Monitor"
    assert after["fields"] == {"journal", "publishers"}
    assert after["iri"] == before["iri"]  # the work keeps its IRI
    assert summary.notices == ()


def test_a_corrected_title_keeps_the_work_iri(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    page = data / "page.txt"
    page.write_text(HEADER + MISREAD, encoding="utf-8")
    config = make_config(tmp_path, data_dir=data)
    before = _works(build(config))["Fraud Against Older People"]
    row = {"key": _key_of(page, "Fraud Against Older People"), "title": "Frauds on the Old",
           "year": 2021}  # fmt: skip
    (data / "corrections.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    after = _works(build(config))["Frauds on the Old"]
    assert after["iri"] == before["iri"]
    assert after["fields"] == {"title", "year"}


def test_a_correction_whose_record_is_gone_is_reported_at_its_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "page.txt").write_text(HEADER + OTHER, encoding="utf-8")
    (data / "corrections.jsonl").write_text(
        '\n{"key": "r-0000000000", "year": 1999}\n', encoding="utf-8"
    )
    summary = build(make_config(tmp_path, data_dir=data))
    (notice,) = summary.notices
    assert notice.startswith(f"{data / 'corrections.jsonl'}:2: no record has the correction key")
    assert notice in summary.describe()


@pytest.mark.parametrize(
    ("line", "expect"),
    [
        ("{not json", "not valid JSON"),
        ('{"year": 2020}', "no correction key"),
        ('{"key": "r-0000000000", "colour": "red"}', "cannot correct colour"),
        ('{"key": "r-0000000000"}', "no field to correct"),
    ],
)
def test_a_bad_correction_names_its_line_and_the_fix(
    tmp_path: Path, line: str, expect: str
) -> None:
    path = tmp_path / "corrections.jsonl"
    path.write_text("\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_corrections(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:2: {expect}")
    assert " — " in message


def test_the_corrections_file_is_not_read_as_records(tmp_path: Path) -> None:
    from kg.ingest import source_files

    (tmp_path / "corrections.jsonl").write_text('{"key": "r-0000000000", "year": 1}\n')
    (tmp_path / "page.txt").write_text(HEADER + OTHER)
    assert source_files([tmp_path]) == [tmp_path / "page.txt"]


def test_a_corrected_copy_beside_the_original_publishes_one_and_names_both(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "page.txt").write_text(HEADER + OTHER, encoding="utf-8")
    config = make_config(tmp_path, data_dir=data)
    first = _works(build(config))["Courts and Work"]
    # A corrected copy of the page, put beside the original: the ledger knows the work, and
    # the corrected title matches it.
    corrected = OTHER.replace("Courts and Work", "Courts & Work")
    (data / "page-2.txt").write_text(HEADER + corrected.replace("10p.", "12p."), encoding="utf-8")
    summary = build(config)
    assert (summary.read, summary.published, summary.rejected) == (2, 1, 1)
    (second,) = summary.quarantined
    assert str(second.source) == "data/page.txt:5"
    assert "data/page-2.txt:5" in " ".join(second.messages)
    works = _works(summary)
    assert list(works) == ["Courts & Work"]  # one work, one title
    assert works["Courts & Work"]["iri"] == first["iri"]


def test_two_posts_of_one_record_that_disagree_are_two_versions_not_cross_posts(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.txt").write_text(HEADER + OTHER, encoding="utf-8")
    (data / "b.txt").write_text(HEADER + OTHER.replace("10p.", "12p."), encoding="utf-8")
    (data / "c.txt").write_text(HEADER.replace("CRIME", "PUNISHMENT") + OTHER, encoding="utf-8")
    summary = build(make_config(tmp_path, data_dir=data))
    assert (summary.read, summary.published, summary.rejected) == (2, 1, 1)
    (second,) = summary.quarantined
    assert str(second.source) == "data/a.txt:5"  # a.txt and c.txt are cross-posts, merged
    assert "data/b.txt:5" in " ".join(second.messages)


def test_the_fixture_lexicon_is_the_repos_plus_the_test_agents() -> None:
    assert ROOT.joinpath("tests/fixtures/agents.ttl").exists()
    assert fixture_lexicon().authority.lookup("Alliance for Better Cities") is not None

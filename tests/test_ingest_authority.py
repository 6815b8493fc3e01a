"""The agent authority file resolves variant names; unknown near-duplicates are only reported."""

from __future__ import annotations

import json
from pathlib import Path

from kg.ingest import Lexicon, load_lexicon, read_source
from kg.ingest.review import Review
from kg.records import Record
from tests.conftest import ROOT, SAMPLE
from tests.test_ingest_cli import kg_parse

LEX: Lexicon = load_lexicon(ROOT / "vocab", "http://kg.invalid/id/")
RECORD = "{title}\n\nBy {byline}\n\nAn abstract.\n\n{imprint}\n\n"


def _records(path: Path) -> list[Record]:
    return [r for r in read_source(path, LEX) if isinstance(r, Record)]


def test_variant_names_of_the_sample_page_resolve_to_one_agent() -> None:
    by_title = {r.title[:25]: r for r in _records(SAMPLE)}
    osce = by_title["Mapping of Programmes for"]
    assert osce.contributors[0].name == osce.publishers[0]
    assert osce.publishers == ("Organization for Security and Co-operation in Europe",)
    assert osce.publisher_as_printed == "OSCE"
    natcen = by_title["Data in the Family justic"]
    assert natcen.publishers == ("National Centre for Social Research",)
    assert natcen.publisher_as_printed == "The National Centre for Social Research (NatCan)"
    csa = by_title["Improving The Response to"]
    assert [c.name for c in csa.contributors] == ["Centre of expertise on child sexual abuse"]
    assert csa.publishers == ("Centre of expertise on child sexual abuse",)
    ijm = [r for r in by_title.values() if "International Justice Mission" in r.publishers]
    assert len(ijm) == 2


def test_authority_entries_carry_acronyms_variants_and_misprints() -> None:
    natcen = LEX.authority.lookup("NatCan")
    assert natcen is not None and natcen.key == "natcen"
    assert LEX.authority.lookup("natcen") is natcen
    assert LEX.authority.lookup("The National Centre for Social Research") is natcen
    assert LEX.authority.lookup("Organisation nobody has heard of") is None


def test_near_duplicates_are_candidates_for_review_never_merged(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        RECORD.format(
            title="One", byline="Maria K. Rossi", imprint="Perth: Harbour Press, 2020. 1p."
        )
        + RECORD.format(
            title="Two", byline="Maria Rossi", imprint="Perth: Harbour Press, 2021. 1p."
        )
        + RECORD.format(
            title="Three", byline="Drug Policy Aliance", imprint="Giffords Law Centre, 2022. 2p."
        )
    )
    records = _records(page)
    assert [c.name for r in records for c in r.contributors] == [
        "Maria K. Rossi", "Maria Rossi", "Drug Policy Aliance",
    ]  # fmt: skip
    assert records[2].publishers == ("Giffords Law Centre",)
    review = Review(LEX.authority)
    for record in records:
        review.observe(record)
    found = {(c.name, c.maybe) for c in review.candidates}
    assert found == {
        ("Maria Rossi", "Maria K. Rossi"),
        ("Drug Policy Aliance", "Drug Policy Alliance"),
        ("Giffords Law Centre", "Giffords Law Center"),
    }
    out = tmp_path / "review.jsonl"
    result = kg_parse(page, "--review", out)
    assert result.returncode == 0
    assert "review " in result.stderr and "vocab/agents.ttl" in result.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {r["name"] for r in rows} == {
        "Maria Rossi",
        "Drug Policy Aliance",
        "Giffords Law Centre",
    }
    assert all(r["source"]["file"] == str(page) for r in rows)


GOVERNMENT_BODIES = [
    "Department of Health and Social Care",
    "Department for Environment, Food and Rural Affairs",
    "Department for Digital, Culture, Media and Sport",
    "Substance Abuse and Mental Health Services Administration",
    "U.S. Immigration and Customs Enforcement",
    "U.S. Customs and Border Protection",
    "Ministry of Public Safety and Solicitor General",
]


def test_government_bodies_whose_names_join_words_with_and_are_one_author() -> None:
    # `and` inside these names parts no two authors (`Department of Health and Social Care`
    # read by the rules alone is the department and a person `Social Care`): the authority
    # file names them.
    from kg.ingest.authority import load_authority
    from kg.ingest.byline import parse_byline

    authority = load_authority(ROOT / "vocab" / "agents.ttl", "http://example.org/id/")
    for body in GOVERNMENT_BODIES:
        got = parse_byline(f"By {body}", authority)
        assert [(c.name, c.kind) for c in got] == [(body, "organization")], body
    acronyms = {"DHSC": GOVERNMENT_BODIES[0], "SAMHSA": GOVERNMENT_BODIES[3]}
    for acronym, body in acronyms.items():
        assert [c.name for c in parse_byline(f"By {acronym}", authority)] == [body]


def test_bodies_named_without_an_organisation_word_are_in_the_authority_file() -> None:
    # `Forest Trends` has the shape of a person's name: only the authority file tells.
    from kg.ingest.authority import load_authority
    from kg.ingest.byline import parse_byline

    authority = load_authority(ROOT / "vocab" / "agents.ttl", "http://example.org/id/")
    for body in ("Forest Trends", "Forensic Architecture", "Rape Crisis England & Wales"):
        got = parse_byline(f"By {body}", authority)
        assert [(c.name, c.kind) for c in got] == [(body, "organization")], body

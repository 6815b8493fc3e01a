"""The sample page against the cataloguer's golden JSON Lines on every key they wrote."""

from __future__ import annotations

import json

from kg.ingest import load_lexicon, read_source
from kg.records import Record
from tests.conftest import EXPECTED, ROOT, SAMPLE
from tests.test_ingest_variants import normalise

# `notes` is the cataloguer's prose about a record, not a value a parser produces.
PROSE_KEYS = {"notes"}


def test_every_golden_key_of_every_record_matches() -> None:
    lex = load_lexicon(ROOT / "vocab", "http://kg.invalid/id/")
    got = [r.to_json() for r in read_source(SAMPLE, lex) if isinstance(r, Record)]
    expected = [json.loads(x) for x in EXPECTED.read_text(encoding="utf-8").splitlines()]
    assert len(got) == len(expected) == 20
    keys = {k for e in expected for k in e} - PROSE_KEYS
    assert {"publisher_acronym", "publisher_unit", "publisher_as_printed"} <= keys
    wrong = [
        (e["title"][:30], key, e[key], g.get(key))
        for e, g in zip(expected, got, strict=True)
        for key in e
        if key not in PROSE_KEYS and normalise(e[key]) != normalise(g.get(key))
    ]
    assert wrong == []


def test_records_keep_what_was_printed() -> None:
    lex = load_lexicon(ROOT / "vocab", "http://kg.invalid/id/")
    records = [r for r in read_source(SAMPLE, lex) if isinstance(r, Record)]
    rideshare = next(r for r in records if r.report_id == "GAO-24-107093")
    assert rideshare.edition_note == "Reissued with revisions on Oct. 25, 2024"
    assert "[Reissued" in (rideshare.as_printed.title or "")
    consent = next(r for r in records if r.title.startswith("The Limits of Consent"))
    assert consent.as_printed.byline is not None and "\u00a0" in consent.as_printed.byline
    assert consent.as_printed.imprint == "Cham: Springer Nature, 2024. 138p."
    assert all(r.topics == ("VICTIMIZATION",) for r in records)

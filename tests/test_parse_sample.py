"""`kg parse` on the sample page against what a cataloguer reads from it."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import EXPECTED, ROOT, SAMPLE

CONTRACT_KEYS = (
    "title", "contributors", "publishers", "places", "year", "page_count",
    "series", "journal", "report_id", "section",
)  # fmt: skip


def _parse(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", "parse", *args],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_parse_finds_every_record_with_every_contract_key() -> None:
    result = _parse(str(SAMPLE))
    assert result.returncode == 0, result.stderr
    got = [json.loads(line) for line in result.stdout.splitlines()]
    expected = [json.loads(line) for line in EXPECTED.read_text().splitlines()]
    assert len(got) == len(expected) == 20
    for record in got:
        assert set(CONTRACT_KEYS) | {"source"} <= set(record)
        assert record["source"]["file"].endswith("000_8c7e17bedec4a9c3.txt")
        assert record["source"]["line"] > 0


def test_parse_matches_the_cataloguer_on_every_contract_key() -> None:
    got = [json.loads(line) for line in _parse(str(SAMPLE)).stdout.splitlines()]
    expected = [json.loads(line) for line in EXPECTED.read_text().splitlines()]
    mismatches = [
        (e["title"][:40], key, e[key], g[key])
        for e, g in zip(expected, got, strict=True)
        for key in CONTRACT_KEYS
        if e[key] != g[key]
    ]
    assert mismatches == []


def test_parse_reports_counts_on_stderr_and_only_json_on_stdout() -> None:
    result = _parse(str(SAMPLE))
    assert "read 20 records: 20 parsed, 0 rejected" in result.stderr
    for line in result.stdout.splitlines():
        json.loads(line)


def test_source_line_points_at_the_title() -> None:
    got = [json.loads(line) for line in _parse(str(SAMPLE)).stdout.splitlines()]
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    for record in got:
        printed = lines[record["source"]["line"] - 1]
        assert record["title"].split()[0] in printed

"""`kg parse`: counts on stderr, --strict, --rejects, --merge; read = parsed + rejected."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SAMPLE

RECORD = "{title}\n\nBy Jane Roe\n\nAn abstract.\n\nLondon: Harbour Press, 2021. 10p.\n\n"
HEADER = "Open Access Publisher and Free Library\n\n{section}\n\nPosts in {category}\n\n"


def kg_parse(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", "parse", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip


def records(result: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_rejected_record_is_counted_reported_and_written(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    # The second record has a byline but no title before it.
    page.write_text(
        RECORD.format(title="First")
        + "By John Doe\n\nThis record has no title.\n\nLondon: Harbour Press, 2021. 10p.\n\n"
        + RECORD.format(title="Third"),
        encoding="utf-8",
    )
    rejects = tmp_path / "rejects.jsonl"
    result = kg_parse(page, "--rejects", rejects)
    assert result.returncode == 0
    assert [r["title"] for r in records(result)] == ["First", "Third"]
    assert "read 3 records: 2 parsed, 1 rejected" in result.stderr
    assert f"{page}:9: a byline with no title" in result.stderr
    (rejected,) = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert rejected["source"] == {"file": str(page), "line": 9}
    assert rejected["printed"][0] == "By John Doe"


def test_explain_gives_every_line_a_role_and_each_record_its_correction_key(
    tmp_path: Path,
) -> None:
    page = tmp_path / "p.txt"
    page.write_text(
        HEADER.format(section="CRIME", category="Policing") + RECORD.format(title="One")
    )
    result = kg_parse("--explain", page)
    assert result.returncode == 0
    rows = result.stdout.splitlines()
    roles = [row.split()[1] for row in rows[:-1] if row.split()[1] != "record"]
    assert roles == ["header", "header", "header", "title", "byline", "abstract", "imprint"]
    (verdict,) = [row for row in rows if row.split()[1] == "record"]
    assert verdict.startswith(f"{page}:7  record 1  parsed  correction key r-")
    assert rows[-1] == f"{page}: 14 lines: 1 records, 7 blank"


def test_strict_makes_a_rejection_exit_1(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("By Jane Roe\n\nAn abstract.\n\nLondon: Harbour Press, 2021. 10p.\n", "utf-8")
    assert kg_parse(page).returncode == 0
    result = kg_parse("--strict", page)
    assert result.returncode == 1
    assert "read 1 records: 0 parsed, 1 rejected" in result.stderr
    assert "no title" in result.stderr


def test_merge_joins_cross_posts_with_the_union_of_topics(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(HEADER.format(section="CRIME", category="Policing") + RECORD.format(title="Same"))
    b.write_text(
        HEADER.format(section="VICTIMIZATION", category="violence and oppression")
        + RECORD.format(title="Other")
        + RECORD.format(title="Same  ")
    )
    plain = kg_parse(a, b)
    assert len(records(plain)) == 3
    merged = records(kg_parse("--merge", a, b))
    assert [r["title"] for r in merged] == ["Same", "Other"]
    same = merged[0]
    assert same["topics"] == ["CRIME", "Policing", "VICTIMIZATION", "Violence and Oppression"]
    assert same["source"] == {"file": str(a), "line": 7}
    assert same["sources"] == [{"file": str(a), "line": 7}, {"file": str(b), "line": 15}]


def test_counts_on_stderr_and_only_json_on_stdout() -> None:
    result = kg_parse(SAMPLE)
    assert result.stderr.strip().splitlines()[-1] == "read 20 records: 20 parsed, 0 rejected"
    assert all(isinstance(r, dict) for r in records(result))


def test_a_run_without_the_vocabulary_folder_says_so_and_how_to_point_to_it(
    tmp_path: Path,
) -> None:
    # Without the authority file and the place list, places and bodies read worse: never
    # silently.
    result = subprocess.run(
        [sys.executable, "-m", "kg", "parse", str(SAMPLE)],
        cwd=tmp_path, capture_output=True, text=True, check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    warning = result.stderr.splitlines()[0]
    assert str(tmp_path / "vocab") in warning and "KG_VOCAB_DIR" in warning, result.stderr
    assert "agents.ttl" in warning and "places.ttl" in warning


def test_a_run_in_the_project_folder_says_nothing_of_the_vocabulary() -> None:
    assert "KG_VOCAB_DIR" not in kg_parse(SAMPLE).stderr

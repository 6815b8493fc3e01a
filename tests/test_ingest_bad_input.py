"""Bad input: each problem is one line `file:line: what is wrong — what to do`, counts stay right
(read = parsed + rejected) and nothing crashes."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.ingest.page import read_page
from kg.ingest.segment import WINDOW
from tests.conftest import SAMPLE
from tests.test_ingest_cli import kg_parse, records

ONE_LINE = re.compile(r"^\S+:\d+: .+ — .+$")
PAGE = (
    "Open Access Publisher and Free Library\n\nCRIME\n\n"
    "Café Society: Crime in “Paris”\n\nBy José Núñez\n\nAn abstract.\n\n"
    "Paris: Éditions Noir, 2019. 20p.\n"
)


def problem_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("read ")]


def assert_one_clear_line(stderr: str, path: Path, expect: str) -> None:
    assert "Traceback" not in stderr
    (line,) = problem_lines(stderr)
    assert ONE_LINE.match(line), line
    assert line.startswith(f"{path}:")
    assert expect in line


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = kg_parse(path)
    assert result.returncode == 0
    assert_one_clear_line(result.stderr, path, "empty file")
    assert "read 0 records: 0 parsed, 0 rejected" in result.stderr


def test_a_page_with_only_its_header_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "header-only.txt"
    path.write_text("Open Access Publisher and Free Library\n\nCRIME\n\n", "utf-8")
    result = kg_parse(path)
    assert result.returncode == 0
    assert_one_clear_line(result.stderr, path, "no records found")


def test_text_after_the_header_that_makes_no_record_is_rejected_at_its_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "no-record.txt"
    path.write_text(
        "Open Access Publisher and Free Library\n\nCRIME\n\nNothing here yet.\n", "utf-8"
    )
    result = kg_parse("--strict", path)
    assert result.returncode == 1
    assert "read 1 records: 0 parsed, 1 rejected" in result.stderr
    assert f"rejected {path}:5: a title with no byline and no imprint" in result.stderr


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, bytes(range(256)) * 40],
    ids=["png", "bytes"],
)
def test_binary_data(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(data)
    result = kg_parse(path, SAMPLE)
    assert result.returncode == 1
    assert_one_clear_line(result.stderr, path, "binary data")
    assert len(records(result)) == 20  # the other file is still read
    assert "read 20 records: 20 parsed, 0 rejected; 1 file(s) could not be read" in result.stderr


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("cp1252", "Windows-1252"),
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16 (little-endian, no BOM)"),
        ("utf-16-be", "UTF-16 (big-endian, no BOM)"),
    ],
)
def test_other_encodings_are_decoded_with_a_warning(tmp_path: Path, codec: str, name: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.encode(codec))
    result = kg_parse(path)
    assert result.returncode == 0
    assert_one_clear_line(result.stderr, path, name)
    (record,) = records(result)
    assert record["title"] == "Café Society: Crime in “Paris”"
    assert record["contributors"] == [{"name": "José Núñez", "kind": "person"}]


def test_latin1_bytes_undefined_in_cp1252_are_read_as_latin1(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    text = PAGE.replace("“", "").replace("”", "").replace("An abstract.", "An abstract.\x81")
    path.write_bytes(text.encode("latin-1"))
    result = kg_parse(path)
    assert_one_clear_line(result.stderr, path, "Latin-1")
    assert records(result)[0]["publishers"] == ["Éditions Noir"]


def test_utf8_with_bom_needs_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.encode("utf-8-sig"))
    result = kg_parse(path)
    assert problem_lines(result.stderr) == []
    assert records(result)[0]["title"].startswith("Café")


def test_undecodable_bytes_after_the_sniffed_start_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    filler = "x" * 200 + "\n"
    path.write_bytes((filler * 400).encode() + b"caf\xe9\n")
    result = kg_parse(path)
    assert result.returncode == 1
    assert_one_clear_line(result.stderr, path, "not valid UTF-8")
    assert f"{path}:401:" in result.stderr


def test_a_record_without_title_is_rejected_and_one_without_imprint_is_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "By Nobody Titled\n\nAn abstract.\n\nLondon: Harbour Press, 2020. 10p.\n\n"
        "A Good Record\n\nBy Jane Roe\n\nAn abstract.\n\nLondon: Harbour Press, 2020. 10p.\n\n"
        "No Imprint Here\n\nBy John Doe\n\n"
        "This abstract runs to the end of the page and never gives its citation line at all.\n",
        "utf-8",
    )
    result = kg_parse("--strict", path)
    assert result.returncode == 1
    assert "read 3 records: 2 parsed, 1 rejected" in result.stderr
    rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected ")]
    assert [r.split(": ", 1)[0] for r in rejected] == [f"rejected {path}:1"]
    assert "no title" in rejected[0]
    good, no_imprint = records(result)
    assert (good["year"], no_imprint["title"], no_imprint["year"]) == (
        2020,
        "No Imprint Here",
        None,
    )
    assert no_imprint["abstract"].startswith("This abstract runs to the end")


def test_csv_without_a_title_column(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text("name,year\nSomething,2020\n", "utf-8")
    result = kg_parse(path)
    assert result.returncode == 1
    assert_one_clear_line(result.stderr, path, "no 'title' column")


def test_csv_row_with_missing_cells_and_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text(
        "title,contributors,year,page_count\nGood,Jane Roe,2020,10\nShort,Jane Roe\n"
        "Bad year,Jane Roe,twenty,10\n,Jane Roe,2020,10\n",
        "utf-8",
    )
    rejects = tmp_path / "rejects.jsonl"
    result = kg_parse(path, "--rejects", rejects)
    assert "read 4 records: 1 parsed, 3 rejected" in result.stderr
    reasons = rejects.read_text(encoding="utf-8")
    assert "2 cells but the header has 4 columns" in reasons
    assert "'year' is 'twenty', not a whole number" in reasons
    assert "no title" in reasons


def test_jsonl_with_broken_lines(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(
        '{"title": "Fine", "contributors": [{"name": "Jane Roe"}]}\n{"title": \n[1]\n', "utf-8"
    )
    result = kg_parse(path)
    assert "read 3 records: 1 parsed, 2 rejected" in result.stderr
    assert f"{path}:2: not valid JSON" in result.stderr
    assert f"{path}:3: not a JSON object" in result.stderr


def test_jsonl_with_a_lone_surrogate_escape_is_rejected_not_a_crash(tmp_path: Path) -> None:
    # json.loads accepts "\\ud800" alone, but no encoder can write it back out.
    path = tmp_path / "records.jsonl"
    path.write_text(
        '{"title": "Fine \\ud83d\\ude00"}\n{"title": "Half \\ud800 a pair"}\n'
        '{"title": "Ok", "topics": ["x \\udfff"]}\n',
        "utf-8",
    )
    result = kg_parse(path)
    assert "Traceback" not in result.stderr
    assert "read 3 records: 1 parsed, 2 rejected" in result.stderr
    assert f"{path}:2: a \\u escape of half a surrogate pair" in result.stderr
    assert f"{path}:3: a \\u escape of half a surrogate pair" in result.stderr
    assert [r["title"] for r in records(result)] == ["Fine 😀"]


def test_a_page_is_read_lazily_one_record_at_a_time() -> None:
    """A huge page streams: records come out long before the page has been read."""
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        for line in itertools.chain(
            ["Open Access Publisher and Free Library", "", "CRIME", ""],
            itertools.cycle(
                ["A Title", "", "By Jane Roe", "", "Abstract.", "", "London: X, 2020. 1p.", ""]
            ),
        ):
            consumed += 1
            yield line

    _header, blocks = read_page(endless())
    first = list(itertools.islice(blocks, 1000))
    assert len(first) == 1000
    # Lines are weighed in windows (segment.WINDOW lines ahead at most), never the whole page.
    assert consumed < 1000 * 8 + 2 * WINDOW + 20


def test_a_record_without_byline_is_read_on_its_own_not_swallowed(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "First Record\n\nBy Jane Roe\n\nAn abstract.\n\nLondon: Harbour Press, 2020. 10p.\n\n"
        "Second Record Without Byline\n\nIts abstract.\n\nPerth: Coastal Trust, 2021. 12p.\n\n"
        "Third Record\n\nBy John Doe\n\nAn abstract.\n\nLondon: Harbour Press, 2022. 14p.\n",
        "utf-8",
    )
    result = kg_parse(path)
    assert "read 3 records: 3 parsed, 0 rejected" in result.stderr
    assert f"{path}:9: a record with no byline" in result.stderr
    first, second, third = records(result)
    assert (first["year"], first["page_count"], third["year"]) == (2020, 10, 2022)
    assert (second["title"], second["contributors"], second["publishers"]) == (
        "Second Record Without Byline",
        [],
        ["Coastal Trust"],
    )


def test_a_bylineless_record_with_a_colon_in_its_title_is_not_read_as_an_imprint(
    tmp_path: Path,
) -> None:
    # "Title: Subtitle" has the shape of "Place: Publisher": the record before it must not
    # take it (and what follows) as its imprint and abstract.
    path = tmp_path / "page.txt"
    path.write_text(
        "Drug Courts at Work\n\nBy Jane Roe\n\nAn abstract.\n\n"
        "Canberra: Australian Institute of Criminology, 2021. 40p.\n\n"
        "Online Safety: A Rapid Review\n\nThis review examines what keeps children safe online "
        "and what platforms could do.\n\nLondon: Harbour Press, 2020. 9p.\n",
        "utf-8",
    )
    result = kg_parse(path)
    assert "read 2 records: 2 parsed, 0 rejected" in result.stderr
    first, second = records(result)
    assert (first["publishers"], first["page_count"]) == (
        ["Australian Institute of Criminology"],
        40,
    )
    assert first["abstract"] == "An abstract."
    assert (second["title"], second["publishers"], second["page_count"]) == (
        "Online Safety: A Rapid Review",
        ["Harbour Press"],
        9,
    )


def test_a_label_read_into_the_header_is_said_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "Open Access Publisher and Free Library\n01-crime.jpg\n\nCRIME\n\nRecent Posts\n\n"
        "Knife Crime\n\nBy Ann Lee\n\nAn abstract.\n\nLondon: Home Office, 2020. 30p.\n",
        "utf-8",
    )
    result = kg_parse(path)
    assert f"{path}:6: 'Recent Posts' is read as a label of the page, not a record" in (
        result.stderr
    )
    (record,) = records(result)
    assert record["title"] == "Knife Crime"

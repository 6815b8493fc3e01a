"""Field accuracy of `kg parse`: on the real pages, and on generated pages.

    python bench/accuracy.py --real                    # the real pages kept in tests/fixtures/real
    python bench/accuracy.py --variants                # generated pages, both ways (3,000 each)
    python bench/accuracy.py --changed                 # the real pages changed as copies may be
    python bench/accuracy.py EXPECTED.jsonl PARSED.jsonl   # e.g. pages from bench/generate.py

Real pages: records are paired by title and scored field by field as in bench/fields.py (the
sample page against tests/golden, the dev pages against tests/fixtures/real). Generated pages:
records are paired by `source` (file and line); a missing record counts every field wrong.
Fields: title, each contributor's name and kind, publishers, places, year, page_count, series,
journal, report_id.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

FIELDS = ("title", "contributors", "publishers", "places", "year", "page_count", "series",
          "journal", "report_id")  # fmt: skip


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items() if k != "role"}
    return value


def _key(record: dict[str, Any]) -> tuple[str, int]:
    return (Path(record["source"]["file"]).name, record["source"]["line"])


def share(right: int, total: int) -> str:
    """`right` of `total` as a percentage rounded down to one decimal: 100.0% only when every
    one is right (31,190 of 31,193 is 99.9%, not a rounded-up 100.0%)."""
    return f"{math.floor(1000 * right / max(total, 1)) / 10:.1f}%"


def compare(
    expected: list[dict[str, Any]], parsed: list[dict[str, Any]]
) -> tuple[Counter[str], Counter[str], list[str]]:
    """(right, total) per field, and a list of the first mismatches."""
    got = {_key(r): r for r in parsed}
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses: list[str] = []
    for exp in expected:
        rec = got.get(_key(exp), {})
        for name in FIELDS:
            want, have = _norm(exp.get(name)), _norm(rec.get(name))
            if name == "contributors":
                want = want or []
                have = have or []
                n = max(len(want), len(have), 1)
                total[name] += n
                right[name] += sum(1 for a, b in zip(want, have, strict=False) if a == b)
                right[name] += not want and not have  # no byline, and none read: right
                ok = want == have
            else:
                total[name] += 1
                ok = want == have
                right[name] += ok
            if not ok and len(misses) < 40:
                misses.append(f"{_key(exp)} {name}: want {want!r} got {have!r}")
    return right, total, misses


ROOT = Path(__file__).resolve().parent.parent
REAL_SETS = (
    ("sample page", ROOT / "tests/golden/000_8c7e17bedec4a9c3.expected.jsonl",
     [ROOT / "data/000_8c7e17bedec4a9c3.txt"]),
    ("dev pages", ROOT / "tests/fixtures/real/expected.jsonl",
     sorted((ROOT / "tests/fixtures/real/pages").glob("page-*.txt"))),
)  # fmt: skip


def parse_pages(pages: list[Path]) -> list[dict[str, Any]]:
    """`kg parse` of the pages, in process, as JSON objects."""
    from kg.ingest import load_lexicon, read_source
    from kg.records import Record

    lex = load_lexicon(ROOT / "vocab", "http://localhost:5000/id/")
    return [
        item.to_json() for page in pages for item in read_source(page, lex)
        if isinstance(item, Record)
    ]  # fmt: skip


def real(verbose: bool) -> int:
    sys.path.insert(0, str(ROOT))  # run as a script: bench/ is a package of the checkout
    from bench.fields import FIELDS as REAL_FIELDS
    from bench.fields import score_all

    for label, truth, pages in REAL_SETS:
        want = [json.loads(x) for x in truth.read_text(encoding="utf-8").splitlines() if x]
        score = score_all(want, parse_pages(pages))
        if verbose:
            for line in score.misses:
                print("  miss:", line)
        ok, total = score.points
        print(f"{label}: {len(want) - len(score.lost)} of {len(want)} records found; "
              f"fields {ok}/{total} = {share(ok, total)}")  # fmt: skip
        for name in REAL_FIELDS:
            r, t = score.right[name], score.total[name]
            print(f"  {name:28} {r:>4}/{t:<4} {share(r, t)}")
    return 0


def variants(verbose: bool, records: int = 3000) -> int:
    """Generated pages, both ways: variants one at a time, and drawn independently."""
    import tempfile

    sys.path.insert(0, str(ROOT))
    from bench.generate import generate

    for label, independent in (("generated, one variant at a time", False),
                               ("generated, variants drawn independently", True)):  # fmt: skip
        with tempfile.TemporaryDirectory() as tmp:
            expected = generate(records, Path(tmp), seed=11, per_page=40, independent=independent)
            parsed = parse_pages(sorted(Path(tmp).glob("*.txt")))
        right, total, misses = compare(expected, parsed)
        if verbose:
            for line in misses:
                print("  miss:", line)
        ok, all_ = sum(right.values()), sum(total.values())
        print(f"{label}: {len(parsed)} of {len(expected)} records; fields {ok}/{all_} = "
              f"{share(ok, all_)}")  # fmt: skip
        for name in FIELDS:
            print(f"  {name:14} {right[name]:>6}/{total[name]:<6} "
                  f"{share(right[name], total[name])}")  # fmt: skip
    return 0


def changed(verbose: bool) -> int:
    """The dev pages changed as a copy of the site may change them (bench/page_changes.py)."""
    import functools
    import tempfile

    sys.path.insert(0, str(ROOT))
    from bench.fields import score_all
    from bench.page_changes import (
        CHANGES,
        GLUED,
        abstract_after_imprint_page,
        byline_after_abstract_page,
        changed_page,
        glued_page,
    )

    _label, truth, pages = REAL_SETS[1]
    want = [json.loads(x) for x in truth.read_text(encoding="utf-8").splitlines() if x]
    changes = {name: functools.partial(changed_page, change=c) for name, c in CHANGES.items()}
    changes |= {name: functools.partial(glued_page, roles_glued=g) for name, g in GLUED.items()}
    changes["abstracts after the imprint"] = abstract_after_imprint_page
    changes["bylines after the abstract"] = byline_after_abstract_page
    for name, change in changes.items():
        with tempfile.TemporaryDirectory() as tmp:
            copies = []
            for page in pages:
                copy = Path(tmp) / page.name
                copy.write_text(change(page), encoding="utf-8")
                copies.append(copy)
            score = score_all(want, parse_pages(copies))
        ok, total = score.points
        print(f"{name}: {len(want) - len(score.lost)} of {len(want)} records found; "
              f"fields {ok}/{total} = {share(ok, total)}")  # fmt: skip
        if verbose:
            for line in score.misses:
                print("  miss:", line)
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--changed"]:
        return changed(verbose="-v" in argv)
    if argv[:1] == ["--real"]:
        return real(verbose="-v" in argv)
    if argv[:1] == ["--variants"]:
        return variants(verbose="-v" in argv)
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    expected = [json.loads(x) for x in Path(argv[0]).read_text(encoding="utf-8").splitlines()]
    parsed = [json.loads(x) for x in Path(argv[1]).read_text(encoding="utf-8").splitlines()]
    right, total, misses = compare(expected, parsed)
    for line in misses:
        print(line)
    for name in FIELDS:
        print(
            f"{name:14} {right[name]:>7}/{total[name]:<7} {right[name] / max(total[name], 1):.2%}"
        )
    print(f"{'all fields':14} {sum(right.values()):>7}/{sum(total.values()):<7} "
          f"{sum(right.values()) / max(sum(total.values()), 1):.2%}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

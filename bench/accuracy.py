"""Field accuracy of `kg parse` output against expected records (e.g. from bench/generate.py).

    python bench/accuracy.py EXPECTED.jsonl PARSED.jsonl

Records are paired by `source` (file and line); a missing record counts every field wrong.
Fields: title, each contributor's name and kind, publishers, places, year, page_count, series,
journal, report_id.
"""

from __future__ import annotations

import json
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
                ok = want == have
            else:
                total[name] += 1
                ok = want == have
                right[name] += ok
            if not ok and len(misses) < 40:
                misses.append(f"{_key(exp)} {name}: want {want!r} got {have!r}")
    return right, total, misses


def main(argv: list[str]) -> int:
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

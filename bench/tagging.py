"""Tagging throughput: kg's word-token index against one big regular expression of all labels.

    .venv/bin/python -m bench.tagging [--copies N]

Both taggers see the same records (the sample page's 20 records repeated N times) and the
shipped `vocab/topics.ttl`; each is timed in the same run, so the ratio is what to read.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from kg.ingest import read_records
from kg.ingest.authority import load_authority
from kg.vocab.model import load_vocabulary
from kg.vocab.publish import TOPIC_SCHEME
from kg.vocab.tagging import Tagger

ROOT = Path(__file__).resolve().parent.parent
ID = "http://localhost:5000/id/"


def regex_tagger(labels: dict[str, str]) -> re.Pattern[str]:
    """The obvious alternative: longest labels first, whole words, case-insensitive."""
    alternatives = sorted(labels, key=len, reverse=True)
    body = "|".join(re.escape(label) for label in alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=500)
    args = parser.parse_args()
    vocab = load_vocabulary(ROOT / "vocab", ID)
    tagger = Tagger(vocab, [ID + TOPIC_SCHEME])
    labels = {
        lb.text.casefold(): c.iri
        for c in vocab.concepts.values()
        if ID + TOPIC_SCHEME in c.schemes
        for lb in c.labels
    }
    pattern = regex_tagger(labels)
    authority = load_authority(ROOT / "vocab" / "agents.ttl", ID)
    sample = list(read_records(ROOT / "data" / "000_8c7e17bedec4a9c3.txt", authority))
    records = sample * args.copies

    started = time.perf_counter()
    index_tags = sum(len(tagger.tags(r.topics, r.title, r.abstract)) for r in records)
    index_s = time.perf_counter() - started

    started = time.perf_counter()
    regex_tags = 0
    for r in records:
        found = {labels[m.group(0).casefold()] for m in pattern.finditer(r.title)}
        found |= {labels[m.group(0).casefold()] for m in pattern.finditer(r.abstract or "")}
        regex_tags += len(found)
    regex_s = time.perf_counter() - started

    n = len(records)
    print(f"{n} records, {len(labels)} labels")
    print(f"token index : {n / index_s:9.0f} records/s ({index_tags} tags)")
    print(f"one regex   : {n / regex_s:9.0f} records/s ({regex_tags} tags)")
    print(f"ratio index/regex: {regex_s / index_s:.2f}× faster")


if __name__ == "__main__":
    main()

"""The first records of a generated catalogue, with what mapping them needs: shared by the
benchmarks that time one stage in process (bench/shacl.py, bench/map_validate.py)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from kg.ingest import Lexicon, load_lexicon, read_records, source_files
from kg.iris import Iris
from kg.records import Record
from kg.vocab.publish import BuildVocabularies, load_build_vocabularies

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path("/tmp/kg-bench/data-10000")


@dataclass(frozen=True)
class Sample:
    iris: Iris
    lexicon: Lexicon
    vocab: BuildVocabularies
    records: list[Record]


def first_records(data: Path, count: int) -> Sample:
    """The first `count` records of `data` (10,000 generated records, seed 1, made if missing),
    read with the repository's vocabularies."""
    if not data.exists():
        generate = [sys.executable, str(ROOT / "bench" / "generate.py"), "--records", "10000"]
        subprocess.run([*generate, "--out", str(data)], check=True)
    iris = Iris("http://localhost:5000/")
    lexicon = load_lexicon(ROOT / "vocab", iris.id_base)
    vocab = load_build_vocabularies(ROOT / "vocab", iris.id_base)
    records: list[Record] = []
    for path in source_files([data]):
        records += read_records(path, lexicon)
        if len(records) >= count:
            break
    return Sample(iris, lexicon, vocab, records[:count])

"""OAI-PMH list paging at a million works: keyset pages through the harvest index.

    python -m bench.oai_index --works 1000000 [--work /tmp/kg-bench]

Writes a harvest index of `--works` works (over three generations, each in a type set, a section
set and one of 10,000 series, each with MARC 21 and Dublin Core payloads of a real record's size)
the way the build does (`IndexWriter`), then pages through whole lists with the OAI-PMH repository
and the web layer's record source — ListIdentifiers (500 a page) over everything and over one
series, ListRecords in marc21 and oai_dc (100 a page) — timing every page. Prints Markdown rows.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from kg.mapping.iris import Iris

from kg.harvest.history import LIVE, Decision, State
from kg.harvest.index import FILE, HarvestIndex, IndexWriter, go_live
from kg.harvest.records import StoreRecords
from kg.oai.arguments import parse
from kg.oai.repository import Identity, Repository

TOKEN = re.compile(r"<resumptionToken[^>]*>([^<]+)</resumptionToken>")


# Payloads of a real record's size (about 2.5 kB of MARC content), distinct for every work so
# that compression sees realistic data.
WORDS = [
    "crime",
    "victims",
    "justice",
    "policing",
    "court",
    "survey",
    "violence",
    "prevention",
    "prison",
    "youth",
    "harm",
    "report",
    "evidence",
    "community",
    "abuse",
    "trafficking",
    "sentencing",
    "data",
    "method",
    "review",
]


TEXTS = [" ".join(WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(160)) for n in range(97)]


def _payloads(key: str, number: int) -> tuple[str, str]:
    words = TEXTS[number % len(TEXTS)]
    control = (
        f'<leader>00000nam a22000007c 4500</leader><controlfield tag="001">{key}</controlfield>'
        '<controlfield tag="003">example.org</controlfield>'
        '<controlfield tag="008">261206s2024    xx      ot    000 0 eng d</controlfield>'
    )
    field = '<datafield tag="{}" ind1=" " ind2=" "><subfield code="a">{}</subfield></datafield>'
    fields = [field.format("024", f"https://example.org/id/work/{key}")]
    fields += [field.format("245", f"Title {number} {words[:80]}"), field.format("520", words)]
    fields += [field.format("500", words[number % 50 :])]
    dc = (
        f'<oai_dc:dc xmlns:oai_dc="urn:x" xmlns:dc="urn:y"><dc:title>{words}</dc:title></oai_dc:dc>'
    )
    return control + "".join(fields), dc


def write_index(folder: Path, works: int) -> float:
    """An index of `works` works in three generations; seconds it took."""
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for generation in (1, 2, 3):
        previous = folder / f"g{generation - 1}" / FILE
        release = folder / f"g{generation}"
        release.mkdir(exist_ok=True)
        writer = IndexWriter(release / FILE, previous if generation > 1 else None, "bench")
        for number in range(works):
            key = f"{number:010d}"
            changed = generation == 1 or number % (10 * generation) == 0
            sets = f"type type:report section section:crime series series:s{number % 10_000}"
            state = State("work", key, LIVE, None, f"d{generation if changed else 1}", sets)
            past = writer.past("work", key) if generation > 1 else None
            moved = past is None or past.digest != state.digest
            stamp = writer.generation if moved else past.generation  # type: ignore[union-attr]
            activity = "Update" if moved and past else ("Add" if moved else None)
            writer.record(state, Decision(stamp, 1, "260101", activity, sets))
            marc, dc = _payloads(key, number)
            writer.payload(key, marc.encode(), dc.encode())
        names = [("type", "Types"), ("type:report", "Reports"), ("section", "Sections")]
        names += [("section:crime", "Crime"), ("series", "Series")]
        writer.name_sets(names + [(f"series:s{n}", f"Series {n}") for n in range(10_000)])
        writer.finish()
        go_live(release)
    return time.perf_counter() - started


def page_through(repository: Repository, query: dict[str, str]) -> tuple[int, list[float]]:
    """Every page of a list; pages and seconds per page."""
    arguments = {name: [value] for name, value in query.items()}
    times = []
    while True:
        started = time.perf_counter()
        body = repository.respond(parse(arguments), int(time.time()))
        times.append(time.perf_counter() - started)
        token = TOKEN.search(body)
        if token is None:
            return len(times), times
        arguments = {"verb": [query["verb"]], "resumptionToken": [token.group(1)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--works", type=int, default=1_000_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"))
    args = parser.parse_args()
    folder = args.work / f"oai-index-{args.works}"
    if not (folder / "g3" / FILE).exists():
        print(f"| write the index, 3 generations | {write_index(folder, args.works):.0f} s |")
    index = HarvestIndex(folder / "g3" / FILE)
    identity = Identity("bench", "http://example.org/oai", "a@example.org", "example.org")
    iris = Iris("https://example.org/")
    # Every record of marc21 and oai_dc is stored: the store is never asked (none is open).
    records = StoreRecords(None, index, iris, "example.org")  # type: ignore[arg-type]
    repository = Repository(index, records, identity, b"secret")
    for label, query in (
        ("ListIdentifiers, everything", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}),
        ("ListIdentifiers, one series", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc",
                                         "set": "series:s42"}),
        ("ListRecords marc21", {"verb": "ListRecords", "metadataPrefix": "marc21"}),
        ("ListRecords oai_dc", {"verb": "ListRecords", "metadataPrefix": "oai_dc"}),
    ):  # fmt: skip
        count, times = page_through(repository, query)
        ordered = sorted(times)
        p50 = ordered[len(ordered) // 2]
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
        print(
            f"| {label} ({args.works:,} works) | {count:,} pages | p50 {p50 * 1000:.1f} ms "
            f"| p99 {p99 * 1000:.1f} ms | last page {times[-1] * 1000:.1f} ms |",
            flush=True,
        )


if __name__ == "__main__":
    main()

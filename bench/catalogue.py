"""The catalogue index at two sizes: what writing it costs, and what each list and search costs.

    .venv/bin/python -m bench.catalogue [--works 10000 100000] [--work /tmp/kg-bench-catalogue]

Generates the N-Triples lines of synthetic catalogues (works with titles, abstracts, ordered
authors, topics, places and years; seed 1), writes each index with `write_index` (what the
build does), then times every kind of request the web layer makes on it (the median of
repeated runs, in this process, no HTTP). Read the ratios between sizes: a browse page, the
newest works, a sitemap chunk or a rare word should cost the same at every size (O(page)); a
word that most works contain costs in proportion to its matches (bm25 ranks them all).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.catalogue import BY_NAME, FILE
from kg.catalogue.read import CatalogueIndex
from kg.catalogue.search import SearchQuery, search
from kg.catalogue.write import write_index
from kg.namespaces import BIBO, DCTERMS, RDF, SDO, SKOS, XSD

BASE = "http://localhost:5000/id/"
WORDS = [f"w{n:04d}" for n in range(5000)]  # a vocabulary of 5,000 words, Zipf-like use
COMMON = "violence"  # in about half of the titles
RARE = "zanzibar"  # in one title


def _lit(text: str) -> str:
    return '"' + text + '"@en'


def lines(works: int, rng: random.Random) -> Iterator[str]:
    """The catalogue as N-Triples lines, as the build hands them to `write_index`."""
    people = max(10, works // 3)
    for n in range(people):
        yield f"<{BASE}person/p{n}> <{RDF.type}> <{SDO.Person}> ."
        yield f"<{BASE}person/p{n}> <{SDO.name}> {_lit(f'Person {n:07d} Name')} ."
    for n in range(60):
        yield f"<{BASE}topic/t{n}> <{RDF.type}> <{SKOS.Concept}> ."
        yield f"<{BASE}topic/t{n}> <{SKOS.prefLabel}> {_lit(f'Topic {n}')} ."
    for n in range(80):
        yield f"<{BASE}place/c{n}> <{RDF.type}> <{SDO.Place}> ."
        yield f"<{BASE}place/c{n}> <{SKOS.prefLabel}> {_lit(f'City {n}')} ."
    weights = [1 / (rank + 1) for rank in range(len(WORDS))]
    for n in range(works):
        iri = f"<{BASE}work/k{n:08d}>"
        title = rng.choices(WORDS, weights, k=rng.randint(5, 10))
        if n % 2:
            title.append(COMMON)
        if n == works // 2:
            title.append(RARE)
        abstract = " ".join(rng.choices(WORDS, weights, k=60))
        yield f"{iri} <{RDF.type}> <{SDO.CreativeWork}> ."
        yield f"{iri} <{RDF.type}> <{SDO.Report}> ."
        yield f"{iri} <{DCTERMS.title}> {_lit(' '.join(title).capitalize())} ."
        yield f"{iri} <{DCTERMS.abstract}> {_lit(abstract)} ."
        yield f'{iri} <{DCTERMS.issued}> "{1980 + n % 45}"^^<{XSD.gYear}> .'
        authors = rng.sample(range(people), rng.randint(1, 4))
        yield f"{iri} <{BIBO.authorList}> <{BASE}work/k{n:08d}#authors> ."
        for position, person in enumerate(authors, start=1):
            yield f"{iri} <{DCTERMS.creator}> <{BASE}person/p{person}> ."
            yield f"<{BASE}work/k{n:08d}#authors> <{RDF}_{position}> <{BASE}person/p{person}> ."
        for topic in rng.sample(range(60), rng.randint(1, 3)):
            yield f"{iri} <{DCTERMS.subject}> <{BASE}topic/t{topic}> ."
        yield f"{iri} <{DCTERMS.spatial}> <{BASE}place/c{rng.randrange(80)}> ."


def timed(run: Callable[[], object], repeat: int = 7) -> float:
    """The median of `repeat` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def requests(index: CatalogueIndex, works: int) -> dict[str, Callable[[], object]]:
    """Each kind of request the web layer makes, at this catalogue's size."""
    kind = BY_NAME["works"]
    last = (works - 1) // 50 * 50
    listed = [item.iri for item in index.page(kind, 0, 50)]
    return {
        "count (home page)": lambda: index.count(kind),
        "browse page 1": lambda: index.page(kind, 0, 50),
        "browse last page": lambda: index.page(kind, last, 50),
        "newest 12 (home page)": lambda: index.newest(12),
        "50 rows by IRI (a page's lists)": lambda: index.by_iri(listed),
        "sitemap chunk (50,000)": lambda: index.iris(0, 50_000),
        f"search a rare word ({RARE})": lambda: search(index, SearchQuery(text=RARE), 50),
        f"search a word in half the works ({COMMON})": lambda: search(
            index, SearchQuery(text=COMMON), 50
        ),
        "works on a topic, by title (no words)": lambda: search(
            index, SearchQuery(topic=f"{BASE}topic/t7", sort="title"), 50
        ),
        "a rare word within a year range": lambda: search(
            index, SearchQuery(text=RARE, year_from=2000, year_to=2010), 50
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--works", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-catalogue"))
    args = parser.parse_args()
    results: dict[int, dict[str, float]] = {}
    for works in args.works:
        folder = args.work / str(works)
        folder.mkdir(parents=True, exist_ok=True)
        generated = list(lines(works, random.Random(1)))
        started = time.perf_counter()
        write_index(generated, BASE, folder)
        seconds = time.perf_counter() - started
        size = (folder / FILE).stat().st_size / 1e6
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{works:,} works: {len(generated):,} lines, index written in {seconds:.1f} s "
            f"({works / seconds:,.0f} works/s), {size:.0f} MB; peak RSS so far {peak:.0f} MB"
        )
        index = CatalogueIndex.open(folder)
        assert index is not None
        results[works] = {name: timed(run) for name, run in requests(index, works).items()}
    sizes = sorted(results)
    header = " | ".join(f"{n:,} works (ms)" for n in sizes)
    print(f"\n| request | {header} | ratio |\n| --- |{' --- |' * len(sizes)} --- |")
    for name in results[sizes[0]]:
        values = [results[n][name] for n in sizes]
        ratio = values[-1] / values[0] if values[0] else float("nan")
        cells = " | ".join(f"{v:.2f}" for v in values)
        print(f"| {name} | {cells} | {ratio:.1f}× |")


if __name__ == "__main__":
    main()

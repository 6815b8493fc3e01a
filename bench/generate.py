"""Generate synthetic catalogue pages in the site's text format, with the page variants of
docs/inputs.md, plus the records a careful cataloguer would read from them.

    python bench/generate.py --records 100000 --out /tmp/catalogue [--seed 1] [--per-page 50]
                             [--expected FILE]

Deterministic for a seed. Writes `page-NNNNN.txt` files of `--per-page` records each (a few are
single-post pages: one record, no header, no blank lines). `--expected` writes the expected
`kg parse` contract keys of every record as JSON Lines, in file and page order.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)  # run as a script: bench/ is a package of the checkout

from bench.words import (  # noqa: E402
    CATEGORIES,
    FIRST,
    JOURNALS,
    JUNK,
    KNOWN_ORGS,
    LABELS,
    LAST,
    MONTHS,
    NBSP,
    ORG_HEADS,
    ORG_TAILS,
    PARTICLES,
    PLACE_TAGS,
    PLACES,
    PUBLISHERS_BOOK,
    SCOPE_TERMS,
    SECTIONS,
    SENTENCES,
    SITE,
    WORDS,
)


@dataclass
class Rec:
    """One generated record: its printed lines (paragraphs) and the expected contract keys."""

    paragraphs: list[str] = field(default_factory=list)
    truth: dict[str, Any] = field(default_factory=dict)


def _person(rng: random.Random) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    roll = rng.random()
    if roll < 0.15:
        return f"{first} {rng.choice('ABCDJMS')}. {last}"
    if roll < 0.2:
        return f"{first} {rng.choice(PARTICLES)} {last}"
    return f"{first} {last}"


def _org(rng: random.Random) -> str:
    return f"{rng.choice(ORG_HEADS)} {rng.choice(ORG_TAILS)}"


def _byline(rng: random.Random) -> tuple[str, list[dict[str, str]]]:
    """A printed byline (without prefix) and its expected contributors."""
    roll = rng.random()
    if roll < 0.12:
        org = _org(rng)
        printed = rng.choice([f"The {org}", org, org.upper() if rng.random() < 0.3 else org])
        name = org
        return printed, [{"name": name, "kind": "organization"}]
    if roll < 0.16:
        name, printed_names = rng.choice(KNOWN_ORGS)
        return rng.choice(printed_names[:1]), [{"name": name, "kind": "organization"}]
    if roll < 0.2:
        a, b = _org(rng), _org(rng)
        while b == a:
            b = _org(rng)
        return f"{a} and {b}", [
            {"name": a, "kind": "organization"},
            {"name": b, "kind": "organization"},
        ]
    people = [_person(rng) for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 6]))]
    people = list(dict.fromkeys(people))
    truth = [{"name": p, "kind": "person"} for p in people]
    if len(people) > 1 and rng.random() < 0.1:
        inverted = [f"{p.split(' ', 1)[1]}, {p.split(' ', 1)[0]}" for p in people]
        inverted = [f"{p.rsplit(' ', 1)[-1]}, {p.rsplit(' ', 1)[0]}" for p in people]
        return "; ".join(inverted), truth
    sep = rng.choice([", ", ", ", " and ", " & ", " | ", "; ", " - ", " · ", " with "])
    if len(people) == 1:
        text = people[0]
    elif sep == ", " and rng.random() < 0.6:
        text = ", ".join(people[:-1]) + rng.choice([" and ", ", and "]) + people[-1]
    else:
        text = sep.join(people)
    if rng.random() < 0.05:
        text = text.replace(", ", "  , ", 1)
    if rng.random() < 0.05:
        text += "."
    return text, truth


def _prefix(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.85:
        return "By "
    return rng.choice(["by ", "BY ", "By", "By" + NBSP])


def _title(rng: random.Random, n: int) -> tuple[str, str]:
    words = rng.sample(WORDS, rng.randint(3, 7))
    title = " ".join(words).capitalize() + f" in context {n}"
    roll = rng.random()
    if roll < 0.1:
        return title + ": " + rng.choice(WORDS) + " and " + rng.choice(WORDS), ""
    if roll < 0.15:
        return title.upper(), "upper"
    if roll < 0.2:
        return title + "  ", ""
    if roll < 0.25:
        return title + f" [Revised {rng.choice(MONTHS)} 2023]", "edition"
    if roll < 0.28:
        return f"“{title}”", ""
    if roll < 0.32:
        return title + ", Volume 2", ""
    return title, ""


def _abstract(rng: random.Random) -> list[str]:
    paras = []
    for _ in range(rng.randint(1, 3)):
        text = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 8)))
        if rng.random() < 0.08:
            text = rng.choice(["From the document: ", "FROM THE COVER: "]) + text
        paras.append(text)
    if rng.random() < 0.15:
        paras.append(rng.choice(LABELS))
        paras += ["  • " + rng.choice(SENTENCES) for _ in range(rng.randint(2, 4))]
    return paras


def _imprint(
    rng: random.Random, contributors: list[dict[str, str]]
) -> tuple[list[str], dict[str, Any]]:
    """Printed imprint paragraph(s) and the expected imprint fields."""
    year = rng.randint(1990, 2025)
    pages = rng.randint(5, 400)
    truth: dict[str, Any] = {"publishers": [], "places": [], "year": year, "page_count": pages,
                             "series": None, "journal": None, "report_id": None}  # fmt: skip
    roll = rng.random()
    first = contributors[0]
    publisher = (
        first["name"] if first["kind"] == "organization" and rng.random() < 0.5 else _org(rng)
    )
    printed_place, place = rng.choice(PLACES)
    if roll < 0.45:
        sep = rng.choice([", ", ", ", ", ", ". ", ": ", " "])
        tail = rng.choice([f"{pages}p.", f"{pages}p", f"{pages} p.", f"{pages} pages"])
        gap = rng.choice([" ", " ", ""]) if sep != " " else " "
        truth.update(publishers=[publisher], places=[place])
        return [f"{printed_place}: {publisher}{sep}{year}.{gap}{tail}"], truth
    if roll < 0.55:
        truth.update(publishers=[publisher])
        return [f"{publisher}{rng.choice([', ', '. '])}{year}. {pages}p."], truth
    if roll < 0.6:
        book = rng.choice(PUBLISHERS_BOOK)
        truth.update(publishers=[book], places=["New York"])
        return [f"NY. {book}. {year}. {pages}p."], truth
    if roll < 0.75:
        return _journal(rng, year, truth)
    if roll < 0.85:
        number = rng.randint(1, 800)
        name = rng.choice(
            ["Research Report", "Policy Brief", "Trends & issues in crime and criminal justice"]
        )
        truth.update(publishers=["Australian Institute of Criminology"], places=["Canberra"],
                     series={"name": name, "number": str(number)})  # fmt: skip
        lines = [
            f"{name} no. {number}.",
            f"Canberra: Australian Institute of Criminology, {year}. {pages}p.",
        ]
        return (lines if rng.random() < 0.5 else [" ".join(lines)]), truth
    if roll < 0.9:
        rid = f"{rng.choice(['ABC', 'GAO', 'XYZ'])}-{year % 100:02d}-{rng.randint(100000, 999999)}"
        truth.update(report_id=rid)
        return [f"{rid} {year}. {pages}p."], truth
    if roll < 0.95:
        truth.update(publishers=[publisher], places=[place], year=None, page_count=pages)
        missing = rng.choice(["Forthcoming", "202", ""])
        year_text = f", {missing}." if missing else "."
        return [f"{printed_place}: {publisher}{year_text} {pages}p."], truth
    month = rng.choice(MONTHS)
    truth.update(publishers=[publisher], places=[place])
    return [f"{printed_place}: {publisher}, {month} {year}. {pages}p."], truth


def journal_numbers(
    rng: random.Random, volumes: int = 60, span: int = 40
) -> tuple[str, str, int, str]:
    """An article's volume, issue, first page and page range."""
    vol, issue = str(rng.randint(1, volumes)), str(rng.randint(1, 12))
    start = rng.randint(1, 900)
    return vol, issue, start, f"{start}-{start + rng.randint(5, span)}"


def _journal(
    rng: random.Random, year: int, truth: dict[str, Any]
) -> tuple[list[str], dict[str, Any]]:
    name = rng.choice(JOURNALS)
    vol, issue, start, pages = journal_numbers(rng)
    truth.update(page_count=None)
    shape = rng.randrange(5)
    if shape == 0:
        text, j = (
            f"{name} ({year}) {vol}:{pages.replace('-', '–')}",
            (vol, None, pages.replace("-", "–")),
        )
    elif shape == 1:
        text, j = f"{name} {vol}: {pages}, {year}.", (vol, None, pages)
    elif shape == 2:
        text, j = f"{name}, Vol. {vol} ({year}), pp. {pages}", (vol, None, pages)
    elif shape == 3:
        text = f"{name}Volume {vol}, Issue {issue}, {rng.choice(MONTHS)} {year}, Pages {pages}"
        j = (vol, issue, pages)
    else:
        text, j = (
            f"{name} Volume {vol}, Issue {issue}, {rng.choice(MONTHS)} {year}, {100000 + start}",
            (vol, issue, str(100000 + start)),
        )
    truth.update(journal={"name": name, "volume": j[0], "issue": j[1], "pages": j[2]})
    return [text], truth


def _title_case(text: str) -> str:
    """How kg title-cases ALL-CAPS text: small words lower case after the first."""
    small = {"of", "for", "and", "on", "in", "the", "to", "at", "a", "an", "by", "with", "from"}
    words = text.split(" ")
    return " ".join(
        w.lower()
        if i and w.lower() in small and not words[i - 1].endswith(":")
        else w[:1].upper() + w[1:].lower()
        for i, w in enumerate(words)
    )


def make_record(rng: random.Random, n: int, section: str | None) -> Rec:
    """One record's paragraphs (title · junk · byline · abstract · imprint) and its truth."""
    title, kind = _title(rng, n)
    printed_byline, contributors = _byline(rng)
    imprint, truth = _imprint(rng, contributors)
    clean_title = " ".join(title.split())
    if kind == "upper":
        clean_title = _title_case(clean_title)
    elif kind == "edition":
        clean_title = clean_title[: clean_title.index(" [")]
    paras = [title]
    if rng.random() < 0.04:
        paras.append(rng.choice(JUNK))
    abstract = _abstract(rng)
    people = all(c["kind"] == "person" for c in contributors) and ";" not in printed_byline
    roll = rng.random()
    if roll < 0.03 and people and " - " not in printed_byline:
        paras.append(printed_byline.rstrip("."))  # no `By` prefix at all
    elif roll < 0.06 and people and not printed_byline.endswith("."):
        paras.append(f"By {printed_byline} {abstract.pop(0)}")  # glued to the abstract
    else:
        paras.append(_prefix(rng) + printed_byline)
    paras += abstract
    paras += imprint
    truth = {"title": clean_title, "contributors": contributors, **truth, "section": section}
    return Rec(paras, truth)


def make_page(
    rng: random.Random, records: int, first_n: int, file: str
) -> tuple[str, list[dict[str, Any]]]:
    """A page's text and the expected records (with `source`)."""
    single = records == 1
    number, section = rng.choice(SECTIONS)
    header: list[str] = []
    topic_line = None
    if not single:
        if rng.random() < 0.2:
            header.append(f"{section.title()}, {rng.choice(WORDS)} — {SITE}")
        header.append(rng.choice([SITE, "The " + SITE]))
        if rng.random() < 0.9:
            stem = rng.choice([section.lower(), section.title(), section.lower().replace(" ", "+")])
            header.append(f"{number:02d}-{stem}.{rng.choice(['jpg', 'jpeg', 'JPG'])}")
        if len(header) == 1 or rng.random() < 0.9:  # the heading; else named by the image
            header.append(section)
        if rng.random() < 0.8:
            header.append(section.split()[0] + "-" + "-".join(rng.sample(SCOPE_TERMS, 4)))
        if rng.random() < 0.5:
            topic_line = rng.choice(
                [f"Posts in {rng.choice(CATEGORIES)}", f"Posts tagged {rng.choice(PLACE_TAGS)}"]
            )
    recs = [make_record(rng, first_n + i, None if single else section) for i in range(records)]
    lines: list[str] = []
    for text in header:
        lines += [text, ""]
    if topic_line:
        lines.append(topic_line)
        if rng.random() < 0.3:
            lines.append("")
    truths = []
    for rec in recs:
        truth = dict(rec.truth)
        truth["source"] = {"file": file, "line": len(lines) + 1}
        truths.append(truth)
        for para in rec.paragraphs:
            lines.append(para)
            if not single:
                lines.append("")
    return "\n".join(lines) + "\n", truths


def _independent_page() -> Any:
    """bench/variants.py's page maker (imported late: it builds on this module)."""
    from bench.variants import make_independent_page

    return make_independent_page


def generate(
    records: int, out: Path, seed: int = 1, per_page: int = 50, independent: bool = False
) -> list[dict[str, Any]]:
    """Write the pages under `out`; return the expected records. `independent` draws every
    variant independently of the others (bench/variants.py) instead of one at a time."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    expected: list[dict[str, Any]] = []
    written, page = 0, 0
    while written < records:
        page += 1
        count = 1 if rng.random() < 0.03 else min(per_page, records - written)
        file = out / f"page-{page:05d}.txt"
        make = _independent_page() if independent else make_page
        text, truths = make(rng, count, written + 1, str(file))
        file.write_text(text, encoding="utf-8")
        expected += truths
        written += count
    return expected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, required=True, help="number of records")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--per-page", type=int, default=50, help="records per page (default 50)")
    parser.add_argument("--expected", type=Path, help="write the expected records (JSON Lines)")
    parser.add_argument(
        "--independent", action="store_true",
        help="draw every variant independently of the others (bench/variants.py)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    expected = generate(args.records, args.out, args.seed, args.per_page, args.independent)
    if args.expected:
        with args.expected.open("w", encoding="utf-8") as handle:
            for record in expected:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(expected)} records to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

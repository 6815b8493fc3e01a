"""Pages whose variants are drawn independently of each other: combinations nobody wrote a rule
for (a byline without `By` under a one-word title after a junk line, a series line after an
imprint with a month, a journal printed like a publisher…), with the records a cataloguer would
read from them.

bench/generate.py draws its variants the way the parser was first tested (one variant at a time,
some combinations avoided): its 100% measures regressions. These pages measure robustness; the
figure is reported apart (`python bench/accuracy.py --variants`).
"""

from __future__ import annotations

import random
import re
from typing import Any

from bench.generate import (
    _org,
    _title_case,
    journal_numbers,
)
from bench.words import (
    FIRST,
    JUNK,
    LABELS,
    LAST,
    MONTHS,
    NBSP,
    PLACES,
    PUBLISHERS_BOOK,
    SECTIONS,
    SENTENCES,
    SITE,
    WORDS,
)

# Periodicals of vocab/periodicals.ttl, printed like a publisher (`Victims & Offenders, 2022.`).
LISTED_JOURNALS = ["Victims & Offenders", "Security Journal", "Crime & Delinquency",
                   "Justice Quarterly", "Homicide Studies", "Global Crime"]  # fmt: skip
SLOGAN_BODIES = [
    "Stop the Traffik",
    "Walk Free",
    "Safe to Learn",
    "Beyond Race",
    "Take Back Safety",
]


# Web-page furniture after a record, and the leads a byline may print alone on its line.
FURNITURE = ["0 Comments", "Share", "Facebook", "Twitter", "Tags: prisons, policing",
             "Categories: Criminology", "Tuesday, March 12, 2024", "Read More",
             "Read the report", "Posted by admin", "March 12, 2024", "2024-03-12",
             "5 min read", "Read More →", "Older Posts"]  # fmt: skip
_LEAD = re.compile(r"^(Edited by|By:?|BY|by) (?=\S)")
# Shapes other catalogues print: a city with its country, degrees after names, the editors'
# role after their names, journal citations as publishers' exports print them.
COUNTRY_PLACES = ["Geneva, Switzerland", "Nairobi, Kenya", "Bogotá, Colombia",
                  "The Hague, Netherlands", "Ottawa, Canada"]  # fmt: skip
DEGREES = [", Ph.D.", ", PhD", ", M.A.", ", J.D.", ", MPH"]
TRAILING_EDITORS = [(", Editor", ", Editors"), (", ed.", ", eds."), (" (Ed.)", " (Eds.)")]


def _p(rng: random.Random, chance: float) -> bool:
    return rng.random() < chance


def _people(rng: random.Random) -> list[str]:
    out: list[str] = []
    for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 5])):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        middle = f" {rng.choice('ABCDJMS')}." if _p(rng, 0.2) else ""
        name = f"{first}{middle} {last}"
        if name not in out:
            out.append(name)
    return out


def _byline(rng: random.Random) -> tuple[str, list[dict[str, Any]]]:
    """A byline (with whatever prefix) and its contributors; each variant drawn on its own."""
    kind = rng.random()
    if kind < 0.12:
        bodies = [_org(rng)] + ([_org(rng)] if _p(rng, 0.3) else [])
        bodies = list(dict.fromkeys(bodies))
        if _p(rng, 0.2):
            bodies = [rng.choice(SLOGAN_BODIES), *bodies[:1]]
        text = " and ".join(("The " if _p(rng, 0.3) else "") + b for b in bodies)
        truth = [{"name": b, "kind": "organization"} for b in bodies]
    else:
        people = _people(rng)
        truth = [{"name": p, "kind": "person"} for p in people]
        if len(people) > 1 and _p(rng, 0.15):
            text = "; ".join(f"{p.rsplit(' ', 1)[1]}, {p.rsplit(' ', 1)[0]}" for p in people)
        elif 1 < len({(p[0], p.rsplit(" ", 1)[1]) for p in people}) == len(people) and _p(
            rng, 0.05
        ):
            # Vancouver: `Roe J, Doe A` (names that differ in their initials)
            stop = "." if _p(rng, 0.3) else ""  # `Roe J., Doe A.`
            text = ", ".join(f"{p.rsplit(' ', 1)[1]} {p[0]}{stop}" for p in people)
            truth = [{"name": f"{p[0]}. {p.rsplit(' ', 1)[1]}", "kind": "person"} for p in people]
        else:
            printed = [p + rng.choice(DEGREES) if _p(rng, 0.05) else p for p in people]
            sep = rng.choice([", ", " and ", " & ", " | ", "; ", " · ", " with "])
            text = sep.join(printed)
            if sep == ", " and len(people) > 1 and _p(rng, 0.5):
                last = rng.choice([" and ", ", and ", ", & "])
                text = ", ".join(printed[:-1]) + last + printed[-1]
            if _p(rng, 0.03):
                text += rng.choice([" and others", " et al."])
        if _p(rng, 0.08):
            text = text.upper()
    editors = _p(rng, 0.08)
    if editors:
        truth = [{**c, "role": "editor"} for c in truth]
    prefix_roll = rng.random()
    if editors and kind >= 0.12 and _p(rng, 0.3):  # the role after the names, no `By`
        return text + rng.choice(TRAILING_EDITORS)[len(truth) > 1], truth
    if editors:
        prefix = "Editors: " if _p(rng, 0.1) else "Edited by "
    elif prefix_roll < 0.7:
        prefix = "By "
    elif prefix_roll < 0.85:
        prefix = rng.choice(["by ", "BY ", "By: ", "By" + NBSP, "Authors: ", "Author(s): "])
    else:
        prefix = ""  # no `By` at all
    return prefix + text, truth


def _title(rng: random.Random, n: int) -> tuple[str, str]:
    """(printed title, expected title)."""
    words = rng.sample(WORDS, rng.randint(1, 6))
    title = " ".join(words).capitalize() + f" in context {n}"
    if _p(rng, 0.25):
        title += ": " + " ".join(rng.sample(WORDS, 2)) + " " + rng.choice(["review", "reform"])
    if _p(rng, 0.05):
        title += f", {rng.randint(1990, 2020)}-{rng.randint(2021, 2024)}"
    expected = title
    if _p(rng, 0.08):
        title = title.upper()
        expected = _title_case(title)
    if _p(rng, 0.06):
        title += f" [Revised {rng.choice(MONTHS)} 2023]"
    if _p(rng, 0.05):
        title += "  "
    return title, expected


def _abstract(rng: random.Random) -> list[str]:
    paras = [" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 6)))
             for _ in range(rng.randint(1, 3))]  # fmt: skip
    if _p(rng, 0.1):
        paras[0] = rng.choice(["From the document: ", "FROM THE COVER: "]) + paras[0]
    if _p(rng, 0.15):
        paras.append(rng.choice(LABELS))
        paras += ["  • " + rng.choice(SENTENCES) for _ in range(rng.randint(2, 3))]
    if _p(rng, 0.05):  # a labelled last paragraph: a structured abstract's part, a credit, a note
        paras.append(rng.choice(LAST_PARAGRAPHS))
    return paras


LAST_PARAGRAPHS = [
    "Conclusions: Police presence reduced crime in the treated areas.",
    "Results: Arrests fell by 12% between 2015 and 2020.",
    "Note: This report was updated in 2022.",
    "Photo: Harbour Police Department",
    "Funding: This work was funded by the Harbour Foundation.",
    "Keywords: fraud; policing; prisons",
    "JEL Codes: K42, H76",
]


BILINGUAL_BODIES = [
    "Harbour University Press / Les Presses de l’Université Harbour",
    "Statistics Northland / Statistique Northland",
    "Harbour Institute of Criminology / Instituto de Criminología Harbour",
]
UNNUMBERED_SERIES = [
    "Routledge Studies in Crime and Society",
    "Clarendon Studies in Criminology",
    "Critical Criminological Perspectives",
]


OTHER_LANGUAGES_COUNT = ["S.", "Seiten", "págs.", "blz.", "str.", "sider"]
STATEMENTS_AFTER_THE_END = [" $25.00", " PDF.", " Grant no. 2019-IJ-CX-0001.", " Online.",
                            " Free download.", " 12 slides."]  # fmt: skip
SPONSORS = [", with support from the Harbour Foundation", " on behalf of the Coastal Ministry"]


def _imprint(rng: random.Random) -> tuple[list[str], dict[str, Any]]:
    """Imprint lines and their fields: the place, publisher, date, count and series drawn apart."""
    year, pages = rng.randint(1975, 2025), rng.randint(5, 400)
    truth: dict[str, Any] = {"publishers": [], "places": [], "year": year, "page_count": pages,
                             "series": None, "journal": None, "report_id": None}  # fmt: skip
    if _p(rng, 0.1):  # a journal printed like a publisher, from the periodical list
        name = rng.choice(LISTED_JOURNALS)
        truth["journal"] = {"name": name, "volume": None, "issue": None, "pages": None}
        return [f"{name}, {year}. {pages}p."], truth
    if _p(rng, 0.05):
        return _journal_export(rng, year, truth)
    printed_place, place = rng.choice(PLACES)
    if _p(rng, 0.08):
        printed_place = place = rng.choice(COUNTRY_PLACES)
    publisher = _org(rng) if _p(rng, 0.7) else rng.choice(PUBLISHERS_BOOK)
    if _p(rng, 0.02):  # one body named in two languages
        publisher = rng.choice(BILINGUAL_BODIES)
    shape = rng.random()
    if shape < 0.6:
        head = f"{printed_place}: {publisher}"
        truth.update(places=[place], publishers=[publisher])
        if _p(rng, 0.02):  # a sponsor after the publisher: no publisher
            head += rng.choice(SPONSORS)
    elif shape < 0.75:
        head = publisher
        truth.update(publishers=[publisher])
    elif shape < 0.85 and printed_place == place and "," not in place:
        head = f"{publisher}, {printed_place}"  # the place after the publisher
        truth.update(places=[place], publishers=[publisher])
    else:
        head = f"{printed_place.rstrip('.')}. {publisher}"
        truth.update(places=[place], publishers=[publisher])
    date = str(year)
    if _p(rng, 0.1):
        date = f"{rng.choice(MONTHS)} {year}"
    elif _p(rng, 0.02):
        date = f"{rng.randint(1, 12)}/{year}"  # a month and year in numbers
    elif _p(rng, 0.04):
        date = f"{year}-{year + 1}"  # a range: its first year
    elif _p(rng, 0.03):
        date = f"c{year}"
    elif _p(rng, 0.03):
        date = f"[{year}]"  # a supplied year, as library catalogues print it
    elif _p(rng, 0.02):
        date, truth["year"] = f"{year} [i.e. {year + 1}]", year + 1  # a corrected year
    elif _p(rng, 0.02):
        date = f"{year}, c{year - 1}"  # the copyright year after the year of publication
    elif _p(rng, 0.02):
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"  # an ISO date
    elif _p(rng, 0.01):
        date = f"FY{year}"  # a fiscal year: its first calendar year
    if _p(rng, 0.05):
        date, truth["year"] = "Forthcoming", None
    count = rng.choice([f"{pages}p.", f"{pages}p", f"{pages} p.", f"{pages} pages", f"{pages}p,"])
    if _p(rng, 0.02):
        count = f"pp. {pages}"  # the count after `pp.`, as some web listings print it
    if count in (f"{pages}p.", f"{pages} p.") and _p(rng, 0.03):
        count = f"{pages} {rng.choice(OTHER_LANGUAGES_COUNT)}"  # the count in another language
    if _p(rng, 0.05):
        count, truth["page_count"] = "", None
    elif _p(rng, 0.03):
        count = rng.choice(["vi, ", "xii + "]) + count
    elif _p(rng, 0.03):
        count = rng.choice([f"[{pages}] p.", f"{pages}, [4] p."])  # counts in brackets
    if count.endswith(("p.", "p")) and _p(rng, 0.05):
        count += rng.choice([" : ill.", " ; 24 cm.", " : ill., maps ; 23 cm."])  # details
    if count and _p(rng, 0.03):
        count += f" ISBN 978-1-{rng.randint(10000, 99999)}-{rng.randint(100, 999)}-1"
    if count.endswith(("p.", "p", "pages")) and _p(rng, 0.02):
        count += rng.choice([", appendices", " + 12p. appendix"])
    if _p(rng, 0.03):
        truth["report_id"] = rng.choice(
            [f"GAO-{year % 100:02d}-{rng.randint(100, 999)}", f"RR-{rng.randint(100, 9999)}-OSD",
             f"Cm {rng.randint(1000, 9999)}"]
        )  # fmt: skip
        count = f"{truth['report_id']}. {count}".rstrip()
    elif date == str(year) and "append" not in count and _p(rng, 0.02):
        # a report number in brackets after the count
        truth["report_id"] = f"NCJ {rng.randint(100000, 999999)}"
        count = f"{count} ({truth['report_id']})".lstrip()
    if date == str(year) and _p(rng, 0.02):  # an edition before the year
        date = f"{rng.choice(['2nd edition', '3rd ed.', 'Revised edition'])}, {year}"
    sep = rng.choice([", ", ", ", ". ", " "])
    dash = "- " if count and count[:1].isdigit() and _p(rng, 0.03) else ""  # the ISBD dash
    line = f"{head}{sep}{date}." + (f" {dash}{count}" if count else "")
    if not line.endswith(")") and "append" not in line and _p(rng, 0.04):
        # an unnumbered series in brackets after the count or year
        name = rng.choice(UNNUMBERED_SERIES)
        truth["series"] = {"name": name, "number": None}
        line += f" ({name})"
    if head.startswith(publisher) and _p(rng, 0.03):
        line = "Published by " + line
    plain_end = truth["series"] is None and truth["year"] is not None and "append" not in line
    noted = plain_end and _p(rng, 0.03)
    unknown_end = plain_end and not noted and truth["report_id"] is None and _p(rng, 0.02)
    if unknown_end:  # a statement the reader has no rule for after the imprint's end
        line += rng.choice(STATEMENTS_AFTER_THE_END)
    if noted:  # a note after the imprint's end
        doi = f"10.{rng.randint(1000, 9999)}/hr.{rng.randint(1, 999)}"
        line += rng.choice([f" Updated June {year + 1}", " Licence: CC BY 4.0.", f" DOI: {doi}"])
    elif _p(rng, 0.02):  # a DOI before the place
        line = f"DOI: 10.{rng.randint(1000, 9999)}/hr.{rng.randint(1, 999)}. {line}"
    lines = [line]
    if truth["series"] is None and _p(rng, 0.15):  # a series statement before the imprint
        name = rng.choice(["Research Report", "Policy Brief", "Working Paper"])
        number = str(rng.randint(1, 400))
        truth["series"] = {"name": name, "number": number}
        series = f"{name} no. {number}."
        lines = [series, line] if _p(rng, 0.5) else [f"{series} {line}"]
    if truth["report_id"] is None and _p(rng, 0.02):  # a report number on a line of its own
        truth["report_id"] = f"NCJ {rng.randint(100000, 999999)}"
        lines.append(truth["report_id"])
    if len(lines) == 1 and _p(rng, 0.02):
        lines = [rng.choice(["Source: ", "Publisher: "]) + lines[0]]  # a label, as listings print
    elif len(lines) == 1 and truth["series"] is None and not noted and _p(rng, 0.02):
        lines = [f"({lines[0].rstrip('.')})"]  # the whole imprint in brackets
    return lines, truth


def _journal_export(
    rng: random.Random, year: int, truth: dict[str, Any]
) -> tuple[list[str], dict[str, Any]]:
    """A journal citation as SAGE, Taylor & Francis, a reference list (the year after the
    name), PLOS or a season-dated issue prints it."""
    name = rng.choice(LISTED_JOURNALS)
    volume, issue, first, pages = journal_numbers(rng, volumes=80, span=30)
    shape = rng.randrange(5)
    if shape == 0:
        line = f"{name} {year}, Vol. {volume}({issue}) {pages}"
    elif shape == 1:
        line = f"{name}, {year}, {volume}:{issue}, {pages}, DOI: 10.1080/1744.{year}.{first}"
    elif shape == 2:
        line = f"{name}, {year}, {volume}({issue}){rng.choice([': ', ', '])}{pages}"
    elif shape == 3:
        pages = f"e{first:07d}"
        line = f"{name} {volume}({issue}): {pages} ({year})"
    else:
        line = f"{name}, {rng.choice(['Spring', 'Winter'])} {year}, pp. {pages}."
        volume = issue = None  # type: ignore[assignment]
    journal = {"name": name, "volume": volume, "issue": issue, "pages": pages}
    truth.update(journal=journal, page_count=None)
    return [line], truth


def make_record(
    rng: random.Random, n: int, section: str | None, late: bool = False, byline_late: bool = False
) -> tuple[list[str], dict[str, Any]]:
    """A record's paragraphs and its truth; every variant drawn independently. `late`: the
    abstract after the imprint; `byline_late`: the byline after the abstract."""
    title, expected_title = _title(rng, n)
    byline, contributors = _byline(rng)
    imprint, truth = _imprint(rng)
    paras = [title + rng.choice([" (PDF)", " [PDF, 2.3 MB]"]) if _p(rng, 0.02) else title]
    spaces = [i for i, ch in enumerate(paras[0]) if ch == " "]
    if spaces and _p(rng, 0.05):  # the title wrapped onto a second line at any space
        cut = rng.choice(spaces)
        paras[0] = f"{paras[0][:cut]}\n{paras[0][cut + 1 :]}"
    if _p(rng, 0.06):
        paras.append(rng.choice(JUNK))
    lead = _LEAD.match(byline)
    names: list[str] = []
    if _p(rng, 0.03):
        contributors = []  # no byline at all
    elif lead and _p(rng, 0.05):
        names = [lead[1], byline[lead.end() :]]  # the lead alone above the names
    elif lead and lead[1] != "by" and not byline_late and _p(rng, 0.04):
        paras[-1] = paras[-1].rstrip() + byline  # glued to the title (or junk): `…7By Ann Lee`
    else:
        names = [byline]
    abstract = _abstract(rng)
    glue = not late and not byline_late and len(imprint) == 1 and abstract[-1].endswith(".")
    if glue and _p(rng, 0.04):
        abstract[-1] += imprint.pop()  # the imprint glued to the abstract: `…alone.Perth: …`
    if byline_late:
        paras += abstract + names + imprint
    else:
        paras += names + (imprint + abstract if late else abstract + imprint)
    if _p(rng, 0.05):
        paras.append(rng.choice(["download", "Read-Me.Org", "Guest User"]))
    if _p(rng, 0.05):
        paras.append(rng.choice(FURNITURE))
    truth = {"title": expected_title, "contributors": contributors, **truth, "section": section}
    return paras, truth


def make_independent_page(
    rng: random.Random, records: int, first_n: int, file: str
) -> tuple[str, list[dict[str, Any]]]:
    """A page (header, then records) and the expected records with their `source`."""
    number, section = rng.choice(SECTIONS)
    late = _p(rng, 0.1)  # a page that prints each abstract after its imprint
    byline_late = not late and _p(rng, 0.05)  # or each byline after its abstract
    lines = [SITE, "", f"{number:02d}-{section.lower()}.jpg", "", section, ""]
    truths = []
    for i in range(records):
        paras, truth = make_record(rng, first_n + i, section, late, byline_late)
        truth["source"] = {"file": file, "line": len(lines) + 1}
        truths.append(truth)
        for para in paras:
            lines += [*para.split("\n"), ""]  # a wrapped title is two lines
    text = "\n".join(lines) + "\n"
    if _p(rng, 0.05):  # a copy of the page's HTML source: character references kept
        text = text.replace("&", "&amp;").replace("’", "&#8217;")
    if _p(rng, 0.05):  # soft hyphens inside long words, as a page's HTML may carry them
        text = re.sub(r"(\w{5})(?=\w{4})", "\\1\u00ad", text)
    return text, truths

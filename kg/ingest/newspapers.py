"""A newspaper's or a magazine's article as a listing prints it: the periodical's name, which
ends in a word newspapers are named with (`Times`, `Herald`, `Post`, `Magazine`…), the day's
date and the article's pages (`The Northland Times, 3 March 2021, p. 4`, `The Coastal Herald,
March 3, 2019, p. A12.`); a name without such a word when the day's date and the page are
printed as a newspaper's are, comma after comma (`Le Clairon, 3 March 2021, p. 4`), and it names
no body (`Coastal Institute, …` stays a publisher) nor a place. The name is the journal's, not a
publisher's, and the page is the article's, not a count."""

from __future__ import annotations

import re

from kg.ingest.gazetteer import names_a_known_place
from kg.ingest.names import has_org_word
from kg.ingest.tail import MONTH, YEAR
from kg.records import Journal

_PAPER_WORD = (
    r"(?:Times|Herald|Post|Guardian|Gazette|Magazine|Weekly|News|Tribune|Chronicle|Observer"
    r"|Telegraph|Mail|Independent|Courier|Standard|Star|Sun|Express|Mirror|Examiner|Inquirer"
    r"|Age|Globe|Daily|Monthly)"
)
_ARTICLE = re.compile(
    rf"(?P<name>(?:The\s+)?(?:[A-Z][\w'’&-]*\s+){{0,5}}{_PAPER_WORD})[,.]\s+"
    rf"(?:\d{{1,2}}\s+{MONTH}\.?|{MONTH}\.?(?:\s+\d{{1,2}},?)?)\s+(?P<year>{YEAR})[,.]\s+"
    r"pp?\.\s?(?P<pages>[A-Z]?\d{1,4}(?:\s?[-–]\s?[A-Z]?\d{1,4})?)\.?\s*$"
)


# Any capitalised name (small words inside it: `La Voz del Muelle`, `Voice of the Quays`), then
# the day's date and the page, each after a comma.
_SMALL = r"(?:of|the|and|de|del|la|le|les|des|di|du|da|do|y|e|am|im|der|die|das)"
_DAY_AND_PAGE = re.compile(
    rf"(?P<name>[A-Z][\w'’&-]*(?:\s+(?:{_SMALL}\s+){{0,2}}[A-Z][\w'’&-]*){{0,5}}),\s+"
    rf"(?:\d{{1,2}}\s+{MONTH}\.?|{MONTH}\.?\s+\d{{1,2}},?)\s+(?P<year>{YEAR}),\s+"
    r"pp?\.\s?(?P<pages>[A-Z]?\d{1,4}(?:\s?[-–]\s?[A-Z]?\d{1,4})?)\.?\s*$"
)


def newspaper_article(text: str) -> tuple[Journal, int] | None:
    """(the periodical and the article's pages, the year) of a newspaper's or a magazine's
    article, or None when the imprint is none."""
    m = _ARTICLE.match(text) or _unworded_article(text)
    if m is None:
        return None
    return Journal(m["name"], pages=m["pages"]), int(m["year"])


def _unworded_article(text: str) -> re.Match[str] | None:
    """A periodical named without a newspaper's word, by its day's date and page."""
    m = _DAY_AND_PAGE.match(text)
    if m is None or has_org_word(m["name"]) or names_a_known_place(m["name"]):
        return None
    return m

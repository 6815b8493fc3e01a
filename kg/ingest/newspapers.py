"""A newspaper's or a magazine's article as a listing prints it: the periodical's name, which
ends in a word newspapers are named with (`Times`, `Herald`, `Post`, `Magazine`…), the day's
date and the article's pages (`The Northland Times, 3 March 2021, p. 4`, `The Coastal Herald,
March 3, 2019, p. A12.`). The name is the journal's, not a publisher's, and the page is the
article's, not a count."""

from __future__ import annotations

import re

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


def newspaper_article(text: str) -> tuple[Journal, int] | None:
    """(the periodical and the article's pages, the year) of a newspaper's or a magazine's
    article, or None when the imprint is none."""
    m = _ARTICLE.match(text)
    if m is None:
        return None
    return Journal(m["name"], pages=m["pages"]), int(m["year"])

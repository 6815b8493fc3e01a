"""Records that lack a field among whole records: a record of a title and an abstract alone (no
byline, no imprint), which a junk or furniture line after its abstract ends; a record whose
imprint is glued to its abstract, before a record with no byline. Neither swallows its
neighbour. Every page here is made up in the shape of the site's listings."""

from __future__ import annotations

import pytest

from kg.ingest import Lexicon
from kg.ingest.citation_marks import citation_marks
from tests.conftest import PAGE_HEAD, fixture_lexicon, parse_page_text

LEX: Lexicon = fixture_lexicon()

WHOLE = (
    ("Stop and Search on the Waterfront", "By Ann Lee and Bo Chan"),
    ("Leaving Custody: Housing and Desistance", "By Cy Diaz"),
    ("Does Bail Reform Work?", "Edited by Dana Roe"),
)
_ABSTRACT = (
    "This made-up report follows harbour police through a year of night patrols. It finds "
    "that most stops end without a record of why they were made."
)
_IMPRINT = "Dunmore: Coastal Works Board, 2021. 45p."
BARE_TITLE = "Quayside Markets and the Changing Tide"
BARE_ABSTRACT = (
    "The author traces the fortunes of three quayside markets over a century of changing tides, "
    "shipping lanes and local politics."
)
# Junk words and furniture the reader knows, as a post prints them after its fields.
JUNK = [
    "Guest User",
    "download",
    "USED BOOK",
    "Read-Me.Org",
    "Read More",
    "0 Comments",
    "Share",
    "Tags: prisons, policing",
    "Posted by admin",
    "5 min read",
    "Older Posts",
]
# The next record's title as pages print it: mixed case, capitals, one word in capitals, over
# two lines broken after a word no field but a title ends with.
NEXT_TITLES = [
    "The Lantern Keepers of North Sound",
    "THE LANTERN KEEPERS OF NORTH SOUND",
    "LANTERNS",
    "The Lantern Keepers of North Sound and the\nTides They Counted",
    "THE LANTERN KEEPERS OF NORTH SOUND AND\nTHE TIDES THEY COUNTED",
]
_TITLE_IDS = ["mixed", "capitals", "one-word", "two-lines", "two-lines-capitals"]


def _page(bare_at: int, junk: str | None, next_title: str) -> tuple[str, list[str]]:
    """Three whole records and a bare one at `bare_at` (a junk line after it, if any); the
    record after it titled `next_title`. The titles as printed, each on one line."""
    records = [[title, byline, _ABSTRACT, _IMPRINT] for title, byline in WHOLE]
    records.insert(bare_at, [BARE_TITLE, BARE_ABSTRACT, *([junk] if junk else [])])
    if bare_at + 1 < len(records):
        records[bare_at + 1][0] = next_title
    paragraphs = [p for record in records for p in record]
    titles = [record[0].replace("\n", " ") for record in records]
    return PAGE_HEAD + "\n\n".join(paragraphs) + "\n", titles


@pytest.mark.parametrize("junk", [None, *JUNK])
@pytest.mark.parametrize("next_title", NEXT_TITLES, ids=_TITLE_IDS)
@pytest.mark.parametrize("bare_at", [0, 1, 3], ids=["first", "middle", "last"])
def test_junk_after_a_record_of_a_title_and_an_abstract_ends_it(
    bare_at: int, junk: str, next_title: str
) -> None:
    page, titles = _page(bare_at, junk, next_title)
    got = parse_page_text(page, LEX)
    assert [r.as_printed.title for r in got] == titles
    bare = got[bare_at]
    assert (bare.contributors, bare.publishers, bare.abstract) == ((), (), BARE_ABSTRACT)
    assert all(r.publishers == ("Coastal Works Board",) for r in got if r is not bare)


@pytest.mark.parametrize("junk", JUNK)
def test_junk_after_each_post_of_a_summary_view_ends_the_post(junk: str) -> None:
    """A listing in summary view (a title and an abstract a post) with a link or furniture line
    under each post."""
    titles = [BARE_TITLE, "Harbour Lights at Dusk", "THE LANTERN KEEPERS OF NORTH SOUND"]
    paragraphs = [p for title in titles for p in (title, BARE_ABSTRACT, junk)]
    got = parse_page_text(PAGE_HEAD + "\n\n".join(paragraphs) + "\n", LEX)
    assert [r.as_printed.title for r in got] == titles
    assert [r.abstract for r in got] == [BARE_ABSTRACT] * 3


# Imprints with a statement after their end that hid the citation's marks until it is taken
# off: a note after a catalogue's count word, an ISBN and a series in brackets, a price, a
# count of slides, two words.
STATED_IMPRINTS = [
    "London: Harbour Books, 2001. 241 S. 12 slides.",
    "London: Harbour Books, 2001. vi, 26 sider 12 slides.",
    "Canberra: Harbour Books, 1997. 282 S. ISBN 978-1-10000-100-1 (Harbour Studies in Crime and "
    "Society)",
    "London: Harbour Books, with support from the Lantern Fund July 2004. $25.00",
    "Canberra: Harbour Books, January 1975. - 5p : ill., maps ; 23 cm. $25.00",
    "Brussels: Harbour Books, 12/1997. 12 slides.",
    "London: Harbour Books, 2017. Free download.",
    "Bogotá, Colombia. Harbour Books. 2025-07-25. $25.00",  # a price after a full date
    "Published by Harbour Books, Canberra, January 1975. - 5 S. $25.00",  # no place colon
    "(London: Harbour Books, with support from the Lantern Fund, 1995-1996. 12 slides)",
]


@pytest.mark.parametrize("imprint", STATED_IMPRINTS)
def test_an_imprint_with_a_statement_after_its_end_is_a_citation(imprint: str) -> None:
    assert citation_marks(imprint, False) == 2


@pytest.mark.parametrize("imprint", STATED_IMPRINTS)
def test_an_imprint_glued_to_an_abstract_keeps_the_next_record_without_a_byline(
    imprint: str,
) -> None:
    (title, byline), (next_title, _byline) = WHOLE[:2]
    paragraphs = [title, byline, _ABSTRACT + imprint, next_title, BARE_ABSTRACT, _IMPRINT]
    got = parse_page_text(PAGE_HEAD + "\n\n".join(paragraphs) + "\n", LEX)
    assert [(r.title, r.publishers, r.abstract) for r in got] == [
        (title, ("Harbour Books",), _ABSTRACT),
        (next_title, ("Coastal Works Board",), BARE_ABSTRACT),
    ]

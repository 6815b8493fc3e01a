"""Where a field goes on over a blank line or onto the line right under it: marks on how each
line of a window ends (`orders.CLOSED`, `LEFT_OPEN`, `WRAPPED`) that the line model reads; and
where a short paragraph between two imprints does not go on the first (a record's title)."""

from __future__ import annotations

import re

from kg.ingest.evidence import (
    ABSTRACT,
    BY_LINE,
    CITATION,
    HEADING_SCORES,
    IMPRINT,
    JUNK,
    PLACE_AND_YEAR_SCORES,
    TITLE,
    UNENDED_TITLE,
    Scores,
    ends_a_sentence,
    leads_into_a_list,
)
from kg.ingest.gazetteer import names_a_known_place, names_a_region
from kg.ingest.journal import named_like_a_journal
from kg.ingest.lines import Unit
from kg.ingest.orders import CLOSED, WRAPPED
from kg.ingest.text import has_digit


def mark_going_on(units: list[Unit], shapes: list[Scores], opens: list[int]) -> None:
    """Mark the lines of a window that go on the line before them, a title's or an imprint's
    second line: printed right under it, or a subtitle in a paragraph of its own."""
    _mark_wrapped(units, shapes, opens)
    _mark_subtitles(units, shapes, opens)
    _mark_imprint_paragraphs(units, shapes, opens)
    _mark_titles_between_citations(units, shapes, opens)
    _mark_repeated_bylines(units, shapes)
    _mark_titles_between_paragraphs(units, shapes, opens)


def _mark_titles_between_paragraphs(
    units: list[Unit], shapes: list[Scores], opens: list[int]
) -> None:
    """A line of running text that ends no sentence (short enough to be a title), in a paragraph
    of its own between two paragraphs of sentences, the first of them ended, scores as a title
    as well as any title-shaped line: on a page printing each byline after its abstract, it is
    the next record's title in sentence case after a title and its abstract alone (`Bail
    hostels reconsidered: a review`), which no abstract paragraph (those end a sentence, or end
    with a colon or a word before a list and go on) is printed as. The title may be wrapped onto
    a second line (`…: a review of` / `the evidence`)."""
    for i in range(1, len(units) - 1):
        # The cheap tests first: most lines follow no paragraph of sentences.
        if not (
            shapes[i - 1][ABSTRACT] == _SENTENCES
            and opens[i] == CLOSED
            and shapes[i][TITLE] in _TITLE_LIKE
            and ends_a_sentence(units[i - 1].text)
        ):
            continue
        end = i if opens[i + 1] == CLOSED else _wrapped_title_end(units, shapes, opens, i + 1)
        if (
            end is not None
            and end + 1 < len(units)
            and opens[end + 1] == CLOSED
            and shapes[end + 1][ABSTRACT] == _SENTENCES
            and not leads_into_a_list(units[end].text)
        ):
            for k in range(i, end + 1):
                if shapes[k][TITLE] == UNENDED_TITLE:
                    shapes[k] = (
                        0,
                        *shapes[k][TITLE + 1 : ABSTRACT],
                        _TITLE_ABSTRACT,
                        *shapes[k][IMPRINT:],
                    )


_TITLE_LIKE = (0, UNENDED_TITLE)  # the title scores of a title-shaped line and of unended text


def _wrapped_title_end(
    units: list[Unit], shapes: list[Scores], opens: list[int], i: int
) -> int | None:
    """Line `i`, the second and last of its paragraph, if it may end a title (`the evidence`):
    shaped as one, ending no sentence and with no colon."""
    text = units[i].text
    last = i + 1 == len(units) or opens[i + 1] == CLOSED
    shaped = shapes[i][TITLE] in _TITLE_LIKE and shapes[i][JUNK] is None
    return i if last and shaped and not ends_a_sentence(text) and text[-1:] != ":" else None


def _mark_wrapped(units: list[Unit], shapes: list[Scores], opens: list[int]) -> None:
    """Where blank lines part a window's fields (at most one line in four is printed right
    under the line before it), a line right under another goes on its field: a title or an
    imprint wrapped onto a second line (`Making the Rounds: Illicit` / `Ammunition in …`). A
    `By` line starts a field of its own wherever it is printed."""
    under = [
        i
        for i in range(1, len(units))
        if units[i].line == units[i - 1].line + 1 and shapes[i] != BY_LINE
    ]
    if under and len(under) * 4 <= len(units):
        for i in under:
            if opens[i] == CLOSED:  # a line left open goes on anyway
                opens[i] = WRAPPED


def _mark_subtitles(units: list[Unit], shapes: list[Scores], opens: list[int]) -> None:
    """Two plain short paragraphs, then a `By` line, after a record's end (a citation beyond
    doubt or running text) or at the window's start: the second goes on the first, a title and
    its subtitle (`Knife Crime` / `A Review of the Evidence` / `By Ann Lee`). Alone, the first
    reads as one more imprint line, since two titles in a row are a record without a byline."""
    for i in range(1, len(units) - 1):
        if (
            opens[i] == CLOSED
            and opens[i - 1] == CLOSED
            and shapes[i + 1] == BY_LINE
            and _plain_title(units[i - 1], shapes[i - 1])
            and _plain_title(units[i], shapes[i])
            and not _imprint_alone(units[i - 1].text)
            and (i == 1 or _ends_a_record(shapes[i - 2]))
        ):
            opens[i] = WRAPPED


_SUBTITLE_MAX = 100  # characters: a title's part on a line of its own
_SENTENCES = 2  # the abstract score of running text


def _plain_title(unit: Unit, scores: Scores) -> bool:
    """A short line a title may be and nothing says is junk, a citation or running text."""
    return scores[TITLE] == 0 and scores[JUNK] is None and len(unit.text) <= _SUBTITLE_MAX


def _imprint_alone(text: str) -> bool:
    """A line an imprint may be without a citation mark: a journal's name alone (`British
    Journal of Criminology`) or a series and its number (`Library of Ethics and Law Book 21`)."""
    return named_like_a_journal(text) or any(ch.isdigit() for ch in text)


def _ends_a_record(scores: Scores) -> bool:
    """A citation beyond doubt, or running text (an abstract: on pages that print it last)."""
    return scores[IMPRINT] == CITATION or scores[ABSTRACT] == _SENTENCES


def _mark_imprint_paragraphs(units: list[Unit], shapes: list[Scores], opens: list[int]) -> None:
    """A short plain paragraph right before a citation beyond doubt. After the abstract (or the
    byline), it starts that imprint when it is the part the citation lacks: a place beyond doubt
    before a citation that starts with no place (`Washington, DC` / `Urban Institute, 2021.
    45p.`), or a name before a citation of a date and a count alone (`Urban Institute` / `2021.
    45p.`)."""
    for i in range(1, len(units) - 1):
        head, rest = units[i].text, units[i + 1].text
        if not (
            opens[i] == CLOSED
            and opens[i + 1] == CLOSED
            and shapes[i + 1][IMPRINT] == CITATION
            and _plain_title(units[i], shapes[i])
            and not any(ch.isdigit() for ch in head)
        ):
            continue
        before = shapes[i - 1]
        if _starts_the_imprint(head, rest):
            if _ends_the_fields_before(before):
                opens[i + 1] = WRAPPED
            elif _place_paragraph(units, shapes, opens, i - 1) and _DATE_AND_COUNT.match(rest):
                opens[i] = opens[i + 1] = WRAPPED  # `Washington, DC` / `Urban Institute` / `2021.`


def _mark_titles_between_citations(
    units: list[Unit], shapes: list[Scores], opens: list[int]
) -> None:
    """A short plain paragraph between two citations beyond doubt (junk lines aside: `March 3,
    2021`, `Download PDF`) is the title of a record printed with its imprint alone: a record's
    imprint goes on with a series, a journal's name or a number, not with a second whole
    citation. So is a title numbered as a part (`Part 2: Victims`, `Volume 3: Sentencing`), a
    place and a year (`Gdansk: 1980`) or a heading's word (`Results`), which no series line, no
    imprint's part and no abstract is printed as there."""
    for i in range(1, len(units) - 1):
        # The cheap tests of the lines around it first: most lines follow no citation.
        if not (
            _citation_before(shapes, i - 1)
            and opens[i] == CLOSED
            and _citation_next(shapes, opens, i + 1)
        ):
            continue
        head = units[i].text
        if _plain_title(units[i], shapes[i]):
            if _PART_TITLE.match(head) or not (
                any(ch.isdigit() for ch in head) or _imprint_alone(head) or _a_place(head)
            ):
                shapes[i] = (*shapes[i][:IMPRINT], _NO_IMPRINT, *shapes[i][IMPRINT + 1 :])
        elif shapes[i] == PLACE_AND_YEAR_SCORES:
            shapes[i] = (0, *shapes[i][1:IMPRINT], _NO_IMPRINT, *shapes[i][IMPRINT + 1 :])
        elif shapes[i] == HEADING_SCORES or (
            shapes[i][IMPRINT] == CITATION and _volume_title(head)
        ):
            # `Results`, which no abstract prints between two citations; `Volume 3:
            # Sentencing`, cited as a volume alone
            shapes[i] = _PART_TITLE_SCORES


# A part's title after its number (`Part 2: Victims and Witnesses`, `Volume 3: Sentencing`).
_PART_TITLE = re.compile(r"(?:Part|Volume|Book|Chapter|Section)\s+\d{1,3}:\s+[A-Z]")


def _volume_title(text: str) -> bool:
    """`Volume 3: Sentencing`: a part's number and its title in words, which the volume's
    number makes a citation's mark; a journal's volume has digits after it (`Volume 3: 45-60`,
    `Volume 12: Issue 3, 2021`)."""
    return _PART_TITLE.match(text) is not None and not has_digit(text[text.find(":") :])


# The scores of a title-shaped line between two citations (`_plain_title`, `_NO_IMPRINT`).
_PART_TITLE_SCORES: Scores = (0, None, None, -1, -8, None, None)


def _citation_before(shapes: list[Scores], end: int) -> bool:
    """The last line up to `end` that may be no junk line is a citation beyond doubt."""
    for k in range(end, max(-1, end - _JUNK_BETWEEN - 1), -1):
        if shapes[k][JUNK] is None:
            return shapes[k][IMPRINT] == CITATION
    return False


def _citation_next(shapes: list[Scores], opens: list[int], start: int) -> bool:
    """The first line from `start` that may be no junk line is a citation beyond doubt, in a
    paragraph of its own."""
    for k in range(start, min(len(shapes), start + _JUNK_BETWEEN + 1)):
        if shapes[k][JUNK] is None:
            return shapes[k][IMPRINT] == CITATION and opens[k] == CLOSED
    return False


_JUNK_BETWEEN = 4  # junk lines looked past on each side of the title


def _ends_the_fields_before(scores: Scores) -> bool:
    """Sentences (the abstract's last) or a `By` line: what an imprint follows."""
    return scores[ABSTRACT] == _SENTENCES or scores == BY_LINE


def _place_paragraph(units: list[Unit], shapes: list[Scores], opens: list[int], i: int) -> bool:
    """Line `i` is a place beyond doubt alone in its paragraph, after the abstract or byline."""
    return (
        i >= 1
        and opens[i] == CLOSED
        and _plain_title(units[i], shapes[i])
        and _ends_the_fields_before(shapes[i - 1])
        and _a_place(units[i].text)
    )


# The abstract score of a title-shaped line (`evidence.scores`).
_TITLE_ABSTRACT = -1
_NO_IMPRINT = -8  # the imprint score of a title between two citations (that of running text)
# A citation of a date and a count alone (`2021. 45p.`, `May 2021. 45p.`): its publisher and
# place are printed on the line before.
_DATE_AND_COUNT = re.compile(
    r"^(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d\d[.,]?\s*(?:\d+\s*(?:p|pp|pages)\.?)?$"
)


def _starts_the_imprint(head: str, rest: str) -> bool:
    """`head` is the part of an imprint that `rest` lacks: its place, or its publisher."""
    if _DATE_AND_COUNT.match(rest):
        return not head.endswith((".", "?", "!"))
    return ":" not in rest[:_PLACE_MAX] and _a_place(head)


_PLACE_MAX = 48  # characters: a place and its region before an imprint's colon


def _a_place(text: str) -> bool:
    """A place beyond doubt: a city and its region or country (`Washington, DC`, `Ottawa,
    Ontario`), or a city, region or country of the world by its name alone (`New York`)."""
    if len(text) > _PLACE_MAX:
        return False
    head, comma, region = text.rstrip(".").rpartition(",")
    if comma:
        return head.strip()[:1].isupper() and names_a_region(region.strip())
    return text[:1].isupper() and names_a_known_place(text.rstrip("."))


def _mark_repeated_bylines(units: list[Unit], shapes: list[Scores]) -> None:
    """A `By` line printed again right after the abstract's sentences, with no citation since
    the first (`By Ann Lee` / sentences / `By Ann Lee` / sentences: the document's front page
    copied into the abstract), is abstract text: a record prints its byline once, and a record
    printed twice prints its imprint, then its title, before the byline again."""
    seen: dict[str, int] = {}
    cited = -1  # the last citation beyond doubt
    for i, unit in enumerate(units):
        if shapes[i][IMPRINT] == CITATION:
            cited = i
        if shapes[i] != BY_LINE:
            continue
        first = seen.get(unit.text)
        seen[unit.text] = i
        if first is not None and cited < first and shapes[i - 1][ABSTRACT] == _SENTENCES:
            shapes[i] = _REPEATED_BYLINE


_REPEATED_BYLINE: Scores = (None, None, None, _SENTENCES, None, None, None)

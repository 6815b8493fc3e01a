"""The orders a page prints a record's fields in, as line models: the score of each role after
each other role, and how a window of lines votes for its order.

Most pages print title, byline, abstract, imprint (`NORMAL`); some print the abstract after the
imprint (`LATE`), some the byline after the abstract (`BYLINE_LATE`). A field left open at a
line's end (`…in the`, `By Ann Lee and`) goes on on the next line: each model has a second table
for the line after such a line.
"""

from __future__ import annotations

from typing import NamedTuple

from kg.ingest.evidence import (
    ABSTRACT,
    BY_TITLE,
    BYLINE,
    CITATION,
    IMPRINT,
    JUNK,
    JUNK_IN,
    ROLES,
    TITLE,
    UNENDED_TITLE,
    Scores,
)

_: None = None  # a transition that never happens
# TRANSITION[a][b]: the score of role b right after role a (None: never), for records printed
# title, byline, abstract, imprint (the order of the sample and of most pages).
# A junk line after an abstract is inside it, or ends a record that has no imprint (`Guest User`
# after a post of a title and an abstract): the same cost as a title right after the abstract.
#       title junk byline abstract imprint junk-in junk-after
TRANSITION: tuple[tuple[int | None, ...], ...] = (
    (-12, 0, 0, -4, -6, _, _),  # after a title (junk: before the byline)
    (_, 0, 0, -1, -2, _, _),  # after junk that follows a title
    (-10, -1, -4, 0, -2, 0, _),  # after a byline (junk: before a second byline)
    (-8, _, -14, 0, 0, 0, -8),  # after an abstract paragraph (a byline: a record with no title)
    (0, _, -14, _, -1, _, 0),  # after an imprint line
    (_, _, _, 0, 0, 0, _),  # after junk inside the abstract
    (0, _, -14, _, _, _, 0),  # after junk that follows the imprint
)
START = (0, _, -8, -10, -10, _, 0)  # the first line of the page's records
END = (-10, -10, -10, -6, 0, -6, 0)  # the last line
# The same for pages that print each abstract after its imprint (title, byline, imprint,
# abstract): the abstract, not the imprint, ends a record. A title right before an abstract is
# a record with neither byline nor imprint, as cheap as the abstract going on through a
# title-shaped paragraph (a heading of the abstract scores lower as a title).
LATE_TRANSITION: tuple[tuple[int | None, ...], ...] = (
    (-12, 0, 0, -2, -3, _, _),  # after a title
    (_, 0, 0, -2, -1, _, _),  # after junk that follows a title
    (-10, 0, -4, -2, 0, _, _),  # after a byline (junk: before the imprint)
    (0, _, -14, -1, -10, 0, 0),  # after an abstract paragraph (an imprint: a series line)
    (-2, _, -14, 0, -1, 0, 0),  # after an imprint line (a title: a record with no abstract)
    (_, _, _, 0, -6, 0, _),  # after junk inside the abstract
    (0, _, -14, _, _, _, 0),  # after junk that ends the record
)
LATE_END = (-10, -10, -10, 0, -2, -6, 0)
# The same for pages that print each byline after its abstract (title, abstract, byline,
# imprint): a byline after an abstract is the record's, not one whose title is missing. Junk
# after an abstract ends a record that has neither (a title and its abstract alone) sooner
# than it sits inside the abstract: else the next title, with no byline under it, reads as
# abstract text and the next record's byline and imprint go to the bare record. For the same
# reason a title right after an abstract (a bare record's end) costs nothing: a line shaped like
# a title then wins over more abstract text, and a heading of the abstract (`Key findings`) loses.
BYLINE_LATE_TRANSITION: tuple[tuple[int | None, ...], ...] = (
    (-12, 0, -2, 0, -6, _, _),  # after a title (a byline: a record with no abstract)
    (_, 0, -2, 0, -4, _, _),  # after junk that follows a title
    (-4, _, -4, -10, 0, _, _),  # after a byline (a title: a record with no imprint)
    (0, _, 0, 0, -2, -4, 0),  # after an abstract paragraph (an imprint: no byline)
    (0, _, -14, _, -1, _, 0),  # after an imprint line
    (_, _, 0, 0, 0, 0, _),  # after junk inside the abstract
    (0, _, -14, _, _, _, 0),  # after junk that follows the imprint
)
# The same for a listing in summary view: each post's title and the start of its abstract, no
# byline and no imprint anywhere (`layout` tries it only then), so an abstract ends a record and
# a title after it starts the next.
SUMMARY_TRANSITION: tuple[tuple[int | None, ...], ...] = (
    (-12, 0, -4, 0, -6, _, _),  # after a title
    (_, 0, 0, 0, -2, _, _),  # after junk that follows a title
    (-10, _, -4, 0, -2, 0, _),  # after a byline
    (-1, _, -14, 0, -2, 0, -1),  # after an abstract paragraph (a title: the next post)
    (0, _, -14, _, -1, _, 0),  # after an imprint line
    (_, _, _, 0, 0, 0, _),  # after junk inside the abstract
    (0, _, -14, _, _, _, 0),  # after junk that ends the record
)
SUMMARY_END = (-10, -10, -10, 0, 0, -6, 0)
STEPS_MEMO = 100_000  # steps remembered at most per model (pages use a few hundred)
# For each role, the roles that may come before it and the score of that order.
Predecessors = tuple[tuple[tuple[int, int], ...], ...]
# (relative row, line's scores, how the line before ended) → (next row, best predecessors)
Steps = dict[tuple[tuple[int, ...], Scores, int], tuple[tuple[int, ...], tuple[int, ...]]]
# A field left open at a line's end goes on on the next line: a line of the same role after it
# scores `_GOES_ON`, and after a title or byline any other role pays for the field it leaves
# unfinished (an imprint may end with a comma, `…Review Commission,`, and no year after it).
_GOES_ON = 2
_LEFT_OPEN = -6
CLOSED, LEFT_OPEN, WRAPPED, OPEN_WORD = 0, 1, 2, 3  # how a line ends (`Model.predecessors`)
JOINED = frozenset([TITLE, BYLINE])  # fields read as one text when broken over lines
# Fields a line left open leaves unfinished: an abstract's sentence goes on too (`…review,` /
# `1990-2021 …` is a title's end, not a title after an abstract); an imprint may end so, with
# a mark (`…Review Commission,`), but never with a word (`OPEN_WORD`: `…North Sound and the`).
LEFT_UNFINISHED = JOINED | {ABSTRACT}
LEFT_UNFINISHED_BY_A_WORD = LEFT_UNFINISHED | {IMPRINT}


class Model(NamedTuple):
    """A line model: the score of each order of roles, and the Viterbi steps worked out."""

    start: tuple[int | None, ...]
    end: tuple[int | None, ...]
    end_of_window: tuple[int | None, ...]  # a window that is not the page's last: a title next
    # after a line closed (`CLOSED`), after one left open by a mark (`LEFT_OPEN`) or by a word
    # (`OPEN_WORD`), after one printed on the line just above it where blank lines part the
    # fields (`WRAPPED`)
    predecessors: tuple[Predecessors, Predecessors, Predecessors, Predecessors]
    steps: Steps
    before_byline: frozenset[int]  # the roles a record's byline follows (else it starts one)


def _model(
    transition: tuple[tuple[int | None, ...], ...],
    end: tuple[int | None, ...],
    before_byline: frozenset[int] = frozenset([TITLE, JUNK, BYLINE]),
) -> Model:
    # After a line left open only a title or byline pays for a field it leaves unfinished; a
    # field wrapped onto the next line (no blank line between, where blank lines part the
    # fields) is cut whatever its role.
    goes_on = _after(transition, LEFT_UNFINISHED)
    wrapped = _after(transition, frozenset(range(ROLES)))
    by_a_word = _after(transition, LEFT_UNFINISHED_BY_A_WORD)
    tables = (
        _predecessors(transition),
        _predecessors(goes_on),
        _predecessors(wrapped),
        _predecessors(by_a_word),
    )
    return Model(START, end, tuple(row[TITLE] for row in transition), tables, {}, before_byline)


def _after(
    transition: tuple[tuple[int | None, ...], ...], cut: frozenset[int]
) -> tuple[tuple[int | None, ...], ...]:
    """The scores after a line whose field goes on: the same role scores at least `_GOES_ON`,
    another role after one in `cut` pays `_LEFT_OPEN`."""
    return tuple(
        tuple(_goes_on(prev, role, cost, cut) for role, cost in enumerate(row))
        for prev, row in enumerate(transition)
    )


def _goes_on(prev: int, role: int, cost: int | None, cut: frozenset[int]) -> int | None:
    if cost is None:
        return None
    if prev == role:
        return max(cost, _GOES_ON)
    return cost + _LEFT_OPEN if prev in cut else cost


def _predecessors(transition: tuple[tuple[int | None, ...], ...]) -> Predecessors:
    return tuple(
        tuple((p, cost) for p, row in enumerate(transition) if (cost := row[role]) is not None)
        for role in range(ROLES)
    )  # fmt: skip


NORMAL = _model(TRANSITION, END)
LATE = _model(LATE_TRANSITION, LATE_END)
BYLINE_LATE = _model(
    BYLINE_LATE_TRANSITION, END, frozenset([TITLE, JUNK, BYLINE, ABSTRACT, JUNK_IN])
)
SUMMARY = _model(SUMMARY_TRANSITION, SUMMARY_END)


class Votes(NamedTuple):
    """How a window's imprints vote for the order its records are printed in."""

    normal: int  # sentences before the imprint
    late: int  # sentences only after it
    byline_late: int  # a byline before it, and sentences before that
    normal_with_byline: int  # of `normal`: a byline above the sentences


def votes(lines: list[tuple[str, Scores]]) -> Votes:
    """How each imprint (a citation beyond doubt) of the lines votes."""
    fields = [line for line in lines if line[1][JUNK] is None]
    normal = late = byline_late = with_byline = 0
    i = 0
    while i < len(fields):
        if fields[i][1][IMPRINT] != CITATION:
            i += 1
            continue
        start = i  # the imprint's lines: a citation and the lines of its kind around it
        while start > 0 and _imprint_like(fields[start - 1]):
            start -= 1
        while i + 1 < len(fields) and _imprint_like(fields[i + 1]):
            i += 1
        before = fields[start - 1][1] if start > 0 else None
        if (
            before is not None
            and _names(before, _A_NAME)
            and start > 1
            and _running(fields[start - 2][1])
        ):
            byline_late += 1  # names between the sentences and the imprint (`… with …` too)
        elif before is not None and _running(before):
            normal += 1
            with_byline += _byline_above(fields, start - 1)
        elif i + 1 < len(fields) and _running(fields[i + 1][1]):
            late += 1
        i += 1
    return Votes(normal, late, byline_late, with_byline)


def summary_view(lines: list[tuple[str, Scores]]) -> bool:
    """Paragraphs of sentences (two or more) and no line that reads as a list of names or as
    (the start of) an imprint: a listing's summary view, if any page is one."""
    if any(_names(s, _NAMES) or _imprint_like((t, s)) for t, s in lines):
        return False
    return sum(_running(s) for _t, s in lines) >= 2


def _byline_above(fields: list[tuple[str, Scores]], end: int) -> bool:
    """A byline above line `end` before the previous imprint (the record's own, printed before
    its abstract: a record without one is printed the same in both orders that put the
    abstract before the imprint)."""
    for k in range(end - 1, max(-1, end - _ABOVE), -1):
        if fields[k][1] is BY_TITLE:
            continue  # `By Any Means: Policing Protest`: a title as likely as a byline
        if _names(fields[k][1], _NAMES):
            return True
        if _imprint_like(fields[k]):
            return False
    return False


_ABOVE = 40  # lines looked at above an abstract for its record's byline


def _names(s: Scores, least: int) -> bool:
    """A byline: a line whose byline score is at least `least`."""
    byline = s[BYLINE]
    return byline is not None and byline >= least


_NAMES = 4  # the byline score of a list of people's names (a `By` line scores more)
_A_NAME = 2  # the byline score of one name (`JANE ROE, Editor`), or of words like one


def _imprint_like(line: tuple[str, Scores]) -> bool:
    """A citation, or a line an imprint broken in two starts with (`London: Volteface,`)."""
    text, s = line
    imprint = s[IMPRINT]
    return imprint == CITATION or (imprint == 2 and text.endswith((",", ":")))


def _running(s: Scores) -> bool:
    """Sentences: a line that reads as an abstract, hardly as an imprint, and ends a sentence
    (running text that does not may be a title in sentence case)."""
    imprint = s[IMPRINT]
    return s[ABSTRACT] == 2 and (imprint is None or imprint <= -4) and s[TITLE] != UNENDED_TITLE

"""Lines → records: the most likely role of every line, and the records the roles make.

Each line's shape scores each role (evidence.py); the order of a record's fields scores each pair
of neighbouring roles (a title is followed by a byline, an abstract by more abstract or the
imprint, an imprint by the next record's title…). The best sequence of roles over the lines is
found by dynamic programming (Viterbi), so a line's role comes from its own shape first, and its
neighbours only break ties: a colon in a title no longer makes it an imprint when an abstract
follows it, and a name list without `By` is a byline because a title precedes it.

A new record starts at each title. Every line gets exactly one role in exactly one record; a
record that lacks what a record needs is returned with the reason (the caller rejects it), never
merged into its neighbour.

Most pages print a record's abstract before its imprint; some print it after. The imprints of a
window vote for its order (`layout`), and the window is decoded with the order's own scores, so
an abstract after its imprint is neither read as more imprint nor as the next record.

Pages are decoded in windows so that a 50 MB page streams in bounded memory: a window is cut just
before a title that a `By` line follows, where every reading agrees a record starts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from kg.ingest.evidence import (
    ABSTRACT,
    BY_LINE,
    BYLINE,
    IMPRINT,
    JUNK,
    JUNK_AFTER,
    JUNK_IN,
    ROLE_NAMES,
    ROLES,
    TITLE,
    Scores,
    left_open,
    line_scores,
)
from kg.ingest.going_on import mark_going_on
from kg.ingest.lines import Unit
from kg.ingest.orders import (
    BYLINE_LATE,
    CLOSED,
    JOINED,
    LATE,
    LEFT_OPEN,
    NORMAL,
    OPEN_WORD,
    STEPS_MEMO,
    SUMMARY,
    WRAPPED,
    Model,
    Predecessors,
    summary_view,
    votes,
)

WINDOW = 200  # lines decoded together before looking for a place to cut
MAX_WINDOW = 20_000  # lines decoded together at most, cut or not


@dataclass(slots=True)
class Block:
    """One record's lines with their roles (or the lines of a would-be record, and why not)."""

    lines: list[tuple[int, Unit]] = field(default_factory=list)  # in page order, for --explain
    by_role: tuple[list[Unit], ...] = field(default_factory=lambda: ([], [], [], [], [], [], []))
    fields: int = 0  # lines that are not junk
    # its title joined from lines only because one is printed right under the other (not
    # because the first stops where no title ends): a judgement the reader says
    title_wrapped: bool = False

    def add(self, role: int, unit: Unit) -> None:
        self.lines.append((role, unit))
        self.by_role[role].append(unit)
        self.fields += role != JUNK

    def units(self, role: int) -> list[Unit]:
        return self.by_role[role]

    @property
    def title(self) -> Unit | None:
        titles = self.by_role[TITLE]
        return titles[0] if titles else None

    @property
    def line(self) -> int:
        """The record's line: its title's, else its first line's."""
        titles = self.by_role[TITLE]
        return titles[0].line if titles else self.lines[0][1].line

    def reason(self) -> str | None:
        """Why these lines cannot be a record (`what is wrong — what to do`), or None."""
        titles, bylines, imprints = (self.by_role[r] for r in (TITLE, BYLINE, IMPRINT))
        if not titles:
            if bylines:
                return "a byline with no title before it — add the title line"
            return "text that is no record (no title and byline found) — check the page"
        if len(titles) > 1:
            return "two title lines in one record — join them or add the byline between them"
        if not bylines and not imprints and not self.by_role[ABSTRACT]:
            return (
                "a title with no byline and no imprint after it — add the By line and the "
                "citation line (place: publisher, year)"
            )
        return None  # a title and its abstract alone: a listing's summary, read and said


def segment(units: Iterable[Unit]) -> Iterator[Block]:
    """The records of a page's lines (after its header), in page order, streamed."""
    window: list[Unit] = []
    shapes: list[Scores] = []
    opens: list[int] = []  # for each line: how the line before it ended (CLOSED, LEFT_OPEN…)
    was_open = CLOSED
    for unit in units:
        found = line_scores(unit.text)
        if was_open:
            found = goes_on_byline(window[-1].text, shapes[-1], unit.text, found)
        window.append(unit)
        shapes.append(found)
        opens.append(was_open)
        # Left open by a mark (`LEFT_OPEN`) or by a word (`OPEN_WORD`: `…and the`), told
        # inline: this runs for every line.
        text = unit.text
        was_open = (
            (OPEN_WORD if text[-1:].isalnum() else LEFT_OPEN)
            if left_open(text, shapes[-1])
            else CLOSED
        )
        if len(window) >= WINDOW:
            cut = _cut(window, shapes, opens) if len(window) < MAX_WINDOW else len(window)
            if cut:
                yield from _read(window[:cut], shapes[:cut], opens[:cut], last=False)
                del window[:cut], shapes[:cut], opens[:cut]
    if window:
        yield from _read(window, shapes, opens, last=True)


def goes_on_byline(before: str, scores_before: Scores, text: str, found: Scores) -> Scores:
    """The scores of a line after an inverted byline left open inside a name (`BY ROE, JANE;
    WU,`): alone, `DONGYI; DOE, JOHN` is no list of names, but the name begun before it and the
    line are; its byline score is theirs."""
    if not before.endswith(",") or ";" not in before or (scores_before[BYLINE] or 0) <= 0:
        return found
    begun = before[before.rfind(";") + 1 :].strip()
    joined = line_scores(f"{begun} {text}")[BYLINE]
    if joined is None or joined <= (found[BYLINE] or 0):
        return found
    return (*found[:BYLINE], joined, *found[BYLINE + 1 :])


def _read(
    units: list[Unit], shapes: list[Scores], opens: list[int], *, last: bool
) -> Iterator[Block]:
    """The records of one window of lines."""
    opens[0] = CLOSED  # the window's first line goes on no line of this window
    mark_going_on(units, shapes, opens)
    model = layout(units, shapes, opens, last=last)
    roles = _decode(shapes, opens, last=last, model=model)
    yield from _blocks(units, roles, opens, model.before_byline)


def layout(units: Sequence[Unit], shapes: list[Scores], opens: list[int], *, last: bool) -> Model:
    """The line model for a window of lines. A page keeps one order for all its records, so
    its imprints vote (`orders.votes`): `BYLINE_LATE` when more of them have a byline, then
    sentences, before them than have sentences under a byline (a record without a byline reads
    the same in both orders) and no fewer have sentences only after them; else `LATE` when more
    have sentences only after them than before them, `NORMAL` when fewer. On a tie (no
    citation beyond doubt, say), the model that explains the lines best, `NORMAL` first; with
    `SUMMARY` among them when no line reads as names or an imprint (a listing's summary view)."""
    lines = list(zip(map(_TEXT, units), shapes, strict=True))
    vote = votes(lines)
    if vote.byline_late > vote.normal_with_byline and vote.byline_late >= vote.late:
        tied = [BYLINE_LATE] if vote.byline_late > vote.late else [LATE, BYLINE_LATE]
    elif vote.normal == vote.late:
        tied = [NORMAL, LATE, BYLINE_LATE]
        if vote.normal == 0 and summary_view(lines):
            tied.append(SUMMARY)
    else:
        tied = [LATE if vote.late > vote.normal else NORMAL]
    if len(tied) == 1:
        return tied[0]
    return max(tied, key=lambda model: _best(shapes, opens, last, model))


_TEXT = attrgetter("text")


def _cut(units: list[Unit], shapes: list[Scores], opens: list[int]) -> int:
    """Index of the title of the last record start beyond doubt (a title, then a `By` line that
    no other `By` line follows: that one is no title; the line before it not left open, nor
    printed right above it); 0 if none."""
    for i in range(len(shapes) - 2, WINDOW // 2, -1):
        if (
            shapes[i] == BY_LINE
            and shapes[i - 1][TITLE] == 0
            and shapes[i + 1] != BY_LINE
            and not opens[i - 1]
            and units[i - 1].line != units[i - 2].line + 1
        ):
            return i - 1
    return 0


def _decode(shapes: list[Scores], opens: list[int], *, last: bool, model: Model) -> list[int]:
    """The best role for each line (Viterbi) under `model`. A window that is not the page's
    last ends where a title follows, so its last line must be one a title may follow.

    Scores are kept relative to the best role's, so the same few score rows come back line
    after line: each step (row, line's scores → next row, best predecessors) is worked out once
    and remembered (`_STEPS`). Where no role can be reached, the plain algorithm decides."""
    end = model.end if last else model.end_of_window
    row = _relative([_sum(s, e) for s, e in zip(model.start, shapes[0], strict=True)])
    if row is None:
        return decode_plain(shapes, opens, last=last, model=model)
    steps = model.steps
    back: list[tuple[int, ...]] = []
    for emission, is_open in zip(shapes[1:], opens[1:], strict=True):
        found = steps.get((row, emission, is_open))
        if found is None:
            found = _step(row, emission, model.predecessors[is_open])
            if found is None:
                return decode_plain(shapes, opens, last=last, model=model)
            if len(steps) >= STEPS_MEMO:
                steps.clear()
            steps[(row, emission, is_open)] = found
        row, came = found
        back.append(came)
    finals = [_sum(b, e) for b, e in zip(row, end, strict=True)]
    if max(finals) <= _UNREACHED:  # no role the window may end with: let the plain code say
        return decode_plain(shapes, opens, last=last, model=model)
    return _backtrack(finals, back)


def _relative(scores: list[int]) -> tuple[int, ...] | None:
    """Scores less the best one's; a role that cannot be reached is `_NEVER`. None when none
    can be reached."""
    top = max(scores)
    if top <= _UNREACHED:
        return None
    return tuple(s - top if s > _UNREACHED else _NEVER for s in scores)


def _step(
    row: tuple[int, ...], emission: Scores, predecessors: Predecessors
) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """The next relative row and each role's best predecessor (None: no role reached)."""
    step, came = _advance(row, emission, predecessors)
    relative = _relative(step)
    return None if relative is None else (relative, tuple(came))


def _advance(
    best: Sequence[int], emission: Scores, predecessors: Predecessors
) -> tuple[list[int], list[int]]:
    """One Viterbi step: each role's best score after this line, and where it came from."""
    step = [_NEVER] * ROLES
    came = [0] * ROLES
    for role, score in enumerate(emission):
        if score is None:
            continue
        top, arg = _NEVER, 0
        for prev, cost in predecessors[role]:
            value = best[prev] + cost
            if value > top:
                top, arg = value, prev
        step[role] = top + score
        came[role] = arg
    return step, came


def _backtrack(finals: list[int], back: Sequence[Sequence[int]]) -> list[int]:
    role = max(range(ROLES), key=finals.__getitem__)
    roles = [role]
    for came in reversed(back):
        role = came[role]
        roles.append(role)
    roles.reverse()
    return roles


def decode_plain(shapes: list[Scores], opens: list[int], *, last: bool, model: Model) -> list[int]:
    """`_decode` with absolute scores and nothing remembered (the reference it is tested
    against, and what decides a window where some line's roles cannot be reached)."""
    return _backtrack(*_forward(shapes, opens, last, model))


def _best(shapes: list[Scores], opens: list[int], last: bool, model: Model) -> int:
    """The score of the best sequence of roles over the lines under `model`."""
    return max(_forward(shapes, opens, last, model)[0])


def _forward(
    shapes: list[Scores], opens: list[int], last: bool, model: Model
) -> tuple[list[int], list[list[int]]]:
    """Each role's best final score and, for each line after the first, each role's best
    predecessor."""
    end = model.end if last else model.end_of_window
    best = [_sum(s, e) for s, e in zip(model.start, shapes[0], strict=True)]
    back: list[list[int]] = []
    for emission, is_open in zip(shapes[1:], opens[1:], strict=True):
        best, came = _advance(best, emission, model.predecessors[is_open])
        back.append(came)
    return [_sum(b, e) for b, e in zip(best, end, strict=True)], back


# Far below any real score (an impossible role), yet an int: the sums stay cheap.
_NEVER = -(10**9)
# Below this a score comes from an impossible role (`_NEVER` plus a few line scores).
_UNREACHED = _NEVER // 2


def _sum(a: int | None, b: int | None) -> int:
    return _NEVER if a is None or b is None or a <= _NEVER else a + b


_JUNKS = frozenset([JUNK, JUNK_IN, JUNK_AFTER])


def _joined(first: Unit, then: Unit, mark: str = " ") -> Unit:
    """One field printed over two lines, as one line (numbered as the first)."""
    return Unit(
        first.line,
        f"{first.raw.rstrip()} {then.raw.strip()}",
        f"{first.text}{mark}{then.text}",
        first.lead,
    )


def _subtitle_mark(title: str, above: Unit, subtitle: Unit) -> str:
    """How a title goes on onto `subtitle`: after a colon when the subtitle is a paragraph of
    its own and the title's part above ends with no mark (`Knife Crime` / `A Review of the
    Evidence`: a cataloguer's `Knife Crime: A Review of the Evidence`); else a space."""
    if subtitle.line > above.line + 1 and title[-1:].isalnum():
        return ": "
    return " "


def _blocks(
    units: list[Unit], roles: list[int], opens: list[int], before_byline: frozenset[int]
) -> Iterator[Block]:
    """Group lines into records: each title starts one, and so does a byline after a line of a
    role not in `before_byline`; lines before the first title join it. A title or byline line
    that goes on one left open is one field with it."""
    current = Block()
    lines, by_role, fields = current.lines, current.by_role, 0
    previous = TITLE
    for unit, role, is_open in zip(units, roles, opens, strict=True):
        if is_open and role == previous and role in JOINED:
            wrapped = role == TITLE and is_open == WRAPPED
            current.title_wrapped |= wrapped
            first = by_role[role][-1]
            mark = _subtitle_mark(first.text, lines[-1][1], unit) if wrapped else " "
            lines.append((role, unit))
            by_role[role][-1] = _joined(first, unit, mark)
            continue
        # A byline after an imprint (or an abstract, in most orders) starts a record whose
        # title is missing.
        if (role == TITLE or (role == BYLINE and previous not in before_byline)) and fields:
            current.fields = fields
            yield current
            current = Block()
            lines, by_role, fields = current.lines, current.by_role, 0
        previous = role
        if role in _JUNKS:
            role = JUNK
        else:
            fields += 1
        lines.append((role, unit))
        by_role[role].append(unit)
    if lines:
        current.fields = fields
        yield current


__all__ = ["ABSTRACT", "BYLINE", "IMPRINT", "JUNK", "ROLE_NAMES", "TITLE", "Block", "segment"]

"""A byline of plain personal names is read without the rules for bodies, inverted names and
notes: the contributors must be those every rule gives (`byline._read_byline`)."""

from __future__ import annotations

import json
import sys
from functools import cache

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.ingest.assemble import Lexicon
from kg.ingest.byline import parse_byline, strip_by
from kg.ingest.byline_text import plain_byline
from kg.ingest.contributor import dedupe
from kg.ingest.plain_names import plain_people
from kg.records import Contributor
from tests.conftest import ROOT, fixture_lexicon

byline = sys.modules["kg.ingest.byline"]  # the module, not the function kg.ingest exports


@cache
def _lexicon() -> Lexicon:
    return fixture_lexicon()


def _both_ways(line: str) -> tuple[tuple[Contributor, ...] | None, tuple[Contributor, ...]]:
    """(what the fast path reads, None when it declines; what every rule reads)."""
    authority = _lexicon().authority
    bare, role = strip_by(line)
    bare = plain_byline(bare)
    names = plain_people(bare, authority)
    fast = None
    if names is not None:
        fast = tuple(dedupe([Contributor(n, "person", role) for n in names]))
    return fast, byline._read_byline(bare, role, authority)


def test_a_plain_list_of_people_takes_the_fast_path() -> None:
    fast, full = _both_ways("By Priya Shah, Tomás D. Novak and Ann O'Lee-Smith.")
    assert fast is not None  # a test of agreement that never takes the fast path proves nothing
    assert [c.name for c in fast] == ["Priya Shah", "Tomás D. Novak", "Ann O'Lee-Smith"]
    assert fast == full
    fast, full = _both_ways("By Roe, Jane A.; Saied-Tessier, Olga")
    assert fast is not None
    assert [c.name for c in fast] == ["Jane A. Roe", "Olga Saied-Tessier"]
    assert fast == full
    fast, full = _both_ways("By Li van der Doe | Maria de Okafor")
    assert fast is not None
    assert [c.name for c in fast] == ["Li van der Doe", "Maria de Okafor"]
    assert fast == full


def test_bodies_inverted_names_and_notes_decline_the_fast_path() -> None:
    for line in (
        "By Roe, Jane",
        "By Jane Roe, Director",
        "By Riverside Research Council and Jane Roe",
        "By Jane Roe et al.",
        "By Jane Roe In Conjunction with the Harbour Trust",
        "By Stop Handgun Violence",
        "By Jane Ann Marie Roe",
        "By Jane van",
    ):
        fast, _full = _both_ways(line)
        assert fast is None, line


def test_the_real_bylines_read_alike_both_ways() -> None:
    path = ROOT / "tests/fixtures/real/bylines-seen.jsonl"
    rows = [json.loads(row) for row in path.read_text(encoding="utf-8").splitlines() if row]
    lines = [row["byline_line"] for row in rows if row.get("byline_line")]
    taken = 0
    for line in lines:
        fast, full = _both_ways(line)
        if fast is not None:
            taken += 1
            assert fast == full, line
    assert taken > 0


_WORDS = [
    "Jane", "John", "Roe", "Doe", "Ann", "Lee", "Hannah", "Smith", "Kwame", "Okafor", "Lucía",
    "Björn", "Renée", "García", "Ng-Knight", "Saied-Tessier", "McMahon", "MacDonald", "O'Brien",
    "Van", "De", "La", "Del", "Al", "Et", "In", "Conjunction", "With", "And", "The", "Of", "For",
    "Foundation", "Institute", "Council", "Centre", "University", "Stop", "Walk", "Free", "Safe",
    "Director", "Professor", "Dr", "Research", "Eds", "Editor", "Jr", "Ltd", "Violence",
    "Evasion", "Justice", "Youth", "Northland", "Europol", "Interpol", "Jean-Luc", "HoodDaniel",
    "Mc", "Mac", "O'", "Ed", "J.", "D.", "A.", "JANE", "ROE", "Émile", "Łukasz", "van", "der",
    "de", "la", "von", "del", "da", "y", "bin", "al",
]  # fmt: skip
_SEPARATORS = [", ", ", and ", " and ", " & ", " | ", " · ", " - ", "; ", " with ", ",", " ",
               " In Conjunction with ", " and the ", ". ", " by "]  # fmt: skip
_PREFIXES = ["By ", "By: ", "Edited by ", "BY ", "", "Compiled by "]


def _names() -> st.SearchStrategy[str]:
    made_up = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join)
    known = st.sampled_from(
        sorted({a.name for a in _lexicon().authority.agents} | {"Jane Roe", "John Doe"})
    )
    return st.one_of(made_up, made_up, made_up, known)


@settings(max_examples=400, deadline=None)
@given(
    prefix=st.sampled_from(_PREFIXES),
    first=_names(),
    rest=st.lists(st.tuples(st.sampled_from(_SEPARATORS), _names()), max_size=4),
    end=st.sampled_from(["", ".", ",", " "]),
)
# A family name that is also a state's abbreviation (`La.`, Louisiana) loses the byline's stop.
@example(prefix="By ", first="Jane La", rest=[], end=".")
@example(prefix="By ", first="Jane Jane y Jane", rest=[(" ", "ABC-CLIO")], end="")
# `and And`: the rules read a title-case `And` after a word as `and` (`Ann Lee And Bo Chan`).
@example(prefix="By ", first="Jane Jane", rest=[(", and ", "And Jane")], end="")
def test_the_fast_path_reads_what_every_rule_reads(
    prefix: str, first: str, rest: list[tuple[str, str]], end: str
) -> None:
    line = prefix + first + "".join(sep + name for sep, name in rest) + end
    fast, full = _both_ways(line)
    if fast is not None:
        assert fast == full
    assert parse_byline(line, _lexicon().authority) == (fast if fast is not None else full)


@settings(max_examples=300, deadline=None)
@given(
    prefix=st.sampled_from(_PREFIXES),
    people=st.lists(st.tuples(_names(), _names()), min_size=1, max_size=5),
    joiner=st.sampled_from(["; ", ";", " ; ", ", ", "; and "]),
    end=st.sampled_from(["", ".", " "]),
)
@example(prefix="By ", people=[("Jane", "Jane"), ("Jane", "Jr")], joiner="; ", end="")
def test_inverted_lists_read_alike_both_ways(
    prefix: str, people: list[tuple[str, str]], joiner: str, end: str
) -> None:
    line = prefix + joiner.join(f"{family}, {given}" for family, given in people) + end
    fast, full = _both_ways(line)
    if fast is not None:
        assert fast == full

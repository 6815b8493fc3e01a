"""A unit's digest and lines are what their definition says, however they are made
(kg/publish/pipeline.py): the digest is the SHA-256 of the sorted distinct lines joined by
newlines, in UTF-8 (the verdict cache keeps them across builds), though the lines are encoded
one by one; and a linked entity's unit, remembered by what it is made of, is the unit made
afresh."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from kg.publish.pipeline import _linked, _Unit, _unit

# Lines as the mapping writes them, with the characters that change how a text is stored and
# encoded: ASCII only, Latin-1, curly quotes (a tag's reason), astral characters.
LINE = st.text(st.sampled_from('<>a z_"@.\\é“”😀\u0100'), max_size=30)
LINES = st.lists(LINE, max_size=12)


def _plain(lines: list[str], shown: list[str], owned: frozenset[str]) -> tuple[object, ...]:
    distinct = tuple(sorted(set(lines)))
    digest = hashlib.sha256("\n".join(distinct).encode("utf-8")).digest()[:16]
    return digest, distinct, owned, tuple(sorted(set(shown)))


def _parts(made: tuple[bytes, _Unit]) -> tuple[object, ...]:
    digest, unit = made
    return digest, unit.lines, unit.owned, unit.shown


@given(LINES, st.data())
def test_a_unit_is_its_definition_made_or_remembered(lines: list[str], data: st.DataObject) -> None:
    shown = data.draw(st.lists(st.sampled_from(lines))) if lines else []
    owned = frozenset(data.draw(st.lists(LINE, max_size=2)))
    expected = _plain(lines, shown, owned)
    assert _parts(_unit(lines, shown, owned)) == expected
    assert _parts(_linked(list(lines), list(shown), owned)) == expected
    assert _parts(_linked(list(lines), list(shown), owned)) == expected  # remembered

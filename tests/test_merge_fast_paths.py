"""Cross-post detection's fast path gives what the plain code gives: `fold` of ASCII text (most
titles and names) is `plain_fold`, character by character through Unicode's tables."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from kg.ingest.merge import fold, plain_fold

# ASCII letters of both cases, digits, punctuation and spacing, and a few that are not ASCII
# (accents, a ligature, a letter that case-folds to two, a compatibility form).
TEXT = st.text(st.sampled_from([*"aZz09 _-.,;:'\"()\t\n", "é", "ﬁ", "ß", "²", "İ"]))


@given(TEXT)
@example("Crime AND Justice: 2nd ed.")
@example("Über_den Rechtsstaat")
def test_fold_is_plain_fold(text: str) -> None:
    assert fold(text) == plain_fold(text)

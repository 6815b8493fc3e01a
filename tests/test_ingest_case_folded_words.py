"""Patterns of words that ignore case, told by substring tests in ASCII text
(`text.holds_a_word`), answer what the plain pattern answers.

Each test builds lines from the patterns' words in every case, pieces of them, and the
characters beyond ASCII that case folding maps onto ASCII letters (`ſ` is an `s`, `ı` and `İ`
are an `i`, the Kelvin sign is a `k`), and compares the shortcut with the pattern.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.ingest import imprint_notes, journal
from kg.ingest.text import holds_a_word

FOLDED = ["ſ", "ı", "İ", "\u212a", "é"]  # long s, dotless i, dotted capital I, Kelvin sign
JOURNAL_TOKENS = [
    "Advance online publication",
    "ADVANCE ONLINE PUBLICATION",
    "advance online",
    " publication",
    "Early View",
    "early view",
    "EARLY ACCESS",
    "Early",
    " access",
    "Ahead of Print",
    "ahead of print",
    "Ahead of",
    "eFirst",
    "E-first",
    "e-",
    "first",
    "Firſt",
    "Early vıew",
    "ahead of prİnt",
    "Harbour Policing Studies, 2022.",
    " ",
    ". ",
    "x",
    *FOLDED,
]


@settings(max_examples=800)
@given(st.lists(st.sampled_from(JOURNAL_TOKENS), min_size=1, max_size=6).map("".join))
@example("Harbour Policing Studies, 2022. Advance online publication.")
@example("Security Journal, eFirst")
@example("Policing Review. Early vıew")
@example("Policing Review. Ahead of prİnt")
@example("Harbour Studies. Firſt")
def test_a_journals_own_status_is_found_where_its_pattern_finds_it(line: str) -> None:
    expected = journal._JOURNALS_OWN_STATUS.search(line) is not None
    found = holds_a_word(line, journal._JOURNALS_OWN_STATUS, journal._JOURNALS_OWN_WORDS)
    assert found == expected


UPDATE_TOKENS = [
    "Updated",
    "UPDATED",
    "updated",
    "Revised",
    "revised",
    "Modified",
    "modified",
    "Accessed",
    "accessed",
    "Retrieved",
    "RETRIEVED",
    "Viewed",
    "viewed",
    "update",
    "revis",
    "ed",
    "ED",
    "reviſed",
    "modıfied",
    "vİewed",
    "Harbour Press, 2021. 45p.",
    "June 2022",
    " ",
    ". ",
    "x" * 30,
    *FOLDED,
]


def _plain_may_be_update(text: str) -> bool:
    """`imprint_notes._may_be_update` as it was: the pattern searched in the last 64
    characters once `ed` is there."""
    start = max(0, len(text) - 64)
    return "ed" in text[start:] and imprint_notes._UPDATE_WORD.search(text, start) is not None


@settings(max_examples=800)
@given(st.lists(st.sampled_from(UPDATE_TOKENS), min_size=1, max_size=8).map("".join))
@example("Harbour Press, 2021. 45p. Updated June 2022")
@example("Harbour Press, 2021. 45p. reviſed 2022")
@example("Harbour Press, 2021. 45p. Last modıfied 2022")
@example("Harbour Press, 2021. 45p. Retrieved 2022")
@example("Harbour Press, 2021. 45p. Viewed 2022")
@example("Viewed" + "x" * 60)  # the word before the last 64 characters
@example("UPDATED 2022")  # no small `ed`: told as before
def test_an_update_word_is_found_where_its_pattern_finds_it(line: str) -> None:
    assert imprint_notes._may_be_update(line) == _plain_may_be_update(line)


def test_the_words_are_the_patterns_whole_alternatives() -> None:
    for pattern, words in (
        (journal._JOURNALS_OWN_STATUS, journal._JOURNALS_OWN_WORDS),
        (imprint_notes._UPDATE_WORD, imprint_notes._UPDATE_WORDS),
    ):
        for word in words:
            assert word == word.lower()
            assert pattern.fullmatch(word) is not None, word
        assert len(pattern.pattern.split("|")) <= len(words)

"""Publishers in imprints of report and book listings: one body named in two languages or two
joined by a slash, a body named with its country or followed by its city, a thesis's university,
a country's code before a body's head word, a body then its year in brackets, bodies named for
criminology that are no journal. Every line is made up in the shape of a real one."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kg.ingest.bilingual import same_body_in_two_languages
from tests.imprints import imprint_of, main_fields


@pytest.mark.parametrize(
    ("imprint", "publisher"),
    [
        ("Ottawa: Harbour University Press / Les Presses de l’Université Harbour, 2019. 300p.",
         "Harbour University Press / Les Presses de l’Université Harbour"),
        ("Ottawa: Statistics Northland / Statistique Northland, 2020. 30p.",
         "Statistics Northland / Statistique Northland"),
        ("Madrid: Harbour Institute of Criminology / Instituto de Criminología Harbour, 2020.",
         "Harbour Institute of Criminology / Instituto de Criminología Harbour"),
    ],
)  # fmt: skip
def test_one_body_named_in_two_languages_is_one_publisher(imprint: str, publisher: str) -> None:
    got = imprint_of(imprint)
    assert got.publishers == [publisher]
    assert got.places == ["Ottawa"] or got.places == ["Madrid"]


@pytest.mark.parametrize(
    ("imprint", "publishers"),
    [
        ("London: Harbour Press / Coastal Books, 2019. 300p.", ["Harbour Press", "Coastal Books"]),
        ("Ottawa: Ministry of Justice Northland / Public Safety Northland, 2020.",
         ["Ministry of Justice Northland", "Public Safety Northland"]),
    ],
)  # fmt: skip
def test_two_bodies_joined_by_a_slash_stay_two(imprint: str, publishers: list[str]) -> None:
    assert imprint_of(imprint).publishers == publishers


@pytest.mark.parametrize(
    ("imprint", "publisher"),
    [
        ("Coastal Safety Canada, 2020. 30p.", "Coastal Safety Canada"),
        ("Harbour Police Scotland, 2021. 20p.", "Harbour Police Scotland"),
        ("Save the Harbours UK, 2019. 40p.", "Save the Harbours UK"),
        ("Statistics Canada / Statistique Canada, 2020. 30p.",
         "Statistics Canada / Statistique Canada"),
    ],
)  # fmt: skip
def test_a_body_named_with_the_country_it_serves_keeps_it(imprint: str, publisher: str) -> None:
    got = imprint_of(imprint)
    assert (got.publishers, got.places) == ([publisher], [])


@pytest.mark.parametrize(
    ("imprint", "publisher", "place"),
    [
        ("Harbour Rights Watch New York, 2020. 30p.", "Harbour Rights Watch", "New York"),
        ("Springer Singapore, 2020. 300p.", "Springer", "Singapore"),
    ],
)
def test_a_city_after_a_body_s_name_is_its_place(imprint: str, publisher: str, place: str) -> None:
    got = imprint_of(imprint)
    assert (got.publishers, got.places) == ([publisher], [place])


@pytest.mark.parametrize("mark", ["/", "|", "-", "–", "—", "·"])
def test_a_mark_between_a_body_and_its_city_is_in_neither(mark: str) -> None:
    got = imprint_of(f"Harbour Books {mark} Lisbon, 2020. 40p.")
    assert (got.publishers, got.places, got.year) == (["Harbour Books"], ["Lisbon"], 2020)


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéü", min_size=3, max_size=10)


# The words of three letters or more that name nothing, in the languages bodies are named in.
_NAMING_NOTHING = frozenset(
    ["the", "and", "for", "les", "des", "del", "della", "dos", "das", "der", "die", "den", "und",
     "für", "och"]
)  # fmt: skip


@given(st.lists(_WORD, min_size=1, max_size=4), st.lists(_WORD, min_size=1, max_size=4))
@example(["aaa", "aab"], ["aaa", "das"])  # `das` names nothing: one naming word against two
@example(["harbour", "board"], ["harvest", "board"])  # alike in three letters only: two bodies
def test_two_names_are_one_body_only_with_a_cognate_for_every_word(
    first: list[str], second: list[str]
) -> None:
    a, b = " ".join(w.title() for w in first), " ".join(w.title() for w in second)
    one = same_body_in_two_languages(a, b)
    assert one == same_body_in_two_languages(b, a)  # the order of the names does not matter
    if one:  # a word of the shorter side with no word of the other sharing its first letters
        naming = [[w.casefold() for w in n.split() if w.casefold() not in _NAMING_NOTHING]
                  for n in (a, b)]  # fmt: skip
        shorter, longer = sorted(naming, key=len)
        for word in shorter:
            assert any(w.startswith(word[:5]) or word.startswith(w[:5]) for w in longer), (a, b)


@pytest.mark.parametrize(
    "imprint",
    [
        "Harbour Institute (2021). Washington, DC. 45p.",
        "Harbour Institute (2021). Washington, DC: Harbour Institute. 45p.",
    ],
)
def test_a_body_then_its_year_in_brackets_as_references_print_it(imprint: str) -> None:
    got = imprint_of(imprint)
    assert main_fields(got) == (["Harbour Institute"], ["Washington, DC"], 2021, 45)


@pytest.mark.parametrize(
    ("imprint", "university", "count"),
    [
        ("PhD dissertation, University of Harbourtown, 2020. 250p.", "University of Harbourtown",
         250),
        ("Doctoral dissertation. Coastal State University, 2019.", "Coastal State University",
         None),
        ("Master's thesis, Harbour University, 2021. 90p.", "Harbour University", 90),
        ("Thesis (Ph.D.)--University of Northland, 2018.", "University of Northland", None),
        ("Ph.D. thesis, Harbour University, Cambridge, MA, 2017. 300p.", "Harbour University",
         300),
    ],
)  # fmt: skip
def test_a_thesis_names_its_university_as_publisher(
    imprint: str, university: str, count: int | None
) -> None:
    got = imprint_of(imprint)
    assert (got.publishers, got.page_count) == ([university], count)
    assert got.note is not None and ("thesis" in got.note.lower() or "dissert" in got.note)


@pytest.mark.parametrize(
    ("imprint", "place", "publisher"),
    [
        ("Washington D.C. US Department of Harbours. 1995. 349p.", "Washington D.C.",
         "US Department of Harbours"),
        ("Washington DC US Agency for Harbours, 1995. 349p.", "Washington DC",
         "US Agency for Harbours"),
    ],
)  # fmt: skip
def test_a_country_s_code_before_a_body_s_head_word_is_the_body_s(
    imprint: str, place: str, publisher: str
) -> None:
    got = imprint_of(imprint)
    assert (got.places, got.publishers, got.year) == ([place], [publisher], 1995)


@pytest.mark.parametrize(
    "imprint",
    [
        "Brussels: Harbour Institute of Criminology, Forthcoming.",
        "Brussels: Harbour Institute of Criminology / Instituto de Criminología Harbour, "
        "Forthcoming.",
    ],
)
def test_a_place_then_a_body_named_for_criminology_is_no_journal(imprint: str) -> None:
    got = imprint_of(imprint)
    assert (got.journal, got.places, got.year) == (None, ["Brussels"], None)
    assert got.publishers == [imprint.split(": ")[1].rsplit(",", 1)[0]]


def test_a_body_named_for_criminology_before_its_place_is_no_journal() -> None:
    got = imprint_of("Harbour Institute of Criminology, Toronto, Forthcoming.")
    assert (got.journal, got.publishers, got.places) == (
        None,
        ["Harbour Institute of Criminology"],
        ["Toronto"],
    )

"""Journal locators in the forms the citation-style tests leave out: the volume, issue and
page words of other languages (`año`, `a.`, `tomo`, `H.`, `fasc.`, `n.º`), a Roman volume
with the issue after a comma or in brackets, the issue numbered within its year (`2019/3`,
`n. 4/2019`), parts parted by full stops, pages that go on elsewhere (`45+`) and articles'
numbers after their word. Every line is made up in the shape of a real one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import PAGE_HEAD, parse_page_text
from tests.imprints import LEX, JournalRead, imprint_of, journal_of


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        # `año`, `Año`, `a.` (the year of publication) and `tomo` give the volume
        ("Revista Harbour de Criminología, año 12, núm. 3, 2021, pp. 45-67",
         ("Revista Harbour de Criminología", "12", "3", "45-67", 2021)),
        ("Revista de Estudios Costeros, Año 8, No. 2, julio-diciembre 2020, pp. 101-130.",
         ("Revista de Estudios Costeros", "8", "2", "101-130", 2020)),
        ("Rassegna di Studi Costieri, a. 15, n. 2, 2021, pp. 77-98.",
         ("Rassegna di Studi Costieri", "15", "2", "77-98", 2021)),
        ("Anuario de Derecho Costero, tomo LXXIV, 2021, pp. 355-390.",
         ("Anuario de Derecho Costero", "LXXIV", None, "355-390", 2021)),
        # `H.` (Heft), `fasc.` (fascicolo), `n.º` give the issue
        ("Kriminologisches Harbourjournal, Jg. 52, H. 2, S. 101-120",
         ("Kriminologisches Harbourjournal", "52", "2", "101-120", None)),
        ("Bewährungshilfe Küste 68 (2021) H. 2, S. 133-150",
         ("Bewährungshilfe Küste", "68", "2", "133-150", 2021)),
        ("Rivista Costiera di Diritto, 2020, fasc. 3, pp. 412-440.",
         ("Rivista Costiera di Diritto", None, "3", "412-440", 2020)),
        ("Cuadernos de Política Costera, vol. 15, n.º 2, 2019, pp. 33-58.",
         ("Cuadernos de Política Costera", "15", "2", "33-58", 2019)),
        ("Zeitschrift für Küstenrecht, 2020, Heft 4, S. 300-315.",
         ("Zeitschrift für Küstenrecht", None, "4", "300-315", 2020)),
        ("Neue Küstenkriminalpolitik, 33. Jg., Heft 1/2021, S. 45-60.",
         ("Neue Küstenkriminalpolitik", "33", "1", "45-60", 2021)),
    ],
)  # fmt: skip
def test_volume_and_issue_words_of_other_languages(citation: str, read: JournalRead) -> None:
    assert journal_of(citation) == read


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        # a Roman volume, the issue after a comma or in brackets, or the year after it
        ("Rivista di Criminologia Costiera, XII, 3 (2018), 45-67",
         ("Rivista di Criminologia Costiera", "XII", "3", "45-67", 2018)),
        ("Estudios Penales Costeros, vol. XL (2020), pp. 1-45.",
         ("Estudios Penales Costeros", "XL", None, "1-45", 2020)),
        ("Análise Costeira, vol. LV (2), 2020, pp. 310-335.",
         ("Análise Costeira", "LV", "2", "310-335", 2020)),
        ("Champ Pénal Côtier, vol. XVII, 2020, p. 45-70.",
         ("Champ Pénal Côtier", "XVII", None, "45-70", 2020)),
        # the issue numbered within its year
        ("Revue de science côtière et de droit pénal comparé, 2019/3 (n° 3), p. 511-530.",
         ("Revue de science côtière et de droit pénal comparé", None, "3", "511-530", 2019)),
        ("Les Cahiers de la Justice Côtière, 2021/2, p. 233-250",
         ("Les Cahiers de la Justice Côtière", None, "2", "233-250", 2021)),
        ("Rivista Costiera, n. 4/2019, pp. 12-30.", ("Rivista Costiera", None, "4", "12-30", 2019)),
    ],
)  # fmt: skip
def test_roman_volumes_and_issues_within_their_year(citation: str, read: JournalRead) -> None:
    assert journal_of(citation) == read


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        # the parts parted by full stops
        ("Journal of Coastal Justice. 12(3). 2021. 45-67.",
         ("Journal of Coastal Justice", "12", "3", "45-67", 2021)),
        ("Harbour Law Review. 2021. 12(3). 45-67.",
         ("Harbour Law Review", "12", "3", "45-67", 2021)),
        # pages that go on elsewhere in the issue
        ("Journal of Coastal Justice, 12(3), 45+.",
         ("Journal of Coastal Justice", "12", "3", "45+", None)),
        ("Harbour Law Review, Vol. 12, No. 3 (2021), pp. 45+",
         ("Harbour Law Review", "12", "3", "45+", 2021)),
        ("Journal of Coastal Justice 12(3): 45+ (2021)",
         ("Journal of Coastal Justice", "12", "3", "45+", 2021)),
        # an article's number after its word
        ("Journal of Coastal Justice, Vol. 12, Art. no. 45, 2021.",
         ("Journal of Coastal Justice", "12", None, "45", 2021)),
        ("Harbour Public Health Reports, 2021, 12(3), article number 101234.",
         ("Harbour Public Health Reports", "12", "3", "101234", 2021)),
        ("Journal of Coastal Justice, 12(3), Article e12345, 2021.",
         ("Journal of Coastal Justice", "12", "3", "e12345", 2021)),
        ("Coastal Science Reports 11, Article number: 2345 (2021)",
         ("Coastal Science Reports", "11", None, "2345", 2021)),
    ],
)  # fmt: skip
def test_full_stops_between_parts_open_pages_and_article_numbers(
    citation: str, read: JournalRead
) -> None:
    assert journal_of(citation) == read


@pytest.mark.parametrize(
    "imprint",
    [
        # a body's name before the same locators: no journal (a body word and no journal word)
        "Harbour Institute of Justice, año 12, núm. 3, 2021, pp. 45-67",
        "Coastal Policy Centre, Jg. 52, H. 2, S. 101-120",
        "Harbour Foundation, vol. XL (2020), pp. 1-45.",
        # a book's volume in Roman numerals before its title
        "Harbour Books Group, Volume II, Tides and Storms, 2022, 41p.",
        "Harbour Policy Notes, No. 3, 2021, pp. 45-67",  # a series and its number
    ],
)
def test_a_body_before_the_same_locators_makes_no_journal(imprint: str) -> None:
    assert imprint_of(imprint).journal is None


_ROMAN = ["II", "IV", "IX", "XII", "XL", "LV", "LXXIV", "XCIX"]


@given(
    name=st.sampled_from(["Rivista Costiera", "Revista de Estudios Costeros", "Harbour Review"]),
    volume=st.sampled_from(_ROMAN),
    issue=st.integers(1, 12),
    first=st.integers(1, 900),
    length=st.integers(1, 60),
    year=st.integers(1950, 2029),
    form=st.sampled_from(
        [
            "{name}, {volume}, {issue} ({year}), {first}-{last}",
            "{name}, vol. {volume} ({issue}), {year}, pp. {first}-{last}.",
            "{name}, tomo {volume}, núm. {issue}, {year}, pp. {first}-{last}.",
        ]
    ),
)
def test_a_roman_volume_gives_back_its_locators(
    name: str, volume: str, issue: int, first: int, length: int, year: int, form: str
) -> None:
    last = first + length
    citation = form.format(name=name, volume=volume, issue=issue, year=year, first=first, last=last)
    assert journal_of(citation) == (name, volume, str(issue), f"{first}-{last}", year)


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        # the issue alone, then the pages' range, after a name with no series word
        ("Archives de politique côtière, n° 42, 2020, p. 155-178.",
         ("Archives de politique côtière", None, "42", "155-178", 2020)),
        ("Quaderni Costieri, n. 7, 2019, pp. 21-40.",
         ("Quaderni Costieri", None, "7", "21-40", 2019)),
        # year, volume, issue and pages parted by spaces alone
        ("Journal of Coastal Justice 2021 12 3 45-67",
         ("Journal of Coastal Justice", "12", "3", "45-67", 2021)),
    ],
)  # fmt: skip
def test_the_issue_alone_after_a_plain_name_and_parts_parted_by_spaces(
    citation: str, read: JournalRead
) -> None:
    assert journal_of(citation) == read


@pytest.mark.parametrize(
    "imprint",
    [
        "Harbour Policy Notes, No. 3, 2021, pp. 45-67",  # a series and its number
        "Coastal Briefing Papers, n° 12, 2020, p. 1-8.",
        "Harbour Occasional Series, no. 4, 2019, pp. 1-30.",
    ],
)
def test_a_series_word_before_the_issue_alone_makes_no_journal(imprint: str) -> None:
    assert imprint_of(imprint).journal is None


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        # a Roman volume after the year of publication's word
        ("Rassegna Penitenziaria Litorale, a. XIV, n. 1-2, 2020, pp. 5-33.",
         ("Rassegna Penitenziaria Litorale", "XIV", "1-2", "5-33", 2020)),
        # the issue alone after `fasc.`, or after the year
        ("Sistema Penale Litorale, fasc. 4/2021, pp. 88-104.",
         ("Sistema Penale Litorale", None, "4", "88-104", 2021)),
        ("Archivio Penale Litorale, 2022, n. 1, pp. 1-30.",
         ("Archivio Penale Litorale", None, "1", "1-30", 2022)),
        # the year, then the pages after their word
        ("Zeitschrift für Uferrecht 2019, S. 455-460.",
         ("Zeitschrift für Uferrecht", None, None, "455-460", 2019)),
        # volume and an article's number after its word, with no word that names a journal
        ("Frontiers in Shore Sociology, 7, Article 998877, 2022.",
         ("Frontiers in Shore Sociology", "7", None, "998877", 2022)),
    ],
)  # fmt: skip
def test_more_words_before_volume_issue_and_pages(citation: str, read: JournalRead) -> None:
    assert journal_of(citation) == read


def test_a_series_before_the_year_and_the_issue_alone_makes_no_journal() -> None:
    assert imprint_of("Harbour Policy Notes, 2021, No. 3, pp. 45-67").journal is None


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        # the issue alone after `n.º`, a double issue after `núm.`
        ("Revista Lusófona de Segurança Fluvial, n.º 18, 2020, pp. 45-66.",
         ("Revista Lusófona de Segurança Fluvial", None, "18", "45-66", 2020)),
        ("Revista Electrónica de Ciencia Penal Fluvial, núm. 23-10, 2021, pp. 1-35.",
         ("Revista Electrónica de Ciencia Penal Fluvial", None, "23-10", "1-35", 2021)),
        # the issue and its year alone after the name (Italian)
        ("Diritto Penale del Fiume, 4/2020, pp. 55-78.",
         ("Diritto Penale del Fiume", None, "4", "55-78", 2020)),
        # a Roman issue after `fasc.`; the French `t.` (tome) for the volume
        ("Rivista di Polizia Fluviale, vol. LXX, fasc. III, 2017, pp. 145-170.",
         ("Rivista di Polizia Fluviale", "LXX", "III", "145-170", 2017)),
        ("Revue de droit pénal fluvial, t. 12, fasc. 2, 2019, p. 301-330.",
         ("Revue de droit pénal fluvial", "12", "2", "301-330", 2019)),
        # the year and its issue, then the volume (Cairn)
        ("Déviance et Fleuve, 2022/4, vol. 46, p. 455-480.",
         ("Déviance et Fleuve", "46", "4", "455-480", 2022)),
        # parts parted by full stops, an article's number last
        ("River Violence Review. 14(1). 2023. e0012.",
         ("River Violence Review", "14", "1", "e0012", 2023)),
    ],
)  # fmt: skip
def test_third_round_issue_words_issue_and_year_and_tomes(citation: str, read: JournalRead) -> None:
    assert journal_of(citation) == read


def test_a_series_before_its_number_and_year_makes_no_journal() -> None:
    assert imprint_of("River Policy Notes, 4/2020, pp. 1-12.").journal is None


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        ("Revue de science fluviale et de droit comparé, 2019/3 (n° 3), p. 511-530.",
         ("Revue de science fluviale et de droit comparé", None, "3", "511-530", 2019)),
        ("Cahiers d'études fluviales, vol. 12, no 2, 2018, p. 33-51.",
         ("Cahiers d'études fluviales", "12", "2", "33-51", 2018)),
        ("Revue de droit pénal du fleuve, t. 12, fasc. 2, 2019, p. 301-330.",
         ("Revue de droit pénal du fleuve", "12", "2", "301-330", 2019)),
        ("Revue internationale de criminologie du fleuve, vol. LXXII, n° 4, 2019, p. 401-420.",
         ("Revue internationale de criminologie du fleuve", "LXXII", "4", "401-420", 2019)),
    ],
)  # fmt: skip
def test_a_name_in_sentence_case_before_worded_locators_is_the_imprint_on_a_page(
    citation: str, read: JournalRead
) -> None:
    # The name's words in lower case make the line look like running text; its volume or
    # issue after its word and the pages after theirs say it is a citation.
    page = (
        f"{PAGE_HEAD}Policing the River\n\nBy Ann Lee\n\n"
        "An abstract about the river. This article examines the question in detail.\n\n"
        f"{citation}\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert record.journal is not None, record
    journal = record.journal
    assert (journal.name, journal.volume, journal.issue, journal.pages, record.year) == read


def test_a_sentence_that_cites_a_volume_and_pages_stays_abstract() -> None:
    page = (
        f"{PAGE_HEAD}Policing the River\n\nBy Ann Lee\n\n"
        "An abstract about the river. This article builds on the review in vol. 3, pp. 12-20 "
        "of the same series.\n\n"
        "London: Harbour Press, 2021. 30p.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert (list(record.publishers), record.journal) == (["Harbour Press"], None)


def test_the_year_and_its_issue_after_a_plain_name_cite_a_journal() -> None:
    assert journal_of("Champ pénal du marais, 2021/1, p. 9-30.") == (
        "Champ pénal du marais", None, "1", "9-30", 2021,
    )  # fmt: skip


def test_a_body_before_the_year_and_its_issue_makes_no_journal() -> None:
    assert imprint_of("Marsh Commission, 2019/3 (n° 3), p. 511-530.").journal is None

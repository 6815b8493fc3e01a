"""Journal citations in the citation styles listing pages copy them in (Chicago, APA, MLA,
Vancouver, Harvard, the publishers' own, and the styles of other languages), read as a
cataloguer reads them: the journal's name, volume, issue, pages and year. Every line is made
up in the shape of a real one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import PAGE_HEAD, parse_page_text
from tests.imprints import LEX, JournalRead, imprint_of, journal_of


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        # Chicago: volume, `no.` and the issue, the date in brackets, a colon, the pages
        ("Harbour Justice Quarterly 38, no. 4 (2021): 600–625.",
         ("Harbour Justice Quarterly", "38", "4", "600–625", 2021)),
        ("Coastal Problems 68, no. 2 (2021): 300-322. https://doi.org/10.1000/cp.2021.1",
         ("Coastal Problems", "68", "2", "300-322", 2021)),
        ("Journal of Coastal Justice 12, no. 3 (Fall 2020): 45-67.",
         ("Journal of Coastal Justice", "12", "3", "45-67", 2020)),
        ("Northland Law Review 41, no. 3-4 (May 2019): 211-40.",
         ("Northland Law Review", "41", "3-4", "211-40", 2019)),
        ("Journal of Coastal Justice, 20, no. 3 (2021): 455-480.",
         ("Journal of Coastal Justice", "20", "3", "455-480", 2021)),
        # volume:issue or volume(issue) before the date in brackets
        ("Harbour Justice Quarterly 38:4 (2021): 600-625.",
         ("Harbour Justice Quarterly", "38", "4", "600-625", 2021)),
        ("Journal of Coastal Justice 12:3 (2020), 45-67.",
         ("Journal of Coastal Justice", "12", "3", "45-67", 2020)),
        ("Journal of Coastal Justice 20(3) (2021): 455-480.",
         ("Journal of Coastal Justice", "20", "3", "455-480", 2021)),
        # the date in brackets after the pages (read so before: a guard)
        ("Journal of Coastal Justice, 20 (3): 455-480 (2021).",
         ("Journal of Coastal Justice", "20", "3", "455-480", 2021)),
        # volume and year in brackets, then the pages (as German journals are cited)
        ("Zeitschrift für Küstenkunde 104 (2021), 45-67.",
         ("Zeitschrift für Küstenkunde", "104", None, "45-67", 2021)),
    ],
)  # fmt: skip
def test_chicago_the_date_in_brackets_after_volume_and_issue(
    citation: str, read: JournalRead
) -> None:
    assert journal_of(citation) == read


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        # the issue's number in other languages' words
        ("Revista Harbour de Segurança, v. 12, n. 3, p. 45-67, 2021.",
         ("Revista Harbour de Segurança", "12", "3", "45-67", 2021)),
        ("Revista de Estudios Costeros, vol. 12, núm. 3, pp. 45-67, 2021.",
         ("Revista de Estudios Costeros", "12", "3", "45-67", 2021)),
        ("Revista de Estudios Costeros, Vol. 12, Nº 3, 2021, pp. 45-67.",
         ("Revista de Estudios Costeros", "12", "3", "45-67", 2021)),
        ("Revue de criminologie côtière, vol. 12, n° 3, 2021, p. 45-67.",
         ("Revue de criminologie côtière", "12", "3", "45-67", 2021)),
        ("Rivista di Studi Costieri, vol. 12, n. 3, 2021, pp. 45-67.",
         ("Rivista di Studi Costieri", "12", "3", "45-67", 2021)),
        ("Tijdschrift voor Kustrecht, jrg. 12, nr. 3, p. 45-67, 2021.",
         ("Tijdschrift voor Kustrecht", "12", "3", "45-67", 2021)),
        ("Zeitschrift für Küstenkunde, Jg. 12, Heft 3, S. 45-67.",
         ("Zeitschrift für Küstenkunde", "12", "3", "45-67", None)),
        # a double issue after `No.`
        ("Journal of Coastal Justice, Vol. 12, No. 3-4, 2021, pp. 45-67",
         ("Journal of Coastal Justice", "12", "3-4", "45-67", 2021)),
        ("Journal of Coastal Justice, Vol. 12, No. 3/4, 2021, pp. 45-67",
         ("Journal of Coastal Justice", "12", "3/4", "45-67", 2021)),
        # the issue alone
        ("Journal of Coastal Justice, No. 3, 2021, pp. 45-67",
         ("Journal of Coastal Justice", None, "3", "45-67", 2021)),
        # a supplement is the issue
        ("Journal of Coastal Justice, Vol. 20, Suppl. 2, 2021, pp. 45-67",
         ("Journal of Coastal Justice", "20", "Suppl. 2", "45-67", 2021)),
        ("Harbour Inj Prev. 2019;25(Suppl 1):i12-i18.",
         ("Harbour Inj Prev", "25", "Suppl 1", "i12-i18", 2019)),
        ("Journal of Coastal Justice, 20(S2), 45-67.",
         ("Journal of Coastal Justice", "20", "S2", "45-67", None)),
    ],
)  # fmt: skip
def test_the_issue_in_other_words_double_or_a_supplement(citation: str, read: JournalRead) -> None:
    assert journal_of(citation) == read


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        # an article's number after the issue, or after the volume alone
        ("Harbour Crime Science, 12(1), e108.", ("Harbour Crime Science", "12", "1", "e108", None)),
        ("Journal of Coastal Justice, vol. 37, no. 2, 2021, e108.",
         ("Journal of Coastal Justice", "37", "2", "e108", 2021)),
        ("Journal of Coastal Justice, 77, 101865.",
         ("Journal of Coastal Justice", "77", None, "101865", None)),
        ("Cadernos de Justiça Costeira, v. 37, n. 5, e00123421, 2021.",
         ("Cadernos de Justiça Costeira", "37", "5", "e00123421", 2021)),
        # pages with a letter before each number
        ("Harbour Public Health. 2020;5(2):e100-e108.",
         ("Harbour Public Health", "5", "2", "e100-e108", 2020)),
        ("J Coast Justice. 2020;66(Suppl 2):S45-S52.",
         ("J Coast Justice", "66", "Suppl 2", "S45-S52", 2020)),
    ],
)  # fmt: skip
def test_article_numbers_and_pages_with_a_letter(citation: str, read: JournalRead) -> None:
    assert journal_of(citation) == read


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        ("Journal of Coastal Justice, in press.",
         ("Journal of Coastal Justice", None, None, None, None)),
        ("Journal of Coastal Justice (in press).",
         ("Journal of Coastal Justice", None, None, None, None)),
        ("Journal of Coastal Justice, forthcoming.",
         ("Journal of Coastal Justice", None, None, None, None)),
        ("Journal of Coastal Justice, Forthcoming 2024.",
         ("Journal of Coastal Justice", None, None, None, 2024)),
        ("Harbour Criminology Review, e-first, 2023.",
         ("Harbour Criminology Review", None, None, None, 2023)),
        ("Journal of Coastal Justice, 2022. Advance online publication.",
         ("Journal of Coastal Justice", None, None, None, 2022)),
        ("Harbour Criminology Review. Advance online publication. https://doi.org/10.1000/hcr.1",
         ("Harbour Criminology Review", None, None, None, None)),
        # a name with no journal's word: the status alone says it is a journal's article
        ("Harbour Policing Studies, 2022. Advance online publication.",
         ("Harbour Policing Studies", None, None, None, 2022)),
    ],
)  # fmt: skip
def test_a_status_after_the_journal_s_name_is_no_part_of_it(
    citation: str, read: JournalRead
) -> None:
    assert journal_of(citation) == read


@pytest.mark.parametrize(
    ("imprint", "publisher"),
    [
        ("Riverside Books Forthcoming. pp. 164", "Riverside Books"),
        ("Harbour Policing Studies, in press. 210p.", "Harbour Policing Studies"),
    ],
)
def test_a_status_books_print_too_makes_no_journal_alone(imprint: str, publisher: str) -> None:
    got = imprint_of(imprint)
    assert (got.journal, got.publishers) == (None, [publisher])


@pytest.mark.parametrize(
    ("citation", "printed"),
    [
        ("Journal of Coastal Justice, in press.", "in press"),
        ("Journal of Coastal Justice (In press).", "In press"),
        ("Harbour Criminology Review, Forthcoming.", "Forthcoming"),
        ("Harbour Criminology Review. Advance online publication.", "Advance online publication"),
        ("Harbour Criminology Review, e-first, 2023.", "2023"),  # the year, when it is printed
    ],
)
def test_the_status_is_the_date_as_printed(citation: str, printed: str) -> None:
    assert imprint_of(citation).year_as_printed == printed


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        # the year in brackets, then volume(issue) after a comma
        ("Journal of Coastal Justice (2021), 20(3), 455-480.",
         ("Journal of Coastal Justice", "20", "3", "455-480", 2021)),
        # a year and pages: no volume
        ("Journal of Coastal Justice, 2023, 1-22.",
         ("Journal of Coastal Justice", None, None, "1-22", 2023)),
        # Vancouver: the issue's months joined by a dash
        ("J Coast Justice. 2020 Jan-Feb;66(1):12-20.",
         ("J Coast Justice", "66", "1", "12-20", 2020)),
    ],
)  # fmt: skip
def test_the_year_is_no_volume(citation: str, read: JournalRead) -> None:
    assert journal_of(citation) == read


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        # volume, the year in brackets, then the pages without a colon (numbered references;
        # the name's last stop goes, as after every abbreviated name)
        ("J. Coast. Just. 12 (2021) 45–67.", ("J. Coast. Just", "12", None, "45–67", 2021)),
        ("Harbour L. Rev. 12 (2021) 45-67", ("Harbour L. Rev", "12", None, "45-67", 2021)),
        # ... the issue after the year (as German journals are cited)
        ("Zeitschrift für Küstenrecht 12 (2021) 3, S. 45-67",
         ("Zeitschrift für Küstenrecht", "12", "3", "45-67", 2021)),
        # volume, issue (year), pages; volume.issue (year): pages (MLA's older form)
        ("Journal of Coastal Justice, 12, 3 (2021), 45-67",
         ("Journal of Coastal Justice", "12", "3", "45-67", 2021)),
        ("Journal of Coastal Justice 12.3 (2021): 45-67. Print.",
         ("Journal of Coastal Justice", "12", "3", "45-67", 2021)),
        ("Journal of Coastal Justice 12 (3), 45-67 (2021)",
         ("Journal of Coastal Justice", "12", "3", "45-67", 2021)),
    ],
)  # fmt: skip
def test_volume_and_the_year_in_brackets_then_pages(citation: str, read: JournalRead) -> None:
    assert journal_of(citation) == read


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        # the year before volume(issue) and the pages
        ("Journal of Coastal Justice. 2021. 12(3): 45-67.",
         ("Journal of Coastal Justice", "12", "3", "45-67", 2021)),
        ("Journal of Coastal Justice 2021, 12(3), 45-67.",
         ("Journal of Coastal Justice", "12", "3", "45-67", 2021)),
        # the volume's years (`2020/21`): the first is the year
        ("Journal of Coastal Justice, 2020/21, 12(3), 45-67",
         ("Journal of Coastal Justice", "12", "3", "45-67", 2020)),
        # volume and an article's number, with no word that names a journal
        ("Frontiers in Coastal Justice, 12, 654321.",
         ("Frontiers in Coastal Justice", "12", None, "654321", None)),
        # a supplement's lettered pages after the issue
        ("Harbour Journal of Public Health, 111(S3), S200-S205.",
         ("Harbour Journal of Public Health", "111", "S3", "S200-S205", None)),
        # the locators parted by bars
        ("Journal of Coastal Justice | Vol. 12 | Issue 3 | 2021",
         ("Journal of Coastal Justice", "12", "3", None, 2021)),
        # more statuses
        ("Journal of Coastal Justice, Early View, 2022.",
         ("Journal of Coastal Justice", None, None, None, 2022)),
        ("Journal of Coastal Justice, 2024 (forthcoming).",
         ("Journal of Coastal Justice", None, None, None, 2024)),
    ],
)  # fmt: skip
def test_the_year_first_an_article_number_bars_and_statuses(
    citation: str, read: JournalRead
) -> None:
    assert journal_of(citation) == read


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        # volume, the year in brackets and an article's number (Elsevier's numbered references)
        ("Harbour Science & Medicine 270 (2021) 113650.",
         ("Harbour Science & Medicine", "270", None, "113650", 2021)),
        # a supplement after `no.`
        ("Journal of Harbour Economics 39, no. S1 (2021): S100-S130.",
         ("Journal of Harbour Economics", "39", "S1", "S100-S130", 2021)),
        # `Iss` without its stop; volume/issue
        ("Harbour Crime Review Vol 12 Iss 3 pp. 45-67",
         ("Harbour Crime Review", "12", "3", "45-67", None)),
        ("Harbour Crime Review 12/3 (2021): 45-67.",
         ("Harbour Crime Review", "12", "3", "45-67", 2021)),
        # volume, year, pages; year, volume(issue), `pp.`
        ("Harbour Crime Review, 12, 2021, 45-67.",
         ("Harbour Crime Review", "12", None, "45-67", 2021)),
        ("Harbour Crime Review, 2021, 12(3), pp. 45-67.",
         ("Harbour Crime Review", "12", "3", "45-67", 2021)),
        # volume(issue) and the pages after a space, no year
        ("Harbour Crime Review 12 (3) 45-67", ("Harbour Crime Review", "12", "3", "45-67", None)),
        # the article's number after `Art.` or `Article`
        ("Harbour Crime Review, 12(3), Art. 4.", ("Harbour Crime Review", "12", "3", "4", None)),
        ("Harbour Crime Review, 12, Article 100123 (2021).",
         ("Harbour Crime Review", "12", None, "100123", 2021)),
        # a volume in Roman numerals
        ("Harbour Crime Review, Vol. XII, No. 3, 2021, pp. 45-67.",
         ("Harbour Crime Review", "XII", "3", "45-67", 2021)),
        # the issue alone in French; the year of publication before the volume (Portuguese)
        ("Revue Harbour de Criminologie, n° 3, 2021, p. 45-67.",
         ("Revue Harbour de Criminologie", None, "3", "45-67", 2021)),
        ("Revista Harbour de Criminologia, ano 5, v. 12, n. 3, p. 45-67, 2021.",
         ("Revista Harbour de Criminologia", "12", "3", "45-67", 2021)),
        # accepted, in press
        ("Harbour Crime Review (Accepted/In press).",
         ("Harbour Crime Review", None, None, None, None)),
    ],
)  # fmt: skip
def test_article_numbers_supplements_roman_volumes_and_more_orders(
    citation: str, read: JournalRead
) -> None:
    assert journal_of(citation) == read


@pytest.mark.parametrize(
    ("citation", "name"),
    [
        # a listed journal whose name has a colon (a title and its subtitle)
        ("Policing: An International Journal, 2021. 20p.", "Policing: An International Journal"),
        ("Policing: A Journal of Policy and Practice, 2021.",
         "Policing: A Journal of Policy and Practice"),
        # journals of the field printed like a publisher (the periodical list knows them)
        ("Demography, 2021. 25p.", "Demography"),
        ("Social Problems, 2020. 18p.", "Social Problems"),
        ("Lancet Public Health, 2022. 10p.", "Lancet Public Health"),
        ("Trauma, Violence, & Abuse, 2021. 15p.", "Trauma, Violence, & Abuse"),
        ("Crime, Law and Social Change, 2019. 22p.", "Crime, Law and Social Change"),
        ("JAMA, 2021. 8p.", "JAMA"),
        ("Social & Legal Studies, 2021. 20p.", "Social & Legal Studies"),
    ],
)  # fmt: skip
def test_listed_journals_printed_like_a_publisher(citation: str, name: str) -> None:
    got = imprint_of(citation)
    assert got.journal is not None, got
    assert (got.journal.name, got.publishers, got.places) == (name, [], [])


@pytest.mark.parametrize(
    "imprint",
    [
        "London: Harbour Press, forthcoming.",  # a book's status
        "NY. Harbour House (2016) 425 pages.",  # a book's year in brackets
        "Harbour Institute Working Paper, 2022: 11",  # a series and its number
        "London: 12 (3)",  # a place's colon
        "Research Report no. 12.",
        "Harbour Policy Notes, No. 3, 2021, pp. 45-67",  # a series and its number
        "Harbour Annual Report 12 (2021) 45 pages.",  # a report's number and its page count
        "Harbour Bank, 12, 2021.",
        "Harbour Foundation, n° 3, 2021, 45p.",  # a body and its report's number
        "Madrid: Harbour Editorial, núm. 12, 2021. 300 p.",
        "Harbour Books Group, Volume II, Tides and Storms, 2022, 41p.",  # a book's volume
        "Harbourtown: Journal Press, 2021. 20p.",  # a place and a publisher
    ],
)
def test_what_cites_no_journal_stays_so(imprint: str) -> None:
    assert imprint_of(imprint).journal is None


def test_a_chicago_citation_is_the_record_s_imprint_on_a_page() -> None:
    page = (
        f"{PAGE_HEAD}Policing the Harbour\n\nBy Ann Lee\n\n"
        "An abstract about the harbour. This article examines the question in detail.\n\n"
        "Harbour Justice Quarterly 38, no. 4 (2021): 600–625.\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert record.journal is not None
    journal = record.journal
    assert (journal.name, journal.volume, journal.issue, journal.pages, record.year) == (
        "Harbour Justice Quarterly", "38", "4", "600–625", 2021,
    )  # fmt: skip


# One citation in each style, its locators as fields to fill.
STYLES = [
    "{name}, {volume}({issue}), {first}-{last}.",  # APA
    "{name} {volume}, no. {issue} ({year}): {first}–{last}.",  # Chicago
    "{name} {volume}:{issue} ({year}): {first}-{last}.",
    "{name}, vol. {volume}, no. {issue}, {year}, pp. {first}-{last}.",  # MLA
    "{name}. {year};{volume}({issue}):{first}-{last}.",  # Vancouver
    "{name}, {volume}({issue}), pp. {first}-{last}.",  # Harvard
    "{name}, Volume {volume}, Issue {issue}, {year}, Pages {first}-{last}",  # the publishers'
    "{name}, v. {volume}, n. {issue}, p. {first}-{last}, {year}.",  # Portuguese
    "{name}, Jg. {volume}, Heft {issue}, S. {first}-{last}.",  # German
    "{name}, vol. {volume}, n° {issue}, {year}, p. {first}-{last}.",  # French
]


@given(
    style=st.sampled_from(STYLES),
    name=st.sampled_from(["Journal of Coastal Justice", "Harbour Law Review", "Revista Costera"]),
    volume=st.integers(1, 300),
    issue=st.integers(1, 12),
    first=st.integers(1, 2000),
    length=st.integers(1, 80),
    year=st.integers(1950, 2029),
)
def test_every_style_gives_back_its_locators(
    style: str, name: str, volume: int, issue: int, first: int, length: int, year: int
) -> None:
    last = first + length
    citation = style.format(
        name=name, volume=volume, issue=issue, first=first, last=last, year=year
    )
    pages = f"{first}–{last}" if "–" in style else f"{first}-{last}"
    want_year = year if "{year}" in style else None
    assert journal_of(citation) == (name, str(volume), str(issue), pages, want_year)


@pytest.mark.parametrize(
    ("citation", "read"),
    [
        ("Revue de criminologie côtière, vol. 12, n° 3, p. 45-67.",
         ("Revue de criminologie côtière", "12", "3", "45-67", None)),
        ("Revue internationale de criminologie côtière, 2021, vol. 74, n° 2, p. 45-67.",
         ("Revue internationale de criminologie côtière", "74", "2", "45-67", 2021)),
        ("Revista de estudios de la costa, vol. 12, núm. 3, 2021, pp. 45-67.",
         ("Revista de estudios de la costa", "12", "3", "45-67", 2021)),
    ],
)  # fmt: skip
def test_a_name_in_sentence_case_before_marked_locators_is_the_imprint_on_a_page(
    citation: str, read: JournalRead
) -> None:
    # The name's words in lower case make the line look like running text; its volume, issue
    # and pages, each after its word, say it is a citation.
    page = (
        f"{PAGE_HEAD}Policing the Harbour\n\nBy Ann Lee\n\n"
        "An abstract about the harbour. This article examines the question in detail.\n\n"
        f"{citation}\n"
    )
    (record,) = parse_page_text(page, LEX)
    assert record.journal is not None, record
    journal = record.journal
    got = (journal.name, journal.volume, journal.issue, journal.pages, record.year)
    assert got == read

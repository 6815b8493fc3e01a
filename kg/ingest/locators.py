"""Where a journal citation's locators are: the patterns journal.py reads them with.

`LOCATOR` finds where the journal's name ends (the first locator); `VOLUME`, `ISSUE` and `PAGES`
read each locator in what follows; `ARTICLE` and `END_RANGE` the pages printed alone at the end.
"""

from __future__ import annotations

import re

from kg.ingest.tail import YEAR

# `45-67`, and `45+`: an article that starts on page 45 and goes on further in the issue.
_RANGE = r"\d+(?:\s*[-–—]\s*\d*|\+)?"
# Pages, or an article's number, with a letter before each number (`e100-e108`, `S45-S52`,
# `i12-i18`: a supplement's pages, as some journals number them).
_LETTERED_RANGE = r"(?:[eSi]|NP)?\d+(?:\s*[-–—]\s*(?:[eSi]|NP)?\d*)?"
# An article's number's word (`Art. 4`, `Article 100123`, `Art. no. 45`, `Article number: 2345`).
ARTICLE_WORD = r"Art(?:icle|\.)(?:\s+(?:number|no\.?))?:?\s*"
SEASON = r"(?:Spring|Summer|Autumn|Fall|Winter)"
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
# `2018 Nov 9;67(44)`, `2020 Jan-Feb;66(1)` (Vancouver)
_ISSUE_DATE = r"(?:\s+[A-Z][a-z]{2,8}\.?(?:[-–/][A-Z][a-z]{2,8}\.?)?(?:\s+\d{1,2})?)?"
# `(3)`, a double issue `(6-7)`, a supplement `(Suppl 1)`, `(S2)`
_ISSUE_IN_BRACKETS = r"\((?:\d+(?:[-–/]\d+)?|Suppl\.?\s*\d+|S\d{1,2})\)"
# The issue's number: `No. 3`, and in other languages `n. 3`, `núm. 3`, `nº 3`, `n° 3`, `nr. 3`,
# `Heft 3`; a double issue `3-4`, `3/4` (not `Heft 3/2021`: the issue of that year); a
# supplement `no. S1`.
# `H. 2` (Heft), `fasc. 3` (fascicolo) and `n.º 2` too; `Art. no. 45` is an article's number.
_ISSUE_WORD = (
    r"(?<!Art\. )(?<!Article )"
    r"(?:Issue|Iss\.?|No\.?|Number|núm\.?|nr\.?|Heft|\bH\.|fasc\.?|\bn\.\s?[º°]|\bn[º°.])"
)
_ISSUE_NUMBER = r"(\d+(?:[-–/]\d{1,3}\b)?|S\d{1,2}\b|(?-i:[IVXLC]+)\b)"  # `fasc. III` too
# A volume in Roman numerals, in capitals (`Vol. XII`): a journal's only before its issue (a
# book's volume is as often printed so: `Volume II, Justice`).
_ROMAN = r"(?-i:[IVXLC]+)\b"
# The volume's word: `Vol. 4`, and `v. 4`, `Jg. 4`, `jrg. 4`, `Jahrgang 4`, `Bd. 4`, `tomo 4`
# in other languages; and the year of publication, which numbers the volumes where no volume's
# word follows it (`año 12, núm. 3`, `a. 15, n. 2`; not `ano 5, v. 12`).
_VOLUME_WORD = (
    r"(?:v\.|Jg\.|jrg\.|Jahrgang|Bd\.|tomo"
    r"|(?-i:t\.)(?=\s*\d)"  # `t. 12` (tome)
    r"|(?:a[ñn]o|anno|(?-i:a\.))(?=\s*(?:\d+|" + _ROMAN + r")\b(?!,\s*(?:v|vol)\.)))"
)
# The issue's date in brackets after volume and issue (Chicago): `(2021)`, `(Fall 2020)`,
# `(May 2021)`, `(March)`.
_BRACKETED_DATE = r"\((?:(?:[A-Za-z]+\.?\s+)?" + YEAR + r"|" + MONTH + r"|" + SEASON + r")\)"
# What may stand between a volume and the date in brackets: `:4`, `(3)`, `, no. 3`, `.3`, `, 3`.
_ISSUE_BEFORE_DATE = (
    r"(?:\s*:\s*\d{1,3}|\s*"
    + _ISSUE_IN_BRACKETS
    + r"|,\s*"
    + _ISSUE_WORD
    + r"\s*S?\d[\d/–-]*|[./]\d{1,3}|,\s*\d{1,3})?"
)
# What follows the date in brackets: the pages after a colon or a comma, a page range, or the
# issue and the pages (`(2021) 3, S. 45-67`), or the issue after its word (`(2021) H. 2`).
_AFTER_DATE = (
    r"(?:\s*[:,]\s*\w|\s+\d+\s*[-–]\s*\d|\s+\d{1,3},\s*(?:S|pp?)\.|\s+(?:e\d+|\d{4,})\.?$"
    r"|\s+(?:H\.|Heft)\s*\d)"
)
# A status after the journal's name instead of the locators: not in an issue yet.
STATUS_WORDS = (
    r"(?:accepted\s*/\s*)?(?:in press|forthcoming|e-?first|advance online publication"
    r"|early view|early access|(?:online\s+)?ahead of print)"
)
STATUS = r"\(?" + STATUS_WORDS + r"\b"
LOCATOR = re.compile(
    # What every branch starts with (a fast test at each position): a separator, a colon or a
    # bracket, or `Vol` or `Issue` themselves (a branch starts at a letter only there).
    r"(?=[\s,.(:]|vol|issue)"
    r"(?:,?\s*\((?=(?:[A-Za-z]+\.?\s+)?" + YEAR + r"\)\s*(?:[,\d]|\.\s+" + STATUS_WORDS + r"))"
    # (2023) 12:301 / (2025), 23p / (2023). Early view.
    r"|[,.]?\s*(?<=[A-Za-z,.\s])(?:Vol(?:ume|\.)?|Issue)\s*(?=\d|"
    + _ROMAN
    # , Vol. 4 / XVolume 600 / , Vol. XII, No. 3 / , vol. LXX, fasc. III / vol. XL (2020)
    + r"(?:,?\s*(?:No\b|Issue|fasc|Heft|H\.|n[º°.]|núm)|\s*\(|,\s*\d))"
    # , v. 6 / , Jg. 12 / , 12. Jg. / , tomo LXXIV
    r"|,\s*(?=" + _VOLUME_WORD + r"\s*(?:\d|" + _ROMAN + r")|\d+\.\s*Jg\.)"
    r"|,\s*(?=" + _ROMAN + r",\s*\d{1,3}\s*\(" + YEAR + r"\))"  # , XII, 3 (2018)
    # , 2019/3 (n° 3) / , 2021/2, p. / , 2022/4, vol. 46 (the issue of that year)
    r"|,\s*(?=" + YEAR + r"/\d{1,2}(?:\s*\(|,\s*(?:pp?|vol)\.))"
    r"|,\s*(?=\d{1,2}/" + YEAR + r",\s*pp?\.)"  # , 4/2020, pp. 55-78
    r"|,\s*(?="
    + YEAR
    + r",\s*(?:Heft|H\.|fasc\.?|Issue|No\.?|n[º°.]|núm\.|nr\.)\s*\d)"  # , 2020, Heft 4
    r"|,?\s+(?=\d{1,4}"
    + _ISSUE_BEFORE_DATE
    + r"\s*"
    + _BRACKETED_DATE
    + _AFTER_DATE
    + r")"  # Chicago
    r"|,\s*(?=\d{1,4},\s*(?:e\d+|\d{5,})$)"  # , 77, 101865 (an article's number)
    r"|(?:[,.]\s*|\s+)(?=(?:"
    + YEAR
    + r"[.,]?\s*)?"
    + STATUS
    + r")"  # , in press / , 2022. Advance…
    # , No. 3, 2021 / , n. 4/2019 / , fasc. 4/2021 (the issue alone)
    r"|,\s*(?=(?:No\.?|n\.\s?[º°]|n[º°.]|núm\.|nr\.|fasc\.?|Heft|H\.)\s*\d+"
    r"(?:[-–]\d{1,3}|/" + YEAR + r")?,)"
    r"|,\s*(?=(?:ano|año)\s+\d+,\s*v\.\s*\d)"  # , ano 5, v. 12 (the year of publication)
    r"|(?:,\s*|\s+)(?=\d{1,4},\s*(?:"
    + YEAR
    + r",\s*\d+\s*[-–]\s*\d+$|"
    + ARTICLE_WORD
    + r"e?\d))"  # , 12, 2021, 45-67 / 11, Article number: 2345
    r"|,?\s+(?=\d+\s*(?:"
    + _ISSUE_IN_BRACKETS
    + r")?\s*:\s*(?:pp?\.\s*)?e?\d)"  # 9: 10-30 / 12(3): 45 / 15(12): e0243823 / 5(3): pp. 1
    r"|,\s*(?="
    + YEAR
    + r"(?:/\d\d)?[.,]\s*\d+\s*(?:"
    + _ISSUE_IN_BRACKETS
    + r")?\s*[:,]\s*(?:pp?\.\s*|"
    + ARTICLE_WORD
    + r")?e?\d)"  # , 2019, 42(3): 301
    r"|\s+(?=\d{1,4},\s*\d{1,6}\s*\(" + YEAR + r"\)$)"  # Crime Science 9, 14 (2020) (BMC)
    r"|(?:,\s*|\s+)(?=\d+\s*"
    + _ISSUE_IN_BRACKETS
    + r"(?:\s*,\s*(?:pp?\.\s*)?(?:NP|[eSi])?\d|\s+\d+\s*[-–]\s*\d+$))"  # 22(1), 45 / 12 (3) 45-67
    r"|,\s*(?=\d+\s*" + _ISSUE_IN_BRACKETS + r"\.\s*(?:\(" + YEAR + r"\)|pp?\.))"  # , 15 (2). pp.
    r"|\s+(?=\d+\s*" + _ISSUE_IN_BRACKETS + r"\s+" + YEAR + r"\b)"  # 68(2) 2021, pp.150
    r"|,\s*(?=" + YEAR + r",\s*(?:\d+\s*" + _ISSUE_IN_BRACKETS + r"$|Online\b))"  # , 2023, 56(1)
    r"|(?:[.,]\s*|\s+)(?=" + YEAR + _ISSUE_DATE + r"\s*;\s*\d)"  # . 2019;54(1):201 (Vancouver)
    r"|(?<=\.)\s+(?="
    + YEAR
    + r"\.\s*\d+\s*(?:"
    + _ISSUE_IN_BRACKETS
    + r")?\s*:\s*\d)"  # . 2022. 5:299
    r"|\s+(?=\d{1,4},\s*\d+\s*[-–]\s*\d+)"  # Int Criminol 4, 396–407
    r"|\.\s+(?=\d{1,4}\s*"
    + _ISSUE_IN_BRACKETS
    + r"\.\s+"
    + YEAR
    + r"\.\s+e?\d)"  # . 12(3). 2021. 45
    r"|\.\s+(?=" + YEAR + r"\.\s+\d{1,4}\s*" + _ISSUE_IN_BRACKETS + r"\.\s+\d)"  # . 2021. 12(3). 45
    r"|,?\s+(?=Online First\b|Online ahead of print\b|(?:first\s+)?published\s+online\b)"
    r"|,\s*(?=Issue\b)"
    # , 2021. pp. 35-62 / Zeitschrift für X 2019, S. 455-460
    r"|(?:,\s*|(?<=[A-Za-z])\s+)(?=" + YEAR + r"[.,]\s*(?:pp?|S)\.\s*\d+\s*[-–]\s*\d)"
    r"|[:,]\s*(?=\d+\s*" + _ISSUE_IN_BRACKETS + r"\s*(?:[.,]|$))"  # Dergisi: 12 (3).
    r"|(?<=[A-Za-z])\s+(?="
    + YEAR
    + r",\s*\d{1,4}(?:\s*"
    + _ISSUE_IN_BRACKETS
    + r")?,\s*\d+(?:\s*[-–]\s*\d+)?\.?$)"  # MDPI / Journal 2021, 12(3), 45-67
    r"|,?\s+(?=" + YEAR + r",\s*Vol)"  # Crime & Delinquency 2019, Vol. 65(3) (SAGE)
    r"|,?\s*(?=\(" + YEAR + r"\)\.?\s+Vol)"  # Harbour Justice Quarterly (2021). Vol. 9
    r"|,\s*(?=" + YEAR + r",\s*\d+\s*:\s*\d+\s*,)"  # , 2022, 23:4, 345-367 (Taylor & Francis)
    r"|,\s*(?=" + YEAR + r",\s*\d{1,4},\s*\d+\s*[-–]\s*\d+$)"  # , 2023, 23, 1–25 (Oxford)
    r"|(?:,|\s+[—–-])\s*(?="
    + SEASON
    + r"\s+"
    + YEAR
    + r"(?:[/–-]\d\d)?\s*[.,]\s*(?:pp?\.\s*)?\d)"  # , Spring 2019, pp. 5 / , Winter 2020/21, pp. 4
    r"|,\s*(?=(?:"
    + MONTH
    + r"|"
    + SEASON
    + r")\.?\s+"
    + YEAR
    + r",\s*(?:\d+\s*\(|Vol))"  # , May 2022, 41(2)
    r")",
    re.IGNORECASE,
)
VOLUME = re.compile(
    r"\bVol(?:ume|\.)?\s*(\d+|" + _ROMAN + r")"
    r"|(?:^|,)\s*" + _VOLUME_WORD + r"\s*(\d+|" + _ROMAN + r")"
    r"|^,\s*(" + _ROMAN + r"),\s*\d{1,3}\s*\(" + YEAR + r"\)"  # , XII, 3 (2018)
    r"|^[\s.]*" + YEAR + r"\.\s+(\d{1,4})\s*" + _ISSUE_IN_BRACKETS + r"\.\s"  # . 2021. 12(3). 45
    r"|^,\s*(\d+)\.\s*Jg\."
    # 12, 2021, 45-67 / 11, Article number: 2345
    r"|^[\s,]*(\d{1,4}),\s*(?:" + YEAR + r",\s*\d+\s*[-–]|" + ARTICLE_WORD + r"e?\d)"
    r"|^[\s,]*(\d{1,4})(?=" + _ISSUE_BEFORE_DATE + r"\s*" + _BRACKETED_DATE + r")"  # Chicago
    r"|^[\s,]*(\d{1,4}),\s*(?:e\d+|\d{5,})$"  # 77, 101865
    r"|^[\s,]*(?:\((?:[A-Za-z]+\.?\s+)?"
    + YEAR
    + r"\)\s*)?(\d+)\s*(?:"
    + _ISSUE_IN_BRACKETS
    + r")?\s*:"
    r"|^[\s,:.]*(\d+)\s*" + _ISSUE_IN_BRACKETS + r"\s*(?:[,.]|\s+\d|$)"
    r"|" + YEAR + _ISSUE_DATE + r"\s*;\s*(\d+)"
    r"|^\s*(?!" + YEAR + r")(\d{1,4}),\s*\d+\s*[-–]"
    r"|^[\s,]*"
    + YEAR
    + r"(?:/\d\d)?[.,]\s*(\d+)\s*(?:"
    + _ISSUE_IN_BRACKETS
    + r")?\s*[:,]"  # , 2022, 23:4 / , 2019, 42(3):
    r"|^\s*(\d{1,4}),\s*\d{1,6}\s*\(" + YEAR + r"\)$"  # 9, 14 (2020)
    r"|^\s*(\d+)\s*"
    + _ISSUE_IN_BRACKETS
    + r"\s+"
    + YEAR  # 68(2) 2021
    + r"|^[\s,]*"
    + YEAR
    + r",\s*(\d+)\s*"
    + _ISSUE_IN_BRACKETS
    + r"$"  # , 2023, 56(1)
    r"|^\s*"
    + YEAR
    + r",\s*(\d{1,4})(?:\s*"
    + _ISSUE_IN_BRACKETS
    + r")?,\s*\d+(?:\s*[-–]\s*\d+)?\.?$"
    r"|^[\s,]*" + YEAR + r",\s*(\d{1,4}),\s*\d+\s*[-–]"  # , 2023, 23, 1–25
    r"|^,\s*(?:"
    + MONTH
    + r"|"
    + SEASON
    + r")\.?\s+"
    + YEAR
    + r",\s*(\d+)\s*\("  # , May 2022, 41(2)
    r"|^\s*\((?:[A-Za-z]+\.?\s+)?"
    + YEAR
    + r"\)[\s,]*(\d+)\s*"
    + _ISSUE_IN_BRACKETS,  # (2022) 41(2)
    re.IGNORECASE,
)
ISSUE = re.compile(
    r"\b" + _ISSUE_WORD + r"\s*(?:Year\s*:\s*)?" + _ISSUE_NUMBER + r"|\b(Suppl\.?\s*\d+)"
    r"|^,\s*" + _ROMAN + r",\s*(\d{1,3})\s*\(" + YEAR + r"\)"  # , XII, 3 (2018)
    r"|^,\s*" + YEAR + r"/(\d{1,2})(?=\s*\(|,\s*(?:pp?|vol)\.)"  # , 2019/3 (n° 3): that year's
    r"|^,\s*(\d{1,2})/" + YEAR + r"\b"  # , 4/2020
    r"|\b" + _ROMAN + r"\s*\((\d{1,3})\)"  # vol. LV (2)
    r"|\d\s*\((\d{1,3}(?:[-–/]\d{1,3})?|Suppl\.?\s*\d+|S\d{1,2})\)\s*(?:[:,.]|\s\d|\s\(|$)"
    r"|^[\s,]*\d+\s*[:./]\s*(\d{1,3})\s*"
    + _BRACKETED_DATE  # 38:4 (2021), 12.3 (2021), 12/3 (2021)
    + r"|^[\s,]*\d+,\s*(\d{1,3})\s*"  # 12, 3 (2021), 45-67 (not BMC's 9, 14 (2020))
    + _BRACKETED_DATE
    + r"(?="
    + _AFTER_DATE
    + r")"
    + r"|\)\s*(\d{1,3}),\s*(?:S|pp?)\."  # 12 (2021) 3, S. 45-67
    r"|^[\s,]*" + YEAR + r",\s*\d+\s*:\s*(\d+)\s*,"
    r"|^[\s,]*\d+\s*:\s*(\d+)\s*,\s*(?:\d+\s*[-–]|" + YEAR + r"\b)",  # , 38:5, 812-835
    re.IGNORECASE,
)
PAGES = re.compile(
    r"^[\s,]*\d+\s*:\s*\d+\s*,\s*(\d+\s*[-–]\s*\d+)"  # , 38:5, 812-835
    rf"|^[\s,]*\d+\s*:\s*\d+\s*,\s*{YEAR}\s*,\s*({_RANGE})"  # , 17:3, 2022, 345-367
    rf"|^\s*{YEAR},\s*\d{{1,4}}(?:\s*{_ISSUE_IN_BRACKETS})?,\s*(\d+(?:\s*[-–]\s*\d+)?)\.?$"
    rf"|^\s*\d{{1,4}},\s*(\d{{1,6}})\s*\({YEAR}\)$"  # 9, 14 (2020): an article number
    rf"|(?:\bpp?\.?|\bPages?|\bS\.)\s*({_RANGE})|\b{ARTICLE_WORD}(e\d+|{_RANGE})"
    # not `38:4 (2021)`: volume and issue before the date
    rf"|(?<=[\d)])\s*:\s*({_LETTERED_RANGE}\+?)(?:(?<=\+)|\b)(?!\s*\([^()]*\)\s*[:,])"
    rf"|\)\s*,\s*((?:NP|[eSi])?\d+\s*[-–]\s*(?:NP|[eSi])?\d+|\d+\+)"
    rf"|\)\s*,\s*{YEAR}\s*,\s*(\d+\s*[-–]\s*\d+)"  # 21(2), 2021, 179-198
    r"|\bNo\.?\s*\d+,\s*(\d+\s*[-–]\s*\d+)"  # No. 1, 9–37
    rf"|^\s*\d{{1,4}},\s*(\d+\s*[-–]\s*\d+)"
    rf"|^[\s,]*{YEAR},\s*\d+\s*:\s*\d+\s*,\s*({_RANGE})"  # , 2022, 23:4, 345-367
    rf"|\d\)\s+(\d+\s*[-–]\s*\d+)"  # Vol. 65(3) 345–370
    rf"|^[\s,]*{YEAR},\s*\d{{1,4}},\s*(\d+\s*[-–]\s*\d+)"  # , 2023, 23, 1–25
    r"|[,:]\s*(e\d{3,})\b",  # , e00123421, 2021: an article's number
    re.IGNORECASE,
)
ARTICLE = re.compile(r"(?:[,.]|\d\))\s*(e\d+|\d{4,})\.?$")  # `, 105769`, `(2021) 113650`
# Pages alone at the end, after the issue's date (`…, July 2022, 951–970.`).
END_RANGE = re.compile(r"[,.]\s*(\d+\s*[-–]\s*\d+)\.?$")
# Volume, issue and pages, each after its word (`vol. 12, n° 3, 2021, p. 45-67`, `t. 12, fasc.
# 2`, `vol. LXXII, n° 4`, `no 2`), or the year and its issue (`2019/3 (n° 3), p. 511-530`): a
# citation even where the journal's name in sentence case (`Revue de science criminelle`) makes
# the line look like running text.
_MARKED_LOCATORS = re.compile(
    r"(?:\b(?:vol|v|(?-i:t))\.\s*(?:\d+|" + _ROMAN + r"),\s*(?:(?:no|n|núm|nr|fasc)\.|n[º°]|no\b)"
    r"|\b" + YEAR + r"/\d{1,2}\s*\((?:n[º°]|no\.?))"
    r"\s*\d+\b[^.]{0,20}?\bpp?\.\s*\d+\s*[-–]\s*\d",
    re.IGNORECASE,
)


def marked_locators(text: str) -> bool:
    """`vol. 12, n° 3, p. 45-67` in the line (told first by its `.`)."""
    return "." in text and _MARKED_LOCATORS.search(text) is not None


# A volume or issue after its word (or an issue in brackets), then the pages after theirs
# (`a. 15, n. 2, 2021, pp. 77-98`, `Jg. 52, H. 2, S. 101-120`, `tomo LXXIV, 2021, pp. 355-390`):
# a citation whatever the journal's name says.
_WORDED_LOCATORS = re.compile(
    r"(?:\b(?:"
    + _VOLUME_WORD
    + r"|vol\.)\s*(?:\d+|"
    + _ROMAN
    + r")|\b\d+\.\s*Jg\.|\b"
    + _ISSUE_WORD
    + r"\s*\d+|\d\s*\(\d{1,3}\))[^.]{0,40}?\b(?:pp?|S)\.\s*\d+\s*(?:[-–]\s*\d|\+)",
    re.IGNORECASE,
)
# `\b(?:pp?|S)\.\s*\d`, written to start with its letter (the `\b` before it is a look-behind
# after it), so that a search scans for the letters fast instead of trying every position.
_PAGE_WORD = re.compile(r"(?:p(?<!\wp)p?|S(?<!\wS))\.\s*\d")


def worded_locators(text: str) -> bool:
    """A volume or issue after its word, then pages after theirs, in the line (told first by
    the pages' word)."""
    return _PAGE_WORD.search(text) is not None and _WORDED_LOCATORS.search(text) is not None


# Any of a journal's locators (a volume, an issue, a year in brackets, MDPI's or Frontiers'
# numbers): a fast test that an imprint may cite a journal.
JOURNAL_HINT = re.compile(
    r"(?=[VvIO\d(])"  # what every branch starts with (a fast test at each position)
    r"(?:Vol|vol\.|Issue|Online First|Online ahead|\d\s*[:(;]|\(\s*(?:19|20)\d\d\s*\)"
    r"|\b\d{1,4},\s*\d+\s*[-–]\s*\d|(?:19|20)\d\d\s*[.,]\s*\d+\s*[-–]\s*\d"  # Fall 2020. 289-295
    r"|(?<=[a-z] )(?:19|20)\d\d,\s*\d{1,4},\s*\d+\.?$"  # MDPI: Health 2021, 18, 1234.
    r"|(?<=, )\d{1,4},\s*\d{5,}\.?$"  # Frontiers in X, 12, 654321: an article's number
    r"|\d{1,4},\s*Art(?:icle|\.)\s"  # Frontiers in X, 7, Article 998877
    r"|\d{1,2}/(?:19|20)\d\d,\s*pp?\."  # Diritto X, 4/2020, pp. 55-78
    r"|(?:19|20)\d\d/\d{1,2},\s*pp?\.)"  # Champ X, 2021/1, p. 9-30
)


def hints_a_journal(text: str) -> bool:
    """`JOURNAL_HINT.search(text)`, told first by the marks its branches need."""
    return _may_hint_a_journal(text) and JOURNAL_HINT.search(text) is not None


def _may_hint_a_journal(text: str) -> bool:
    """False only where `JOURNAL_HINT` cannot match (it tries every position of most imprints):
    each branch needs a bracket, a slash, a dash or a word of its own, a digit before a colon or
    semicolon, or a comma in a text that ends in a digit (and perhaps a stop)."""
    if (
        "(" in text or "/" in text or "-" in text or "–" in text or "Vol" in text
        or "vol." in text or "Issue" in text or "Online" in text or "Art" in text
    ):  # fmt: skip
        return True
    if _digit_before(text, ":") or _digit_before(text, ";"):
        return True
    return "," in text and text.removesuffix("\n").removesuffix(".")[-1:].isdecimal()


def _digit_before(text: str, mark: str) -> bool:
    """A digit before `mark` somewhere in the text, white space between (`12 :`)."""
    at = text.find(mark, 1)  # a mark that starts the text has nothing before it
    while at >= 0:
        if text[:at].rstrip()[-1:].isdecimal():
            return True
        at = text.find(mark, at + 1)
    return False

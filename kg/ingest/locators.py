"""Where a journal citation's locators are: the patterns journal.py reads them with.

`LOCATOR` finds where the journal's name ends (the first locator); `VOLUME`, `ISSUE` and `PAGES`
read each locator in what follows; `ARTICLE` and `END_RANGE` the pages printed alone at the end.
"""

from __future__ import annotations

import re

from kg.ingest.tail import YEAR

_RANGE = r"\d+(?:\s*[-–—]\s*\d*)?"
SEASON = r"(?:Spring|Summer|Autumn|Fall|Winter)"
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
_ISSUE_DATE = r"(?:\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?"  # `2018 Nov 9;67(44)` (Vancouver)
_ISSUE_IN_BRACKETS = r"\(\d+(?:[-–/]\d+)?\)"  # `(3)`, a double issue `(6-7)`
LOCATOR = re.compile(
    # What every branch starts with (a fast test at each position): a separator, a colon or a
    # bracket, or `Vol` or `Issue` themselves (a branch starts at a letter only there).
    r"(?=[\s,.(:]|vol|issue)"
    r"(?:,?\s*\((?=(?:[A-Za-z]+\.?\s+)?" + YEAR + r"\)\s*[,\d])"  # (2023) 12:301 / (2025), 23p
    r"|[,.]?\s*(?<=[A-Za-z,.\s])(?:Vol(?:ume|\.)?|Issue)\s*(?=\d)"  # , Vol. 4 / XVolume 600
    r"|,\s*(?=v\.\s*\d)"  # , v. 6
    r"|,?\s+(?=\d+\s*(?:"
    + _ISSUE_IN_BRACKETS
    + r")?\s*:\s*(?:pp?\.\s*)?e?\d)"  # 9: 10-30 / 12(3): 45 / 15(12): e0243823 / 5(3): pp. 1
    r"|,\s*(?="
    + YEAR
    + r"[.,]\s*\d+\s*(?:"
    + _ISSUE_IN_BRACKETS
    + r")?\s*[:,]\s*e?\d)"  # , 2019, 42(3): 301
    r"|\s+(?=\d{1,4},\s*\d{1,6}\s*\(" + YEAR + r"\)$)"  # Crime Science 9, 14 (2020) (BMC)
    r"|,\s*(?=\d+\s*" + _ISSUE_IN_BRACKETS + r"\s*,\s*(?:pp?\.\s*)?(?:NP)?\d)"  # , 22(1), 45-67
    r"|,\s*(?=\d+\s*" + _ISSUE_IN_BRACKETS + r"\.\s*(?:\(" + YEAR + r"\)|pp?\.))"  # , 15 (2). pp.
    r"|\s+(?=\d+\s*" + _ISSUE_IN_BRACKETS + r"\s+" + YEAR + r"\b)"  # 68(2) 2021, pp.150
    r"|,\s*(?=" + YEAR + r",\s*(?:\d+\s*" + _ISSUE_IN_BRACKETS + r"$|Online\b))"  # , 2023, 56(1)
    r"|(?:[.,]\s*|\s+)(?=" + YEAR + _ISSUE_DATE + r"\s*;\s*\d)"  # . 2019;54(1):201 (Vancouver)
    r"|(?<=\.)\s+(?=" + YEAR + r"\.\s*\d+\s*:\s*\d)"  # Annu. Rev. Criminol. 2022. 5:299
    r"|\s+(?=\d{1,4},\s*\d+\s*[-–]\s*\d+)"  # Int Criminol 4, 396–407
    r"|,?\s+(?=Online First\b|Online ahead of print\b|(?:first\s+)?published\s+online\b)"
    r"|,\s*(?=Issue\b)"
    r"|,\s*(?=" + YEAR + r"[.,]\s*pp?\.\s*\d+\s*[-–]\s*\d)"  # , 2021. pp. 35-62
    r"|[:,]\s*(?=\d+\s*" + _ISSUE_IN_BRACKETS + r"\s*(?:[.,]|$))"  # Dergisi: 12 (3).
    r"|(?<=[A-Za-z])\s+(?="
    + YEAR
    + r",\s*\d{1,4}(?:\s*"
    + _ISSUE_IN_BRACKETS
    + r")?,\s*\d+\.?$)"  # MDPI
    r"|,?\s+(?=" + YEAR + r",\s*Vol)"  # Crime & Delinquency 2019, Vol. 65(3) (SAGE)
    r"|,\s*(?=" + YEAR + r",\s*\d+\s*:\s*\d+\s*,)"  # , 2022, 23:4, 345-367 (Taylor & Francis)
    r"|,\s*(?=" + YEAR + r",\s*\d{1,4},\s*\d+\s*[-–]\s*\d+$)"  # , 2023, 23, 1–25 (Oxford)
    r"|(?:,|\s+[—–-])\s*(?="
    + SEASON
    + r"\s+"
    + YEAR
    + r"\s*[.,]\s*(?:pp?\.\s*)?\d)"  # , Spring 2019, pp. 5
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
    r"\bVol(?:ume|\.)?\s*(\d+)|^,\s*v\.\s*(\d+)"
    r"|^[\s,]*(?:\((?:[A-Za-z]+\.?\s+)?"
    + YEAR
    + r"\)\s*)?(\d+)\s*(?:"
    + _ISSUE_IN_BRACKETS
    + r")?\s*:"
    r"|^[\s,:]*(\d+)\s*" + _ISSUE_IN_BRACKETS + r"\s*(?:[,.]|$)"
    r"|" + YEAR + _ISSUE_DATE + r"\s*;\s*(\d+)"
    r"|^\s*(\d{1,4}),\s*\d+\s*[-–]"
    r"|^[\s,]*"
    + YEAR
    + r"[.,]\s*(\d+)\s*(?:"
    + _ISSUE_IN_BRACKETS
    + r")?\s*[:,]"  # , 2022, 23:4 / , 2019, 42(3):
    r"|^\s*(\d{1,4}),\s*\d{1,6}\s*\("  # 9, 14 (2020)
    r"|^\s*(\d+)\s*"
    + _ISSUE_IN_BRACKETS
    + r"\s+"
    + YEAR  # 68(2) 2021
    + r"|^[\s,]*"
    + YEAR
    + r",\s*(\d+)\s*"
    + _ISSUE_IN_BRACKETS
    + r"$"  # , 2023, 56(1)
    r"|^\s*" + YEAR + r",\s*(\d{1,4})(?:\s*" + _ISSUE_IN_BRACKETS + r")?,\s*\d+\.?$"  # MDPI
    r"|^[\s,]*" + YEAR + r",\s*(\d{1,4}),\s*\d+\s*[-–]"  # , 2023, 23, 1–25
    r"|^,\s*(?:"
    + MONTH
    + r"|"
    + SEASON
    + r")\.?\s+"
    + YEAR
    + r",\s*(\d+)\s*\("  # , May 2022, 41(2)
    r"|^\s*\((?:[A-Za-z]+\.?\s+)?" + YEAR + r"\)\s*(\d+)\s*" + _ISSUE_IN_BRACKETS,  # (2022) 41(2)
    re.IGNORECASE,
)
ISSUE = re.compile(
    r"\b(?:Issue|Iss\.|No\.?|Number)\s*(?:Year\s*:\s*)?(\d+)"
    r"|\d\s*\((\d{1,3}(?:[-–/]\d{1,3})?)\)\s*(?:[:,.]|\s\d|$)"
    r"|^[\s,]*" + YEAR + r",\s*\d+\s*:\s*(\d+)\s*,"
    r"|^[\s,]*\d+\s*:\s*(\d+)\s*,\s*(?:\d+\s*[-–]|" + YEAR + r"\b)",  # , 38:5, 812-835
    re.IGNORECASE,
)
PAGES = re.compile(
    r"^[\s,]*\d+\s*:\s*\d+\s*,\s*(\d+\s*[-–]\s*\d+)"  # , 38:5, 812-835
    rf"|^[\s,]*\d+\s*:\s*\d+\s*,\s*{YEAR}\s*,\s*({_RANGE})"  # , 17:3, 2022, 345-367
    rf"|^\s*{YEAR},\s*\d{{1,4}}(?:\s*{_ISSUE_IN_BRACKETS})?,\s*(\d+)\.?$"  # MDPI's article
    r"|^\s*\d{1,4},\s*(\d{1,6})\s*\("  # 9, 14 (2020): an article number
    rf"|(?:\bpp?\.?|\bPages?|\bArticle(?:\s+(?:number|no\.?))?:?)\s*({_RANGE})"
    rf"|(?<=[\d)])\s*:\s*(e?{_RANGE})|\)\s*,\s*((?:NP)?\d+\s*[-–]\s*(?:NP)?\d+)"
    rf"|\)\s*,\s*{YEAR}\s*,\s*(\d+\s*[-–]\s*\d+)"  # 21(2), 2021, 179-198
    r"|\bNo\.?\s*\d+,\s*(\d+\s*[-–]\s*\d+)"  # No. 1, 9–37
    rf"|^\s*\d{{1,4}},\s*(\d+\s*[-–]\s*\d+)"
    rf"|^[\s,]*{YEAR},\s*\d+\s*:\s*\d+\s*,\s*({_RANGE})"  # , 2022, 23:4, 345-367
    rf"|\d\)\s+(\d+\s*[-–]\s*\d+)"  # Vol. 65(3) 345–370
    rf"|^[\s,]*{YEAR},\s*\d{{1,4}},\s*(\d+\s*[-–]\s*\d+)",  # , 2023, 23, 1–25
    re.IGNORECASE,
)
ARTICLE = re.compile(r"[,.]\s*(e?\d{4,})\.?$")
# Pages alone at the end, after the issue's date (`…, July 2022, 951–970.`).
END_RANGE = re.compile(r"[,.]\s*(\d+\s*[-–]\s*\d+)\.?$")

"""Junk lines of a listing page: junk words (`Download PDF`, `USED BOOK`), web-page furniture
(`Showing 1–20 of 345`, `Tags: …`), a court case's docket number (`No. 19-1234`) and a
byline's lead printed alone (`Edited by:`)."""

from __future__ import annotations

import re

_JUNK_WORDS = re.compile(
    r"(?:may\s+contain\s+mark-?\s?up|used\s+book|download(?:\s+pdf)?|read\s+more|pdf|share|"
    r"read-me\.org|guest\s+user|graphical|more\s+in\s+the\s+[\w ]+collection|"
    # Web-page furniture: comment counts, share links (a longer phrase before its start: each
    # word of a line is matched once, `_LINK_LABEL`).
    r"comments?\s+(?:are\s+)?(?:closed|off)|\d*\s*comments?(?:\s*\(\d+\))?|facebook|twitter|"
    r"linkedin|e-?mail|pinterest|reddit|whatsapp|print|tweet|"
    # Links to the work itself: `Read the report`, `View the full publication`, `Full text`.
    r"(?:read|view|download|access|open|get)\s+(?:the\s+)?(?:full\s+)?"
    r"(?:report|document|publication|article|paper|study|text)(?:\s+(?:here|online))?|"
    r"full\s+(?:text|report)|read\s+online|view\s+online|view\s+original|"
    # A work in parts, each with its link: `Read/Download Part 4`.
    r"read\s*/\s*download(?:\s+part\s+\d+)?|"
    # A blog's pages and posts: `Older Posts`, `Page 1 of 12`, `Next →`, `5 min read`, `12 Likes`.
    r"older\s+posts?|newer\s+posts?|(?:next|previous|prev)(?:\s+(?:page|posts?|entry))?|"
    r"load\s+more(?:\s+posts)?|back\s+to\s+top|view\s+all(?:\s+posts)?|featured|"
    r"page\s+\d+\s+of\s+\d+|\d+\s+(?:min(?:ute)?s?\s+read|likes?|views?|shares?)|"
    # The post's access and language notes: `Open access`, `Also available in Spanish`.
    r"open\s+access|printer[-\s]friendly(?:\s+version)?|"
    r"(?:also\s+)?available\s+in\s+\w+(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)\w+)*|"
    # Links to other posts: `Related posts`.
    r"related(?:\s+(?:posts?|articles?|content|reading))?)",
    re.IGNORECASE,
)
# A link's label: a junk word or a link's verb, then only the words a label puts around it
# (`Share this:`, `Print this page`, `Email a friend`, `Download report (PDF)`, `Leave a
# comment`, `Continue reading →`); a title has a word no label has (`Follow the Money`).
_LINK_VERBS = (
    r"(?:share|print|download|read|view|cite|bookmark|save|tweet|like|leave|continue|access|"
    r"open|get|send|copy|follow|comment|subscribe|permalink|listen|watch)"
)
_LABEL_WORDS = (
    r"(?:this|the|a|an|it|to|on|via|with|and|or|our|us|full|free|here|now|more|page|post|"
    r"article|story|entry|item|report|document|publication|paper|study|text|pdf|file|link|"
    r"friend|comments?|reply|facebook|twitter|x|linkedin|e-?mail|version|reading|online|"
    r"summary|citation|access|for|my|library|podcast|video|audio)"
)
_FILE_NOTE = r"[(\[](?:pdf|docx?|epub)[^()\[\]]{0,20}[)\]]"
_GAP = r"[\s.,;:|·\-→←»«›‹<>]"
# Each word is matched once and kept (atomic groups, possessive gaps): a line that is no label
# fails in time linear in its length, however many label words it repeats.
_LINK_LABEL = (
    rf"(?:(?:free|no|\d+)\s+)?(?>(?:{_JUNK_WORDS.pattern}|{_LINK_VERBS})(?!\w))"
    rf"(?:{_GAP}*+(?>(?:{_JUNK_WORDS.pattern}|{_LINK_VERBS}|{_LABEL_WORDS})(?!\w)|{_FILE_NOTE}))*+"
)
_JUNK_LINE = re.compile(rf"^(?:{_GAP}+$|{_GAP}*+{_LINK_LABEL}{_GAP}*+$)", re.IGNORECASE)
JUNK_MAX = 60
# Furniture longer than a few words: a blog's tag or category line, a posting date with its
# weekday (an imprint's date never has one).
_FURNITURE = re.compile(
    r"^(?:(?:tags?|tagged|categor(?:y|ies)|filed\s+under|labels?|topics?|subjects?)\s*:"
    r"|posted\s*:|posted\s+(?:by|on|in)\s"
    # a posting or update date with its label, to the day (`Published: 3 March 2021`)
    r"|(?:published|updated|last\s+updated|date)\s*:\s*(?:\d{1,2}\s+[a-z]+\.?"
    r"|[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+(?:19|20)\d\d\.?$"
    # a listing's own lines: its result count, sort and filter lines, its `Posts in …` line
    r"|(?:showing|results?)\s+\d[\d,]*\s*[-–]\s*\d[\d,]*\s+of\s+\d[\d,]*(?:\s+results?)?\.?$"
    r"|(?:sort(?:ed)?|filter(?:ed)?|order(?:ed)?)\s+by\s*:|posts\s+(?:in|tagged|by)\s"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:\d{1,2}\s+)?[a-z]+\.?\s+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\.?$"
    # a court case's docket numbers (`No. 19-1234`, `Docket Nos. 19-1234 and 19-1240`)
    r"|(?:docket\s+)?nos?\.\s*\d{2}-\d{1,5}(?:(?:,\s*|,?\s+and\s+)\d{2}-\d{1,5})*\.?$)",
    re.IGNORECASE,
)
FURNITURE_MAX = 200
# A byline's lead printed alone, the names on the next line (page.py reads the two together).
_LEAD_ALONE = re.compile(
    r"^(?:(?:edited|compiled|written|translated|prepared|introduced)\s+)?by\s*:?$", re.IGNORECASE
)
LEAD_MAX = 24


# The first two letters of each junk phrase of `_JUNK_WORDS` that starts with a letter.
JUNK_PAIRS = frozenset(["ma", "us", "do", "re", "pd", "sh", "gu", "gr", "mo", "co", "fa", "tw",
                        "li", "e-", "em", "pi", "wh", "pr", "vi", "ac", "op", "ge", "fu", "ol",
                        "ne", "lo", "ba", "fe", "pa", "fr", "al", "av", "ci", "bo", "sa", "le",
                        "se", "fo", "pe", "no", "su", "wa"])  # fmt: skip


def may_be_junk(text: str) -> bool:
    """False only where `_JUNK_LINE` cannot match: a line whose first two characters are ASCII
    and the first a letter starts with a junk phrase's (beyond ASCII, case folding is the
    pattern's to decide; past them, what the line holds cannot make a phrase start there:
    `By Lucía Cohen` is told by its `By`)."""
    head = text[:2]
    return not (head.isascii() and head[:1].isalpha()) or head.lower() in JUNK_PAIRS


def is_junk(text: str) -> bool:
    """A junk line: junk words (`Download PDF`), web-page furniture or a byline's lead alone."""
    return (
        (len(text) <= JUNK_MAX and may_be_junk(text) and _JUNK_LINE.match(text) is not None)
        or is_furniture(text)
        or lead_alone(text)
    )


def is_furniture(text: str) -> bool:
    """A web page's furniture line (`Showing 1–20 of 345`, `Sort by: Newest`, `Tags: …`)."""
    head = text[:2]
    return (
        len(text) <= FURNITURE_MAX
        and text[:1] in _FURNITURE_STARTS
        # the first two letters of a phrase (beyond ASCII, case folding is the pattern's)
        and (head.lower() in _FURNITURE_PAIRS or not head.isascii())
        and _FURNITURE.match(text) is not None
    )


def lead_alone(text: str) -> bool:
    """`By`, `Edited by:`… alone on a line: a junk line that leads the byline after it."""
    return len(text) <= LEAD_MAX and _LEAD_ALONE.match(text) is not None


_FURNITURE_STARTS = frozenset("TtCcFfLlMmWwSsPpRrOoUuDdNn")  # what `_FURNITURE` can start with
# The first two letters of each of `_FURNITURE`'s phrases, in lower case.
_FURNITURE_PAIRS = frozenset(
    ["ta", "ca", "fi", "la", "to", "su", "po", "pu", "up", "da", "sh", "re", "so", "or", "mo", "tu",
     "we", "th", "fr", "sa", "do", "no"]
)  # fmt: skip

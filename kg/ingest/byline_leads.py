"""What a byline may print around its names besides an English `By`: another language's `by`
(`Por`, `Par`, `Von`, `Di`, `Door`) and its roles (`Editado por`, `Herausgegeben von`, `A cura
di`), and a court opinion's notes (`delivered the opinion of the Court`, `dissenting`,
`Per Curiam`, a docket number)."""

from __future__ import annotations

import re

from kg.ingest.byline_text import with_other_ands_read
from kg.ingest.namelist import name_list
from kg.ingest.names import (
    PARTICLES,
    has_nominal_ending,
    has_org_word,
    is_person_like,
    is_shouting,
    title_case,
)

# A role in another language, then its `by` (`Editado por`, `Traduit par`, `Sous la direction
# de`, `Herausgegeben von`, `A cura di`, `Onder redactie van`); or `by` alone.
_OTHER_LEAD = re.compile(
    r"^(?:(?P<role>(?i:(?:editad|coordinad|compilad|organizad|traducid|traduzid)[oa]s?|"
    r"[ée]dit[ée]e?s?|traduite?s?|sous\s+la\s+direction|herausgegeben|übersetzt|"
    r"a\s+cura|tradott[oa]|onder\s+redactie|vertaald|bewerkt))\s+(?i:por|par|de|d'|von|di|da|"
    r"door|van)\s*"
    r"|(?P<by>Por|POR|Par|PAR|Door|DOOR)\s+|(?:Von|VON|Di|DI)\s+(?!(?i:der|den|de|la|lo|le)\s))"
    # the article before a body's name: `Por el Instituto …`, `Par la Commission …` (`Von der`,
    # `Di Lo` start family names)
    r"(?P<article>(?:(?:el|la|los|las|le|les|het|il|lo)\s+|l['’])(?=[A-Z]))?"
)
# What _OTHER_LEAD and a court opinion's byline can start with.
OTHER_LEAD_STARTS = frozenset("PVDEeCcOoTtÉéSsHhAaBbJNÜü")
_TRANSLATING = ("tradu", "übers", "verta", "trado")
# `with the collaboration of` in another language: the names after it are contributors'.
OTHER_COLLABORATION = (
    r"(?:avec\s+la\s+collaboration\s+de|con\s+la\s+colaboraci[óo]n\s+de|con\s+la\s+"
    r"collaborazione\s+di|com\s+a\s+colabora[çc][ãa]o\s+de|unter\s+(?:der\s+)?Mitarbeit\s+von|"
    r"met\s+medewerking\s+van)"
)
_NAMES_APART = re.compile(r"\s*(?:[,;|·]|\band\b|&)\s*")
_COLLABORATION = re.compile(rf",?\s+(?i:{OTHER_COLLABORATION})\s+")
_NAME_END = re.compile(
    rf"\s*(?:[,;|·(]| (?:y|et|und|e|en|and|&|Y|ET|UND|E|EN|AND) | (?i:{OTHER_COLLABORATION}))"
)


def strip_other_lead(text: str) -> tuple[str, str | None]:
    """`Por Ana García y Luis Pérez` → (`Ana García y Luis Pérez`, None), `Editado por Ana
    García` → (`Ana García`, `editor`); the text as it was unless another language's `by`
    leads a whole person's name (two words or more) or a body's (`Di Stefano`, `Von Trapp`
    are family names)."""
    m = _OTHER_LEAD.match(text)
    if m is None:
        return text, None
    rest = text[m.end() :]
    first = _NAME_END.split(rest, maxsplit=1)[0].strip()
    if is_shouting(rest):
        first = title_case(first)  # `POR ANA BELÉN ROCHA Y …`
    role = _role(m["role"]) if m["role"] else None
    if m["article"] and not has_org_word(first):
        return text, None  # `Par la suite …`: no body after the article
    if m["article"] and not (m["by"] or role):
        return text, None  # `Di Lo Russo`
    if role is None and not m["article"] and not _whole_person(first):
        return text, None
    return rest, role


def _whole_person(name: str) -> bool:
    """Two words or more, a person's name, which no particle starts (`Von Der Leyen`)."""
    tokens = name.split()
    return len(tokens) >= 2 and tokens[0].casefold() not in PARTICLES and is_person_like(name)


def _role(word: str) -> str:
    return "translator" if word.casefold().startswith(_TRANSLATING) else "editor"


# A court's opinion: who wrote it and how, and the case's docket number, none a name.
_DOCKET = re.compile(
    r"(?:^|,?\s+)(?:Docket\s+)?Nos?\.\s*(?:\d+-[\w-]+|\d{3,})"
    r"(?:(?:,\s*|\s+and\s+)(?:\d+-[\w-]+|\d{3,}))*\.?(?=\s|,|;|$)"
)
_OPINION = re.compile(
    r",?\s+(?:delivered|announced|wrote|filed)\s+(?:the|an?)\s+(?:(?:unanimous|majority|"
    r"plurality|concurring|dissenting)\s+)?(?:opinion|judgment)\b.*$"
    r"|,\s+(?:concurring|dissenting)(?:\s+in\s+(?:part|the\s+judgment))?(?:\s+and\s+"
    r"(?:concurring|dissenting)(?:\s+in\s+(?:part|the\s+judgment))?)?\.?$",
    re.IGNORECASE,
)
_PER_CURIAM = re.compile(r"^\s*(?:Opinion\s+)?Per\s+Curiam(?:\s+Opinion)?\.?\s*$", re.IGNORECASE)
# `, with whom Justice Rolf Hagen joins,`: the judges who sign the opinion too
_WITH_WHOM = re.compile(r",?\s+with\s+whom\s+(?P<who>.+?)\s+joins?\b,?", re.IGNORECASE)
_OPINION_BY = re.compile(r"^(?:Opinion|Opinion of the Court)\s+by\s+", re.IGNORECASE)
_JUDGES_TITLE = re.compile(
    r"(?:^|(?<=, )|(?<=and ))(?i:(?:chief\s+)?(?:justice|judge)s?)\s+(?=[A-Z])"
)


def may_have_opinion_notes(text: str) -> bool:
    """What an opinion's note or a docket number has: a fast test before the patterns."""
    return "No" in text or any(hint in text for hint in _OPINION_HINTS)


_OPINION_HINTS = ("uriam", "URIAM", "pinion", "PINION", "udgment", "ncurring", "ssenting")


def without_opinion_notes(text: str) -> str:
    """`Justice Ann Lee delivered the opinion of the Court` → `Ann Lee`: a court opinion's
    byline without the note of what its judge did, the judge's title or the docket number;
    `Per Curiam` (the court's, signed by no one) → ''."""
    if _PER_CURIAM.match(text):
        return ""
    docket = _DOCKET.search(text) if "No" in text else None
    if docket is not None:
        text = (text[: docket.start()] + text[docket.end() :]).strip(" ,;")
    opinion = _OPINION.search(text)
    if opinion is not None:
        text = text[: opinion.start()]
        if " whom " in text:
            text = _WITH_WHOM.sub(lambda m: f" and {m['who']}", text)
    lead = _OPINION_BY.match(text)
    if lead is not None:
        text = text[lead.end() :]
    if opinion or lead or docket:  # a judge's title, for certain (not the given name `Justice`)
        text = _JUDGES_TITLE.sub("", text)
    return text


def leads_names(text: str) -> bool:
    """A byline without an English `By`: another language's `by` before names only (`Par Marie
    Dupont et Jean Martin`, not `Par for the Course`), or a court opinion's (`Justice Ann Lee
    delivered the opinion of the Court`, `Judge Bo Chan, concurring`, `Per Curiam`)."""
    space = text.find(" ")
    if text[:space].casefold() not in _LEAD_WORDS:
        return False  # a fast test before the patterns
    rest, _role = strip_other_lead(text)
    if rest is not text:
        # Two names or more, or a role or an article in the lead: one name after a bare lead
        # may be a title's words (`Von Neumann Machines`, `Door Staff Training`); a line of one
        # person's name is read by its shape, as it was before.
        lead_words = len(text[: len(text) - len(rest)].split())
        if " " in rest and _COLLABORATION.search(rest):
            rest = _COLLABORATION.sub(", ", rest)  # `…, avec la collaboration de …`: more names
        rest = with_other_ands_read(rest)
        if any(has_nominal_ending(name) for name in _NAMES_APART.split(rest)):
            return False  # `Par Excellence Policing and Crime Control`: no one's name
        names = name_list(rest)
        return names == 2 or (names == 1 and lead_words > 1)
    if not text.startswith(_OPINION_STARTS):
        return False
    if _PER_CURIAM.match(text):
        return True
    judges = without_opinion_notes(text)
    return judges != text and name_list(judges) > 0


# The first words of the lines _OTHER_LEAD and _OPINION_STARTS can start.
_LEAD_WORDS = frozenset(
    ["por", "par", "von", "di", "door", "sous", "herausgegeben", "übersetzt", "a", "onder",
     "vertaald", "bewerkt", "justice", "judge", "chief", "opinion", "per", "no.", "nos.",
     "docket"]
    + [f"{stem}{end}" for stem in ("editad", "coordinad", "compilad", "organizad", "traducid",
                                   "traduzid") for end in ("o", "a", "os", "as")]
    + [f"{e}dit{é}{end}" for e in "eé" for é in "eé" for end in ("", "e", "s", "es")]
    + ["traduit", "traduite", "traduits", "traduites", "tradotto", "tradotta"]
)  # fmt: skip
_OPINION_STARTS = ("Justice ", "Judge ", "Chief Justice ", "Chief Judge ", "Opinion ", "Per ",
                   "No. ", "Nos. ", "Docket ")  # fmt: skip

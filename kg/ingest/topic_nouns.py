"""Words for what a body deals with: abstract nouns (`Prevention`, `Studies`, `Safety`), known by
their endings or listed, and the topics of the catalogue that bodies are named for (`Custody`,
`Crime`, `Misconduct`). They name a topic, not a place, a person or a body: no surname ends like
them, and a body's name of such words and a head word alone (`Misconduct Commission`) is the end
of a name that a place or a proper name starts (`Northland Crime and Misconduct Commission`)."""

from __future__ import annotations

import re
from functools import lru_cache

_NOMINAL = re.compile(r"(?:tion|sion|ment|ness|ity|ism|ics|ogy|ship)$")
# Nouns that end bodies' names and no surname ends like (unlike `-ing`: Dowling, `-ence`: Lawrence).
_NOMINAL_WORDS = frozenset(
    ["studies", "violence", "evidence", "science", "sciences", "prevalence", "policing",
     "trafficking", "offending", "safety", "security", "policy", "rights", "affairs", "abuse",
     "crime", "crimes", "peace", "health", "welfare", "reform", "education", "law",
     # plural nouns that end companies' names (`Sensormatic Solutions`); a plural of `-tion` or
     # `-ment` is no rule (`Sessions`, `Clements` are family names)
     "solutions", "innovations", "communications", "strategies", "analytics"]
)  # fmt: skip


@lru_cache(maxsize=65_536)
def has_nominal_ending(name: str) -> bool:
    """The last word is an abstract noun (`Evasion`, `Prevention`, `Studies`): no surname."""
    tokens = name.split()
    if len(tokens) < 2:
        return False
    last = tokens[-1].casefold().strip(".,")
    return last in _NOMINAL_WORDS or bool(_NOMINAL.search(last))


# The topics bodies are named for beyond the abstract nouns above (`Custody Review`, `Drugs and
# Alcohol Research Unit`); no given name or family name is one of them.
TOPIC_NOUNS = frozenset(
    ["custody", "prison", "prisons", "bail", "parole", "probation", "detention", "sentencing",
     "misconduct", "fraud", "drugs", "drug", "alcohol", "deaths", "victims", "courts",
     "corrections", "youth", "justice", "research", "police", "statistics", "data", "crime",
     "crimes", "gambling", "firearms", "weapons", "immigration", "asylum", "complaints"]
)  # fmt: skip


@lru_cache(maxsize=16_384)
def names_a_topic(word: str) -> bool:
    """`Custody`, `Misconduct`, `Prevention`: a word for what a body deals with."""
    bare = word.casefold().strip(".,")
    return bare in TOPIC_NOUNS or has_nominal_ending(f"x {bare}")

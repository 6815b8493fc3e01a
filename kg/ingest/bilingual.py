"""One body named in two languages (`University of Ottawa Press / Les Presses de l’Université
d’Ottawa`, `Statistics Canada / Statistique Canada`): a publisher, not two."""

from __future__ import annotations

import unicodedata

# Words that carry no name in the languages the catalogue's bodies are named in.
_FUNCTION_WORDS = frozenset(
    ["of", "the", "and", "for", "on", "in", "at", "a", "an", "de", "du", "des", "la", "le",
     "les", "del", "della", "di", "do", "da", "dos", "das", "der", "die", "den", "und", "et",
     "y", "e", "en", "el", "los", "las", "für", "för", "och", "og", "i"]
)  # fmt: skip
_ELIDED = ("l’", "l'", "d’", "d'")


def same_body_in_two_languages(first: str, second: str) -> bool:
    """Every word that names something on the shorter side has a cognate on the other (the
    same first five letters, accents and case aside): the two are one body's names."""
    words_a, words_b = _naming_words(first), _naming_words(second)
    if not words_a or not words_b or words_a == words_b:
        return False
    shorter, longer = sorted((words_a, words_b), key=len)
    if len(shorter) == len(longer) and not _covered(longer, shorter):
        return False  # as long as each other: each side's words have cognates on the other
    return _covered(shorter, longer)


def _covered(words: list[str], others: list[str]) -> bool:
    return all(any(_cognate(word, other) for other in others) for word in words)


def _naming_words(name: str) -> list[str]:
    words = []
    for raw in name.split():
        word = _folded(raw.strip(",.;:()"))
        for prefix in _ELIDED:
            if word.startswith(prefix):
                word = word[len(prefix) :]
        if len(word) >= 3 and word not in _FUNCTION_WORDS and word.isalpha():
            words.append(word)
    return words


def _folded(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _cognate(a: str, b: str) -> bool:
    if len(a) < 5 or len(b) < 5:
        return a == b
    return a[:5] == b[:5]

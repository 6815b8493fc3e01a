"""The agent authority file: one entry per real person or organisation, with every known name.

Metadata specialists edit `vocab/agents.ttl`; ingest resolves each printed name to the entry's
preferred name, so `OSCE` and its spelled-out name are one organisation.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg.namespaces import FOAF, KG, OWL, RDF, SDO, SKOS
from kg.records import AgentKind


@dataclass(frozen=True, slots=True)
class Agent:
    """One authority entry: its key (IRI path under `id/`), preferred name and all names."""

    key: str
    kind: AgentKind
    name: str
    acronyms: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    spellings: tuple[str, ...] = ()  # the variants that are spellings (not misprints)
    curated: tuple[str, ...] = ()  # identity links the specialist checked (owl:sameAs)


MEMO_SIZE = 16_384
_UNSEEN = object()
_WORD = re.compile(r"[a-z0-9]+")
_THE = re.compile(r"^the\s+")


_ASCII_ALNUM = string.ascii_letters + string.digits
_ASCII_OTHER = "".join(chr(c) for c in range(128) if chr(c) not in _ASCII_ALNUM)


def ascii_last_word(text: str) -> str:
    """The last word of `name_key(text)` for ASCII text ('' when the key is empty), found
    without normalising: the last run of letters and digits lower-cased, or `and` when an `&`
    follows it (`&` reads as `and`)."""
    words = text.rstrip(_ASCII_OTHER)
    if "&" in text[len(words) :]:
        return "and"
    return words[len(words.rstrip(_ASCII_ALNUM)) :].lower()


class _CombiningMarks(dict[int, int | None]):
    """`str.translate` table that drops combining marks, filled in as characters are seen."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_DROP_MARKS = _CombiningMarks()


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """A comparison key: accents, case, punctuation and a leading `The` ignored."""
    text = unicodedata.normalize("NFKD", name)
    if not text.isascii():
        text = text.translate(_DROP_MARKS)
    text = text.casefold().strip()
    if text[:3] == "the":  # what _THE starts with (most names do not)
        text = _THE.sub("", text)
    return " ".join(_WORD.findall(text.replace("&", " and ")))


class Authority:
    """Looks printed names up in the authority entries."""

    def __init__(self, agents: Iterable[Agent] = ()) -> None:
        self.agents: tuple[Agent, ...] = tuple(agents)
        self._by_name: dict[str, Agent] = {}
        for agent in self.agents:
            for label in (agent.name, *agent.acronyms, *agent.variants):
                self._by_name.setdefault(name_key(label), agent)
        # Spelling variants (altLabels): read as printed, and still the one agent in the graph.
        self._spellings = frozenset(
            name_key(label)
            for agent in self.agents
            if agent.kind == "organization"  # a person's variants are forms (`Roe, Jane`)
            for label in agent.spellings
        ) - {name_key(label) for agent in self.agents for label in (agent.name, *agent.acronyms)}
        self._last_words = frozenset(key.rpartition(" ")[2] for key in self._by_name)
        self._found: dict[str, Agent | None] = {}  # printed name → entry (a bounded memo)

    def lookup(self, name: str) -> Agent | None:
        """The entry one of whose names matches `name`, if any."""
        found = self._found.get(name, _UNSEEN)
        if found is not _UNSEEN:
            return found  # type: ignore[return-value]
        if len(self._found) >= MEMO_SIZE:
            self._found.clear()
        agent = None
        if self._may_be_known(name):
            agent = self._by_name.get(name_key(name))
        self._found[name] = agent
        return agent

    def _may_be_known(self, name: str) -> bool:
        """False when `name` cannot be in the file, told without computing its key: for ASCII
        text, the key's last word is the last run of letters and digits, lower-cased (or `and`
        for a final `&`), and some entry's key must end in it."""
        if not name.isascii() or "" in self._by_name:
            return True
        return ascii_last_word(name) in self._last_words

    def may_end(self, text: str) -> bool:
        """False when no name that ends `text` (its last words) can be in the file.

        The key of a name made of `text`'s last words ends in the last word of `text`'s key,
        so when no entry's key ends in that word, no such name is known.
        """
        if "" in self._by_name:
            return True
        if text.isascii():
            return ascii_last_word(text) in self._last_words
        key = name_key(text)
        return bool(key) and key.rpartition(" ")[2] in self._last_words

    def name_for(self, printed: str) -> str | None:
        """The name `kg parse` gives a printed name the file knows: the preferred name, unless
        what was printed is one of the agent's spelling variants (then it is kept)."""
        agent = self.lookup(printed)
        if agent is None:
            return None
        return printed if name_key(printed) in self._spellings else agent.name

    def is_acronym(self, name: str) -> bool:
        agent = self.lookup(name)
        return agent is not None and name_key(name) in {name_key(a) for a in agent.acronyms}

    def __len__(self) -> int:
        return len(self.agents)


def parse_authority(graph: Graph, id_base: str) -> Authority:
    """Entries from a graph of `schema:Person` / `schema:Organization` resources."""
    agents = []
    for kind, cls in (("person", SDO.Person), ("organization", SDO.Organization)):
        subjects = {s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)}
        for subject in sorted(subjects):
            agents.append(_agent(graph, subject, kind, id_base))  # type: ignore[arg-type]
    return Authority(agents)


def _agent(graph: Graph, subject: URIRef, kind: AgentKind, id_base: str) -> Agent:
    def texts(*predicates: URIRef) -> tuple[str, ...]:
        values = (graph.objects(subject, p) for p in predicates)
        return tuple(sorted({str(o) for group in values for o in group if isinstance(o, Literal)}))

    names = texts(SKOS.prefLabel, SDO.name, FOAF.name)
    key = str(subject).removeprefix(id_base).split("/", 1)[-1]
    return Agent(
        key=key,
        kind=kind,
        name=names[0] if names else key,
        acronyms=texts(KG.acronym, SDO.alternateName),
        variants=texts(SKOS.altLabel, SKOS.hiddenLabel),
        spellings=texts(SKOS.altLabel),
        same_as=tuple(sorted({str(o) for o in graph.objects(subject, SDO.sameAs)})),
        curated=tuple(sorted({str(o) for o in graph.objects(subject, OWL.sameAs)})),
    )


def load_authority(path: Path, id_base: str, *more: Path) -> Authority:
    """Read the authority file (Turtle with IRIs relative to `{base}id/`), and any more files."""
    graph = Graph()
    for each in (path, *more):
        if each.exists():
            graph.parse(each, format="turtle", publicID=id_base)
    return parse_authority(graph, id_base)

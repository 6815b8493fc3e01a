"""Reading vocabulary files: Turtle with IRIs relative to `{base}id/`, and where each subject is.

rdflib keeps no line numbers, so the text is scanned once for the lines that start a subject
block; problems are reported at the line of the block they are about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from rdflib import Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import InputError

_PREFIX = re.compile(r"^\s*@?prefix\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)
# A subject at the start of a line: <relative/iri> or prefix:local.
_SUBJECT = re.compile(r"^(<[^>\s]*>|[A-Za-z][\w.-]*:[\w./%-]*)(?=\s|$)")


@dataclass(frozen=True, slots=True)
class VocabFile:
    """One parsed vocabulary file with the line each subject block starts on."""

    path: Path
    graph: Graph
    lines: tuple[str, ...]
    subject_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, iri: str, needle: str | None = None) -> int:
        """The line of `iri`'s block, or of the first line in that block containing `needle`."""
        start = self.subject_lines.get(iri)
        if start is None:
            return self._first_mention(iri)
        if needle:
            ends = sorted(n for n in self.subject_lines.values() if n > start)
            end = ends[0] if ends else len(self.lines) + 1
            for number in range(start, end):
                if needle in self.lines[number - 1]:
                    return number
        return start

    def _first_mention(self, iri: str) -> int:
        tail = iri.rsplit("/", 2)
        probe = "/".join(tail[-2:]) if len(tail) >= 2 else iri
        for number, text in enumerate(self.lines, start=1):
            if probe in text:
                return number
        return 1


def read_vocab_file(path: Path, id_base: str) -> VocabFile:
    """Parse one Turtle file; a syntax error is an InputError at its line."""
    text = path.read_text(encoding="utf-8")
    graph = Graph()
    try:
        graph.parse(data=text, format="turtle", publicID=id_base)
    except BadSyntax as err:
        raise InputError(
            str(path), err.lines + 1, f"Turtle syntax error: {err._why}", "correct the Turtle"
        ) from err
    except Exception as err:  # rdflib raises assorted errors for bad literals and IRIs
        raise InputError(str(path), 1, f"cannot read Turtle: {err}", "correct the Turtle") from err
    lines = tuple(text.splitlines())
    return VocabFile(path, graph, lines, _subject_lines(lines, id_base))


def vocab_paths(folder: Path) -> list[Path]:
    """The Turtle files of a vocabulary folder (or the one file given), in a stable order."""
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise InputError(str(folder), 0, "no such file or folder", "give the vocab/ folder")
    return sorted(folder.glob("*.ttl"))


def _subject_lines(lines: tuple[str, ...], id_base: str) -> dict[str, int]:
    prefixes: dict[str, str] = {}
    found: dict[str, int] = {}
    for number, text in enumerate(lines, start=1):
        prefix = _PREFIX.match(text)
        if prefix:
            prefixes[prefix[1]] = urljoin(id_base, prefix[2])
            continue
        match = _SUBJECT.match(text)
        if not match:
            continue
        token = match[1]
        if token.startswith("<"):
            iri = urljoin(id_base, token[1:-1])
        else:
            name, _, local = token.partition(":")
            if name not in prefixes:
                continue
            iri = prefixes[name] + local
        found.setdefault(iri, number)
    return found

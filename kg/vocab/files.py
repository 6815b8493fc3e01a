"""Reading vocabulary files: Turtle with IRIs relative to `{base}id/`, and where each subject is.

rdflib keeps no line numbers, so the text is scanned once for the lines that start a subject
block (and the prefixes in force); problems are reported at the line of the block they are about,
or at the line of the link itself when they are about a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from rdflib import Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import InputError

# Turtle's \u and \U escapes may not name a surrogate (half of a UTF-16 pair), yet rdflib reads
# one as a lone surrogate, and a pair as two: text no file can be written with.
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
LONE_SURROGATE = (
    "a \\u escape names half of a surrogate pair (\\uD800–\\uDFFF), which is no character"
)
SURROGATE_FIX = "write the character itself, or one \\U escape of its code point (\\U0001F600)"
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
    prefixes: dict[str, str] = field(default_factory=dict)  # name → namespace (absolute)

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

    def line_of_link(self, iri: str, target: str, id_base: str) -> int:
        """The line where `iri`'s block names `target` (`<topic/x>`, `<http://…>` or `t:x`);
        else the line where `target`'s block names `iri` (a link written the other way
        round, such as skos:narrower); else the line of `iri`'s block."""
        for subject, obj in ((iri, target), (target, iri)):
            start = self.subject_lines.get(subject)
            if start is None:
                continue
            written = _written_forms(obj, id_base, self.prefixes)
            for number in range(start, self._block_end(start)):
                if written.search(_code(self.lines[number - 1])):
                    return number
        return self.line_of(iri)

    def _block_end(self, start: int) -> int:
        ends = [n for n in self.subject_lines.values() if n > start]
        return min(ends) if ends else len(self.lines) + 1

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
    if _holds_a_surrogate(graph):
        raise InputError(str(path), _surrogate_line(lines), LONE_SURROGATE, SURROGATE_FIX)
    prefixes = _prefixes(lines, id_base)
    return VocabFile(path, graph, lines, _subject_lines(lines, id_base), prefixes)


def _holds_a_surrogate(graph: Graph) -> bool:
    return any(_SURROGATE.search(str(term)) for triple in graph for term in triple)


def _surrogate_line(lines: tuple[str, ...]) -> int:
    for number, text in enumerate(lines, start=1):
        if _SURROGATE_ESCAPE.search(text):
            return number
    return 1


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


def _prefixes(lines: tuple[str, ...], id_base: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for text in lines:
        if prefix := _PREFIX.match(text):
            found[prefix[1]] = urljoin(id_base, prefix[2])
    return found


def _written_forms(iri: str, id_base: str, prefixes: dict[str, str]) -> re.Pattern[str]:
    """How a Turtle file may write `iri`: relative to `id_base`, absolute, or prefixed."""
    forms = [re.escape(f"<{iri}>")]
    if iri.startswith(id_base):
        forms.append(re.escape(f"<{iri.removeprefix(id_base)}>"))
    for name, namespace in prefixes.items():
        local = iri.removeprefix(namespace)
        if iri.startswith(namespace) and local:
            # Not a longer name (`t:ab` is not `t:abc`); a final `.` ends the statement.
            forms.append(rf"(?<![\w:.-]){re.escape(name)}:{re.escape(local)}(?![\w:/%-]|\.\w)")
    return re.compile("|".join(forms))


def _code(line: str) -> str:
    """The line without a trailing comment (a `#` outside strings and IRIs)."""
    in_string, in_iri, escaped = False, False, False
    for index, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\" and in_string:
            escaped = True
        elif char == '"' and not in_iri:
            in_string = not in_string
        elif char == "<" and not in_string:
            in_iri = True
        elif char == ">" and not in_string:
            in_iri = False
        elif char == "#" and not (in_string or in_iri):
            return line[:index]
    return line

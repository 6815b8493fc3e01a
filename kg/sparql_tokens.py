"""A small SPARQL tokenizer: strings, IRIs, comments, variables and prefixed names come out as
whole tokens, so a keyword inside one of them (`"SERVICE"`, `<http://x/LOAD>`, `?service`,
`ex:service`) is never taken for a keyword. The endpoint's guard reads the query form and the
refused keywords with it; a remote store's reader finds the graph names to rewrite with it.
https://www.w3.org/TR/sparql11-query/#grammar
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Order matters: long strings before short ones, IRIs before the `<` operator.
TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<pname>[^\W\d][\w.\-]*:[\w.\-:%\\]*|:[\w.\-:%\\]*)
    | (?P<blank>_:[\w.\-]+)
    | (?P<word>[^\W\d]\w*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def tokens(text: str) -> Iterator[re.Match[str]]:
    """Every token of a SPARQL text, in order (`match.lastgroup` is its kind)."""
    return TOKEN.finditer(text)

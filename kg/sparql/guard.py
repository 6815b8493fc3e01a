"""The first safety layer: only read-only queries reach the engine.

The SPARQL tokenizer of kg/sparql_tokens.py (strings, IRIs, comments, variables and prefixed
names are whole tokens, so `"SERVICE"`, `<http://x/LOAD>`, `?service` and `ex:service` never
match) finds the query form after the prologue and refuses updates, `LOAD` and `SERVICE`.
pyoxigraph, rdflib, `oxigraph serve` and Virtuoso all send SERVICE requests out when asked: an
SSRF hole, closed here before anything reaches a store.
https://www.w3.org/TR/sparql11-query/#rQueryUnit · https://www.w3.org/TR/sparql11-update/
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum

from kg.errors import ForbiddenQuery
from kg.sparql_tokens import tokens


class QueryForm(Enum):
    """The four SPARQL query forms."""

    SELECT = "SELECT"
    ASK = "ASK"
    CONSTRUCT = "CONSTRUCT"
    DESCRIBE = "DESCRIBE"


UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)


def _words(text: str) -> Iterator[str]:
    """The bare words of a SPARQL text, upper-cased, in order (keywords and `a`)."""
    for match in tokens(text):
        if match.lastgroup == "word":
            yield match.group().upper()


def check_query(text: str) -> QueryForm | None:
    """The form of a read-only query; ForbiddenQuery for updates, LOAD and SERVICE.

    None when the text starts with no query form: the engine then reports the syntax error
    with its parser's message.
    """
    form: QueryForm | None = None
    first: str | None = None
    for word in _words(text):
        if word == "SERVICE":
            raise ForbiddenQuery(
                "SERVICE (federated query) is refused: this endpoint never calls other servers",
                fix="query the other endpoint yourself and combine the results",
            )
        if first is None and word not in ("BASE", "PREFIX"):
            first = word
            if word in QueryForm.__members__:
                form = QueryForm[word]
    if first in UPDATE_KEYWORDS:
        raise ForbiddenQuery(
            f"SPARQL Update ({first}) is refused: this endpoint is read-only",
            fix="send a SELECT, ASK, CONSTRUCT or DESCRIBE query",
        )
    return form

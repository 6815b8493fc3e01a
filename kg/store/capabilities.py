"""What a store can do, as data: kg reads these fields instead of branching on the store's kind.

`store_kind` (a setting) names one of the records below; `generic` assumes only the SPARQL 1.1
Protocol and Graph Store Protocol.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Capabilities:
    """One kind of store and how kg talks to it."""

    kind: str
    remote: bool
    # How often (s) a web worker asks which release is live: a symlink read costs nothing, a
    # remote query does, and a switch must be seen within a second.
    pointer_poll_s: float
    # Where SPARQL Update (sent in the form field `update_field`) and the Graph Store Protocol
    # live, relative to the query endpoint's URL (a sibling path).
    update_path: str | None = None
    update_field: str = "update"
    graph_store_path: str | None = None
    graph_store_param: str = "graph"
    # HTTP authentication for writes (credentials come from KG_STORE_USER/KG_STORE_PASSWORD).
    auth: str | None = None
    # The store's own time limit: a query parameter in milliseconds, and the response header
    # (name, value) by which it says it cut a result short instead of failing.
    timeout_param: str | None = None
    partial_result_header: tuple[str, str] | None = None
    # The variable in which the store answers ASK as a one-row SELECT (instead of a boolean).
    ask_variable: str | None = None


EMBEDDED = Capabilities(kind="embedded", remote=False, pointer_poll_s=0.0)
OXIGRAPH = Capabilities(
    kind="oxigraph",
    remote=True,
    pointer_poll_s=1.0,
    update_path="update",
    graph_store_path="store",
)
VIRTUOSO = Capabilities(
    kind="virtuoso",
    remote=True,
    pointer_poll_s=1.0,
    update_path="sparql-auth",
    update_field="query",
    graph_store_path="sparql-graph-crud-auth",
    graph_store_param="graph-uri",
    auth="digest",
    timeout_param="timeout",
    partial_result_header=("X-SQL-State", "S1TAT"),
    ask_variable="__ASK_RETVAL",
)
GENERIC = Capabilities(
    kind="generic",
    remote=True,
    pointer_poll_s=1.0,
    update_path="update",
    graph_store_path="data",
)
REMOTE_KINDS = {c.kind: c for c in (OXIGRAPH, VIRTUOSO, GENERIC)}


def remote_capabilities(kind: str) -> Capabilities:
    """The record for a `store_kind` setting; ConfigError naming the choices otherwise."""
    try:
        return REMOTE_KINDS[kind]
    except KeyError:
        raise ConfigError(
            f"KG_STORE_KIND={kind!r} is not a kind of store kg knows",
            fix=f"use one of {', '.join(REMOTE_KINDS)}",
        ) from None

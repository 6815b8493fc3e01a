"""What the web layer hands a query worker, and what comes back (pickled over a pipe)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.store import QueryTarget


@dataclass(frozen=True, slots=True)
class Job:
    """One query to run against the release at `target`, serialised in `media_type`."""

    query: str
    target: QueryTarget
    # Changes whenever the store's content may have changed (a new release; each update of the
    # test-only writable store): the worker then opens the target again.
    generation: str
    media_type: str
    max_rows: int
    truncation_link: str
    base_iri: str | None = None
    # True: the default graph is the union of the named graphs (kg's Service Description says
    # so); False: the store's own default graph (the W3C test suite's datasets need that).
    union_default_graph: bool = True
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    prefixes: dict[str, str] = field(default_factory=dict)
    # kg's limit, for a remote store that can enforce a limit of its own too.
    time_limit_s: float | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    """A serialised result."""

    body: bytes
    media_type: str
    truncated: bool
    rows: int


@dataclass(frozen=True, slots=True)
class Failure:
    """The engine refused or failed the query; `kind` is `syntax`, `memory` or `error`."""

    kind: str
    message: str

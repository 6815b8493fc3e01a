"""The query service: the safety layers in order, around the worker pool.

budget (429) → guard (403 for update/LOAD/SERVICE) → result format (400/406) → a worker with the
time limit (504) and memory ceiling (503) → row cap (truncation signalled) → charge the budget.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from werkzeug.datastructures import MIMEAccept

from kg.config import Config
from kg.errors import BadQuery, QueryFailed, QueryTimeout, StoreUnavailable
from kg.sparql.budget import Budgets
from kg.sparql.guard import QueryForm, check_query
from kg.sparql.jobs import Answer, Job
from kg.sparql.pool import QueryPool
from kg.sparql.protocol import QueryRequest, result_media_type
from kg.sparql.results import RESULTS_JSON
from kg.store import QueryTarget

_TIMEOUT_FIX = "add a LIMIT, narrow the patterns, or download a dump for bulk work"


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits the Service Description states and the service enforces."""

    time_limit_s: float
    max_rows: int
    memory_bytes: int
    budget_s_per_minute: float
    max_request_bytes: int
    workers: int

    @classmethod
    def from_config(cls, config: Config) -> Limits:
        return cls(
            time_limit_s=config.sparql_time_limit_ms / 1000,
            max_rows=config.sparql_max_rows,
            memory_bytes=config.sparql_memory_limit_mb * 1024 * 1024,
            budget_s_per_minute=config.sparql_budget_s_per_minute,
            max_request_bytes=config.max_request_bytes,
            workers=config.sparql_query_workers,
        )


@dataclass(frozen=True, slots=True)
class StoreRef:
    """Where the release is and which generation of it (reopen when it changes)."""

    target: QueryTarget
    generation: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """An answer, what it cost, and the limits it ran under."""

    answer: Answer
    form: QueryForm | None
    elapsed_s: float


class QueryService:
    """Runs checked queries in killable workers, within each client's budget."""

    def __init__(
        self,
        limits: Limits,
        locate: Callable[[], StoreRef],
        endpoint: str,
        prefixes: dict[str, str],
        union_default_graph: bool = True,
        network: bool = False,
    ) -> None:
        """`network`: the workers keep the network (they talk to a remote store)."""
        self.limits = limits
        self._union = union_default_graph
        self.endpoint = endpoint
        self._locate = locate
        self._prefixes = prefixes
        self._budgets = Budgets(limits.budget_s_per_minute)
        self._pool = QueryPool(
            limits.workers, limits.memory_bytes, wait_s=limits.time_limit_s, network=network
        )

    def execute(self, request: QueryRequest, accept: MIMEAccept, client: str) -> Outcome:
        """Run one protocol request for `client`; every refusal is a KgError."""
        self._budgets.check(client)
        form = check_query(request.query)
        # A text with no query form is sent on only for the engine's syntax error message.
        media_type = (
            RESULTS_JSON if form is None else result_media_type(form, accept, request.format)
        )
        time_limit = self.limits.time_limit_s
        if request.timeout_s is not None:
            time_limit = min(time_limit, request.timeout_s)  # a request may only lower it
        store = self._locate()
        job = Job(
            query=request.query,
            target=store.target,
            generation=store.generation,
            media_type=media_type,
            max_rows=self.limits.max_rows,
            truncation_link=self.endpoint + "#row-cap",
            base_iri=self.endpoint,
            union_default_graph=self._union,
            default_graphs=request.default_graphs,
            named_graphs=request.named_graphs,
            prefixes=self._prefixes,
            time_limit_s=time_limit,
        )
        started = time.monotonic()
        answer = self._pool.run(job, time_limit, lambda s: self._budgets.charge(client, s))
        if isinstance(answer, Answer):
            return Outcome(answer, form, time.monotonic() - started)
        if answer.kind == "syntax":
            raise BadQuery(f"SPARQL syntax error: {answer.message}", fix="correct the query")
        if answer.kind == StoreUnavailable.code:
            raise StoreUnavailable(answer.message, fix="retry in a moment (see Retry-After)")
        if answer.kind == QueryTimeout.code:
            raise QueryTimeout(answer.message, fix=_TIMEOUT_FIX)
        raise QueryFailed(answer.message, fix="check the query, or report it if it is valid")

    def close(self) -> None:
        self._pool.close()

"""Per-client query-time budgets: a token bucket of seconds, keyed by client address.

Each client may spend `seconds_per_minute` of query time per minute. A query is charged the time
it held a query worker, after it ran (not the time it waited for a free worker or for a worker
to start: that is the server's load, not the client's query); a client whose bucket is empty is
answered `429 Too Many Requests` with `Retry-After` saying when it holds a second again. The
buckets live in the web worker process: with N web workers a client that is spread over all of
them can spend up to N times as much.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from kg.errors import OverBudget


class Budgets:
    """Token buckets of query seconds per client, refilled continuously."""

    def __init__(
        self, seconds_per_minute: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.capacity = seconds_per_minute
        self._rate = seconds_per_minute / 60.0
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (level, when)
        self._lock = threading.Lock()

    def _level(self, client: str, now: float) -> float:
        level, when = self._buckets.get(client, (self.capacity, now))
        return min(self.capacity, level + (now - when) * self._rate)

    def check(self, client: str) -> None:
        """OverBudget when the client's bucket is empty."""
        now = self._clock()
        with self._lock:
            level = self._level(client, now)
        if level <= 0:
            wait = max(1, math.ceil((1 - level) / self._rate)) if self._rate else 60
            raise OverBudget(
                f"this client used its {self.capacity:g} s of query time per minute",
                retry_after_s=wait,
                fix=f"retry after {wait} s, or download a dump for bulk work",
            )

    def charge(self, client: str, seconds: float) -> None:
        """Take the time a query took from the client's bucket."""
        now = self._clock()
        with self._lock:
            self._buckets[client] = (self._level(client, now) - seconds, now)
            if len(self._buckets) > 10_000:
                self._forget_full(now)

    def _forget_full(self, now: float) -> None:
        # Full buckets carry no information: drop them so the table stays small.
        full = [c for c in self._buckets if self._level(c, now) >= self.capacity]
        for client in full:
            del self._buckets[client]

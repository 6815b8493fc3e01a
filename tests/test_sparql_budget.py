"""Per-client budgets of query time (token buckets) with a controlled clock."""

from __future__ import annotations

import pytest

from kg.errors import OverBudget
from kg.sparql.budget import Budgets


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_client_over_budget_gets_429_with_retry_after_then_recovers() -> None:
    clock = Clock()
    budgets = Budgets(60, clock)
    budgets.check("a")
    budgets.charge("a", 45)
    budgets.check("a")  # 15 s left
    budgets.charge("a", 30)  # a query may overrun what is left: -15 s
    with pytest.raises(OverBudget) as raised:
        budgets.check("a")
    assert raised.value.status == 429
    assert raised.value.retry_after_s == 16  # back to +1 s at 1 s per s
    budgets.check("b")  # other clients are not affected
    clock.now += 16
    budgets.check("a")


def test_the_bucket_never_holds_more_than_a_minute_of_budget() -> None:
    clock = Clock()
    budgets = Budgets(10, clock)
    clock.now += 3600
    budgets.charge("a", 10.5)
    with pytest.raises(OverBudget):
        budgets.check("a")

"""What a map + validate worker sends back for each record pickles as its class called with its
fields (not through dataclasses' Python `__setstate__`), and comes back equal."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from kg.publish.stream import Outcome
from kg.validate import Verdict, Violation

violations = st.builds(Violation, st.text(), st.none() | st.text(), st.text(), st.text())
verdicts = st.builds(Verdict, st.lists(violations, max_size=3).map(tuple), st.text())
outcomes = st.builds(
    Outcome, st.text(), st.lists(st.binary(min_size=16, max_size=16)).map(tuple), verdicts,
    st.booleans(),
)  # fmt: skip


@given(outcomes)
def test_an_outcome_pickles_as_its_fields_and_comes_back_equal(outcome: Outcome) -> None:
    assert pickle.loads(pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)) == outcome
    verdict = outcome.verdict
    assert outcome.__reduce__() == (
        Outcome,
        (outcome.work, outcome.digests, verdict, outcome.cached),
    )
    assert verdict.__reduce__() == (Verdict, (verdict.violations, verdict.report_ttl))
    for v in verdict.violations:
        assert v.__reduce__() == (Violation, (v.focus, v.path, v.message, v.severity))

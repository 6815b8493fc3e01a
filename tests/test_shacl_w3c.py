"""The SHACL engines against the W3C SHACL core test suite (98 tests; full compliance: the
report must match the expected one, not only sh:conforms).

`gate` is the engine the build uses (`kg.validate.Gate`: pyshacl-turbo over an Oxigraph store,
falling back to pySHACL for the shapes where the two disagree); `turbo` is the same without the
fallback; `pyshacl` is the reference engine (`kg.validate.check`). Every test an engine does not
pass is listed, with the reason, in tests/w3c/shacl-known-differences.tsv.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph

from kg.publish.ntriples import line
from kg.validate import Gate, check
from tests.conftest import ROOT
from tests.shacl_suite import SuiteTest, core_suite, passes, suite_tests

KNOWN = ROOT / "tests" / "w3c" / "shacl-known-differences.tsv"
SUITE_SIZE = 98

Engine = Callable[[SuiteTest], Graph]


def _gate(test: SuiteTest) -> Graph:
    return Gate(test.shapes).check(line(t) for t in test.data).graph


def _turbo(test: SuiteTest) -> Graph:
    return Gate(test.shapes, fall_back=False).check(line(t) for t in test.data).graph


def _pyshacl(test: SuiteTest) -> Graph:
    data = Graph()
    data += test.data  # check() validates in place
    return check(data, test.shapes).graph


ENGINES: dict[str, Engine] = {"gate": _gate, "turbo": _turbo, "pyshacl": _pyshacl}


def _known(engine: str) -> dict[str, str]:
    rows = [r.split("\t") for r in KNOWN.read_text().splitlines() if r and not r.startswith("#")]
    return {test: reason for name, test, reason in rows if name == engine}


@pytest.fixture(scope="module")
def suite() -> list[SuiteTest]:
    tests = suite_tests(core_suite())
    assert len(tests) == SUITE_SIZE, [t.name for t in tests]
    return tests


def _failures(engine: Engine, suite: list[SuiteTest]) -> set[str]:
    failed = set()
    for test in suite:
        try:
            report = engine(test)
        except Exception as err:  # an engine that crashes on a test fails that test
            print(f"{test.name}: {type(err).__name__}: {err}")
            failed.add(test.name)
            continue
        if not passes(report, test):
            failed.add(test.name)
    return failed


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_each_engine_passes_the_core_suite_but_its_known_differences(
    engine: str, suite: list[SuiteTest]
) -> None:
    failed = _failures(ENGINES[engine], suite)
    known = _known(engine)
    print(f"{engine}: {SUITE_SIZE - len(failed)} of {SUITE_SIZE} passed")
    unexpected = sorted(failed - set(known))
    fixed = sorted(set(known) - failed)
    assert not unexpected, f"{engine} fails {unexpected}: fix it, or list it with its reason"
    assert not fixed, f"{engine} now passes {fixed}: remove their rows from {KNOWN.name}"


def test_the_fallback_is_what_makes_the_gate_pass_where_turbo_does_not() -> None:
    turbo_only = set(_known("turbo")) - set(_known("gate"))
    assert turbo_only == {"property/hasValue-001", "property/in-001"}
    assert not set(_known("gate")) - set(_known("turbo"))


def test_a_suite_that_cannot_be_fetched_fails_with_the_reason(tmp_path: Path) -> None:
    reason = r"could not fetch it:(?s:.*)No matching distribution found for pyshacl==0\.0\.1"
    with pytest.raises(AssertionError, match=reason):
        core_suite("pyshacl==0.0.1", "0" * 64, tmp_path / "suite")
    assert not (tmp_path / "suite").exists()


def test_a_comparison_that_differs_fails(suite: list[SuiteTest]) -> None:
    # The check above is only as strict as `passes`: an empty report passes no failing test.
    failing = [t for t in suite if not t.conforms]
    assert failing
    assert not any(passes(Graph(), t) for t in failing)
    empty_report = Graph().parse(
        data="[] a <http://www.w3.org/ns/shacl#ValidationReport> ; "
        "<http://www.w3.org/ns/shacl#conforms> true .",
        format="turtle",
    )
    assert not any(passes(empty_report, t) for t in failing)
    assert all(passes(empty_report, t) for t in suite if t.conforms)

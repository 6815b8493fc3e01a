"""The embedded release loader checks and compacts the graph files as soon as they are in
(`settle`, on the build's loading thread) and leaves `finish` the graphs added after: no
release with a wrong count is ever kept, whichever side of `settle` the wrong graph is on."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import StoreError
from kg.store.embedded import EmbeddedLoader

BASE = "http://example.org/"
FOLDERS = itertools.count()
GRAPHS = [f"{BASE}graph/{name}" for name in ("catalogue", "provenance", "places", "dataset")]


def lines(graph: str, count: int) -> bytes:
    """`count` distinct N-Triples lines for `graph` (a literal and an IRI object by turns)."""
    out = []
    for n in range(count):
        obj = f'"value {n}"' if n % 2 else f"<{BASE}id/thing/{n}>"
        out.append(f"<{BASE}id/work/{graph[-4:]}{n}> <{BASE}p> {obj} .\n")
    return "".join(out).encode()


def stored(path: Path) -> dict[str, int]:
    """Triples per named graph of a finished store folder."""
    store = ox.Store.read_only(str(path))
    found: dict[str, int] = {}
    for quad in store:
        found[quad.graph_name.value] = found.get(quad.graph_name.value, 0) + 1  # type: ignore[union-attr]
    return found


plans = st.fixed_dictionaries(
    {
        "counts": st.lists(st.integers(1, 6), min_size=2, max_size=4),
        "settled": st.integers(1, 3),
        "wrong": st.sampled_from(["none", "more", "fewer", "missing", "extra"]),
        "where": st.integers(0, 3),
    }
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=plans)
def test_a_wrong_count_on_either_side_of_settle_keeps_no_release(
    plan: dict[str, object], tmp_path: Path
) -> None:
    counts = dict(zip(GRAPHS, plan["counts"], strict=False))  # type: ignore[call-overload]
    graphs = list(counts)
    first = graphs[: min(int(plan["settled"]), len(graphs) - 1)]  # type: ignore[call-overload]
    later = graphs[len(first) :]
    expected = dict(counts)
    target = graphs[int(plan["where"]) % len(graphs)]  # type: ignore[call-overload]
    wrong = plan["wrong"]
    if wrong == "more":
        expected[target] += 1
    elif wrong == "fewer":
        expected[target] -= 1
    elif wrong == "missing":
        del expected[target]
    elif wrong == "extra":
        expected[f"{BASE}graph/never-loaded"] = 1
    # A folder per example: a failed load's traceback still holds the store it dropped.
    path = tmp_path / f"store-{next(FOLDERS)}"
    loader = EmbeddedLoader(path, "r1")
    try:
        for graph in first:
            loader.add(graph, [lines(graph, counts[graph])])
        loader.settle({g: expected[g] for g in first if g in expected})
        for graph in later:
            loader.add(graph, [lines(graph, counts[graph])])
        loader.finish(expected)
    except StoreError as err:
        assert wrong != "none", err
        assert "not loaded whole" in str(err)
        assert not path.exists()  # the partial release is dropped
        return
    assert wrong == "none"
    assert stored(path) == counts


def test_finish_without_settle_still_checks_and_compacts(tmp_path: Path) -> None:
    loader = EmbeddedLoader(tmp_path / "store", "r1")
    for graph in GRAPHS[:2]:
        loader.add(graph, [lines(graph, 3)])
    loader.finish({GRAPHS[0]: 3, GRAPHS[1]: 3})
    assert stored(tmp_path / "store") == {GRAPHS[0]: 3, GRAPHS[1]: 3}
    loader = EmbeddedLoader(tmp_path / "again", "r2")
    loader.add(GRAPHS[0], [lines(GRAPHS[0], 3)])
    with pytest.raises(StoreError, match="holds 3 triples, expected 4"):
        loader.finish({GRAPHS[0]: 4})


def test_a_plain_graph_file_is_read_by_oxigraph_not_through_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read through a Python file object, the bulk load takes the interpreter lock for every
    KiB it reads, and the build's threads hold that lock; a gzipped file still goes that way."""
    plain, packed = tmp_path / "g.nt", tmp_path / "h.nt.gz"
    plain.write_bytes(lines(GRAPHS[0], 5))
    packed.write_bytes(gzip.compress(lines(GRAPHS[1], 4)))
    loader = EmbeddedLoader(tmp_path / "store", "r1")
    opened = Path.open

    def no_plain_open(self: Path, *args: object, **kwargs: object) -> object:
        assert self.suffix != ".nt", "the plain graph file was opened in Python"
        return opened(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", no_plain_open)
    loader.add(GRAPHS[0], plain)
    loader.add(GRAPHS[1], packed)
    monkeypatch.undo()
    loader.finish({GRAPHS[0]: 5, GRAPHS[1]: 4})
    assert stored(tmp_path / "store") == {GRAPHS[0]: 5, GRAPHS[1]: 4}

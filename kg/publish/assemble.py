"""From sorted runs to a release's graph files: one k-way merge per named graph, and one over
the graphs for the dumps.

Each named graph's runs are merged into one sorted file of distinct N-Triples lines (what the
store's bulk loader reads), counting its lines and, on the way, the instances of each class
(the dataset description's entity counts). The dumps are one more merge, over the graph files:
the union of the graphs, each line once, in order — the lines the dumps have always been
written from — while the namespaces of the predicates are noted for the description.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.namespaces import PREFIXES, RDF
from kg.publish.runs import RunWriter, merge_blocks, merge_runs

_TYPE = f" <{RDF.type}> <".encode()


@dataclass(frozen=True, slots=True)
class GraphFile:
    """One named graph's sorted, distinct N-Triples lines on disk, and how many there are."""

    path: Path
    triples: int


def small_run(folder: Path, name: str, lines: Iterable[str]) -> list[Path]:
    """Lines made in the build process (tombstones, the build activity, a vocabulary) as
    sorted runs, to be merged with the workers' runs."""
    writer = RunWriter(folder, name)
    writer.add(lines)
    return writer.close()


def merge_graph(
    runs: Sequence[Path], target: Path, classes: Counter[str] | None = None
) -> GraphFile:
    """Merge one graph's runs into `target`; count each class's instances into `classes`."""
    count = 0
    with target.open("wb", buffering=1 << 20) as out:
        for line in merge_runs(runs):
            out.write(line)
            count += 1
            if classes is not None and _TYPE in line:
                _count_type(line, classes)
    return GraphFile(target, count)


def _count_type(line: bytes, classes: Counter[str]) -> None:
    _, predicate, obj = line.decode("utf-8").split(" ", 2)
    if predicate == f"<{RDF.type}>" and obj.startswith("<"):
        classes[obj[1 : obj.index(">")]] += 1


@dataclass
class Union:
    """The union of the graph files as statements (without newline), in order, each once;
    it notes the predicates it passes for `vocabularies`."""

    files: Sequence[GraphFile]
    predicates: set[str] = field(default_factory=set)
    triples: int = 0

    def __iter__(self) -> Iterator[str]:
        seen = self.predicates
        for line in merge_runs([f.path for f in self.files]):
            statement = line[:-1].decode("utf-8")
            seen.add(statement.split(" ", 2)[1])
            self.triples += 1
            yield statement

    def chunks(self) -> Iterator[list[str]]:
        """The same statements in lists of consecutive ones (read a block at a time: no Python
        step per line); counted, but their predicates are left for the reader to note."""
        for chunk in merge_blocks([f.path for f in self.files]):
            self.triples += len(chunk)
            yield chunk

    def vocabularies(self) -> list[str]:
        """The namespaces whose properties the union uses (once it has been read)."""
        spaces = {str(ns) for ns in PREFIXES.values()}
        predicates = {p[1:-1] for p in self.predicates}
        return sorted({ns for ns in spaces for p in predicates if p.startswith(ns)})


def graph_files(
    runs: Mapping[str, Sequence[Path]], folder: Path, counted: str
) -> tuple[dict[str, GraphFile], Counter[str]]:
    """Every named graph's runs merged into `folder/{n}.nt`; the instances per class of the
    graph `counted` (the catalogue)."""
    classes: Counter[str] = Counter()
    files = {}
    for number, (graph, paths) in enumerate(runs.items()):
        target = folder / f"graph-{number}.nt"
        files[graph] = merge_graph(paths, target, classes if graph == counted else None)
        for path in paths:
            path.unlink()
    return files, classes

"""Docs that can drift are checked against the code: every setting, route and CLI command has
exactly one row in the reference tables under docs/, and the README's quick start works as
written against a running server."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.cli import _parser
from kg.config import SETTINGS
from kg.web import create_app
from tests.conftest import ROOT, Built, Server

README = (ROOT / "README.md").read_text()
DOCS = ROOT / "docs"
SETTINGS_PAGE = DOCS / "settings.md"
URLS_PAGE = DOCS / "urls.md"
CLI_PAGE = DOCS / "cli.md"

# Routes answered by something other than a Flask rule of `create_app` (WSGI middleware, the
# server itself). None today; a route served that way goes here so that it is checked too.
SERVED_OUTSIDE_FLASK: tuple[str, ...] = ()

_ROW = re.compile(r"^\| `(?P<cell>[^`]+)` \|")
_CONVERTER = re.compile(r"<(?:[a-z]+:)?(?P<name>[a-z_]+?)_?>")


@dataclass(frozen=True)
class Row:
    """A table row of a docs page whose first cell is one code span."""

    cell: str
    page: Path
    line: int

    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def _rows() -> list[Row]:
    rows = []
    for page in sorted(DOCS.glob("*.md")):
        for number, text in enumerate(page.read_text().splitlines(), start=1):
            if match := _ROW.match(text):
                rows.append(Row(match["cell"], page, number))
    return rows


def _once(kind: str, name: str, rows: list[Row], page: Path, row_example: str) -> None:
    """Fail with what to add (or remove) where, unless `name` has exactly one row, on `page`."""
    target = page.relative_to(ROOT)
    if not rows:
        pytest.fail(f"{kind} `{name}` is not documented: add the row {row_example} to {target}")
    if len(rows) > 1:
        where = ", ".join(r.where() for r in rows)
        pytest.fail(f"{kind} `{name}` is documented {len(rows)} times ({where}): keep one row")
    if rows[0].page != page:
        pytest.fail(f"{kind} `{name}` is documented at {rows[0].where()}: move its row to {target}")


def _fail_if(found: list[Row], messages: list[str]) -> None:
    if found:
        pytest.fail("\n".join(messages), pytrace=False)


# Settings


@pytest.mark.parametrize("name", [s.name for s in SETTINGS])
def test_every_setting_is_documented_once(name: str) -> None:
    rows = [r for r in _rows() if r.cell == name]
    example = f"| `{name}` | default | what it does |"
    _once("setting", name, rows, SETTINGS_PAGE, example)


def test_every_documented_setting_exists() -> None:
    declared = {s.name for s in SETTINGS}
    stale = [r for r in _rows() if r.page == SETTINGS_PAGE and r.cell not in declared]
    _fail_if(
        stale,
        [
            f"{r.where()}: `{r.cell}` is not a setting in kg/config.py SETTINGS — "
            "declare it there or remove the row"
            for r in stale
        ],
    )


# Routes


def route_path(rule: str) -> str:
    """A Flask rule as the docs write it: `/doc/<type_>/<path:key>` → `/doc/{type}/{key}`."""
    return _CONVERTER.sub(lambda m: "{" + m["name"] + "}", rule)


@pytest.fixture(scope="module")
def routes(sample_build: Built) -> Iterator[list[str]]:
    """Every path the app serves: the Flask rules of `create_app`, then the others."""
    app = create_app(sample_build.config)
    rules = sorted({route_path(rule.rule) for rule in app.url_map.iter_rules()})
    yield rules + list(SERVED_OUTSIDE_FLASK)
    app.extensions["kg.store"].close()


def test_route_paths_are_written_as_the_docs_write_them() -> None:
    assert route_path("/doc/<type_>/<path:key>") == "/doc/{type}/{key}"
    assert route_path("/sitemap-<int:number>.xml") == "/sitemap-{number}.xml"
    assert route_path("/vocab/") == "/vocab/"


def test_every_route_is_documented_once(routes: list[str]) -> None:
    rows = _rows()
    problems = []
    for path in routes:
        found = [r for r in rows if r.cell == path]
        example = f"| `{path}` | what it answers |"
        try:
            _once("route", path, found, URLS_PAGE, example)
        except pytest.fail.Exception as failure:
            problems.append(str(failure.msg))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_every_documented_route_is_served(routes: list[str]) -> None:
    stale = [r for r in _rows() if r.page == URLS_PAGE and r.cell not in routes]
    _fail_if(
        stale,
        [
            f"{r.where()}: `{r.cell}` is no route of create_app — write the route's path with "
            "`{name}` for each variable part (variants such as `.ttl` go in the second cell), "
            "or remove the row"
            for r in stale
        ],
    )


def test_sample_routes_are_found(routes: list[str]) -> None:
    # The check above is only as good as the route list: it must hold the app's real routes.
    assert {"/", "/doc/{type}/{key}", "/sparql", "/vocab/{name}"} <= set(routes)


# CLI commands


def _commands(parser: argparse.ArgumentParser, prefix: str = "kg") -> Iterator[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = list(_commands(sub, f"{prefix} {name}"))
                yield from inner or [f"{prefix} {name}"]


COMMANDS = sorted(_commands(_parser()))


def test_commands_are_found() -> None:
    assert {"kg parse", "kg build", "kg serve", "kg query", "kg vocab check"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_once(command: str) -> None:
    rows = [r for r in _rows() if r.cell == command or r.cell.startswith(command + " ")]
    example = f"| `{command} [OPTIONS] ARGS` | what it does |"
    _once("command", command, rows, CLI_PAGE, example)


# The README


def test_readme_links_every_reference_page() -> None:
    pages = {p.name for p in DOCS.glob("*.md")}
    linked = set(re.findall(r"\]\(docs/([\w-]+\.md)\)", README))
    assert pages <= linked, f"add to the README's 'Read on' table: {sorted(pages - linked)}"
    for name in linked:
        assert (DOCS / name).exists(), f"README links docs/{name}, which does not exist"


def test_readme_is_a_quick_start_not_a_manual() -> None:
    assert len(README.splitlines()) <= 80, "move reference material into docs/ pages"


def test_quick_start_gives_the_two_commands_and_one_port() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "make serve" in quick
    assert "make test" in quick
    started = re.search(r"make serve PORT=(\d+)", quick)
    assert started, "the quick start shows the port `make serve` is started on"
    ports = set(re.findall(r"localhost:(\d+)", README))
    assert ports == {started[1]}, f"README examples use ports {ports}, started on {started[1]}"


def _first_things(server: Server) -> tuple[str, list[str]]:
    section = README.split("## First three things to try", 1)[1].split("\n## ", 1)[0]
    home = re.search(r"<(http://localhost:\d+/)>", section)
    assert home, "the first thing to try is the home page"
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    url = re.compile(r"http://localhost:\d+")
    return url.sub(server.url, home[1]), [url.sub(server.url, block) for block in blocks]


def _shell(command: str) -> str:
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"{command}\n{done.stderr}"
    return done.stdout


def test_readme_first_three_things_work_as_written(server: Server) -> None:
    home, (turtle_command, count_command) = _first_things(server)
    assert "<html" in _shell(f"curl -sf {home}")

    graph = Graph().parse(data=_shell(turtle_command), format="turtle")
    key = re.search(r"/id/work/(\w+)", turtle_command)
    assert key, "the second thing to try fetches a work"
    work = URIRef(f"{server.url}/id/work/{key[1]}")
    assert (work, None, None) in graph

    stated = re.search(r"\((\d+) for the sample page\)", README)
    assert stated, "the README says how many works the sample page holds"
    answer = json.loads(_shell(count_command))
    assert answer["results"]["bindings"][0]["n"]["value"] == stated[1]

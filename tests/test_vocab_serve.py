"""The editing loop: `kg serve` notices a saved vocabulary, rebuilds and swaps with no failed
request; a broken edit keeps the old build and says why; deprecation moves works."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from rdflib import Graph, Literal, URIRef

from kg.namespaces import DCTERMS, OWL
from kg.publish import build
from kg.status import STATUS_FILE
from kg.store.embedded import EmbeddedBackend
from kg.web.server import serve_command
from tests.conftest import ROOT, free_port, make_config
from tests.servers import running_server

SWAP_DEADLINE_S = 60  # generous: the machine is shared; a swap takes a few seconds


@dataclass
class Live:
    url: str
    id_base: str
    topics: Path
    log: Path
    proc: subprocess.Popen[bytes]

    def ask(self, where: str) -> bool:
        response = requests.get(
            self.url + "/sparql", params={"query": f"ASK {{ {where} }}"}, timeout=10
        )
        response.raise_for_status()
        return bool(response.json()["boolean"])

    def work_titled(self, start: str) -> str:
        query = (
            "SELECT ?w WHERE { ?w <http://purl.org/dc/terms/title> ?t "
            f'FILTER(STRSTARTS(STR(?t), "{start}")) }}'
        )
        response = requests.get(self.url + "/sparql", params={"query": query}, timeout=10)
        return str(response.json()["results"]["bindings"][0]["w"]["value"])

    def edit(self, old: str, new: str) -> None:
        """Save topics.ttl with one change, as an editor does (write a temp file, rename)."""
        text = self.topics.read_text()
        assert old in text
        tmp = self.topics.with_name(".topics.ttl.swp")
        tmp.write_text(text.replace(old, new, 1))
        os.replace(tmp, self.topics)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """`kg serve` over copies of data/ and vocab/, watching them every 200 ms."""
    tmp = tmp_path_factory.mktemp("live")
    shutil.copytree(ROOT / "data", tmp / "data")
    shutil.copytree(ROOT / "vocab", tmp / "vocab")
    port = free_port()
    config = make_config(
        tmp, port=port, data_dir=tmp / "data", vocab_dir=tmp / "vocab", ledger_file=None
    )
    build(config)
    # What an earlier session left: a failure that no longer stands once the server starts.
    stale = '{"ok": false, "message": "build failed: an earlier session", "at": "2026-01-01"}'
    (config.build_dir / STATUS_FILE).write_text(stale)
    env = {
        **os.environ,
        "KG_BASE_URI": config.base_uri,
        "KG_DATA_DIR": str(tmp / "data"),
        "KG_VOCAB_DIR": str(tmp / "vocab"),
        "KG_SHAPES_DIR": str(ROOT / "shapes"),
        "KG_WATCH_INTERVAL_MS": "200",
    }
    cmd = serve_command(config.build_dir, port, workers=2)
    log = tmp / "server.log"
    url = config.base_uri.rstrip("/")
    with running_server(cmd, env, url + "/vocab/", log) as proc:
        yield Live(url, config.base_uri + "id/", tmp / "vocab" / "topics.ttl", log, proc)


@dataclass
class Load:
    """Clients querying the server in a loop, counting answers and failures."""

    urls: list[str]
    ok: int = 0
    failures: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        with requests.Session() as session:
            while not self.stop.is_set():
                for url in self.urls:
                    try:
                        response = session.get(url, timeout=10)
                    except requests.RequestException as err:
                        self.failures.append(f"{url}: {err}")
                        continue
                    if response.status_code == 200:
                        self.ok += 1
                    else:
                        self.failures.append(f"{url}: {response.status_code}")


def wait_for(condition: Callable[[], bool], what: str, log: Path) -> float:
    started = time.monotonic()
    while time.monotonic() - started < SWAP_DEADLINE_S:
        if condition():
            return time.monotonic() - started
        time.sleep(0.1)
    raise AssertionError(f"{what} not seen within {SWAP_DEADLINE_S}s:\n{log.read_text()}")


def test_a_notice_left_by_an_earlier_session_is_not_shown(live: Live) -> None:
    page = requests.get(live.url + "/vocab/topics", timeout=10).text
    assert "topics" in page.lower()
    assert "an earlier session" not in page


def test_an_added_altlabel_retags_works_with_no_failed_request(live: Live) -> None:
    work = live.work_titled("Social Pensions")
    tagged = f"<{work}> <{DCTERMS.subject}> <{live.id_base}topic/elder-abuse>"
    assert not live.ask(tagged)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    load = Load(
        [
            f"{live.url}/sparql?query={requests.utils.quote(count)}",
            work.replace("/id/", "/doc/") + ".ttl",
            f"{live.url}/vocab/topics",
        ]
    )
    clients = [threading.Thread(target=load.run) for _ in range(3)]
    for client in clients:
        client.start()
    try:
        live.edit(
            'skos:altLabel "abuse of older people"@en ;',
            'skos:altLabel "abuse of older people"@en , "older women"@en ;',
        )
        seconds = wait_for(lambda: live.ask(tagged), "the new tag", live.log)
        time.sleep(1)  # keep querying across the workers' switch to the new release
    finally:
        load.stop.set()
        for client in clients:
            client.join()
    print(f"re-tagged in {seconds:.1f}s; {load.ok} requests answered during the swap")
    assert load.failures == []
    assert load.ok > 20
    why = (
        f"?t <https://w3id.org/kg/terms#concept> <{live.id_base}topic/elder-abuse> ; "
        '<https://w3id.org/kg/terms#why> "“older women” in the abstract"@en . '
        f"<{work}> <https://w3id.org/kg/terms#tag> ?t"
    )
    assert live.ask(why)


def test_a_broken_edit_keeps_the_old_build_and_says_why(live: Live) -> None:
    before = live.log.read_text().count("kept the current build")
    live.edit(
        "<topic/crime> a skos:Concept ;\n",
        "<topic/crime> a skos:Concept ;\n    skos:broader <topic/homicide> ;\n",
    )
    wait_for(
        lambda: live.log.read_text().count("kept the current build") > before, "refusal", live.log
    )
    refusal = live.log.read_text().split("kept the current build: ")[-1].splitlines()[0]
    line = live.topics.read_text().splitlines().index("<topic/crime> a skos:Concept ;") + 2
    assert f"topics.ttl:{line}: topic/crime: broader/narrower cycle" in refusal
    page = requests.get(live.url + "/vocab/topics", timeout=10)
    assert page.status_code == 200
    assert "Your last change is not published yet" in page.text
    assert f"topics.ttl:{line}: topic/crime: broader/narrower cycle" in page.text
    assert not live.ask(
        f"<{live.id_base}topic/crime> <http://www.w3.org/2004/02/skos/core#broader> ?b"
    )
    live.edit(
        "<topic/crime> a skos:Concept ;\n    skos:broader <topic/homicide> ;\n",
        "<topic/crime> a skos:Concept ;\n",
    )

    def published() -> bool:
        page = requests.get(live.url + "/vocab/topics", timeout=10).text
        return "not published yet" not in page

    wait_for(published, "the notice to go once the edit is undone", live.log)
    wait_for(lambda: "fixed: " in live.log.read_text(), "the fix in the log", live.log)
    fixed = live.log.read_text().split("fixed: ")[-1].splitlines()[0]
    assert fixed.startswith(f"{live.topics} is back to the served build"), fixed


def test_a_bad_broader_is_named_at_its_line_on_the_concept_page_and_its_fix_is_logged(
    live: Live,
) -> None:
    concept = f"{live.url}/doc/topic/sentencing"
    before = requests.get(concept, headers={"Accept": "text/html"}, timeout=10)
    assert "not published yet" not in before.text
    refusals = live.log.read_text().count("kept the current build")
    sentencing = '    skos:prefLabel "Sentencing"@en ;\n'
    live.edit(
        sentencing + "    skos:broader <topic/punishment> ;",
        sentencing + "    skos:broader <topic/punishmnt> ;",
    )
    wait_for(
        lambda: live.log.read_text().count("kept the current build") > refusals,
        "refusal",
        live.log,
    )
    line = live.topics.read_text().splitlines().index("    skos:broader <topic/punishmnt> ;") + 1
    said = (
        f"topics.ttl:{line}: topic/sentencing: broader topic/punishmnt is not a concept — "
        "did you mean <topic/punishment>?"
    )
    refusal = live.log.read_text().split("kept the current build: ")[-1].splitlines()[0]
    assert said in refusal, refusal
    # The concept's own page says so too, even to a browser holding the page from before.
    etag = before.headers["ETag"]
    page = requests.get(concept, headers={"If-None-Match": etag}, timeout=10)
    assert page.status_code == 200
    assert "Your last change is not published yet" in page.text
    assert said.replace("<", "&lt;").replace(">", "&gt;") in page.text

    fixes = live.log.read_text().count("fixed: ")
    live.edit(
        '    skos:prefLabel "Sentencing"@en ;\n    skos:broader <topic/punishmnt> ;',
        '    skos:prefLabel "Sentencing"@en ;\n    skos:altLabel "sentences"@en ;\n'
        "    skos:broader <topic/punishment> ;",
    )
    wait_for(lambda: live.log.read_text().count("fixed: ") > fixes, "the fix", live.log)
    fixed = live.log.read_text().split("fixed: ")[-1].splitlines()[0]
    assert fixed.startswith(f"{live.topics} builds again — swapped in build "), fixed
    after = requests.get(concept, headers={"Accept": "text/html"}, timeout=10)
    assert "not published yet" not in after.text
    assert "sentences" in after.text


def test_the_log_names_each_quarantined_record_at_its_file_and_line(live: Live) -> None:
    extra = live.topics.parent.parent / "data" / "extra.jsonl"
    swaps = live.log.read_text().count("swapped in build")
    extra.write_text(
        '{"title": "No authors here", "year": 2024}\n\n{"title": "Nor here", "year": 2023}\n'
    )
    try:
        wait_for(
            lambda: live.log.read_text().count("swapped in build") > swaps, "the swap", live.log
        )
        log = live.log.read_text()
        assert "quarantined data/extra.jsonl:1: " in log, log
        assert "quarantined data/extra.jsonl:3: " in log, log
    finally:
        swaps = live.log.read_text().count("swapped in build")
        extra.unlink()
        wait_for(
            lambda: live.log.read_text().count("swapped in build") > swaps, "the swap", live.log
        )


def test_a_deprecated_concept_answers_with_its_successor_and_its_works_move(live: Live) -> None:
    work = live.work_titled("Drivers and deterrents")
    old, new = f"{live.id_base}topic/darknet", f"{live.id_base}topic/cybercrime"
    assert live.ask(f"<{work}> <{DCTERMS.subject}> <{old}>")
    live.edit(
        'skos:prefLabel "Darknet"@en ;',
        'skos:prefLabel "Darknet"@en ;\n    owl:deprecated true ;\n'
        "    dcterms:isReplacedBy <topic/cybercrime> ;",
    )
    wait_for(lambda: live.ask(f"<{work}> <{DCTERMS.subject}> <{new}>"), "the move", live.log)
    assert not live.ask(f"<{work}> <{DCTERMS.subject}> <{old}>")

    thing = requests.get(old, allow_redirects=False, timeout=10)
    assert thing.status_code == 303
    response = requests.get(old, headers={"Accept": "text/turtle"}, timeout=10)
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    assert graph.value(URIRef(old), DCTERMS.isReplacedBy) == URIRef(new)
    assert graph.value(URIRef(old), OWL.deprecated) == Literal(True)
    page = requests.get(live.url + "/vocab/topics", timeout=10).text
    retired = page.split("Deprecated concepts")[1]
    assert f'href="{old}"' in retired
    why = f"SELECT ?why WHERE {{ <{work}> kg:tag ?t . ?t kg:concept <{new}> ; kg:why ?why }}"
    query = "PREFIX kg: <https://w3id.org/kg/terms#> " + why
    body = requests.get(live.url + "/sparql", params={"query": query}, timeout=10).json()
    whys = {row["why"]["value"] for row in body["results"]["bindings"]}
    assert "“Darknet” in the title (via deprecated topic/darknet)" in whys
    # Several builds were swapped in by now; only the current one and the one before are kept.
    # The watcher prunes just after the swap, which requests may already see: wait for it.
    releases = live.topics.parent.parent / "build" / "releases"
    wait_for(lambda: len(list(releases.iterdir())) == 2, "two releases kept", live.log)
    assert "not published" not in requests.get(live.url + "/vocab/", timeout=10).text


def test_prune_keeps_the_current_release_and_the_one_before(tmp_path: Path) -> None:
    releases = tmp_path / "releases"
    for n, name in enumerate(["a", "b", "c", "d"]):
        (releases / name / "store").mkdir(parents=True)
        os.utime(releases / name, (1000 + n, 1000 + n))
    (tmp_path / "current").symlink_to("releases/b")  # a rollback: current is not the newest
    removed = EmbeddedBackend(tmp_path).prune(2)
    assert removed == ["a"]
    assert sorted(p.name for p in releases.iterdir()) == ["b", "c", "d"]

"""Datestamps and the change history across rebuilds: a record's datestamp moves exactly when
something rendered into it changes, at the moment the new release goes live; a removed work
comes back deleted; resumption tokens survive a rebuild; the change feed agrees with OAI."""

from __future__ import annotations

import shutil
import time
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from rdflib import Graph, URIRef

from kg.harvest.facts import work_facts
from kg.harvest.graph import StoreLookup, work_graph
from kg.harvest.history import MERGED, WITHDRAWN, Past, State, decide
from kg.harvest.index import HarvestIndex
from kg.harvest.lines import CatalogueLines
from kg.harvest.stage import record_digest
from kg.iris import Iris
from kg.namespaces import DCTERMS, SDO
from kg.publish import build
from kg.store import open_build_store
from tests.conftest import ROOT
from tests.harvest_support import OAI, Catalogue, build_catalogue, error_code, oai_get, pages
from tests.test_harvest_oai import identifiers, key_of

IJM = 'skos:prefLabel "International Justice Mission"@en ;'
RENAMED = (
    'skos:prefLabel "International Justice Mission (Global)"@en ;\n'
    '    skos:altLabel "International Justice Mission"@en ;'
)
REMOVED_TITLE = "The Hidden Costs of Youth Detention"


def _vocab_copy(tmp: Path) -> Path:
    vocab = tmp / "vocab"
    shutil.copytree(ROOT / "vocab", vocab)
    return vocab


def _after_the_second_of(catalogue: Catalogue) -> None:
    """Wait until the clock has left the second the release went live in (datestamps are to
    the second: a harvest in that very second would see its records again next time)."""
    index = HarvestIndex.open(catalogue.summary.release.path)
    assert index is not None
    newest = max(t for t in index.times.values() if t is not None)
    while time.time() < newest + 1:
        time.sleep(0.05)


def _harvest(client: Any, query: str = "") -> tuple[list[Any], str]:
    """Every header of a ListIdentifiers harvest, and the first response's responseDate."""
    roots = [r for _, r in pages(client, "verb=ListIdentifiers&metadataPrefix=oai_dc" + query)]
    if error_code(roots[0]) == "noRecordsMatch":
        return [], roots[0].findtext(f"{OAI}responseDate")
    headers = [h for r in roots for h in r.iter(f"{OAI}header")]
    return headers, roots[0].findtext(f"{OAI}responseDate")


def _works_naming(graph: Graph, agent: URIRef) -> set[str]:
    found = set(graph.subjects(DCTERMS.creator, agent)) | set(
        graph.subjects(DCTERMS.publisher, agent)
    )
    found |= set(graph.subjects(DCTERMS.contributor, agent))
    return {str(w).rsplit("/", 1)[1] for w in found}


@pytest.fixture
def rebuildable(tmp_path: Path) -> Catalogue:
    return build_catalogue(tmp_path, vocab_dir=_vocab_copy(tmp_path))


def _rebuild(catalogue: Catalogue, **overrides: Any) -> Catalogue:
    config = replace(catalogue.config, **overrides)
    return Catalogue(config, build(config))


def test_renaming_an_agent_moves_the_datestamp_of_exactly_the_works_naming_it(
    rebuildable: Catalogue,
) -> None:
    _after_the_second_of(rebuildable)
    everything, said = _harvest(rebuildable.client())
    assert len(everything) == 25
    agents = rebuildable.config.vocab_dir / "agents.ttl"
    agents.write_text(agents.read_text(encoding="utf-8").replace(IJM, RENAMED), encoding="utf-8")
    after = _rebuild(rebuildable)
    client = after.client()
    changed, _ = _harvest(client, f"&from={said}")
    ijm = URIRef(after.config.base_uri + "id/organization/ijm")
    naming = _works_naming(after.graph(), ijm)
    assert len(naming) >= 2
    assert {key_of(h.findtext(f"{OAI}identifier")) for h in changed} == naming
    # Nothing else moved: the rest keep their first datestamp.
    before = {
        key_of(h.findtext(f"{OAI}identifier")): h.findtext(f"{OAI}datestamp") for h in everything
    }
    now_all, _ = _harvest(client)
    for header in now_all:
        key = key_of(header.findtext(f"{OAI}identifier"))
        moved = header.findtext(f"{OAI}datestamp") != before[key]
        assert moved == (key in naming), key
    # The change feed says the same, at the same instant as the datestamps.
    activities = _feed(client)
    updates = {a["object"]["id"].rsplit("/", 1)[1]: a for a in activities[-len(naming) - 1 :]}
    stamps = {
        key_of(h.findtext(f"{OAI}identifier")): h.findtext(f"{OAI}datestamp") for h in changed
    }
    for key in naming:
        assert updates[key]["type"] == "Update"
        assert updates[key]["published"] == stamps[key]
    assert updates["ijm"]["object"]["type"] == str(SDO.Organization)


def _feed(client: Any) -> list[dict[str, Any]]:
    entry = client.get("/changes")
    assert entry.status_code == 200
    assert (
        entry.content_type == 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'
    )
    collection = entry.get_json(force=True)
    out: list[dict[str, Any]] = []
    url: str | None = collection["first"]["id"]
    while url is not None:
        page = client.get("/changes" + url.split("/changes", 1)[1]).get_json(force=True)
        assert page["partOf"]["id"] == collection["id"]
        out += page["orderedItems"]
        url = page.get("next", {}).get("id")
    assert len(out) == collection["totalItems"]
    return out


def _without(catalogue: Catalogue, title: str) -> Path:
    data = catalogue.config.data_dir
    lines = (data / "catalogue.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if title not in line]
    assert len(kept) == len(lines) - 1
    (data / "catalogue.jsonl").write_text("".join(kept), encoding="utf-8")
    return data


def test_a_removed_work_comes_back_deleted(rebuildable: Catalogue) -> None:
    graph = rebuildable.graph()
    (gone,) = [
        str(s).rsplit("/", 1)[1]
        for s, o in graph.subject_objects(DCTERMS.title)
        if str(o) == REMOVED_TITLE
    ]
    _after_the_second_of(rebuildable)
    _, said = _harvest(rebuildable.client())
    _without(rebuildable, REMOVED_TITLE)
    after = _rebuild(rebuildable)
    client = after.client()
    changed, _ = _harvest(client, f"&from={said}")
    assert [key_of(h.findtext(f"{OAI}identifier")) for h in changed] == [gone]
    assert changed[0].get("status") == "deleted"
    identifier = quote(f"oai:localhost.localdomain:work/{gone}")
    _, record = oai_get(client, f"verb=GetRecord&metadataPrefix=marc21&identifier={identifier}")
    assert record.find(f".//{OAI}header").get("status") == "deleted"
    assert record.find(f".//{OAI}metadata") is None
    _, formats = oai_get(client, f"verb=ListMetadataFormats&identifier={identifier}")
    assert error_code(formats) == "noMetadataFormats"
    assert client.get(f"/doc/work/{gone}.marcxml").status_code == 410
    assert _feed(client)[-1]["type"] == "Remove"
    # Still deleted after further builds, and in the sets it was in.
    again = _rebuild(rebuildable)
    _, book_set = oai_get(
        again.client(), "verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:book"
    )
    statuses = {
        key_of(h.findtext(f"{OAI}identifier")): h.get("status")
        for h in book_set.iter(f"{OAI}header")
    }
    assert statuses[gone] == "deleted"


def test_rebuilding_the_same_input_changes_nothing(rebuildable: Catalogue) -> None:
    before, _ = _harvest(rebuildable.client())
    feed_before = _feed(rebuildable.client())
    after = _rebuild(rebuildable)
    assert after.summary.harvest is not None and after.summary.harvest.changed == 0
    now, _ = _harvest(after.client())
    stamps = [(h.findtext(f"{OAI}identifier"), h.findtext(f"{OAI}datestamp")) for h in now]
    assert stamps == [
        (h.findtext(f"{OAI}identifier"), h.findtext(f"{OAI}datestamp")) for h in before
    ]
    assert _feed(after.client()) == feed_before


def test_a_resumption_token_survives_a_rebuild_without_repeating_or_skipping(
    rebuildable: Catalogue,
) -> None:
    _after_the_second_of(rebuildable)
    client = rebuildable.client(oai_identifiers_per_page=10)
    _, first = oai_get(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")
    said = first.findtext(f"{OAI}responseDate")
    sent = identifiers([first])
    token = first.findtext(f".//{OAI}resumptionToken")
    agents = rebuildable.config.vocab_dir / "agents.ttl"
    agents.write_text(agents.read_text(encoding="utf-8").replace(IJM, RENAMED), encoding="utf-8")
    after = _rebuild(rebuildable)
    client = after.client(oai_identifiers_per_page=10)
    _, root = oai_get(client, f"verb=ListIdentifiers&resumptionToken={token}")
    rest = [root]
    while token := root.findtext(f".//{OAI}resumptionToken"):
        _, root = oai_get(client, f"verb=ListIdentifiers&resumptionToken={token}")
        rest.append(root)
    this_harvest = sent + identifiers(rest)
    assert len(this_harvest) == len(set(this_harvest))  # nothing twice
    following, _ = _harvest(client, f"&from={said}")
    caught = set(this_harvest) | {h.findtext(f"{OAI}identifier") for h in following}
    assert len(caught) == 25  # nothing skipped: what moved comes in the next harvest


def test_a_clean_build_folder_starts_over_and_the_ledger_keeps_deleted_works(
    rebuildable: Catalogue, tmp_path: Path
) -> None:
    graph = rebuildable.graph()
    (gone,) = [
        str(s).rsplit("/", 1)[1]
        for s, o in graph.subject_objects(DCTERMS.title)
        if str(o) == REMOVED_TITLE
    ]
    _without(rebuildable, REMOVED_TITLE)
    started = int(time.time())
    fresh = _rebuild(rebuildable, build_dir=tmp_path / "clean-checkout" / "build")
    client = fresh.client()
    headers, _ = _harvest(client)
    stamps = {h.findtext(f"{OAI}datestamp") for h in headers}
    assert len(stamps) == 1  # everything new at the one swap
    statuses = {key_of(h.findtext(f"{OAI}identifier")): h.get("status") for h in headers}
    assert statuses[gone] == "deleted" and len(statuses) == 25
    index = HarvestIndex.open(fresh.summary.release.path)
    assert index is not None
    (live_at,) = [t for t in index.times.values()]
    assert started <= live_at <= time.time()


def test_the_build_and_the_web_layer_map_every_work_alike(harvest_catalogue: Catalogue) -> None:
    """The build maps records from its sorted lines, the web layer from the store: same graph,
    same facts, same digest, for every work."""
    import gzip

    summary, config = harvest_catalogue.summary, harvest_catalogue.config
    with gzip.open(summary.dump("ntriples"), "rt", encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    iris = Iris(config.base_uri)
    from_lines = CatalogueLines(lambda: lines, iris)
    with open_build_store(config.build_dir) as store:
        lookup = StoreLookup(store)
        count = 0
        for graph in from_lines.works():
            served = work_graph(store, graph.iri, lookup, iris.id_base + "work/")
            assert served == graph
            facts = work_facts(graph, from_lines.lookup, iris.id_base)
            assert work_facts(served, lookup, iris.id_base) == facts
            assert record_digest(served, facts) == record_digest(graph, facts)
            count += 1
    assert count == 25


def _past(status: str, digest: str = "d", successor: str | None = None) -> Past:
    return Past(3, 1, "260101", status, successor, digest, "type:report")


@pytest.mark.parametrize(
    ("state", "past", "activity", "generation"),
    [
        (State("work", "k", "live", None, "d"), None, "Add", 9),
        (State("work", "k", "live", None, "d"), _past("live"), None, 3),
        (State("work", "k", "live", None, "e"), _past("live"), "Update", 9),
        (State("work", "k", WITHDRAWN), _past("live"), "Remove", 9),
        (State("work", "k", WITHDRAWN), _past(WITHDRAWN, ""), None, 3),
        (State("work", "k", "live", None, "d"), _past(WITHDRAWN, ""), "Add", 9),
        (State("person", "k", MERGED, "x"), _past("live"), "Deprecate", 9),
        (State("person", "k", MERGED, "y"), _past(MERGED, "", "x"), "Deprecate", 9),
        (State("topic", "k", "deprecated", "x", "d"), _past("live"), "Deprecate", 9),
        (State("topic", "k", "live", None, "d"), _past("deprecated"), "Update", 9),
        (State("work", "k", MERGED, "x"), None, "Deprecate", 9),
    ],
)
def test_what_each_change_is(
    state: State, past: Past | None, activity: str | None, generation: int
) -> None:
    decision = decide(state, past, 9, "260102")
    assert (decision.activity, decision.generation) == (activity, generation)
    assert decision.first_generation == (9 if past is None else 1)
    if past is not None and state.status == WITHDRAWN:
        assert decision.sets == past.sets  # a deleted record stays in its sets


def test_a_merge_is_a_deprecation_naming_its_replacement(rebuildable: Catalogue) -> None:
    """The authority file learns a name kg had minted a key for: the old key is merged into the
    entry's (the ledger says so), the feed deprecates it with its replacement, and the work that
    names the person is updated at the same instant."""
    agents = rebuildable.config.vocab_dir / "agents.ttl"
    entry = '\n<person/maggie-dent> a schema:Person ;\n    skos:prefLabel "Maggie Dent"@en .\n'
    agents.write_text(agents.read_text(encoding="utf-8") + entry, encoding="utf-8")
    after = _rebuild(rebuildable)
    activities = _feed(after.client())
    base = after.config.base_uri + "id/"
    (merge,) = [a for a in activities if a["type"] == "Deprecate"]
    assert merge["object"] == {
        "id": base + "person/mss9e9hhy5",
        "type": str(SDO.Person),
        "updated": merge["published"],
    }
    assert merge["result"]["id"] == base + "person/maggie-dent"
    added = [a for a in activities if a["object"]["id"] == base + "person/maggie-dent"]
    assert [a["type"] for a in added] == ["Add"]
    (update,) = [
        a
        for a in activities
        if a["object"]["id"] == base + "work/shp7s81zh9" and a["type"] == "Update"
    ]
    assert update["published"] == merge["published"] == added[0]["published"]
    assert after.client().get("/changes/999").status_code == 404

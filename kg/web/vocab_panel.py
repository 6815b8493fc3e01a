"""What a concept or place page shows beyond the generic resource page: where it sits in its
scheme's tree, its labels in every language, and its mappings to other schemes.

The generic `/doc` page (kg/web/resources.py) includes `vocab/_concept.html` for topics and
places; the template calls `vocab_panel(iri)`, registered by the vocab blueprint. Work pages
include `vocab/_reasons.html`, which lists why the work has each topic (`topic_reasons(iri)`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.namespaces import KG, SKOS
from kg.store import Term, text
from kg.web import context

_OWN = f"""
SELECT ?p ?o WHERE {{
  VALUES ?p {{ <{SKOS.prefLabel}> <{SKOS.altLabel}> <{SKOS.exactMatch}> <{SKOS.closeMatch}>
              <{SKOS.inScheme}> }}
  NODE ?p ?o }}"""
# Every broader link above the concept, with the labels to show them.
_ABOVE = f"""
SELECT ?a ?b ?label WHERE {{
  NODE <{SKOS.broader}>* ?a . ?a <{SKOS.broader}> ?b .
  OPTIONAL {{ ?b <{SKOS.prefLabel}> ?label FILTER(LANGMATCHES(LANG(?label), "en")) }} }}"""
_TAG, _CONCEPT, _WHY = (ox.NamedNode(str(p)) for p in (KG.tag, KG.concept, KG.why))
_PREF_LABEL = ox.NamedNode(str(SKOS.prefLabel))
MAX_PATHS = 6  # a polyhierarchy shows at most this many paths to the top


@dataclass(frozen=True, slots=True)
class Step:
    iri: str
    label: str


@dataclass
class ConceptPanel:
    """The vocabulary-specific parts of a concept page."""

    scheme: str | None = None  # the scheme's short name, for the link to its tree
    paths: list[list[Step]] = field(default_factory=list)  # top concept … parent
    labels: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # lang → kind → texts
    exact: list[str] = field(default_factory=list)
    close: list[str] = field(default_factory=list)


def _rows(sparql: str, node: ox.NamedNode) -> list[dict[str, str]]:
    # `node` is a validated IRI: its N-Triples form is safe to embed (no request text).
    rows = context.store().select(sparql.replace("NODE", str(node)))
    return [{k: text(v) for k, v in row.items()} for row in rows]


def concept_panel(iri: str) -> ConceptPanel:
    """The panel of one concept (empty parts when the store knows nothing of them)."""
    node = ox.NamedNode(iri)
    panel = ConceptPanel()
    graph_prefix = str(context.iris().id_base) + "vocab/"
    kinds = {str(SKOS.prefLabel): "preferred", str(SKOS.altLabel): "alternative"}
    for row in context.store().select(_OWN.replace("NODE", str(node))):
        predicate, value = text(row["p"]), row["o"]
        if predicate in kinds:
            lang = (value.language or "") if isinstance(value, ox.Literal) else ""
            panel.labels.setdefault(lang, {}).setdefault(kinds[predicate], []).append(text(value))
        elif predicate == str(SKOS.exactMatch):
            panel.exact.append(text(value))
        elif predicate == str(SKOS.closeMatch):
            panel.close.append(text(value))
        elif text(value).startswith(graph_prefix):
            panel.scheme = text(value).removeprefix(graph_prefix)
    panel.paths = _paths(iri, _rows(_ABOVE, node))
    panel.exact.sort()
    panel.close.sort()
    return panel


def _paths(iri: str, rows: list[dict[str, str]]) -> list[list[Step]]:
    parents: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for row in rows:
        parents.setdefault(row["a"], set()).add(row["b"])
        labels[row["b"]] = row.get("label", row["b"])
    paths: list[list[Step]] = []

    def climb(node: str, below: list[Step]) -> None:
        if len(paths) >= MAX_PATHS:
            return
        if not parents.get(node):
            if below:
                paths.append(list(reversed(below)))
            return
        for parent in sorted(parents[node]):
            if all(step.iri != parent for step in below):  # a cycle ends the path
                climb(parent, [*below, Step(parent, labels[parent])])

    climb(iri, [])
    return paths


@dataclass(frozen=True, slots=True)
class TopicReasons:
    """One topic of a work and every reason it was given."""

    iri: str
    label: str
    why: tuple[str, ...]


def topic_reasons(iri: str) -> list[TopicReasons]:
    """Each topic of a work with its reasons, by topic label.

    Read by pattern rather than by SPARQL (a quarter of the time to render a work page, which
    the build does for every work): the rows are those of `NODE kg:tag ?t . ?t kg:concept ?c ;
    kg:why ?why . OPTIONAL { ?c skos:prefLabel ?label FILTER(LANGMATCHES(LANG(?label), "en")) }`,
    one per tag, concept, reason and English label, the first row's label naming the topic.
    """
    store = context.store()
    found: dict[str, tuple[str, list[str]]] = {}
    for tag in store.objects(ox.NamedNode(iri), _TAG):
        if not isinstance(tag, ox.NamedNode):
            continue
        whys = [text(w) for w in store.objects(tag, _WHY)]
        for concept in store.objects(tag, _CONCEPT) if whys else ():
            labels = []
            if isinstance(concept, ox.NamedNode):
                labels = [text(x) for x in store.objects(concept, _PREF_LABEL) if _english(x)]
            _, reasons = found.setdefault(text(concept), ((labels or [text(concept)])[0], []))
            reasons += [why for why in whys for _ in range(max(1, len(labels)))]
    return sorted(
        (TopicReasons(c, label, tuple(sorted(whys))) for c, (label, whys) in found.items()),
        key=lambda r: r.label.casefold(),
    )


def _english(term: Term) -> bool:
    """LANGMATCHES(LANG(term), "en") of SPARQL (RFC 4647 basic filtering)."""
    lang = (term.language or "").lower() if isinstance(term, ox.Literal) else ""
    return lang == "en" or lang.startswith("en-")

"""Vocabulary pages: every scheme as a browsable tree, and its Turtle download.

`/vocab/` lists the schemes; `/vocab/{name}` shows the whole tree (nested `<details>`, so it
collapses without JavaScript and reads as plain nested lists without CSS); `/vocab/{name}.ttl`
downloads the scheme; `/id/vocab/{name}` (the scheme's IRI) answers 303 to its page. Concepts
themselves dereference through the generic `/id` → `/doc` machinery. Reads the store only: each
scheme is the named graph `{base}graph/vocab/{name}` written by the build.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request, url_for
from rdflib import Graph

from kg.errors import NotFound
from kg.namespaces import DCTERMS, OWL, PREFIXES, SKOS
from kg.watch import STATUS_FILE
from kg.web import context
from kg.web.vocab_panel import concept_panel, topic_reasons

blueprint = Blueprint("vocab", __name__)
blueprint.app_context_processor(
    lambda: {"vocab_panel": concept_panel, "topic_reasons": topic_reasons}
)


@blueprint.context_processor
def _last_rebuild() -> dict[str, str | None]:
    """The reason the last rebuild of `kg serve` failed, while it is the latest word."""
    status = context.config().build_dir / STATUS_FILE
    try:
        body = json.loads(status.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"rebuild_failed": None}
    return {"rebuild_failed": None if body.get("ok") else str(body.get("message"))}


_NAME = re.compile(r"^[a-z][a-z0-9-]{0,40}$")

_SCHEMES = f"""
SELECT ?g ?scheme ?title ?version ?modified (COUNT(DISTINCT ?c) AS ?n) WHERE {{
  GRAPH ?g {{
    ?scheme a <{SKOS.ConceptScheme}> .
    OPTIONAL {{ ?scheme <{DCTERMS.title}> ?title }}
    OPTIONAL {{ ?scheme <{OWL.versionInfo}> ?version }}
    OPTIONAL {{ ?scheme <{DCTERMS.modified}> ?modified }}
    OPTIONAL {{ ?c <{SKOS.inScheme}> ?scheme }}
  }}
}} GROUP BY ?g ?scheme ?title ?version ?modified ORDER BY ?title"""

_CONCEPTS = f"""
SELECT ?c ?label ?broader ?deprecated ?top WHERE {{
  GRAPH GRAPH_IRI {{
    ?c a <{SKOS.Concept}> .
    OPTIONAL {{ ?c <{SKOS.prefLabel}> ?label FILTER(LANGMATCHES(LANG(?label), "en")) }}
    OPTIONAL {{ ?c <{SKOS.broader}> ?broader }}
    OPTIONAL {{ ?c <{OWL.deprecated}> ?deprecated }}
    OPTIONAL {{ ?c <{SKOS.topConceptOf}> ?top }}
  }}
}}"""


@dataclass(frozen=True, slots=True)
class SchemeRow:
    name: str
    iri: str
    title: str
    version: str
    modified: str
    concepts: int


@dataclass
class Node:
    """One concept in the tree, with its narrower concepts sorted by label."""

    iri: str
    label: str
    deprecated: bool = False
    children: list[Node] = field(default_factory=list)


def _rows(sparql: str) -> list[dict[str, str]]:
    body = json.loads(context.store().query(sparql).body)
    return [{k: v["value"] for k, v in row.items()} for row in body["results"]["bindings"]]


def _schemes() -> list[SchemeRow]:
    prefix = str(context.iris().graph("vocab/"))
    return [
        SchemeRow(
            name=row["g"].removeprefix(prefix),
            iri=row["scheme"],
            title=row.get("title", row["scheme"]),
            version=row.get("version", ""),
            modified=row.get("modified", ""),
            concepts=int(row["n"]),
        )
        for row in _rows(_SCHEMES)
        if row["g"].startswith(prefix)
    ]


def _scheme(name: str) -> SchemeRow:
    for scheme in _schemes() if _NAME.match(name) else []:
        if scheme.name == name:
            return scheme
    raise NotFound(f"no vocabulary {name!r}", fix="see /vocab/ for the list")


def _tree(name: str) -> tuple[list[Node], list[Node]]:
    """The top concepts with their narrower concepts, and the deprecated concepts apart."""
    graph = ox.NamedNode(str(context.iris().graph(f"vocab/{name}")))  # validated IRI
    nodes: dict[str, Node] = {}
    parents: dict[str, set[str]] = {}
    tops: set[str] = set()
    for row in _rows(_CONCEPTS.replace("GRAPH_IRI", str(graph))):
        node = nodes.setdefault(row["c"], Node(row["c"], row.get("label", row["c"])))
        node.deprecated = node.deprecated or row.get("deprecated") == "true"
        if "broader" in row:
            parents.setdefault(row["c"], set()).add(row["broader"])
        if "top" in row:
            tops.add(row["c"])
    for child, above in parents.items():
        for parent in above:
            if parent in nodes and not nodes[child].deprecated:
                nodes[parent].children.append(nodes[child])
    for node in nodes.values():
        node.children.sort(key=lambda n: n.label.casefold())
    roots = sorted((nodes[t] for t in tops), key=lambda n: n.label.casefold())
    retired = sorted((n for n in nodes.values() if n.deprecated), key=lambda n: n.label)
    return roots, retired


@blueprint.get("/vocab/")
def index() -> str:
    return render_template("vocab/index.html", title="Vocabularies", schemes=_schemes())


@blueprint.get("/vocab/<name>")
def scheme(name: str) -> Response:
    """The scheme's tree as HTML, or its Turtle when asked for (or with `.ttl`)."""
    stem, _, suffix = name.partition(".")
    wants_turtle = suffix == "ttl" or (
        not suffix
        and request.accept_mimetypes.best_match(["text/html", "text/turtle"]) == "text/turtle"
    )
    if suffix not in ("", "ttl"):
        raise NotFound(f"no format {suffix!r} for vocabularies", fix="use .ttl")
    found = _scheme(stem)
    if wants_turtle:
        response = _turtle(stem)
    else:
        roots, retired = _tree(stem)
        html = render_template(
            "vocab/scheme.html", title=found.title, scheme=found, roots=roots, retired=retired
        )
        response = Response(html, mimetype="text/html")
    response.headers["Vary"] = "Accept"
    response.headers["Link"] = (
        f"<{url_for('vocab.scheme', name=stem + '.ttl', _external=True)}>; "
        'rel="alternate"; type="text/turtle"'
    )
    return response


def _turtle(name: str) -> Response:
    graph = ox.NamedNode(str(context.iris().graph(f"vocab/{name}")))
    sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
    result = context.store().query(sparql, "application/n-triples")
    # Re-serialised with prefixes so that a specialist can read the download (schemes are small).
    scheme = Graph().parse(data=result.body.decode("utf-8"), format="nt")
    for prefix, namespace in PREFIXES.items():
        scheme.bind(prefix, namespace, override=True)
    body = scheme.serialize(format="turtle", encoding="utf-8")
    response = Response(body, mimetype="text/turtle")
    response.headers["Content-Disposition"] = f'inline; filename="{name}.ttl"'
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@blueprint.get("/id/vocab/<name>")
def scheme_iri(name: str) -> Response:
    """The scheme itself is not a document: send the client to its page."""
    _scheme(name)
    response = Response(status=303)
    response.headers["Location"] = url_for("vocab.scheme", name=name, _external=True)
    response.headers["Vary"] = "Accept"
    return response

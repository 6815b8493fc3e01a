"""Vocabulary pages: every scheme as a browsable tree, and its Turtle download.

`/vocab/` lists the schemes; `/vocab/{name}` shows the whole tree (nested `<details>`, so it
collapses without JavaScript and reads as plain nested lists without CSS) or, by Accept, the
scheme in any RDF format of the documents; `/vocab/{name}.ttl` (`.jsonld`, `.rdf`, `.nt`)
downloads it; `/id/vocab/{name}` (the scheme's IRI) answers 303 to its page. Concepts
themselves dereference through the generic `/id` → `/doc` machinery. Reads the store only: each
scheme is the named graph `{base}graph/vocab/{name}` written by the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request, url_for

from kg.catalogue import KINDS, Listed
from kg.errors import NotAcceptable, NotFound
from kg.formats import FORMATS, OFFERED, Format
from kg.namespaces import DCTERMS, OWL, SKOS
from kg.status import failed_rebuild
from kg.store import text
from kg.web import context
from kg.web.catalogue import catalogue
from kg.web.conneg import negotiate, split_suffix
from kg.web.headers import link_value
from kg.web.rdfdoc import serialize
from kg.web.vocab_panel import concept_panel, topic_reasons

blueprint = Blueprint("vocab", __name__)
blueprint.app_context_processor(
    lambda: {
        "vocab_panel": concept_panel,
        "topic_reasons": topic_reasons,
        "rebuild_failure": rebuild_failure,
    }
)


def rebuild_failure() -> str | None:
    """Why the last rebuild of `kg serve` failed, while that is the latest word (the notice
    of the vocabulary and concept pages); None when the served build is what the files say."""
    return failed_rebuild(context.config().build_dir)


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
    return [{k: text(v) for k, v in row.items()} for row in context.store().select(sparql)]


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


def _tree(name: str) -> tuple[list[Node], list[Node], set[str]]:
    """The top concepts with their narrower concepts, the deprecated concepts apart, and the
    IRIs of every concept of the scheme."""
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
    return roots, retired, set(nodes)


def _not_in_scheme(concepts: set[str]) -> list[Listed]:
    """Resources of the scheme's type (`{base}id/place/…`) that are not in it: what the build
    minted for names the vocabulary does not hold yet."""
    id_base = context.iris().id_base
    types = {c[len(id_base) :].split("/", 1)[0] for c in concepts if c.startswith(id_base)}
    index = catalogue()
    return [
        item
        for kind in KINDS
        if kind.type_ in types
        for item in index.page(kind, 0, index.count(kind))
        if item.iri not in concepts
    ]


@blueprint.get("/vocab/")
def index() -> str:
    return render_template("vocab/index.html", title="Vocabularies", schemes=_schemes())


@blueprint.get("/vocab/<name>")
def scheme(name: str) -> Response:
    """The scheme's tree as HTML, or the scheme in an RDF format: by suffix, else by Accept
    (the one format table of kg/web/conneg.py); 406 when nothing offered is acceptable."""
    stem, fmt = split_suffix(name)
    negotiated = fmt is None and "." not in name
    if negotiated:
        fmt = negotiate(request.headers.get("Accept"))
    found = _scheme(stem)
    if fmt is None:
        if not negotiated:
            raise NotFound(f"no format {name.rpartition('.')[2]!r} for vocabularies", fix=_SUFFIXES)
        raise NotAcceptable(
            f"none of the offered types is acceptable: {OFFERED}",
            fix="ask for one of them, or add */* to Accept",
        )
    if fmt.oxigraph is not None:
        response = _rdf(stem, fmt)
    else:
        roots, retired, concepts = _tree(stem)
        html = render_template(
            "vocab/scheme.html",
            title=found.title,
            scheme=found,
            roots=roots,
            retired=retired,
            outside=_not_in_scheme(concepts),
        )
        response = Response(html, mimetype="text/html")
    if negotiated:
        response.headers["Vary"] = "Accept"
    response.headers["Content-Location"] = _url(stem, fmt)
    response.headers["Link"] = ", ".join(
        link_value(_url(stem, f), "alternate", type=f.media_type)
        for f in FORMATS
        if f.oxigraph is not None
    )
    return response


_SUFFIXES = "use one of " + ", ".join(f".{f.suffix}" for f in FORMATS)


def _url(name: str, fmt: Format) -> str:
    return url_for("vocab.scheme", name=f"{name}.{fmt.suffix}", _external=True)


def _rdf(name: str, fmt: Format) -> Response:
    """The scheme's named graph in one RDF format, with kg's prefixes where it has them."""
    graph = ox.NamedNode(str(context.iris().graph(f"vocab/{name}")))
    sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
    triples = sorted(  # sorted: a diffable download
        context.store().construct(sparql),
        key=lambda t: (str(t.subject), str(t.predicate), str(t.object)),
    )
    response = Response(serialize(triples, fmt), content_type=fmt.content_type)
    filename = f"{name}.{fmt.suffix}"
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
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

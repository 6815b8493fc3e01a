"""Dereferenceable URIs: `/id/{type}/{key}` → 303 → `/doc/{type}/{key}`, negotiated.

Cool URIs for the Semantic Web (W3C), 303 recipe: the IRI names the thing, the document
describes it. Every negotiated response carries Vary, Content-Location, Link alternates and
validators tied to the build, so caches and harvesters can rely on them.
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request

from kg.errors import BadRequest, Gone, NotAcceptable, NotFound
from kg.formats import Format
from kg.iris import ENTITY_TYPES
from kg.namespaces import DCTERMS, RDF
from kg.store import Description, Related, Tombstone, text
from kg.web import context, fields, headers, marcxml
from kg.web.catalogue import catalogue
from kg.web.cite import CitePanel, cite_panel, export, requested_style
from kg.web.conneg import formats_for, named_format, negotiate, offered, split_suffix
from kg.web.documents import Stored
from kg.web.embed import schema_jsonld
from kg.web.periodical import Articles, articles
from kg.web.rdfdoc import document_triples, serialize
from kg.web.reference import reference_of
from kg.web.view import Labels, build_page, with_authors
from kg.web.vocab import rebuild_failure

blueprint = Blueprint("resources", __name__)
TYPES = (*ENTITY_TYPES, "dataset")
TYPE = ox.NamedNode(str(RDF.type))
AUTHOR = ox.NamedNode(str(DCTERMS.creator))
NOTICE_TYPES = frozenset({"topic", "place"})  # their HTML pages show a failed rebuild's notice


@blueprint.get("/id/<type_>/<path:key>")
def thing(type_: str, key: str) -> Response:
    """The thing itself is not a document: send the client to its description."""
    iri = _iri(type_, key)
    moved = _check_live(type_, iri, moved_status=303)
    if moved is not None:
        return moved
    response = Response(status=303)
    response.headers["Location"] = context.iris().document(type_, key)
    return _negotiated(response)


@blueprint.get("/doc/<type_>/<path:key>")
def document(type_: str, key: str) -> Response:
    """The description of a thing, in the format the client asks for."""
    key, fmt, negotiated = _choose_format(key, type_)
    suffix = "" if negotiated else fmt.suffix
    page = _page_number()
    style = requested_style() if type_ == "work" and fmt.suffix == "html" else None
    build_id, built = context.build()
    notice = _notice_tag(type_, fmt)
    named = style.name if style is not None and "style" in request.args else ""
    variant = (f"p{page}" if page > 1 else "") + named
    etag = headers.etag_for(build_id, fmt.suffix, variant, notice)
    # A style other than the default is rendered per request; so is the default when named.
    stored = None if notice or "style" in request.args else _prerendered(type_, key, fmt, page)
    # One header list for every outcome, set in one go: the stored branch is the hot path.
    common = [
        ("Content-Location", context.iris().document(type_, key, "." + fmt.suffix)),
        *headers.validators(etag, built, context.config().cache_max_age_s),
    ]
    if negotiated:
        common.append(("Vary", "Accept"))
    # With a notice, the build time says nothing about the page: only the ETag can match.
    if notice:
        fresh = request.if_none_match.contains(etag)
    else:
        fresh = headers.not_modified(request, etag, built)
    if fresh:
        moved = None if stored else _check_live(type_, _iri(type_, key), 301, suffix)
        return Response(status=304, headers=common) if moved is None else moved
    if stored is not None:
        # Rendered by the build from the same release with the same code (kg/web/prerender.py).
        body, link = stored.body, stored.link
    else:
        iri = _iri(type_, key)
        # Describe first: a live resource then needs no separate existence or tombstone lookups.
        description = context.store().describe(iri, page, context.config().page_size)
        moved = _check_live(type_, iri, 301, suffix, _live(description))
        if moved is not None:
            return moved
        body, link = render(type_, key, description, fmt)
    return Response(body, headers=[("Content-Type", fmt.content_type), ("Link", link), *common])


def render(type_: str, key: str, description: Description, fmt: Format) -> tuple[bytes, str]:
    """The body and the `Link` header of a live resource's document in one format."""
    return _body(type_, key, description, fmt), ", ".join(_links(type_, key, fmt, description))


def describe_live(type_: str, key: str) -> Description | None:
    """Page 1 of a resource's description, or None unless it is live (not retired, not missing)."""
    iri = _iri(type_, key)
    description = context.store().describe(iri, 1, context.config().page_size)
    return description if _live(description) else None


def _live(description: Description) -> bool:
    iri = description.iri
    typed = any(t.predicate == TYPE for t in description.own if t.subject == iri)
    return typed and iri.value not in context.tombstones()


def _prerendered(type_: str, key: str, fmt: Format, page: int) -> Stored | None:
    """The build's rendering of page 1, when the release has one made under these settings."""
    documents = context.documents()
    if documents is None or page != 1 or request.script_root:
        return None  # script_root: the build rendered links for an app mounted at the root
    return documents.get(type_, key, fmt.suffix)


def _notice_tag(type_: str, fmt: Format) -> str:
    """The ETag part of a concept page while it carries a failed rebuild's notice, else "".

    The notice is not part of the build: the page the build rendered ahead lacks it, and a copy
    a browser cached before the failure must not be confirmed current (`304`).
    """
    if type_ not in NOTICE_TYPES or fmt.oxigraph is not None:
        return ""
    failure = rebuild_failure()
    return "" if failure is None else "notice-" + hashlib.sha256(failure.encode()).hexdigest()[:12]


def _iri(type_: str, key: str) -> ox.NamedNode:
    if type_ not in TYPES:
        raise NotFound(f"no resource type {type_!r}", fix=f"use one of {', '.join(ENTITY_TYPES)}")
    try:
        return ox.NamedNode(str(context.iris().entity(type_, key)))
    except ValueError as err:
        raise NotFound(f"{key!r} is not a valid key", fix="check the key") from err


def _check_live(
    type_: str, iri: ox.NamedNode, moved_status: int, suffix: str = "", known_live: bool = False
) -> Response | None:
    """None for a live resource; a redirect for a merged one; 404 / 410 raised otherwise."""
    if known_live:
        return None
    store = context.store()
    tombstone = store.tombstone(iri)
    if iri.value in context.tombstones():  # the ledger's word, from the build's manifest
        successor = context.tombstones()[iri.value]
        tombstone = Tombstone(
            ox.NamedNode(successor) if successor else None,
            "it is no longer in the source listings" if not successor else None,
        )
    if tombstone is None:
        if not store.exists(iri):
            raise NotFound(
                f"no {type_} with key {iri.value.rsplit('/', 1)[-1]!r}",
                fix="check the key, or search the catalogue from the home page",
            )
        return None
    if tombstone.successor is None:
        raise Gone(
            f"this {type_} was withdrawn from the catalogue"
            + (f": {tombstone.note}" if tombstone.note else ""),
            fix="its key will not be reused; search the catalogue for the work you need",
        )
    target = tombstone.successor.value
    if moved_status == 301:
        target = target.replace("/id/", "/doc/", 1) + (f".{suffix}" if suffix else "")
    response = Response(status=moved_status, headers={"Location": target})
    response.headers["Cache-Control"] = f"public, max-age={context.config().cache_max_age_s}"
    return _negotiated(response)


def _choose_format(key: str, type_: str) -> tuple[str, Format, bool]:
    """Format by suffix, then `?format=`, then Accept. The flag says it was negotiated."""
    formats = formats_for(type_)
    stem, fmt = split_suffix(key, formats)
    if fmt is not None:
        return stem, fmt, False
    if "format" in request.args:
        fmt = named_format(request.args["format"], formats)
        if fmt is None:
            raise BadRequest(
                f"unknown format {request.args['format']!r}",
                fix="use one of " + ", ".join(f.suffix for f in formats),
            )
        return key, fmt, False
    fmt = negotiate(request.headers.get("Accept"), formats)
    if fmt is None:
        raise NotAcceptable(
            f"none of the offered types is acceptable: {offered(formats)}",
            fix="ask for one of them, or add */* to Accept",
        )
    return key, fmt, True


def _page_number() -> int:
    raw = request.args.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 100_000:
        raise BadRequest(f"page {raw!r} is not a page number", fix="use ?page=1, 2, …")
    return int(raw)


def _body(type_: str, key: str, description: Description, fmt: Format) -> bytes:
    iris, page = context.iris(), description.page
    doc = iris.document(type_, key)
    nxt = f"{doc}?page={page + 1}" if description.has_next else None
    prev = f"{doc}?page={page - 1}" if page > 1 else None
    if fmt.citation:
        return export([reference_of(description, key, doc)], fmt)
    if fmt.record:
        return marcxml.body(key)
    if fmt.oxigraph is None:
        listed = _articles(type_, description)
        if listed is not None:
            nxt = f"{doc}?page={page + 1}" if listed.has_next else None
        cite = cite_panel(description, key, doc, requested_style()) if type_ == "work" else None
        return _html(description, type_, doc, nxt, prev, listed, cite).encode("utf-8")
    triples = document_triples(description, doc, str(iris.dataset()), nxt, prev)
    return serialize(triples, fmt)


def _articles(type_: str, d: Description) -> Articles | None:
    """A periodical's articles by volume and issue (they link to its issues, not to it)."""
    if type_ != "periodical":
        return None
    return articles(context.store(), d.iri, d.page, d.page_size)


def _html(
    d: Description,
    type_: str,
    doc: str,
    nxt: str | None,
    prev: str | None,
    listed: Articles | None = None,
    cite: CitePanel | None = None,
) -> str:
    lang = context.config().default_language
    page = build_page(d, type_, lang, _related(d.iri, type_), context.iris().base)
    if listed is not None:  # the articles listing holds the parts, by volume and issue
        page.sections = [s for s in page.sections if s.heading != "Parts"]
    rows = catalogue().by_iri(i.href for s in page.sections for i in s.items if i.href)
    page.sections = with_authors(page.sections, {i: w.authors for i, w in rows.items()})
    data = schema_jsonld(d, Labels((*d.own, *d.context), lang), doc)
    alternates = [(f, f"{doc}.{f.suffix}") for f in formats_for(type_) if not f.citation]
    return render_template(
        "work.html" if type_ == "work" else "entity.html",
        page=page,
        jsonld=data,
        alternates=alternates,
        next_href=nxt,
        prev_href=prev,
        articles=listed,
        cite=cite,
        page_number=d.page,
        page_size=d.page_size,
    )


def _related(iri: ox.NamedNode, type_: str) -> list[tuple[str, list[Related]]]:
    """Co-authors and topics, found through the works (for people and organisations)."""
    if type_ not in ("person", "organization"):
        return []
    store = context.store()
    out = [
        ("Co-authors", store.related(iri, fields.CREATORS, fields.CREATORS)),
        ("Topics", store.related(iri, fields.CREATORS, fields.SUBJECTS)),
    ]
    if type_ == "organization":
        out.append(("Topics published on", store.related(iri, fields.PUBLISHERS, fields.SUBJECTS)))
    return out


def _links(type_: str, key: str, fmt: Format, d: Description) -> list[str]:
    """Link alternates (one per format) and FAIR Signposting (cite-as, describedby, license…)."""
    iris = context.iris()
    links = [
        headers.link_value(
            iris.document(type_, key, "." + f.suffix), "alternate", type=f.media_type
        )
        for f in formats_for(type_)
    ]
    links.append(headers.link_value(str(iris.entity(type_, key)), "cite-as"))
    if fmt.oxigraph is None:
        links += [
            headers.link_value(
                iris.document(type_, key, "." + f.suffix), "describedby", type=f.media_type
            )
            for f in formats_for(type_)
            if f.oxigraph is not None
        ]
    else:
        links.append(headers.link_value(str(iris.entity(type_, key)), "describes"))
    links.append(headers.link_value(context.config().license_uri, "license"))
    mine = [t for t in d.own if t.subject == d.iri]
    links += [headers.link_value(text(t.object), "type") for t in mine if t.predicate == TYPE]
    links += [
        headers.link_value(text(t.object), "author")
        for t in mine
        if t.predicate == AUTHOR and isinstance(t.object, ox.NamedNode)
    ]
    doc = iris.document(type_, key)
    if d.has_next:
        links.append(headers.link_value(f"{doc}?page={d.page + 1}", "next"))
    if d.page > 1:
        links.append(headers.link_value(f"{doc}?page={d.page - 1}", "prev"))
    return links


def _negotiated(response: Response) -> Response:
    response.headers["Vary"] = "Accept"
    return response

"""The home page, browse lists, search, robots.txt and the sitemap."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote, urlencode
from xml.sax.saxutils import escape

from flask import Blueprint, Response, render_template, request, url_for

from kg.catalogue import BY_NAME, KINDS, WORK_TYPE_LABELS, WORK_TYPES, Kind
from kg.catalogue.search import SearchPage, SearchQuery, parse_query
from kg.catalogue.search import search as run_search
from kg.errors import BadRequest, NotFound
from kg.web import context, lists
from kg.web.catalogue import catalogue

blueprint = Blueprint("home", __name__)
NEWEST = 12
SITEMAP_CHUNK = 50_000  # the sitemaps.org limit per file
TYPE_CHOICES = [("work", "Works")] + [(name, f"– {label}s") for name, _, label in WORK_TYPES]
TYPE_CHOICES += [(kind.type_, kind.heading) for kind in KINDS if kind.type_ != "work"]


@blueprint.get("/")
def index() -> str:
    counts = [(kind, _count(kind)) for kind in KINDS]
    return render_template(
        "home.html",
        counts=[(k, n) for k, n in counts if n or k.name == "works"],
        newest=catalogue().newest(NEWEST),
        site_jsonld=_dataset_jsonld(dict((k.name, n) for k, n in counts)),
    )


@blueprint.get("/browse/<kind>")
def browse(kind: str) -> str | Response:
    if kind not in BY_NAME:
        raise NotFound(f"nothing to browse called {kind!r}", fix="use the links on the home page")
    # The list of works is also offered as RIS, BibTeX and CSL-JSON (kg/web/lists.py).
    page, size = _page(), context.config().page_size
    fmt = lists.list_format() if kind == "works" else None
    total = _count(BY_NAME[kind])
    start = (page - 1) * size
    entries = catalogue().page(BY_NAME[kind], start, size)
    if fmt is not None and fmt.citation:
        return lists.export_works([e.iri for e in entries], fmt)
    html = render_template(
        "browse.html",
        kind=BY_NAME[kind],
        entries=entries,
        total=total,
        first=start + 1,
        page_number=page,
        last_page=max(1, -(-total // size)),
        exports=lists.export_links() if fmt is not None else [],
    )
    return html if fmt is None else lists.negotiated(html, fmt)


@blueprint.get("/search")
def search() -> Response:
    """Words in titles, abstracts, names, topics and places, with filters (docs/urls.md); the
    works of a results page also as RIS, BibTeX and CSL-JSON (kg/web/lists.py)."""
    iris = context.iris()
    query = parse_query(request.args, lambda type_, key: str(iris.entity(type_, key)))
    fmt = lists.list_format()  # after the parameters: a bad one is a 400 whatever is accepted
    size = context.config().page_size
    found = None if query.empty else run_search(catalogue(), query, size)
    if fmt.citation:
        return lists.export_works(found.work_iris() if found is not None else [], fmt)
    html = render_template(
        "search.html",
        query=query.text,
        search=query,
        found=found,
        size=size,
        last_page=_last_page(found, size),
        topic_key=_key,
        labels=_filter_labels(query),
        here=_search_link(query),
        type_choices=TYPE_CHOICES,
        work_types=WORK_TYPE_LABELS,
        exports=lists.export_links() if found is not None and found.work_iris() else [],
    )
    return lists.negotiated(html, fmt)


def _search_link(query: SearchQuery) -> Callable[..., str]:
    """`here(page=2)`: this search's URL with some parameters changed (None drops one)."""
    current = {
        "q": query.text,
        "type": query.type,
        "topic": _key(query.topic) if query.topic else None,
        "place": _key(query.place) if query.place else None,
        "year": request.args.get("year"),
        "sort": request.args.get("sort"),
    }

    def here(**changes: object) -> str:
        params = {k: str(v) for k, v in {**current, **changes}.items() if v not in (None, "")}
        return url_for("home.search") + ("?" + urlencode(params) if params else "")

    return here


def _key(iri: str) -> str:
    """The key of a topic or place IRI (what `?topic=` and `?place=` take)."""
    return unquote(iri.rsplit("/", 1)[-1])


def _last_page(found: SearchPage | None, size: int) -> int:
    return max(1, -(-found.total // size)) if found is not None else 1


def _filter_labels(query: SearchQuery) -> dict[str, str]:
    """Labels of the topic and place a search is narrowed to."""
    known = catalogue().by_iri(iri for iri in (query.topic, query.place) if iri)
    return {iri: item.label for iri, item in known.items()}


@blueprint.get("/robots.txt")
def robots() -> Response:
    base = context.config().base_uri
    body = f"User-agent: *\nAllow: /\nDisallow: {_path(base)}sparql\nSitemap: {base}sitemap.xml\n"
    return Response(body, content_type="text/plain; charset=utf-8")


@blueprint.get("/sitemap.xml")
def sitemap_index() -> Response:
    base = context.config().base_uri
    chunks = max(1, -(-catalogue().total() // SITEMAP_CHUNK))
    items = "".join(
        f"<sitemap><loc>{base}sitemap-{n}.xml</loc></sitemap>" for n in range(1, chunks + 1)
    )
    return _xml(
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'
    )


@blueprint.get("/sitemap-<int:number>.xml")
def sitemap(number: int) -> Response:
    iris = catalogue().iris((number - 1) * SITEMAP_CHUNK, SITEMAP_CHUNK) if number >= 1 else []
    id_base = context.iris().id_base
    doc_base = id_base[: -len("id/")] + "doc/"
    chunk = [doc_base + iri[len(id_base) :] for iri in iris]
    if not chunk:
        raise NotFound(f"no sitemap {number}", fix="start from /sitemap.xml")
    lastmod = context.build()[1].date().isoformat()
    items = "".join(f"<url><loc>{escape(u)}</loc><lastmod>{lastmod}</lastmod></url>" for u in chunk)
    return _xml(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>')


def _count(kind: Kind) -> int:
    """How many resources of a kind: the length of its browse list, so that the two agree (the
    manifest counts classes in the catalogue graph, where a place is also a skos:Concept and
    the vocabularies' places are missing)."""
    return catalogue().count(kind)


def site() -> dict[str, object]:
    """What every page's frame shows (title, links, build)."""
    config = context.config()
    build_id, built = context.build()
    return {
        "title": config.dataset_title,
        "lang": config.default_language,
        "root": url_for("home.index"),
        "license": config.license_uri,
        "build_id": build_id,
        "built": built.strftime("%d %B %Y"),
    }


def _dataset_jsonld(counts: dict[str, int]) -> dict[str, object]:
    config = context.config()
    return {
        "@context": {"@vocab": "https://schema.org/"},
        "@type": "Dataset",
        "@id": str(context.iris().dataset()),
        "name": config.dataset_title,
        "description": "Open-access reports, books and articles on crime, justice and "
        "victimization, as linked data.",
        "license": config.license_uri,
        "url": config.base_uri,
        "variableMeasured": [f"{n} {name}" for name, n in counts.items() if n],
        "distribution": {
            "@type": "DataDownload",
            "encodingFormat": "application/n-triples",
            "contentUrl": config.base_uri + "dumps/latest.nt.gz",
        },
    }


def _page() -> int:
    raw = request.args.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
        raise BadRequest(f"page {raw!r} is not a page number", fix="use ?page=1, 2, …")
    return int(raw)


def _path(base: str) -> str:
    return "/" + base.split("://", 1)[1].split("/", 1)[1]


def _xml(body: str) -> Response:
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
    return Response(text, content_type="application/xml; charset=utf-8")

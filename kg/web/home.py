"""The home page, browse lists, search, robots.txt and the sitemap."""

from __future__ import annotations

from typing import cast
from xml.sax.saxutils import escape

from flask import Blueprint, Response, current_app, render_template, request, url_for

from kg.errors import BadRequest, NotFound
from kg.web import context, lists
from kg.web.catalogue import BY_NAME, KINDS, Catalogue, Kind

blueprint = Blueprint("home", __name__)
NEWEST = 12
SITEMAP_CHUNK = 50_000  # the sitemaps.org limit per file


def catalogue() -> Catalogue:
    """This worker's catalogue index of the build being served (built on first use, and again
    when the app follows `build/current` to a new release)."""
    app = current_app
    build_id = context.build()[0]
    cached = app.extensions.get("kg.catalogue")
    if cached is None or cached[0] != build_id:
        documents = context.documents()
        stored = documents.entries if documents is not None else None
        cached = (build_id, Catalogue(context.store(), context.iris().id_base, stored))
        app.extensions["kg.catalogue"] = cached
    return cast(Catalogue, cached[1])


@blueprint.get("/")
def index() -> str:
    cat = catalogue()
    counts = [(kind, _count(kind)) for kind in KINDS]
    return render_template(
        "home.html",
        counts=[(k, n) for k, n in counts if n or k.name == "works"],
        newest=cat.newest(NEWEST),
        site_jsonld=_dataset_jsonld(dict((k.name, n) for k, n in counts)),
    )


@blueprint.get("/browse/<kind>")
def browse(kind: str) -> str | Response:
    if kind not in BY_NAME:
        raise NotFound(f"nothing to browse called {kind!r}", fix="use the links on the home page")
    # The list of works is also offered as RIS, BibTeX and CSL-JSON (kg/web/lists.py).
    fmt = lists.list_format() if kind == "works" else None
    entries = catalogue().entries(BY_NAME[kind])
    page, size = _page(), context.config().page_size
    start = (page - 1) * size
    if fmt is not None and fmt.citation:
        return lists.export_entries(entries[start : start + size], fmt)
    html = render_template(
        "browse.html",
        kind=BY_NAME[kind],
        entries=entries[start : start + size],
        total=len(entries),
        first=start + 1,
        page_number=page,
        last_page=max(1, -(-len(entries) // size)),
        exports=lists.export_links() if fmt is not None else [],
    )
    return html if fmt is None else lists.negotiated(html, fmt)


@blueprint.get("/search")
def search() -> str:
    query = request.args.get("q", "").strip()[:200]
    total, hits = catalogue().search(query, limit=context.config().page_size) if query else (0, [])
    return render_template("search.html", query=query, total=total, hits=hits)


@blueprint.get("/robots.txt")
def robots() -> Response:
    base = context.config().base_uri
    body = f"User-agent: *\nAllow: /\nDisallow: {_path(base)}sparql\nSitemap: {base}sitemap.xml\n"
    return Response(body, content_type="text/plain; charset=utf-8")


@blueprint.get("/sitemap.xml")
def sitemap_index() -> Response:
    urls = catalogue().document_urls()
    base = context.config().base_uri
    chunks = max(1, -(-len(urls) // SITEMAP_CHUNK))
    items = "".join(
        f"<sitemap><loc>{base}sitemap-{n}.xml</loc></sitemap>" for n in range(1, chunks + 1)
    )
    return _xml(
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'
    )


@blueprint.get("/sitemap-<int:number>.xml")
def sitemap(number: int) -> Response:
    urls = catalogue().document_urls()
    chunk = urls[(number - 1) * SITEMAP_CHUNK : number * SITEMAP_CHUNK]
    if number < 1 or not chunk:
        raise NotFound(f"no sitemap {number}", fix="start from /sitemap.xml")
    lastmod = context.build()[1].date().isoformat()
    items = "".join(f"<url><loc>{escape(u)}</loc><lastmod>{lastmod}</lastmod></url>" for u in chunk)
    return _xml(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>')


def _count(kind: Kind) -> int:
    """How many resources of a kind: the length of its browse list, so that the two agree (the
    manifest counts classes in the catalogue graph, where a place is also a skos:Concept and
    the vocabularies' places are missing)."""
    return len(catalogue().entries(kind))


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
    if not raw.isdigit() or int(raw) < 1:
        raise BadRequest(f"page {raw!r} is not a page number", fix="use ?page=1, 2, …")
    return int(raw)


def _path(base: str) -> str:
    return "/" + base.split("://", 1)[1].split("/", 1)[1]


def _xml(body: str) -> Response:
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
    return Response(text, content_type="application/xml; charset=utf-8")

"""Lists of works as bibliographic exports: one page of a list as RIS, BibTeX or CSL-JSON.

A list page (the browse list of works, search results) is negotiated like a document: HTML by
default, an export by `?format=ris|bib|csl.json` or by Accept, with `Vary: Accept` and one
`Link: rel="alternate"` per format. The export holds the works of the page being shown (50 by
default, the `page_size` setting), so a reference manager gets what the reader sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import unquote, urlencode

from flask import Response, request

from kg.errors import BadRequest, NotAcceptable
from kg.formats import BY_SUFFIX, CITATION_FORMATS, Format
from kg.web import context, headers
from kg.web.cite import export, work_references
from kg.web.conneg import named_format, negotiate, offered

LIST_FORMATS: tuple[Format, ...] = (BY_SUFFIX["html"], *CITATION_FORMATS)


def list_format() -> Format:
    """The format asked for: `?format=` first, then Accept (HTML when nothing is said)."""
    if "format" in request.args:
        fmt = named_format(request.args["format"], LIST_FORMATS)
        if fmt is None:
            raise BadRequest(
                f"unknown format {request.args['format']!r} for a list of works",
                fix="use one of " + ", ".join(f.suffix for f in LIST_FORMATS),
            )
        return fmt
    fmt = negotiate(request.headers.get("Accept"), LIST_FORMATS)
    if fmt is None:
        raise NotAcceptable(
            f"none of the offered types is acceptable: {offered(LIST_FORMATS)}",
            fix="ask for one of them, or add */* to Accept",
        )
    return fmt


def export_links() -> list[tuple[Format, str]]:
    """This page's URL in each export format (the query kept, `format` set)."""
    args = {k: v for k, v in request.args.items() if k != "format"}
    return [
        (f, request.base_url + "?" + urlencode({**args, "format": f.suffix}))
        for f in CITATION_FORMATS
    ]


def negotiated(body: str | bytes, fmt: Format) -> Response:
    """A list page (HTML or export) with Vary and the Link alternates of every format."""
    response = Response(body, content_type=fmt.content_type)
    if "format" not in request.args:
        response.headers["Vary"] = "Accept"
    headers.add_links(
        response,
        (headers.link_value(href, "alternate", type=f.media_type) for f, href in export_links()),
    )
    if fmt.citation:
        response.headers["Content-Disposition"] = f'inline; filename="works.{fmt.suffix}"'
    return response


def export_works(iris: Sequence[str], fmt: Format) -> Response:
    """The listed resources that are works (others are skipped), in an export format."""
    base = context.iris()
    id_base, work_base = base.id_base, base.id_base + "work/"
    doc_of = {
        iri: (unquote(iri[len(work_base) :]), base.base + "doc/" + iri[len(id_base) :])
        for iri in iris
        if iri.startswith(work_base)
    }
    refs = work_references(context.store(), list(doc_of), doc_of)
    return negotiated(export(refs, fmt), fmt)

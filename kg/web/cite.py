"""Citations on work pages and bibliographic exports of works and lists of works.

A work page shows its citation in one CSL style (`?style=apa`, the default, or
`?style=chicago`; plain links, no JavaScript), links to its RIS, BibTeX and CSL-JSON exports,
and carries Highwire Press meta tags. The same exports answer for browse lists of works.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from flask import request
from markupsafe import Markup

from kg.cite.bibtex import bibtex
from kg.cite.csl import csl_item
from kg.cite.highwire import meta_tags
from kg.cite.reference import Reference
from kg.cite.ris import ris
from kg.cite.styles import BY_NAME, DEFAULT, STYLES, Style, bibliography_entry
from kg.errors import BadRequest
from kg.formats import CITATION_FORMATS, Format
from kg.store import Description, Store
from kg.web.reference import reference_of


@dataclass(frozen=True, slots=True)
class StyleChoice:
    style: Style
    href: str
    active: bool


@dataclass(frozen=True, slots=True)
class CitePanel:
    """What a work page shows under "How to cite", and its meta tags."""

    citation: Markup  # the formatted entry (citeproc's HTML, record text escaped)
    style: Style
    styles: tuple[StyleChoice, ...]
    exports: tuple[tuple[Format, str], ...]
    meta: tuple[tuple[str, str], ...]


def requested_style() -> Style:
    """The style `?style=` names (the default when absent); 400 for a style not offered."""
    name = request.args.get("style", DEFAULT.name)
    if name not in BY_NAME:
        raise BadRequest(
            f"unknown citation style {name!r}",
            fix="use one of " + ", ".join(s.name for s in STYLES),
        )
    return BY_NAME[name]


def cite_panel(d: Description, key: str, doc: str, style: Style) -> CitePanel:
    """The citation panel of a described work, in `style` (`doc`: its document URL)."""
    ref = reference_of(d, key, doc)
    choices = tuple(
        StyleChoice(s, doc if s == DEFAULT else f"{doc}?style={s.name}", s == style) for s in STYLES
    )
    return CitePanel(
        citation=Markup(bibliography_entry(csl_item(ref), style)),
        style=style,
        styles=choices,
        exports=tuple((f, f"{doc}.{f.suffix}") for f in CITATION_FORMATS),
        meta=tuple(meta_tags(ref)),
    )


def export(refs: Iterable[Reference], fmt: Format) -> bytes:
    """References as RIS, BibTeX or CSL-JSON (an array of items)."""
    refs = list(refs)
    if fmt.suffix == "ris":
        return ris(refs).encode("utf-8")
    if fmt.suffix == "bib":
        return bibtex(refs).encode("utf-8")
    items = [csl_item(ref) for ref in refs]
    return json.dumps(items, ensure_ascii=False, indent=1).encode("utf-8")


def work_references(
    store: Store, iris: Iterable[str], doc_of: dict[str, tuple[str, str]]
) -> list[Reference]:
    """The References of listed works (`doc_of`: IRI → (key, document URL))."""
    out = []
    for iri in iris:
        key, doc = doc_of[iri]
        description = store.describe(ox.NamedNode(iri), 1, 1)
        if description.found:
            out.append(reference_of(description, key, doc))
    return out

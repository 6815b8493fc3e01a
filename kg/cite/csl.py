"""A Reference as a CSL-JSON item (Citation Style Language 1.0.2 input data).

The same item feeds citeproc (the formatted citations on the page) and the CSL-JSON export.
https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html
"""

from __future__ import annotations

from typing import Any

from kg.cite.reference import Name, Reference

CSL_TYPES = {"article": "article-journal", "book": "book", "report": "report", "work": "document"}


def csl_name(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    out = {"family": name.family}
    if name.given:
        out["given"] = name.given
    if name.particle:
        # "La Mattina", "van der Berg": sorted and printed with the family name.
        out["non-dropping-particle"] = name.particle
    if name.suffix:
        out["suffix"] = name.suffix
    return out


def csl_item(ref: Reference) -> dict[str, Any]:
    """The CSL-JSON item of a reference (only the variables the catalogue knows)."""
    item: dict[str, Any] = {"id": ref.url, "type": CSL_TYPES[ref.kind], "title": ref.title}
    if ref.authors:
        item["author"] = [csl_name(n) for n in ref.authors]
    if ref.editors:
        item["editor"] = [csl_name(n) for n in ref.editors]
    if ref.year and ref.year[:4].isdigit():
        item["issued"] = {"date-parts": [[int(ref.year[:4])]]}
    elif ref.year:
        item["issued"] = {"literal": ref.year}
    if ref.publishers:
        item["publisher"] = "; ".join(ref.publishers)
    if ref.places:
        item["publisher-place"] = "; ".join(ref.places)
    item.update(_container(ref))
    if ref.page_count is not None:
        item["number-of-pages"] = str(ref.page_count)
    for variable, value in (
        ("edition", ref.edition),
        ("abstract", ref.abstract),
        ("language", ref.language),
    ):
        if value:
            item[variable] = value
    if ref.keywords:
        item["keyword"] = ", ".join(ref.keywords)
    item["URL"] = ref.url
    return item


def _container(ref: Reference) -> dict[str, str]:
    """Journal, volume, issue and pages; or the series and the report's number."""
    out: dict[str, str] = {}
    if ref.journal:
        out["container-title"] = ref.journal
    for variable, value in (("volume", ref.volume), ("issue", ref.issue), ("page", ref.pages)):
        if value:
            out[variable] = value
    if ref.kind == "report" and ref.series and ref.number and ref.number == ref.series_number:
        # A working-paper series whose number is the report's number ("Working Paper
        # IDB-WP-1640"): the series names the kind of report, as CSL's genre + number.
        return {**out, "genre": ref.series, "number": ref.number}
    if ref.series:
        out["collection-title"] = ref.series
    if ref.series_number and not (ref.kind == "report" and ref.number == ref.series_number):
        out["collection-number"] = ref.series_number
    if ref.kind == "report" and ref.number:
        out["number"] = ref.number
    return out

"""Highwire Press `citation_*` meta tags for a work page: what Google Scholar and Zotero's
"Embedded Metadata" translator read. https://scholar.google.com/intl/en/scholar/inclusion.html
"""

from __future__ import annotations

from kg.cite.reference import Reference


def meta_tags(ref: Reference) -> list[tuple[str, str]]:
    """(name, content) pairs in the order Google Scholar documents them; authors in order."""
    tags = [("citation_title", ref.title)]
    tags += [("citation_author", name.inverted()) for name in ref.authors]
    tags += [("citation_editor", name.inverted()) for name in ref.editors]
    if ref.year:
        tags += [("citation_publication_date", ref.year[:4]), ("citation_date", ref.year[:4])]
    if ref.kind == "article":
        tags += _pairs(
            ("citation_journal_title", ref.journal),
            ("citation_volume", ref.volume),
            ("citation_issue", ref.issue),
            ("citation_firstpage", ref.first_page),
            ("citation_lastpage", ref.last_page),
        )
    elif ref.kind == "report":
        tags += _pairs(
            ("citation_technical_report_number", ref.number),
            ("citation_technical_report_institution", "; ".join(ref.publishers)),
        )
    if ref.kind != "report":
        tags += [("citation_publisher", p) for p in ref.publishers]
    tags += _pairs(("citation_series_title", ref.series), ("citation_language", ref.language))
    if ref.keywords:
        tags.append(("citation_keywords", "; ".join(ref.keywords)))
    # The catalogue holds no full texts: no citation_pdf_url or citation_fulltext_html_url.
    tags += [("citation_abstract_html_url", ref.page_url), ("citation_public_url", ref.page_url)]
    return tags


def _pairs(*pairs: tuple[str, str | None]) -> list[tuple[str, str]]:
    return [(name, value) for name, value in pairs if value]

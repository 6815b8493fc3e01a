"""References as RIS (the tagged format of EndNote, Zotero, Mendeley and most library systems).

Tags follow Zotero's RIS translator, so a round trip through Zotero keeps every field: T2 is an
article's journal and a report's or book's series; SN a report's number; SP/EP an article's
pages and SP a book's or report's page count; A3 a book's editors.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.cite.reference import Reference

RIS_TYPES = {"article": "JOUR", "book": "BOOK", "report": "RPRT", "work": "GEN"}


def ris(refs: Iterable[Reference]) -> str:
    """One RIS record per reference (`TY  - …` to `ER  - `), CRLF line ends as the spec asks."""
    return "".join(_record(ref) for ref in refs)


def _record(ref: Reference) -> str:
    lines = [("TY", RIS_TYPES[ref.kind]), ("TI", ref.title)]
    lines += [("AU", name.inverted()) for name in ref.authors]
    lines += [("A3", name.inverted()) for name in ref.editors]
    if ref.year:
        lines += [("PY", ref.year[:4]), ("DA", f"{ref.year[:4]}///")]
    lines += [("PB", p) for p in ref.publishers[:1]]
    lines += [("CY", p) for p in ref.places[:1]]
    if ref.kind == "article":
        lines += _pairs(("T2", ref.journal), ("VL", ref.volume), ("IS", ref.issue))
        lines += _pairs(("SP", ref.first_page), ("EP", ref.last_page))
    else:
        lines += _pairs(("T2", ref.series))
        if ref.kind == "report":
            lines += _pairs(("SN", ref.number))
        if ref.page_count is not None:
            lines.append(("SP", str(ref.page_count)))
    lines += _pairs(("ET", ref.edition), ("AB", ref.abstract), ("LA", ref.language))
    lines += [("KW", k) for k in ref.keywords]
    lines += [("UR", ref.url), ("ID", ref.key)]
    body = "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)
    return body + "ER  - \r\n\r\n"


def _pairs(*pairs: tuple[str, str | None]) -> list[tuple[str, str]]:
    return [(tag, value) for tag, value in pairs if value]


def _one_line(value: str) -> str:
    """A value on one line: a line break would start a new (bogus) tag."""
    return " ".join(value.split())

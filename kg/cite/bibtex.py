"""References as BibTeX entries (@article, @book, @techreport, @misc), UTF-8, for BibTeX,
biblatex and reference managers. Special characters are escaped as LaTeX expects them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from kg.cite.reference import Name, Reference

ENTRY_TYPES = {"article": "article", "book": "book", "report": "techreport", "work": "misc"}
# LaTeX's special characters, each as text that prints it.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL = re.compile("|".join(re.escape(c) for c in _LATEX))


def bibtex(refs: Iterable[Reference]) -> str:
    """One entry per reference, separated by blank lines."""
    return "\n".join(_entry(ref) for ref in refs)


def citation_key(ref: Reference) -> str:
    """`schnell2024-ma1ktkw5n1`: first author's family name, year, and the work's key (unique)."""
    first = ref.authors[0] if ref.authors else (ref.editors[0] if ref.editors else None)
    name = (first.family or first.literal.split(" ")[0]) if first else "anon"
    stem = _ascii(name).lower() + (ref.year[:4] if ref.year else "")
    return f"{stem or 'work'}-{_ascii(ref.key) or 'work'}"


def _entry(ref: Reference) -> str:
    fields: list[tuple[str, str]] = [("title", ref.title)]
    if ref.authors:
        fields.append(("author", _names(ref.authors)))
    if ref.editors:
        fields.append(("editor", _names(ref.editors)))
    if ref.year:
        fields.append(("year", ref.year[:4]))
    if ref.kind == "article":
        fields += _pairs(("journal", ref.journal), ("volume", ref.volume), ("number", ref.issue))
        fields += _pairs(("pages", _pages(ref)))
    else:
        publisher = "institution" if ref.kind == "report" else "publisher"
        fields += _pairs((publisher, "; ".join(ref.publishers)), ("address", "; ".join(ref.places)))
        if ref.kind == "report":
            fields += _pairs(("type", ref.series if ref.number else None), ("number", ref.number))
            if ref.series and not ref.number:
                fields.append(("series", ref.series))
        else:
            fields += _pairs(("series", ref.series), ("number", ref.series_number))
        if ref.page_count is not None:
            fields.append(("pagetotal", str(ref.page_count)))
    fields += _pairs(("edition", ref.edition), ("abstract", ref.abstract), ("langid", ref.language))
    if ref.keywords:
        fields.append(("keywords", ", ".join(ref.keywords)))
    fields.append(("url", ref.url))
    body = ",\n".join(f"  {name} = {{{_value(name, value)}}}" for name, value in fields)
    return f"@{ENTRY_TYPES[ref.kind]}{{{citation_key(ref)},\n{body}\n}}\n"


def _names(names: tuple[Name, ...]) -> str:
    """`Family, Given and …`; an organisation in braces so it is never split into parts."""
    return " and ".join(
        f"{{{_escape(n.literal)}}}" if n.literal else _escape(_bibtex_name(n)) for n in names
    )


def _bibtex_name(name: Name) -> str:
    # "van der Berg, Jane": a lower-case particle is BibTeX's "von" part; "La Mattina" (capital)
    # is kept with the family name by bracing it.
    family = name.full_family
    if name.particle and name.particle[0].isupper():
        family = "{" + family + "}"
    parts = [family, name.suffix, name.given] if name.suffix else [family, name.given]
    return ", ".join(p for p in parts if p)


def _pages(ref: Reference) -> str | None:
    if ref.first_page and ref.last_page:
        return f"{ref.first_page}--{ref.last_page}"
    return ref.pages


def _value(name: str, value: str) -> str:
    if name in ("url",):
        return value.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")
    if name in ("author", "editor"):
        return value  # escaped name by name
    return _escape(value)


def _escape(text: str) -> str:
    return _SPECIAL.sub(lambda m: _LATEX[m.group(0)], " ".join(text.split()))


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", plain)


def _pairs(*pairs: tuple[str, str | None]) -> list[tuple[str, str]]:
    return [(name, value) for name, value in pairs if value]

"""Content negotiation over the format table (kg/formats.py): pure functions."""

from __future__ import annotations

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.formats import (
    ALIASES,
    BY_MEDIA_TYPE,
    BY_SUFFIX,
    FORMAT_NAMES,
    FORMATS,
    WORK_BY_SUFFIX,
    WORK_FORMATS,
    Format,
)


def formats_for(type_: str) -> tuple[Format, ...]:
    """The formats a document of a resource type is offered in (works can also be cited, and
    have a MARC 21 record)."""
    return WORK_FORMATS if type_ == "work" else FORMATS


def offered(formats: tuple[Format, ...]) -> str:
    return ", ".join(f.media_type for f in formats)


def negotiate(accept_header: str | None, formats: tuple[Format, ...] = FORMATS) -> Format | None:
    """The best format for an Accept header; HTML when there is none; None when nothing fits.

    Werkzeug's `best_match` honours q-values and wildcards; among equal qualities the order
    of FORMATS wins, so `*/*` gives HTML (what a browser or a person expects).
    """
    if not accept_header or not accept_header.strip():
        return BY_SUFFIX["html"]
    accept = parse_accept_header(accept_header, MIMEAccept)
    media_types = [f.media_type for f in formats]
    media_types += [alias for alias, s in ALIASES.items() if WORK_BY_SUFFIX[s] in formats]
    best = accept.best_match(media_types)
    if best is None:
        return None
    return BY_MEDIA_TYPE.get(best) or WORK_BY_SUFFIX[ALIASES[best]]


def named_format(name: str, formats: tuple[Format, ...] = FORMATS) -> Format | None:
    """The format a `?format=` value names (suffix, media type or common name)."""
    name = name.strip().lower()
    suffix = FORMAT_NAMES.get(name) or ALIASES.get(name) or name
    found = WORK_BY_SUFFIX.get(suffix) or BY_MEDIA_TYPE.get(name)
    return found if found in formats else None


def split_suffix(key: str, formats: tuple[Format, ...] = FORMATS) -> tuple[str, Format | None]:
    """A document key and the format its suffix names (`abc.ttl` → `abc`, Turtle;
    `abc.csl.json` → `abc`, CSL-JSON)."""
    for fmt in sorted(formats, key=lambda f: -len(f.suffix)):
        stem = key.removesuffix("." + fmt.suffix)
        if stem and stem != key:
            return stem, fmt
    return key, None

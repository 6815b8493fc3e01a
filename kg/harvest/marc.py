"""MARC 21 records in memory and as MARCXML (the MARC 21 slim schema, Library of Congress).

kg writes MARCXML itself rather than through pymarc: the same records come out byte for byte,
about five times faster (docs/benchmarks.md, `bench/marc.py`); the tests read every record back
with pymarc and validate it against MARC21slim.xsd.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from kg.harvest.xmlsafe import attribute, text
from kg.namespaces import MARC21, MARC_SCHEMA, XSI

SCHEMA_LOCATION = f"{MARC21} {MARC_SCHEMA}MARC21slim.xsd"


class DataField(NamedTuple):
    """A variable data field: tag, two indicators and its subfields in order (a named tuple:
    a record has a dozen or two, and a frozen dataclass costs twice as much to make)."""

    tag: str
    indicators: str
    subfields: tuple[tuple[str, str], ...]


@dataclass(slots=True)
class MarcRecord:
    """A bibliographic record: the leader, control fields (001–009) and data fields."""

    leader: str
    control: list[tuple[str, str]] = field(default_factory=list)
    data: list[DataField] = field(default_factory=list)

    def add(self, tag: str, indicators: str, *subfields: tuple[str, str]) -> None:
        """Add a data field; empty subfields are dropped, and a field left without any too."""
        kept = tuple(filter(_VALUE, subfields))
        if kept:
            self.data.append(DataField(tag, indicators, kept))

    def fields(self) -> list[tuple[str, str] | DataField]:
        """Every field in tag order (fields of one tag keep the order they were added in)."""
        # A control field's tag is its first item, and so is a data field's.
        return sorted([*self.control, *self.data], key=_TAG)


_VALUE, _TAG = itemgetter(1), itemgetter(0)


RECORD_HEAD = f'<record xmlns="{MARC21}" xmlns:xsi="{XSI}" xsi:schemaLocation="{SCHEMA_LOCATION}">'


def record_xml(record: MarcRecord, namespace: bool = True) -> str:
    """One `<record>` (with its namespace and schema location unless it sits in a collection)."""
    parts = [RECORD_HEAD if namespace else "<record>", f"<leader>{text(record.leader)}</leader>"]
    known = _SUBFIELDS.get
    for item in record.fields():
        if not isinstance(item, DataField):
            parts.append(f'<controlfield tag="{item[0]}">{text(item[1])}</controlfield>')
        else:
            ind1, ind2 = item.indicators[0], item.indicators[1]
            parts.append(f'<datafield tag="{item.tag}" ind1="{ind1}" ind2="{ind2}">')
            parts += [known(subfield) or _subfield(subfield) for subfield in item.subfields]
            parts.append("</datafield>")
    parts.append("</record>")
    return "".join(parts)


# Subfields as XML, remembered unless long: roles, relator codes, the content, media and
# carrier terms, the names and IRIs of people and topics recur from record to record.
_SUBFIELDS: dict[tuple[str, str], str] = {}
_KNOWN_SUBFIELDS, _SHORT = 1 << 16, 80
# A subfield's opening tag by its code: a mapping uses a handful of codes.
_OPENING: dict[str, str] = {}


def _subfield(subfield: tuple[str, str]) -> str:
    code, value = subfield
    opening = _OPENING.get(code)
    if opening is None:
        opening = _OPENING[code] = f'<subfield code="{attribute(code)}">'
    found = f"{opening}{text(value)}</subfield>"
    if len(value) <= _SHORT:
        if len(_SUBFIELDS) >= _KNOWN_SUBFIELDS:
            _SUBFIELDS.clear()
        _SUBFIELDS[subfield] = found
    return found


_OPEN, _CLOSE = b"<record>", b"</record>"
_AFTER_003 = '<controlfield tag="003">'


def marc_content(record: bytes) -> bytes:
    """What is inside a `<record>` written without its namespace (as the dump writes it), in
    UTF-8 as the dump holds it."""
    assert record.startswith(_OPEN) and record.endswith(_CLOSE)
    return record[len(_OPEN) : -len(_CLOSE)]


def dated_record(content: str, datestamp: str) -> str:
    """A stored record's content as a namespaced `<record>` with its 005 (`yyyymmddhhmmss.0`):
    control fields come in tag order, so 005 goes right after 003."""
    head, marker, rest = content.partition(_AFTER_003)
    close = rest.index("</controlfield>") + len("</controlfield>")
    field = f'<controlfield tag="005">{datestamp}</controlfield>'
    return RECORD_HEAD + head + marker + rest[:close] + field + rest[close:] + "</record>"


COLLECTION_HEAD = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="{MARC21}" '
    f'xmlns:xsi="{XSI}" xsi:schemaLocation="{SCHEMA_LOCATION}">\n'
)
COLLECTION_TAIL = "</collection>\n"


def collection_xml(records: Iterable[MarcRecord]) -> Iterable[str]:
    """A `<collection>` document, in pieces: one record per line."""
    yield COLLECTION_HEAD
    for record in records:
        yield record_xml(record, namespace=False) + "\n"
    yield COLLECTION_TAIL

"""The six OAI-PMH verbs over a release's harvest index and its records.

`Repository.respond(parsed, now)` gives the whole XML response for a parsed request (or for the
error it earned). Lists page by keyset through the index (`kg/harvest/index.py`), so a page costs
the same at the end of a million works as at the start; the records of a page come from a
`RecordSource` (the web layer reads them through the Store).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from kg.harvest.index import HarvestIndex, Row
from kg.harvest.xmlsafe import attribute, text
from kg.namespaces import MARC21, MARC_SCHEMA, OAI_DC, OAI_IDENTIFIER, OAI_PMH, RDF, W3C_2000, XSI
from kg.oai.arguments import OaiError, Request, datestamp
from kg.oai.tokens import LIFETIME_S, Cursor, decode, encode

# prefix → (schema, namespace); `marcxml` is another name for `marc21`.
FORMATS: dict[str, tuple[str, str]] = {
    "oai_dc": (f"{OAI_PMH}oai_dc.xsd", str(OAI_DC)),
    "marc21": (f"{MARC_SCHEMA}MARC21slim.xsd", str(MARC21)),
    "marcxml": (f"{MARC_SCHEMA}MARC21slim.xsd", str(MARC21)),
    "rdf": (f"{W3C_2000}rdf.xsd", str(RDF)),
}
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<OAI-PMH xmlns="{OAI_PMH}" xmlns:xsi="{XSI}" '
    f'xsi:schemaLocation="{OAI_PMH} {OAI_PMH}OAI-PMH.xsd">'
)


class RecordSource(Protocol):
    """The metadata of live works, in one format."""

    def metadata(self, rows: Sequence[Row], prefix: str) -> dict[str, str]:
        """Each row's payload element by key (rows the store cannot read are left out)."""
        ...


@dataclass(frozen=True, slots=True)
class Identity:
    """What Identify says, and the page sizes."""

    name: str
    base_url: str
    admin_email: str
    repository_id: str
    records_per_page: int = 100
    identifiers_per_page: int = 500


class _Refused(Exception):
    def __init__(self, error: OaiError) -> None:
        super().__init__(error.message)
        self.error = error


class Repository:
    """Answers OAI-PMH requests for one release."""

    def __init__(
        self, index: HarvestIndex, source: RecordSource, identity: Identity, secret: bytes
    ) -> None:
        self._index, self._source, self._id, self._secret = index, source, identity, secret

    def respond(self, parsed: Request | OaiError, now: int) -> str:
        """The complete response document."""
        if isinstance(parsed, OaiError):
            return self._document(now, None, _error(parsed))
        try:
            verbs = {
                "Identify": self._identify,
                "ListMetadataFormats": self._list_metadata_formats,
                "ListSets": self._list_sets,
                "GetRecord": self._get_record,
                "ListIdentifiers": self._list_identifiers,
                "ListRecords": self._list_records,
            }
            body = verbs[parsed.verb](parsed, now)
        except _Refused as refused:
            return self._document(now, None if refused.error.hides_arguments else parsed,
                                  _error(refused.error))  # fmt: skip
        return self._document(now, parsed, body)

    def _document(self, now: int, request: Request | None, body: str) -> str:
        attributes = ""
        if request is not None:
            pairs = [("verb", request.verb), *sorted(request.arguments.items())]
            attributes = "".join(f' {name}="{attribute(value)}"' for name, value in pairs)
        echo = f"<request{attributes}>{text(self._id.base_url)}</request>"
        return f"{_HEAD}<responseDate>{datestamp(now)}</responseDate>{echo}{body}</OAI-PMH>\n"

    def _identify(self, request: Request, now: int) -> str:
        earliest = self._index.earliest()
        first = self._index.works(None, 0, self._index.generation, None, 1)
        sample = f"oai:{self._id.repository_id}:work/{first[0].key if first else 'key'}"
        description = (
            f'<oai-identifier xmlns="{OAI_IDENTIFIER}" xmlns:xsi="{XSI}" '
            f'xsi:schemaLocation="{OAI_IDENTIFIER} {OAI_IDENTIFIER}.xsd">'
            f"<scheme>oai</scheme><repositoryIdentifier>{text(self._id.repository_id)}"
            f"</repositoryIdentifier><delimiter>:</delimiter>"
            f"<sampleIdentifier>{text(sample)}</sampleIdentifier></oai-identifier>"
        )
        return (
            f"<Identify><repositoryName>{text(self._id.name)}</repositoryName>"
            f"<baseURL>{text(self._id.base_url)}</baseURL><protocolVersion>2.0</protocolVersion>"
            f"<adminEmail>{text(self._id.admin_email)}</adminEmail>"
            f"<earliestDatestamp>{datestamp(earliest if earliest else now)}</earliestDatestamp>"
            "<deletedRecord>persistent</deletedRecord>"
            "<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>"
            f"<description>{description}</description></Identify>"
        )

    def _list_metadata_formats(self, request: Request, now: int) -> str:
        identifier = request.get("identifier")
        if identifier is not None and self._row(identifier).deleted:
            raise _Refused(OaiError("noMetadataFormats", "the record is deleted"))
        formats = "".join(
            f"<metadataFormat><metadataPrefix>{prefix}</metadataPrefix><schema>{schema}</schema>"
            f"<metadataNamespace>{namespace}</metadataNamespace></metadataFormat>"
            for prefix, (schema, namespace) in FORMATS.items()
        )
        return f"<ListMetadataFormats>{formats}</ListMetadataFormats>"

    def _list_sets(self, request: Request, now: int) -> str:
        if request.get("resumptionToken") is not None:
            raise _Refused(OaiError("badResumptionToken", "ListSets is never paged"))
        sets = self._index.sets()
        if not sets:
            raise _Refused(OaiError("noSetHierarchy", "the repository has no sets yet"))
        body = "".join(
            f"<set><setSpec>{text(spec)}</setSpec><setName>{text(name)}</setName></set>"
            for spec, name in sets
        )
        return f"<ListSets>{body}</ListSets>"

    def _get_record(self, request: Request, now: int) -> str:
        prefix = _prefix(request.get("metadataPrefix") or "")
        row = self._row(request.get("identifier") or "")
        return f"<GetRecord>{self._records([row], prefix)}</GetRecord>"

    def _list_identifiers(self, request: Request, now: int) -> str:
        return self._list(request, now, self._id.identifiers_per_page)

    def _list_records(self, request: Request, now: int) -> str:
        return self._list(request, now, self._id.records_per_page)

    def _list(self, request: Request, now: int, size: int) -> str:
        cursor = self._cursor(request, now)
        after = (cursor.generation, cursor.key)
        rows = self._index.works(cursor.set or None, cursor.low, cursor.high, after, size + 1)
        if not rows:
            raise _Refused(OaiError("noRecordsMatch", "no records match the request"))
        page, more = rows[:size], len(rows) > size
        if request.verb == "ListRecords":
            body = self._records(page, cursor.prefix)
        else:
            body = "".join(self._header(row) for row in page)
        resumed = request.get("resumptionToken") is not None
        size_and_place = f'completeListSize="{cursor.total}" cursor="{cursor.sent}"'
        if more:
            last = page[-1]
            nxt = replace(
                cursor,
                generation=last.generation,
                key=last.key,
                sent=cursor.sent + len(page),
                expires=now + LIFETIME_S,
            )
            body += (
                f'<resumptionToken expirationDate="{datestamp(nxt.expires)}" {size_and_place}>'
                f"{encode(nxt, self._secret)}</resumptionToken>"
            )
        elif resumed:
            body += f"<resumptionToken {size_and_place}/>"
        return f"<{request.verb}>{body}</{request.verb}>"

    def _cursor(self, request: Request, now: int) -> Cursor:
        """The list's state: from the token, or a new list frozen at this moment."""
        token = request.get("resumptionToken")
        if token is not None:
            cursor = decode(token, self._secret, now)
            if (
                cursor is None
                or cursor.lineage != self._index.lineage
                or cursor.verb != request.verb
            ):
                raise _Refused(OaiError("badResumptionToken", "the token is invalid or expired"))
            return cursor
        prefix = _prefix(request.get("metadataPrefix") or "")
        spec = request.get("set") or ""
        if spec and not self._index.has_set(spec):
            if not self._index.sets():
                raise _Refused(OaiError("noSetHierarchy", "the repository has no sets yet"))
            raise _Refused(OaiError("noRecordsMatch", f"there is no set {spec!r}"))
        low, high = self._index.bounds(request.start, request.end if request.end else now)
        total = self._index.count(spec or None, low, high) if low <= high else 0
        if total == 0:
            raise _Refused(OaiError("noRecordsMatch", "no records match the request"))
        return Cursor(self._index.lineage, request.verb, prefix, spec, low, high, low, "", 0,
                      total, now + LIFETIME_S)  # fmt: skip

    def _row(self, identifier: str) -> Row:
        head = f"oai:{self._id.repository_id}:work/"
        row = self._index.work(identifier[len(head) :]) if identifier.startswith(head) else None
        if row is None:
            raise _Refused(OaiError("idDoesNotExist", "no record has this identifier"))
        return row

    def _header(self, row: Row) -> str:
        status = ' status="deleted"' if row.deleted else ""
        sets = "".join(f"<setSpec>{text(spec)}</setSpec>" for spec in row.sets)
        identifier = f"oai:{self._id.repository_id}:work/{row.key}"
        stamp = datestamp(self._index.times[row.generation])
        return (
            f"<header{status}><identifier>{text(identifier)}</identifier>"
            f"<datestamp>{stamp}</datestamp>{sets}</header>"
        )

    def _records(self, rows: Sequence[Row], prefix: str) -> str:
        payloads = self._source.metadata([r for r in rows if not r.deleted], prefix)
        out = []
        for row in rows:
            payload = payloads.get(row.key)
            metadata = f"<metadata>{payload}</metadata>" if payload is not None else ""
            header = self._header(row if payload is not None else replace(row, status="withdrawn"))
            out.append(f"<record>{header}{metadata}</record>")
        return "".join(out)


def _prefix(prefix: str) -> str:
    if prefix not in FORMATS:
        raise _Refused(OaiError("cannotDisseminateFormat", f"use one of {', '.join(FORMATS)}"))
    return prefix


def _error(error: OaiError) -> str:
    return f'<error code="{error.code}">{text(error.message)}</error>'

"""OAI-PMH 2.0 requests: which arguments each verb takes, and the errors a request earns (pure).

`parse(arguments)` turns the request's arguments (every value of every key, as given) into a
`Request` or an `OaiError`, in the order the protocol implies: the verb first (badVerb), then the
arguments themselves (badArgument: unknown, repeated, empty, missing, a resumption token with
anything else, a malformed or mixed-granularity date, an illegal set spec).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

VERBS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # verb: (required arguments, optional arguments)
    "Identify": (frozenset(), frozenset()),
    "ListMetadataFormats": (frozenset(), frozenset({"identifier"})),
    "ListSets": (frozenset(), frozenset({"resumptionToken"})),
    "GetRecord": (frozenset({"identifier", "metadataPrefix"}), frozenset()),
    "ListIdentifiers": (
        frozenset({"metadataPrefix"}),
        frozenset({"from", "until", "set", "resumptionToken"}),
    ),
    "ListRecords": (
        frozenset({"metadataPrefix"}),
        frozenset({"from", "until", "set", "resumptionToken"}),
    ),
}
SET_SPEC = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$")
METADATA_PREFIX = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")  # the OAI-PMH schema's pattern
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@dataclass(frozen=True, slots=True)
class OaiError:
    """An OAI-PMH error condition: its code and a message for people."""

    code: str
    message: str

    @property
    def hides_arguments(self) -> bool:
        """badVerb and badArgument responses echo the base URL only (OAI-PMH 3.2)."""
        return self.code in ("badVerb", "badArgument")


@dataclass(frozen=True, slots=True)
class Request:
    """A well-formed request: its verb and arguments (dates as UTC seconds since the epoch)."""

    verb: str
    arguments: Mapping[str, str]
    start: int | None = None  # from, inclusive
    end: int | None = None  # until, inclusive

    def get(self, name: str) -> str | None:
        return self.arguments.get(name)


def parse(arguments: Mapping[str, Sequence[str]]) -> Request | OaiError:
    """The request, or the first error it earns."""
    verbs = arguments.get("verb", [])
    if len(verbs) != 1 or verbs[0] not in VERBS:
        if len(verbs) > 1:
            return OaiError("badVerb", "the verb argument is repeated")
        shown = repr(verbs[0][:40]) if verbs else "no verb"
        return OaiError("badVerb", f"{shown} is not an OAI-PMH verb; use one of {', '.join(VERBS)}")
    verb = verbs[0]
    required, optional = VERBS[verb]
    given: dict[str, str] = {}
    for name, values in arguments.items():
        if name == "verb":
            continue
        if name not in required | optional:
            return OaiError("badArgument", f"{verb} takes no argument {name[:40]!r}")
        if len(values) != 1:
            return OaiError("badArgument", f"the argument {name} is repeated")
        if not values[0]:
            return OaiError("badArgument", f"the argument {name} is empty")
        given[name] = values[0]
    if "resumptionToken" in given:
        if len(given) > 1:
            return OaiError("badArgument", "resumptionToken is an exclusive argument")
        return Request(verb, given)
    missing = sorted(required - set(given))
    if missing:
        return OaiError("badArgument", f"{verb} needs the argument {', '.join(missing)}")
    return _checked(verb, given)


def _checked(verb: str, given: dict[str, str]) -> Request | OaiError:
    """Dates and set specs that are well-formed, of one granularity, in order."""
    if "set" in given and not SET_SPEC.match(given["set"]):
        return OaiError("badArgument", "set is not a set spec (e.g. type:report)")
    if "metadataPrefix" in given and not METADATA_PREFIX.fullmatch(given["metadataPrefix"]):
        # Not a prefix any repository could define (the schema's pattern): illegal syntax,
        # answered without echoing it into the request element, which would be invalid.
        return OaiError("badArgument", "metadataPrefix is not a metadata prefix (e.g. oai_dc)")
    try:
        start = _date(given.get("from"), end=False)
        end = _date(given.get("until"), end=True)
    except ValueError as err:
        return OaiError("badArgument", str(err))
    if "from" in given and "until" in given and len(given["from"]) != len(given["until"]):
        return OaiError("badArgument", "from and until have different granularities")
    if start is not None and end is not None and start > end:
        return OaiError("badArgument", "from is later than until")
    return Request(verb, given, start, end)


def _date(value: str | None, end: bool) -> int | None:
    """UTC seconds of `YYYY-MM-DD` (a day: its first or last second) or `YYYY-MM-DDThh:mm:ssZ`."""
    if value is None:
        return None
    try:
        if _SECOND.match(value):
            moment = datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
            return int(moment.replace(tzinfo=UTC).timestamp())
        if _DAY.match(value):
            day = datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
            return int(day.timestamp()) + (86_399 if end else 0)
    except ValueError:
        pass
    shown = value[:40]
    raise ValueError(f"{shown!r} is not a date: use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ")


def datestamp(seconds: int) -> str:
    """A UTC datestamp at the repository's granularity (seconds)."""
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

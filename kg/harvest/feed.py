"""The change feed: the index's history of changes as Activity Streams 2.0 pages, following the
LD4 Entity Metadata Management API 1.0 (pure: rows and times in, JSON-ready dicts out).

Activities are in time order (oldest first) in pages of `PAGE_SIZE`; a page is never rewritten
once full, so a consumer remembers the last page it read and goes on from there. Each activity's
`published` time is the generation's time, the same instant as the OAI datestamp of the record.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kg.harvest.index import Change
from kg.iris import Iris
from kg.namespaces import ACTIVITYSTREAMS, EMM, SDO, SKOS
from kg.oai.arguments import datestamp

PAGE_SIZE = 500
MEDIA_TYPE = f'application/ld+json; profile="{ACTIVITYSTREAMS}"'
CONTEXT = [str(ACTIVITYSTREAMS), f"{EMM}context.json"]
# The class each kind of entity is announced as.
CLASSES = {
    "work": str(SDO.CreativeWork),
    "person": str(SDO.Person),
    "organization": str(SDO.Organization),
    "topic": str(SKOS.Concept),
    "place": str(SDO.Place),
    "series": str(SDO.CreativeWorkSeries),
    "periodical": str(SDO.Periodical),
}


def pages(total: int) -> int:
    return -(-total // PAGE_SIZE)


def entry_point(iris: Iris, total: int, title: str, downloads: Sequence[str]) -> dict[str, Any]:
    """The OrderedCollection: how many activities, and its first and last pages."""
    feed: dict[str, Any] = {
        "@context": CONTEXT,
        "summary": f"{title}: every change to its entities",
        "type": "OrderedCollection",
        "id": _url(iris),
        "totalItems": total,
    }
    if downloads:
        feed["url"] = list(downloads)
    if total:
        feed["first"] = _page_ref(iris, 1)
        feed["last"] = _page_ref(iris, pages(total))
    return feed


def page(
    iris: Iris, number: int, total: int, changes: Sequence[Change], times: Mapping[int, int | None]
) -> dict[str, Any]:
    """One OrderedCollectionPage of activities."""
    body: dict[str, Any] = {
        "@context": CONTEXT,
        "type": "OrderedCollectionPage",
        "id": _url(iris, number),
        "partOf": {"type": "OrderedCollection", "id": _url(iris)},
        "totalItems": len(changes),
    }
    if number > 1:
        body["prev"] = _page_ref(iris, number - 1)
    if number < pages(total):
        body["next"] = _page_ref(iris, number + 1)
    body["orderedItems"] = [_activity(iris, change, times) for change in changes]
    return body


def _activity(iris: Iris, change: Change, times: Mapping[int, int | None]) -> dict[str, Any]:
    when = datestamp(times.get(change.generation) or 0)
    entity = {
        "id": str(iris.entity(change.type, change.key)),
        "type": CLASSES.get(change.type, str(SDO.Thing)),
        "updated": when,
    }
    activity: dict[str, Any] = {
        "type": change.activity,
        "summary": f"{change.activity} {change.type} {change.key}",
        "published": when,
        "object": entity,
    }
    if change.successor:
        activity["result"] = {"id": change.successor, "type": entity["type"]}
    return activity


def _url(iris: Iris, number: int | None = None) -> str:
    return f"{iris.base}changes" + (f"/{number}" if number is not None else "")


def _page_ref(iris: Iris, number: int) -> dict[str, str]:
    return {"type": "OrderedCollectionPage", "id": _url(iris, number)}

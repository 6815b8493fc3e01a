"""The change feed at `{base}changes` (entry point) and `{base}changes/{n}` (pages)."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response

from kg.errors import NotFound
from kg.harvest import feed
from kg.web import context
from kg.web.oai import harvesting

blueprint = Blueprint("changes", __name__)


@blueprint.get("/changes")
def entry_point() -> Response:
    index = harvesting().index
    downloads = [
        str(entry["latest_url"])
        for entry in context.manifest_extra().get("dumps", [])
        if "latest_url" in entry
    ]
    body = feed.entry_point(
        context.iris(), index.change_count(), context.config().dataset_title, downloads
    )
    return _json(body)


@blueprint.get("/changes/<int:number>")
def page(number: int) -> Response:
    index = harvesting().index
    total = index.change_count()
    if not 1 <= number <= feed.pages(total):
        raise NotFound(
            f"the change feed has no page {number}",
            fix=f"pages run from 1 to {feed.pages(total)}; start at {context.iris().base}changes",
        )
    first = (number - 1) * feed.PAGE_SIZE + 1
    changes = index.changes(first, first + feed.PAGE_SIZE - 1)
    return _json(feed.page(context.iris(), number, total, changes, index.times))


def _json(body: dict[str, Any]) -> Response:
    response = Response(
        json.dumps(body, ensure_ascii=False, indent=1), content_type=feed.MEDIA_TYPE
    )
    response.headers["Cache-Control"] = f"public, max-age={context.config().cache_max_age_s}"
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response

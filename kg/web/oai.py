"""OAI-PMH 2.0 at `{base}oai` (GET and form-encoded POST) and the per-release harvesting state
the change feed and the MARCXML documents share.

Every OAI answer is HTTP 200 with `text/xml`; errors are OAI error codes, never a 500 or a page.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import cast

from flask import Blueprint, Response, current_app, g, request

from kg.errors import BuildMissing
from kg.harvest.index import HarvestIndex
from kg.harvest.records import StoreRecords
from kg.harvest.settings import admin_email, marc_org_code, repository_id, token_secret
from kg.oai.arguments import parse
from kg.oai.repository import Identity, Repository
from kg.web import context

blueprint = Blueprint("oai", __name__)


@dataclass(frozen=True, slots=True)
class Harvesting:
    """One release's harvest index, its records and its OAI repository."""

    release: str
    index: HarvestIndex
    records: StoreRecords
    repository: Repository


def harvesting() -> Harvesting:
    """This worker's harvesting state for the release being served (opened on first use, and
    again after the app follows `build/current` to another release)."""
    release = context.release_dir()
    cached = cast(Harvesting | None, current_app.extensions.get("kg.harvesting"))
    if cached is not None and cached.release == str(release):
        return cached
    index = HarvestIndex.open(release)
    if index is None:
        raise BuildMissing(
            f"the release {release.name} has no harvest index", fix="rebuild with `kg build`"
        )
    config, iris = context.config(), context.iris()
    records = StoreRecords(context.store(), index, iris, marc_org_code(config))
    identity = Identity(
        config.dataset_title,
        config.base_uri + "oai",
        admin_email(config),
        repository_id(config),
        config.oai_records_per_page,
        config.oai_identifiers_per_page,
    )
    repository = Repository(index, records, identity, token_secret(config))
    cached = Harvesting(str(release), index, records, repository)
    current_app.extensions["kg.harvesting"] = cached
    return cached


@blueprint.route("/oai", methods=["GET", "POST"])
def oai() -> Response:
    """One OAI-PMH request; its arguments from the query (GET) or the form body (POST)."""
    # The time the release was looked up (kg/web/reload.py), not now: a response the old
    # release gives must never be dated after the swap that replaced it.
    now = int(g.get("release_checked_at", time.time()))
    arguments = (request.form if request.method == "POST" else request.args).to_dict(flat=False)
    body = harvesting().repository.respond(parse(arguments), now)
    response = Response(body, content_type="text/xml; charset=utf-8")
    response.headers["Cache-Control"] = "no-store"
    return response

"""The home page: what the dataset is, with links to browse and query it."""

from __future__ import annotations

import json

from flask import Blueprint, render_template

from kg.web import context

blueprint = Blueprint("home", __name__)

_COUNTS = """
SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE {
  VALUES ?type { <https://schema.org/CreativeWork> <https://schema.org/Person>
                 <https://schema.org/Organization> }
  ?s a ?type } GROUP BY ?type"""
_NEWEST = """
SELECT ?work ?title ?year WHERE {
  ?work a <https://schema.org/CreativeWork> ; <http://purl.org/dc/terms/title> ?title .
  OPTIONAL { ?work <http://purl.org/dc/terms/issued> ?year }
} ORDER BY DESC(STR(?year)) ?title LIMIT 20"""


@blueprint.get("/")
def index() -> str:
    store = context.store()
    counts = {
        row["type"]["value"].rsplit("/", 1)[-1]: int(row["n"]["value"])
        for row in json.loads(store.query(_COUNTS).body)["results"]["bindings"]
    }
    newest = [
        {
            "href": row["work"]["value"],
            "title": row["title"]["value"],
            "year": row.get("year", {}).get("value"),
        }
        for row in json.loads(store.query(_NEWEST).body)["results"]["bindings"]
    ]
    return render_template(
        "home.html", title=context.config().dataset_title, counts=counts, newest=newest
    )

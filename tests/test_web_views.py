"""Views, fields and descriptions through the app in this process (no server needed)."""

from __future__ import annotations

import json
import re

from tests.inprocess import InProcess


def _embedded(html: str) -> dict[str, object]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found, "no embedded JSON-LD"
    data = json.loads(found.group(1))
    assert isinstance(data, dict)
    return data


def test_the_dataset_page_answers_every_accept(sample_app: InProcess) -> None:
    """The header's "Dataset" link: /.well-known/void → 303 → the dataset's page."""
    hop = sample_app.get("/.well-known/void", "*/*")
    assert hop.status_code == 303
    for accept in ("*/*", None, "text/html"):
        page = sample_app.get(hop.headers["Location"], accept)
        assert page.status_code == 200, accept
        assert page.mimetype == "text/html"


def test_embedded_data_keeps_the_things_own_url(sample_app: InProcess) -> None:
    """The dataset has a schema:url (its home page); the page describing it is its
    mainEntityOfPage, not a second value pasted over the first."""
    data = _embedded(sample_app.get("/doc/dataset/kg").get_data(as_text=True))
    assert isinstance(data["url"], dict) and data["url"]["@id"] == sample_app.base
    assert data["mainEntityOfPage"] == sample_app.base + "doc/dataset/kg"


def test_embedded_data_of_a_work_names_its_page(synthetic_app: InProcess) -> None:
    data = _embedded(synthetic_app.get("/doc/work/trend1").get_data(as_text=True))
    assert data["@id"] == synthetic_app.base + "id/work/trend1"
    assert data["url"] == data["mainEntityOfPage"] == synthetic_app.base + "doc/work/trend1"

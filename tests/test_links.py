"""Every link of the sample build's site works, for a browser and for `Accept: */*`."""

from __future__ import annotations

from tests.inprocess import InProcess
from tests.linkcheck import crawl, html_links


def test_the_sample_site_has_no_broken_links(sample_app: InProcess) -> None:
    report = crawl(sample_app)
    assert report.errors == []
    # The crawl reached every kind of page, not just the home page.
    paths = [sample_app.path(url) for url in report.pages]
    for prefix in ("/doc/work/", "/doc/person/", "/doc/topic/", "/doc/place/", "/browse/"):
        assert any(p.startswith(prefix) for p in paths), prefix
    for path in ("/doc/dataset/kg", "/vocab/topics", "/sparql", "/search"):
        assert any(p.startswith(path) for p in paths), path


def test_the_link_checker_reports_what_is_broken(synthetic_app: InProcess) -> None:
    """The checker itself: it finds links, and reports a missing page for both Accepts."""
    html = '<a href="/doc/work/nosuchkey">x</a><link href="/static/kg.css"><a href="#top">t</a>'
    assert html_links(html) == ["/doc/work/nosuchkey", "/static/kg.css", "#top"]
    report = crawl(synthetic_app, start=["/doc/work/nosuchkey"], sitemap=False)
    assert len(report.errors) == 2
    assert all(e.startswith("404 http://127.0.0.1:5999/doc/work/nosuchkey") for e in report.errors)
    # A withdrawn work answers 410: a link to it is broken too.
    report = crawl(synthetic_app, start=["/id/work/gone1"], sitemap=False)
    assert [e.split(" ")[0] for e in report.errors] == ["410", "410"]

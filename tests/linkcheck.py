"""A link checker: crawls a site from `/` and its sitemap, in process, and reports what is broken.

Every internal link of every HTML page (`a`, `link`, `script`, `img`, form actions) and every
sitemap URL is fetched with a browser's Accept and, when an answer on the way varies by Accept,
again with `*/*`, following redirects hop by hop. A 5xx anywhere, or a 4xx at the end of an
internal link, is an error. External links are listed, never fetched (the tests have no
network). The crawl is breadth-first in sorted order: two runs visit the same pages in the
same order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit
from xml.etree import ElementTree

from tests.inprocess import BROWSER_ACCEPT, InProcess

MAX_HOPS = 5
_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "form": "action"}


@dataclass
class CrawlReport:
    """What a crawl found: the pages it fetched, the errors and the external links it saw."""

    fetched: int = 0
    pages: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    external: set[str] = field(default_factory=set)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = _LINK_ATTRIBUTES.get(tag)
        for name, value in attrs:
            if name == wanted and value:
                self.links.append(value)


def html_links(html: str) -> list[str]:
    """The link targets of an HTML page, in document order."""
    parser = _Links()
    parser.feed(html)
    return parser.links


@dataclass(frozen=True)
class _Answer:
    status: int
    location: str
    varies: bool  # the answer depends on Accept
    media_type: str
    html: str | None


def crawl(
    site: InProcess, start: Sequence[str] = ("/",), sitemap: bool = True, max_pages: int = 5000
) -> CrawlReport:
    """Fetch everything reachable from `start` (paths on the site) and from its sitemap."""
    return _Crawler(site, max_pages).run(start, sitemap)


class _Crawler:
    def __init__(self, site: InProcess, max_pages: int) -> None:
        self.site, self.max_pages = site, max_pages
        self.report = CrawlReport()
        self.answers: dict[tuple[str, str], _Answer] = {}  # each request is made once

    def run(self, start: Sequence[str], sitemap: bool) -> CrawlReport:
        queue: deque[tuple[str, str]] = deque()
        seen: set[str] = set()
        starts = [(_normal(urljoin(self.site.base, path)), "(start)") for path in start]
        listed = [(url, "sitemap") for url in self._sitemap_urls()] if sitemap else []
        for url, referrer in starts + listed:
            if url not in seen:
                seen.add(url)
                queue.append((url, referrer))
        while queue:
            url, referrer = queue.popleft()
            if len(self.report.pages) >= self.max_pages:
                self.report.errors.append(f"more than {self.max_pages} pages: stopped at {url}")
                break
            self.report.pages.append(url)
            final = self._follow(url, BROWSER_ACCEPT, referrer)
            if final is None or final.varies:
                self._follow(url, "*/*", referrer)  # only when an answer varied by Accept
            html = final.html if final is not None else None
            for link in sorted(set(html_links(html))) if html is not None else []:
                target = _normal(urljoin(url, link))
                if not target.startswith(("http://", "https://")):
                    continue  # mailto:, javascript: and the like
                if not self.site.is_internal(target):
                    self.report.external.add(target)
                elif target not in seen:
                    seen.add(target)
                    queue.append((target, url))
        return self.report

    def _follow(self, url: str, accept: str, referrer: str) -> _Answer | None:
        """The final answer for `url` after its redirects (a redirect's answer when it leaves
        the site); None, with an error reported, when the link is broken."""
        current, varied = url, False
        for _ in range(MAX_HOPS):
            answer = self._get(current, accept)
            varied = varied or answer.varies
            if answer.status in (301, 302, 303, 307, 308):
                target = urljoin(current, answer.location)
                if not self.site.is_internal(target):
                    self.report.external.add(target)
                    return replace(answer, varies=varied)
                current = target
                continue
            if answer.status >= 400:
                where = f" (via {current})" if current != url else ""
                self.report.errors.append(
                    f"{answer.status} {url}{where} [Accept: {accept}] linked from {referrer}"
                )
                return None
            return replace(answer, varies=varied)
        self.report.errors.append(f"more than {MAX_HOPS} redirects: {url} linked from {referrer}")
        return None

    def _get(self, url: str, accept: str) -> _Answer:
        key = (url, accept)
        if key not in self.answers:
            with self.site.get(url, accept) as response:
                self.report.fetched += 1
                media_type = (response.mimetype or "").lower()
                self.answers[key] = _Answer(
                    response.status_code,
                    response.headers.get("Location", ""),
                    "accept" in response.headers.get("Vary", "").lower(),
                    media_type,
                    response.get_data(as_text=True) if media_type == "text/html" else None,
                )
        return self.answers[key]

    def _sitemap_urls(self) -> list[str]:
        """Every URL the sitemap index and its sitemaps list."""
        urls: list[str] = []
        index = self._xml("/sitemap.xml", "the site")
        for loc in index.iter(f"{_SITEMAP}loc") if index is not None else []:
            part = self._xml(loc.text or "", "/sitemap.xml")
            found = part.iter(f"{_SITEMAP}loc") if part is not None else []
            urls += [_normal(u.text or "") for u in found]
        return urls

    def _xml(self, url: str, referrer: str) -> ElementTree.Element | None:
        with self.site.get(url, None) as response:
            self.report.fetched += 1
            if response.status_code != 200:
                self.report.errors.append(f"{response.status_code} {url} listed in {referrer}")
                return None
            return ElementTree.fromstring(response.data)


def _normal(url: str) -> str:
    """The URL without its fragment (a fragment is never sent to the server)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))

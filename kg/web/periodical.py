"""A periodical's articles, by volume and issue, one page at a time.

Articles are not linked to the periodical itself but to its issues and volumes (article →
issue → volume → periodical), so its description's inverse links hold only its volumes. The
listing follows the chain with one SPARQL query through the Store protocol, sorted newest
volume and issue first, then by first page, and paged: a periodical may have thousands.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyoxigraph as ox

from kg.namespaces import BIBO, DCTERMS, RDF, SDO, XSD
from kg.store import Store, text
from kg.web.view import Link

_WORK_PATH = f"<{SDO.isPartOf}>+"
# The numbers are cast before they are grouped (Virtuoso cannot cast an aggregate's value),
# and the grouped rows ordered outside their subquery (nor order by expressions of aliases).
_ARTICLES = f"""
SELECT ?w ?title ?year ?volume ?issue ?pages ?start WHERE {{
  {{ SELECT ?w (SAMPLE(?t) AS ?title) (SAMPLE(?y) AS ?year) (SAMPLE(?v) AS ?volume)
         (SAMPLE(?i) AS ?issue) (SAMPLE(?pg) AS ?pages) (SAMPLE(?ps) AS ?start)
         (SAMPLE(?vn) AS ?volumeN) (SAMPLE(?in) AS ?issueN) (SAMPLE(?sn) AS ?startN)
    WHERE {{
      ?w {_WORK_PATH} NODE ; a <{SDO.CreativeWork}> .
      OPTIONAL {{ ?w <{SDO.name}> ?t }}
      OPTIONAL {{ ?w <{DCTERMS.issued}> ?y }}
      OPTIONAL {{ ?w {_WORK_PATH} ?vol . ?vol <{SDO.volumeNumber}> ?v
                 BIND(<{XSD.integer}>(?v) AS ?vn) }}
      OPTIONAL {{ ?w <{SDO.isPartOf}> ?iss . ?iss <{SDO.issueNumber}> ?i
                 BIND(<{XSD.integer}>(?i) AS ?in) }}
      OPTIONAL {{ ?w <{SDO.pagination}> ?pg }}
      OPTIONAL {{ ?w <{SDO.pageStart}> ?ps BIND(<{XSD.integer}>(?ps) AS ?sn) }}
    }} GROUP BY ?w }}
}}
ORDER BY DESC(?volumeN) DESC(?volume) DESC(?issueN) DESC(?issue) ?startN ?title ?w
LIMIT LIMIT_N OFFSET OFFSET_N
"""
_AUTHOR_LIST = ox.NamedNode(str(BIBO.authorList))
_NAME = ox.NamedNode(str(SDO.name))
MAX_AUTHORS = 3  # more are "et al."
_COUNT = f"""
SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE {{ ?w {_WORK_PATH} NODE ; a <{SDO.CreativeWork}> }}
"""


@dataclass(frozen=True, slots=True)
class IssueGroup:
    """The articles of one volume and issue on this page."""

    heading: str
    anchor: str
    items: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class Articles:
    """One page of a periodical's articles, grouped by volume and issue."""

    total: int
    first: int  # 1-based position of the first article on this page
    shown: int
    groups: tuple[IssueGroup, ...]

    @property
    def has_next(self) -> bool:
        return self.first - 1 + self.shown < self.total


def articles(store: Store, periodical: ox.NamedNode, page: int, page_size: int) -> Articles:
    """Page `page` of the articles in `periodical` (through its issues and volumes)."""
    # `periodical` is a validated NamedNode: its N-Triples form is safe to write into SPARQL.
    total_rows = _rows(store, _COUNT.replace("NODE", str(periodical)))
    total = int(total_rows[0]["n"]) if total_rows else 0
    start = (page - 1) * page_size
    sparql = (
        _ARTICLES.replace("NODE", str(periodical))
        .replace("LIMIT_N", str(int(page_size)))
        .replace("OFFSET_N", str(int(start)))
    )
    rows = _rows(store, sparql) if total > start else []
    groups: list[IssueGroup] = []
    for row in rows:
        heading, anchor = _heading(row.get("volume"), row.get("issue"))
        facts = (_authors(store, row["w"]), _pages(row.get("pages")), row.get("year", "")[:4])
        note = ", ".join(x for x in facts if x)
        item = Link(row.get("title", row["w"]), row["w"], note or None)
        if groups and groups[-1].heading == heading:
            last = groups[-1]
            groups[-1] = IssueGroup(last.heading, last.anchor, (*last.items, item))
        else:
            groups.append(IssueGroup(heading, anchor, (item,)))
    return Articles(total, start + 1, len(rows), tuple(groups))


def _authors(store: Store, work: str) -> str:
    """ "Cory Schnell and Jane van der Berg", "A, B, C et al.": the printed order (authorList)."""
    names = []
    for head in store.objects(ox.NamedNode(work), _AUTHOR_LIST):
        if not isinstance(head, ox.NamedNode):
            continue
        for n in range(1, MAX_AUTHORS + 2):
            members = store.objects(head, ox.NamedNode(f"{RDF}_{n}"))
            agent = next((m for m in members if isinstance(m, ox.NamedNode)), None)
            if agent is None:
                break
            names.append(next((text(v) for v in store.objects(agent, _NAME)), agent.value))
        break
    if len(names) > MAX_AUTHORS:
        return ", ".join(names[:MAX_AUTHORS]) + " et al."
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def _heading(volume: str | None, issue: str | None) -> tuple[str, str]:
    """ "Volume 37, issue 4" and the fragment the graph gives that issue (`volume-37-issue-4`)."""
    if volume and issue:
        return f"Volume {volume}, issue {issue}", f"volume-{volume}-issue-{issue}"
    if volume:
        return f"Volume {volume}", f"volume-{volume}"
    if issue:
        return f"Issue {issue}", f"issue-{issue}"
    return "Without volume or issue", "unnumbered"


def _pages(pages: str | None) -> str:
    if not pages:
        return ""
    return ("pp. " if any(c in pages for c in "-‐‑‒–—―") else "p. ") + pages


def _rows(store: Store, sparql: str) -> list[dict[str, str]]:
    body = json.loads(store.query(sparql).body)
    return [{k: v["value"] for k, v in row.items()} for row in body["results"]["bindings"]]

"""Field-by-field comparison of `kg parse` records with a cataloguer's reading.

Records are paired by title (a close match, so a misread title still finds its record); every
checked field is one point: the title, each contributor (name and kind), the contributor count,
publishers, places, year, page count, series, journal name, journal volume/issue/pages and report
number. Names are compared loosely where print varies without changing the entity (case, quote
marks, a leading "The", an acronym in brackets, "Washington, DC" against "Washington D.C.").
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

FIELDS = ("title", "contributor", "contributor count", "publishers", "places", "year",
          "page_count", "series", "journal", "journal volume/issue/pages", "report_id")  # fmt: skip

_DASHES = re.compile(r"[‐‑‒–—―-]")
_QUOTES = re.compile(r"[“”\"'’‘`]")
_BRACKETED_TAIL = re.compile(r"\s*\([^)]*\)$")
_NOT_WORD = re.compile(r"[^\w ]")


def norm(value: object) -> str:
    """Case, dashes, quote marks, white space and edge punctuation ignored."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    text = _QUOTES.sub("", _DASHES.sub("-", text))
    return " ".join(text.split()).strip(" .,:;")


def org_forms(name: object) -> set[str]:
    """A body's name and, for `Name (ACR)` or `ACR (Name)`, each half, without a leading `the`."""
    text = norm(name).removeprefix("the ")
    forms = {text}
    m = re.match(r"^(.*?)\s*\((.*)\)$", text)
    if m:
        forms |= {m.group(1).strip(), m.group(2).strip().removeprefix("the ")}
    return {f for f in forms if f}


def same_orgs(want: list[Any], got: list[Any]) -> bool:
    if len(want) != len(got):
        return False
    pool = [org_forms(g) for g in got]
    for w in want:
        hit = next((i for i, forms in enumerate(pool) if org_forms(w) & forms), None)
        if hit is None:
            return False
        pool.pop(hit)
    return True


def _place(value: object) -> str:
    return _NOT_WORD.sub("", norm(value)).strip()


def same_places(want: list[Any], got: list[Any]) -> bool:
    """A place matches when the reading starts with the city (`Washington D.C.` for
    `Washington, DC`)."""
    if len(want) != len(got):
        return False
    pool = [_place(g) for g in got]
    for w in want:
        city = _place(norm(w).split(",")[0])
        hit = next((i for i, g in enumerate(pool) if g == city or g.startswith(city + " ")), None)
        if hit is None:
            return False
        pool.pop(hit)
    return True


@dataclass
class Score:
    """Points per field, and one line per miss."""

    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)

    def check(self, rid: str, name: str, want: object, got: object, ok: bool) -> None:
        self.total[name] += 1
        self.right[name] += ok
        if not ok:
            self.misses.append(f"{rid} {name}: want {want!r} got {got!r}")

    @property
    def points(self) -> tuple[int, int]:
        return sum(self.right.values()), sum(self.total.values())


def names(values: list[Any] | None) -> list[Any]:
    return [v if isinstance(v, str) else (v or {}).get("name") for v in values or []]


def score_record(score: Score, want: dict[str, Any], got: dict[str, Any] | None) -> None:
    """Add one expected record's points (every field wrong when it was not found)."""
    rid = want.get("id") or want["title"][:30]
    contributors = want.get("contributors") or []
    if got is None:
        score.lost.append(rid)
        for name in FIELDS:
            n = len(contributors) if name == "contributor" else 1
            score.total[name] += n
        score.misses.append(f"{rid}: record not found ({want['title'][:60]!r})")
        return
    score.check(
        rid, "title", want["title"], got.get("title"), norm(want["title"]) == norm(got.get("title"))
    )
    _contributors(score, rid, contributors, got.get("contributors") or [])
    published = names(got.get("publishers"))
    unit = want.get("publisher_unit")
    if unit:  # a parent body printed with its division counts as the parent
        published = [re.sub(r",?\s*" + re.escape(unit) + r"\s*$", "", p or "") for p in published]
    score.check(rid, "publishers", want.get("publishers"), got.get("publishers"),
                same_orgs(want.get("publishers") or [], published))  # fmt: skip
    score.check(rid, "places", want.get("places"), got.get("places"),
                same_places(want.get("places") or [], names(got.get("places"))))  # fmt: skip
    years = {want.get("year"), want.get("year_inferred", want.get("year"))}
    score.check(rid, "year", want.get("year"), got.get("year"), got.get("year") in years)
    score.check(rid, "page_count", want.get("page_count"), got.get("page_count"),
                want.get("page_count") == got.get("page_count"))  # fmt: skip
    _series_and_journal(score, rid, want, got)


def _contributors(score: Score, rid: str, want: list[Any], got: list[Any]) -> None:
    by_name = {norm(c.get("name")): c for c in got if isinstance(c, dict)}
    for c in want:
        hit = by_name.get(norm(c["name"]))
        if hit is None:
            forms = org_forms(c["name"])
            hit = next((v for k, v in by_name.items() if org_forms(k) & forms), None)
        score.check(rid, "contributor", c, hit, hit is not None and hit.get("kind") == c["kind"])
    score.check(rid, "contributor count", len(want), len(got), len(want) == len(got))


def _series_and_journal(score: Score, rid: str, want: dict[str, Any], got: dict[str, Any]) -> None:
    ws, gs = want.get("series"), got.get("series")
    same_series = (not ws and not gs) or (
        bool(ws) and isinstance(gs, dict) and norm(ws["name"]) == norm(gs.get("name"))
        and norm(ws.get("number")) == norm(gs.get("number"))
    )  # fmt: skip
    score.check(rid, "series", ws, gs, same_series)
    wj, gj = want.get("journal"), got.get("journal")
    named = (not wj and not gj) or (
        bool(wj) and isinstance(gj, dict) and norm(wj["name"]) == norm(gj.get("name"))
    )
    score.check(rid, "journal", wj and wj["name"], gj, named)
    located = (not wj and not gj) or (
        bool(wj) and isinstance(gj, dict)
        and all(norm(wj.get(k)) == norm(gj.get(k)) for k in ("volume", "issue", "pages"))
    )  # fmt: skip
    score.check(rid, "journal volume/issue/pages", wj, gj, located)
    ok_ids = {norm(want.get("report_id"))}
    if not want.get("report_id") and ws:  # a series number read as the report id is no error
        ok_ids.add(norm(ws.get("number")))
    score.check(rid, "report_id", want.get("report_id"), got.get("report_id"),
                norm(got.get("report_id")) in ok_ids)  # fmt: skip


def pair(want: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """For each expected record, the parsed record with the closest title (None if none)."""
    titles = [norm(g.get("title")) for g in got]
    out: list[dict[str, Any] | None] = []
    for w in want:
        match = difflib.get_close_matches(norm(w["title"]), titles, n=1, cutoff=0.8)
        out.append(got[titles.index(match[0])] if match else None)
    return out


def score_all(want: list[dict[str, Any]], got: list[dict[str, Any]]) -> Score:
    score = Score()
    for w, g in zip(want, pair(want, got), strict=True):
        score_record(score, w, g)
    return score

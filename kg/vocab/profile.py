"""The SHACL shape of kg's SKOS profile (`skos-profile.ttl`), applied to a vocabulary."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from rdflib import Graph

from kg.validate import check
from kg.vocab.model import Vocabulary

PROFILE = Path(__file__).with_name("skos-profile.ttl")

# (iri, what, fix, severity, needle) — the fields of check._Finding.
Finding = tuple[str, str, str, str, str | None]


def load_profile() -> Graph:
    return Graph().parse(PROFILE, format="turtle")


def profile_findings(vocab: Vocabulary) -> Iterator[Finding]:
    """One finding per violated constraint of the profile shape."""
    data = Graph()
    for vocab_file in vocab.files:
        data += vocab_file.graph
    report = check(data, load_profile())
    for violation in report.violations:
        # The property's local name is on the offending line (`skos:prefLabel`, `owl:deprecated`).
        needle = re.split(r"[#/]", violation.path)[-1] if violation.path else None
        severity = "warning" if violation.severity == "Warning" else "error"
        yield (
            violation.focus,
            violation.message,
            "see kg/vocab/skos-profile.ttl",
            severity,
            needle,
        )

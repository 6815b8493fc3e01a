"""One settings registry: each setting declared once, with its default and help text.

Precedence: defaults < `KG_*` environment variables < explicit overrides (CLI flags, tests).
The result is frozen into a `Config` dataclass that every stage receives.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from kg.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    """A documented setting; `name` is also its env variable `KG_<NAME>`."""

    name: str
    default: Any
    help: str

    @property
    def env_var(self) -> str:
        return f"KG_{self.name.upper()}"


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "base_uri",
        None,
        "Public base IRI; IRIs are {base}id/{type}/{key}. Default http://localhost:{port}/.",
    ),
    Setting("port", 5000, "Port `kg serve` listens on."),
    Setting("host", "127.0.0.1", "Interface `kg serve` binds to."),
    Setting("workers", 2, "Web server worker processes."),
    Setting(
        "web_server",
        "granian",
        "WSGI server `kg serve` runs: granian (default) or gunicorn (gthread workers).",
    ),
    Setting(
        "access_log",
        "on",
        "Whether `kg serve` writes one line per request to its output: on (default) or off.",
    ),
    Setting("data_dir", "data", "Folder of source files `kg build` reads."),
    Setting("vocab_dir", "vocab", "Folder of SKOS vocabularies and the agent authority file."),
    Setting("shapes_dir", "shapes", "Folder of SHACL shapes the build validates against."),
    Setting("build_dir", "build", "Folder `kg build` writes and `kg serve` reads."),
    Setting(
        "ledger_file",
        "",
        "Minting ledger of every key ever issued (default {data_dir}/ledger.tsv); commit it.",
    ),
    Setting("build_workers", 0, "Processes that map and validate records (0: one per core)."),
    Setting("dataset_title", "Open Access Library Catalogue (kg)", "Title of the dataset."),
    Setting(
        "license_uri",
        "http://creativecommons.org/publicdomain/zero/1.0/",
        "Licence of the metadata (CC0 1.0).",
    ),
    Setting("default_language", "en", "Language tag of titles and abstracts."),
    Setting("sparql_time_limit_ms", 30_000, "Hard limit on one SPARQL query."),
    Setting("sparql_max_rows", 10_000, "Row cap on SPARQL results."),
    Setting("sparql_memory_limit_mb", 2048, "Address-space ceiling of each SPARQL worker process."),
    Setting("sparql_budget_s_per_minute", 60, "Query time one client (IP) may use per minute."),
    Setting("sparql_query_workers", 2, "SPARQL worker processes per web worker."),
    Setting("page_size", 50, "Items per listing page."),
    Setting("max_request_bytes", 1_048_576, "Largest request body accepted."),
    Setting("cache_max_age_s", 300, "Cache-Control max-age of documents."),
    Setting(
        "prerender_types",
        "work",
        "Resource types whose page 1 the build renders ahead (space-separated, or none).",
    ),
    Setting(
        "prerender_formats",
        "html ttl",
        "Formats the build renders ahead (suffixes: html ttl jsonld rdf nt, or none).",
    ),
    Setting(
        "store",
        "embedded",
        "Where the graph lives: `embedded` (an Oxigraph store per release in the build folder)"
        " or the URL of a SPARQL 1.1 query endpoint (docs/deploy.md); write credentials come"
        " only from KG_STORE_USER and KG_STORE_PASSWORD.",
    ),
    Setting(
        "store_kind",
        "oxigraph",
        "What the remote store is: oxigraph (`oxigraph serve`), virtuoso, or generic (any"
        " SPARQL 1.1 Protocol + Graph Store Protocol store).",
    ),
    Setting(
        "store_timeout_ms",
        10_000,
        "How long a page waits for a remote store before answering 503 with Retry-After.",
    ),
    Setting(
        "watch_interval_ms",
        1000,
        "How often `kg serve` looks for changed files in vocab/ and data/ to rebuild; 0 = never.",
    ),
    Setting(
        "oai_repository_id",
        "",
        "OAI-PMH repositoryIdentifier, a dotted domain (default: the base IRI's host, or "
        "localhost.localdomain when that is not a dotted domain); identifiers are "
        "oai:{id}:work/{key}.",
    ),
    Setting(
        "admin_email",
        "",
        "Contact address OAI-PMH Identify gives as adminEmail; set it in every real deployment "
        "(unset, Identify shows a placeholder in the reserved .invalid domain).",
    ),
    Setting(
        "secret_key",
        "",
        "Secret that signs OAI-PMH resumption tokens (default: one generated once and kept in "
        "the build folder as oai-secret).",
    ),
    Setting("oai_records_per_page", 100, "Records per OAI-PMH ListRecords page."),
    Setting("oai_identifiers_per_page", 500, "Headers per OAI-PMH ListIdentifiers page."),
    Setting(
        "marc_org_code",
        "",
        "MARC organization code written in 003 of every MARC record (default: the OAI "
        "repository identifier).",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Config:
    """The frozen settings one run of kg uses."""

    base_uri: str
    port: int
    host: str
    workers: int
    web_server: str
    data_dir: Path
    vocab_dir: Path
    shapes_dir: Path
    build_dir: Path
    ledger_file: str
    build_workers: int
    dataset_title: str
    license_uri: str
    default_language: str
    sparql_time_limit_ms: int
    sparql_max_rows: int
    sparql_memory_limit_mb: int
    sparql_budget_s_per_minute: int
    sparql_query_workers: int
    page_size: int
    max_request_bytes: int
    cache_max_age_s: int
    prerender_types: str
    prerender_formats: str
    store: str
    store_kind: str
    store_timeout_ms: int
    watch_interval_ms: int
    oai_repository_id: str = ""
    admin_email: str = ""
    secret_key: str = ""
    oai_records_per_page: int = 100
    oai_identifiers_per_page: int = 500
    marc_org_code: str = ""
    access_log: str = "on"
    base_uri_is_explicit: bool = False

    def ledger_path(self) -> Path:
        """The minting ledger (`ledger_file`, default `{data_dir}/ledger.tsv`)."""
        return Path(self.ledger_file) if self.ledger_file else self.data_dir / "ledger.tsv"


def load_config(
    overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> Config:
    """Settings from defaults, then `KG_*` variables, then non-None `overrides`."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    for setting in SETTINGS:
        raw = env.get(setting.env_var)
        if raw not in (None, ""):
            values[setting.name] = raw
    for name, value in (overrides or {}).items():
        if name not in _BY_NAME:
            raise ConfigError(f"unknown setting {name!r}")
        if value is not None:
            values[name] = value
    return _freeze(values)


def _freeze(values: dict[str, Any]) -> Config:
    typed: dict[str, Any] = {"base_uri_is_explicit": values["base_uri"] is not None}
    for f in fields(Config):
        if f.name == "base_uri_is_explicit":
            continue
        value = values[f.name]
        try:
            if f.type == "int":
                typed[f.name] = int(value)
            elif f.type == "Path":
                typed[f.name] = Path(value)
            else:
                typed[f.name] = value
        except (TypeError, ValueError) as err:
            setting = _BY_NAME[f.name]
            raise ConfigError(
                f"{setting.env_var}={value!r} is not a number", fix=f"set {setting.env_var}"
            ) from err
    typed["base_uri"] = normalise_base(typed["base_uri"] or f"http://localhost:{typed['port']}/")
    return Config(**typed)


def normalise_base(base: str) -> str:
    """The base IRI with exactly one trailing slash; it must be absolute http(s)."""
    if not base.startswith(("http://", "https://")):
        raise ConfigError(
            f"KG_BASE_URI={base!r} is not an http(s) IRI",
            fix="set KG_BASE_URI to e.g. https://example.org/catalogue/",
        )
    return base.rstrip("/") + "/"

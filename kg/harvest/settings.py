"""The harvesting settings with their defaults worked out: repository identifier, contact
address, MARC organization code and the secret that signs resumption tokens."""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from kg.config import Config

# oai-identifier.xsd: a repositoryIdentifier is a dotted domain name.
REPOSITORY_ID = re.compile(r"^[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+$")
LOCAL_REPOSITORY_ID = "localhost.localdomain"
SECRET_FILE = "oai-secret"


def repository_id(config: Config) -> str:
    """The setting, else the base IRI's host when it is a dotted domain name."""
    if config.oai_repository_id:
        return config.oai_repository_id
    host = urlsplit(config.base_uri).hostname or ""
    return host if REPOSITORY_ID.match(host) else LOCAL_REPOSITORY_ID


def admin_email(config: Config) -> str:
    """The setting, else a placeholder that can never reach anyone (RFC 2606 `.invalid`)."""
    return config.admin_email or f"admin-email-not-set@{repository_id(config)}.invalid"


def marc_org_code(config: Config) -> str:
    return config.marc_org_code or repository_id(config)


def token_secret(config: Config) -> bytes:
    """The setting, else the build folder's secret, made once by whoever needs it first
    (created exclusively, so concurrent workers end up sharing one)."""
    if config.secret_key:
        return config.secret_key.encode()
    path = config.build_dir / SECRET_FILE
    if not path.is_file():
        _create_secret(path)
    return path.read_bytes().strip()


def _create_secret(path: Path) -> None:
    """Written aside, then linked into place: a reader never sees it half written, and when
    two processes race the first link wins."""
    path.parent.mkdir(parents=True, exist_ok=True)
    aside = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_hex(32) + "\n")
    try:
        os.link(aside, path)
    except FileExistsError:
        pass
    finally:
        aside.unlink()

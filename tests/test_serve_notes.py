"""What `kg serve` says on its first line: where it listens, who can reach it, and what a real
deployment still has to set."""

from __future__ import annotations

from kg.config import load_config
from kg.web.server import listening_note


def test_a_public_server_without_an_admin_email_says_to_set_one() -> None:
    for overrides in (
        {"host": "0.0.0.0"},
        {"host": "127.0.0.1", "base_uri": "https://example.org/catalogue/"},  # behind a proxy
    ):
        note = listening_note(load_config(overrides, environ={}))
        assert "KG_ADMIN_EMAIL" in note, overrides


def test_a_local_server_or_a_set_admin_email_is_not_told() -> None:
    for overrides in (
        {"host": "127.0.0.1"},
        {"host": "127.0.0.1", "base_uri": "http://localhost:5123/"},  # what make serve gives
        {"host": "0.0.0.0", "admin_email": "catalogue@example.org"},
    ):
        note = listening_note(load_config(overrides, environ={}))
        assert "KG_ADMIN_EMAIL" not in note, overrides
        assert note.startswith("kg serve: listening on http://")

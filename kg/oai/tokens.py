"""Resumption tokens that carry their own state, signed so that nobody can forge one.

A token holds what the next page needs (the list's prefix and set, its generation bounds and
the keyset cursor of the last record sent), so it survives a server restart and a rebuild: the
bounds freeze the list when it started, and the cursor continues after the last record sent, so
a record changed meanwhile is neither sent twice nor skipped (it comes in the next harvest, from
the first page's `responseDate`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import asdict, dataclass

LIFETIME_S = 24 * 3600
_MAC_BYTES = 16


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where a list stands: everything a following page needs."""

    lineage: str  # the build folder's history: a token from another one is refused
    verb: str
    prefix: str
    set: str
    low: int  # generations low..high are in the list
    high: int
    generation: int  # keyset cursor: the last record sent
    key: str
    sent: int  # records sent before this page (the `cursor` attribute)
    total: int  # the list's size when it started (`completeListSize`)
    expires: int  # UTC seconds


def encode(cursor: Cursor, secret: bytes) -> str:
    """The token: the state as compact JSON, base64url, and its HMAC-SHA256."""
    body = json.dumps(asdict(cursor), separators=(",", ":"), sort_keys=True).encode()
    mac = hmac.new(secret, body, hashlib.sha256).digest()[:_MAC_BYTES]
    return f"{_b64(body)}.{_b64(mac)}"


def decode(token: str, secret: bytes, now: int) -> Cursor | None:
    """The state a token carries, or None for anything forged, damaged or expired."""
    body_text, _, mac_text = token.partition(".")
    try:
        body, mac = _unb64(body_text), _unb64(mac_text)
    except (binascii.Error, ValueError):
        return None
    expected = hmac.new(secret, body, hashlib.sha256).digest()[:_MAC_BYTES]
    if not hmac.compare_digest(mac, expected):
        return None
    try:
        cursor = Cursor(**json.loads(body))
    except (ValueError, TypeError):
        return None
    return cursor if cursor.expires > now else None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    if not text.isascii():
        raise ValueError("not base64")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))

"""Follow the live release: each worker swaps in a new release between two requests.

A build loads a release into the store and switches the store's live pointer (the embedded
store's `build/current` symlink, or a remote store's pointer graph). A read-only Oxigraph handle
is a snapshot of the moment it was opened (decisions.md), so every worker looks at the pointer
before a request (at most every `pointer_poll_s` of the store's capabilities: a symlink read
costs nothing, a remote query does) and, when it moved, opens the new release. The old handle
is not closed: a request still holding it finishes on the old release, and the handle is freed
with its last reference — no request fails during a swap.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from flask import Flask, g, has_app_context

from kg.errors import KgError
from kg.store import Backend

log = logging.getLogger(__name__)


def follow_live(
    app: Flask, backend: Backend, serving: str, wire: Callable[[str], None]
) -> Callable[[], None]:
    """Call `wire(release_id)` before a request whenever the store's live release is no longer
    `serving`. A store that cannot be asked, or a release that cannot be opened (on a web node:
    its folder not copied yet), leaves the worker on the release it serves. The check itself is
    returned for requests answered in front of Flask (kg/web/thin.py)."""
    state = {"serving": serving}
    next_look, looked_at = [0.0], [time.time()]
    interval = backend.capabilities.pointer_poll_s

    @app.before_request
    def _swap_if_moved() -> None:
        if interval and time.monotonic() < next_look[0]:
            _note_checked(looked_at[0])
            return
        next_look[0], looked_at[0] = time.monotonic() + interval, time.time()
        _note_checked(looked_at[0])
        try:
            live = backend.live_release()
        except KgError:  # the store is down: keep serving what we have (pages will say 503)
            return
        if live is None or live == state["serving"]:
            return
        try:
            wire(live)
        except KgError as err:
            log.warning("kept serving %s; could not open %s: %s", state["serving"], live, err)
            return
        except Exception:  # a broken release must not take the worker down: keep the old one
            # Not recorded as served, so the next look tries again: a release pruned by a
            # quicker second rebuild, or opened mid-swap, must not pin the old build.
            log.exception("kept serving release %s; could not open %s", state["serving"], live)
            return
        state["serving"] = live

    return _swap_if_moved


def _note_checked(at: float) -> None:
    """When this request's release was last confirmed live: OAI-PMH dates its responses with it
    (a response never claims a moment after the release it answers from stopped being live)."""
    if has_app_context():  # (the thin path calls the check in front of Flask, without one)
        g.release_checked_at = at

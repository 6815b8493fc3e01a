"""Follow `build/current`: each worker swaps in a new release between two requests.

`kg serve` rebuilds into a new release folder and repoints the `build/current` symlink
atomically (kg/watch.py). A read-only Oxigraph handle is a snapshot of the moment it was opened,
so every worker checks the link before each request and, when it moved, opens the
new release. The old handle is not closed: a request still holding it finishes on the old build,
and the handle is freed with its last reference — no request fails during a swap.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

from flask import Flask, g, has_app_context

log = logging.getLogger(__name__)


def follow_current(app: Flask, build_dir: Path, wire: Callable[[Path], None]) -> Callable[[], None]:
    """Call `wire(release)` before a request whenever `build_dir/current` points elsewhere;
    the check itself is returned for requests answered in front of Flask (kg/web/thin.py)."""
    link = build_dir / "current"
    state = {"target": _target(link)}

    @app.before_request
    def _swap_if_moved() -> None:
        if has_app_context():  # (the thin path calls this in front of Flask, without one)
            # When this request looked the release up: OAI-PMH dates its responses with it.
            g.release_checked_at = time.time()
        target = _target(link)
        if target == state["target"] or target is None:
            return
        release = (link.parent / target).resolve()
        try:
            wire(release)
        except Exception:  # a broken release must not take the worker down: keep the old one
            # The target is not recorded, so the next request tries again: a release pruned
            # by a quicker second rebuild, or opened mid-swap, must not pin the old build.
            log.exception("kept serving the previous release; could not open %s", release)
            return
        state["target"] = target

    return _swap_if_moved


def _target(link: Path) -> str | None:
    try:
        return os.readlink(link)
    except OSError:
        return None

"""The last rebuild's outcome, in one file of the build folder: `kg serve`'s rebuild loop writes
it (kg/watch.py), the web pages read it to show why an edit was not published."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

STATUS_FILE = "watch.json"


def write_status(build_dir: Path, ok: bool, message: str) -> None:
    """Record an outcome, atomically: pages read it at any time."""
    body = {"ok": ok, "message": message, "at": datetime.now(UTC).isoformat(timespec="seconds")}
    tmp = build_dir / f".{STATUS_FILE}.{os.getpid()}"
    tmp.write_text(json.dumps(body, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, build_dir / STATUS_FILE)


def failed_rebuild(build_dir: Path) -> str | None:
    """Why the last rebuild failed, while it is the latest word; None otherwise."""
    try:
        body = json.loads((build_dir / STATUS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return None if body.get("ok") else str(body.get("message"))


def forget_status(build_dir: Path) -> None:
    """Drop the outcome an earlier run left: a server starts on a build that was made now."""
    (build_dir / STATUS_FILE).unlink(missing_ok=True)

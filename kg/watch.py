"""The editing loop of `kg serve`: notice changed files in `vocab/` and `data/`, rebuild, swap.

Runs in its own process beside gunicorn. When the files change (and have stopped changing for
one interval), it checks the vocabularies, builds a new release and lets `kg build` repoint
`build/current`; workers follow the link (kg/web/reload.py). When the checks or the build fail,
`build/current` is left alone, so the old build keeps being served, and the reason is logged.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.config import Config
from kg.errors import KgError

Snapshot = dict[str, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one rebuild did: swapped in a build, or kept the old one and why."""

    swapped: bool
    message: str


def snapshot(folders: list[Path]) -> Snapshot:
    """(mtime, size) of every file under the folders: cheap to take every second."""
    found: Snapshot = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and not path.name.startswith("."):
                stat = path.stat()
                found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def content_digest(folders: list[Path]) -> str:
    """A hash of the files' names and bytes: a touched but unchanged file is no change."""
    digest = hashlib.sha256()
    for name in sorted(snapshot(folders)):
        digest.update(name.encode() + b"\0" + Path(name).read_bytes())
    return digest.hexdigest()


def rebuild(config: Config) -> Outcome:
    """Build a new release; on any failure `build/current` is left as it was."""
    from kg.publish import build

    try:
        summary = build(config)  # checks the vocabularies first (kg/vocab/publish.py)
    except KgError as err:
        return Outcome(False, f"build failed: {err}")
    except Exception as err:  # the server must outlive any bad edit; say what happened
        return Outcome(False, f"build failed: {type(err).__name__}: {err}")
    first_line = summary.describe().splitlines()[0]
    return Outcome(True, f"swapped in build {summary.release.build_id}: {first_line}")


def watch(config: Config, keep_going: Callable[[], bool], say: Callable[[str], None]) -> None:
    """Poll the source folders every `watch_interval_ms` and rebuild after each settled change."""
    folders = [config.vocab_dir, config.data_dir]
    interval = config.watch_interval_ms / 1000
    seen = snapshot(folders)
    built = content_digest(folders)
    while keep_going():
        time.sleep(interval)
        now = snapshot(folders)
        if now == seen:
            continue
        seen = now
        time.sleep(interval)  # let an editor finish writing (save = truncate + write + rename)
        if snapshot(folders) != seen:
            continue
        digest = content_digest(folders)
        if digest == built:
            continue
        say("sources changed — rebuilding")
        outcome = rebuild(config)
        say(outcome.message if outcome.swapped else f"kept the current build: {outcome.message}")
        if outcome.swapped:
            built = digest


def run(config: Config) -> None:
    """Entry point of the watcher process; it stops when `kg serve` (its parent) is gone."""
    parent = os.getppid()

    def say(message: str) -> None:
        print(f"kg serve: {message}", file=sys.stderr, flush=True)

    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C reaches the whole process group
        watch(config, lambda: os.getppid() == parent, say)

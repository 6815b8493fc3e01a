"""The editing loop of `kg serve`: notice changed files in `vocab/` and `data/`, rebuild, swap.

Runs in its own process beside gunicorn. When the files change (and have stopped changing for
one interval), it checks the vocabularies, builds a new release and lets `kg build` repoint
`build/current`; workers follow the link (kg/web/reload.py). When the checks or the build fail,
`build/current` is left alone, so the old build keeps being served, and the reason is logged
(`file:line: what — fix`); once the sources build again (or are back as served), the log says
which file is fixed. Each swap logs every quarantined record at its `file:line`, as `kg build`
prints them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.config import Config, load_config
from kg.errors import InputError, KgError
from kg.sources import Snapshot, content_digest, ignored_files, snapshot, watched_folders
from kg.status import forget_status, write_status


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one rebuild did: swapped in a build, or kept the old one and why."""

    swapped: bool
    message: str
    file: str | None = None  # the source file a failed build names
    details: tuple[str, ...] = ()  # further lines for the log: the quarantined records
    rendered: str = ""  # what rendering the documents before the swap said


def record(build_dir: Path, outcome: Outcome) -> None:
    """Write the outcome where the web layer can show it (kg/status.py)."""
    write_status(build_dir, outcome.swapped, outcome.message)


def forget(build_dir: Path) -> None:
    """Drop the outcome an earlier run left: a server starts on a build that was made now."""
    forget_status(build_dir)


def rebuild(config: Config) -> Outcome:
    """Build a new release; on any failure `build/current` is left as it was."""
    from kg.publish import build
    from kg.web.prerender import render_before_live

    try:
        # Checks the vocabularies first (kg/vocab/publish.py); renders before going live.
        summary = build(config, prepare=render_before_live(config))
    except InputError as err:
        return Outcome(False, f"build failed: {err}", err.file)
    except KgError as err:
        return Outcome(False, f"build failed: {err}")
    except Exception as err:  # the server must outlive any bad edit; say what happened
        return Outcome(False, f"build failed: {type(err).__name__}: {err}")
    counts, *rest = summary.describe().splitlines()
    quarantined = tuple(line for line in rest if line.startswith(("quarantined ", "details in ")))
    message = f"swapped in build {summary.release.build_id}: {counts}"
    return Outcome(True, message, details=quarantined, rendered=summary.prepared)


def watch(
    config: Config, baseline: str, keep_going: Callable[[], bool], say: Callable[[str], None]
) -> None:
    """Poll the source folders every `watch_interval_ms` and rebuild after each settled change.

    `baseline` is the digest of the sources of the build being served.
    """
    folders, ignore = watched_folders(config), ignored_files(config)
    interval = config.watch_interval_ms / 1000
    seen: Snapshot = {}
    built, failing = baseline, None  # failing: what the last failed build named, while it stands
    while keep_going():
        now = snapshot(folders, ignore)
        if now == seen:
            time.sleep(interval)
            continue
        seen = now
        time.sleep(interval)  # let an editor finish writing (save = truncate + write + rename)
        if snapshot(folders, ignore) != seen:
            continue
        digest = content_digest(folders, ignore)
        if digest == built:
            if failing is not None:  # the edit was undone: what is served is what the files say
                fixed = f"fixed: {failing} is back to the served build"
                say(fixed)
                record(config.build_dir, Outcome(True, fixed))
                failing = None
            continue
        say("sources changed — rebuilding")
        outcome = rebuild(config)
        if not outcome.swapped:
            say(f"kept the current build: {outcome.message}")
            failing = outcome.file or "the sources"
        elif failing is not None:
            say(f"fixed: {failing} builds again — {outcome.message}")
            failing = None
        else:
            say(outcome.message)
        for line in outcome.details:
            say(line)
        record(config.build_dir, outcome)
        if outcome.swapped:
            built = digest  # (the build dropped the releases before the previous one)
            if outcome.rendered:
                say(outcome.rendered)  # rendered before the swap (`kg build` does it too)


def main(argv: list[str] | None = None) -> None:
    """`python -m kg.watch --baseline DIGEST`, started by `kg serve`; it stops with its parent."""
    parser = argparse.ArgumentParser(prog="kg.watch")
    parser.add_argument("--baseline", required=True, help="digest of the served build's sources")
    args = parser.parse_args(argv)
    config = load_config()
    parent = os.getppid()

    def say(message: str) -> None:
        print(f"kg serve: {message}", file=sys.stderr, flush=True)

    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C reaches the whole process group
        watch(config, args.baseline, lambda: os.getppid() == parent, say)


if __name__ == "__main__":
    main()

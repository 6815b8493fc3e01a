"""The source files a build reads (`data/`, `vocab/`): cheap snapshots and content digests, for
`kg serve`'s rebuild loop to notice changes."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from kg.config import Config

Snapshot = dict[str, tuple[int, int]]


def snapshot(folders: list[Path], ignore: frozenset[Path] = frozenset()) -> Snapshot:
    """(mtime, size) of every file under the folders: cheap to take every second.

    Hidden files (editor swap files) and `ignore` (files the build itself writes, such as the
    minting ledger) do not count.
    """
    found: Snapshot = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            hidden = path.name.startswith(".") or path.name.endswith("~")
            if path.is_file() and not hidden and path.resolve() not in ignore:
                with contextlib.suppress(FileNotFoundError):  # gone since listed: next poll
                    stat = path.stat()
                    found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def content_digest(folders: list[Path], ignore: frozenset[Path] = frozenset()) -> str:
    """A hash of the files' names and bytes: a touched but unchanged file is no change."""
    digest = hashlib.sha256()
    for name in sorted(snapshot(folders, ignore)):
        with contextlib.suppress(FileNotFoundError):
            digest.update(name.encode() + b"\0" + Path(name).read_bytes())
    return digest.hexdigest()


def source_digest(config: Config) -> str:
    """The digest of the watched sources as they are now."""
    return content_digest(watched_folders(config), ignored_files(config))


def watched_folders(config: Config) -> list[Path]:
    return [config.vocab_dir, config.data_dir]


def ignored_files(config: Config) -> frozenset[Path]:
    """Files the build itself writes: the minting ledger is no change to the sources."""
    return frozenset({config.ledger_path().resolve()})

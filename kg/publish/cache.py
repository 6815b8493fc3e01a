"""The verdict cache: digests of record graphs that conformed, one file per shapes version.

Only passing verdicts are kept: a record that failed is judged again (it is rare, and its
messages must be fresh). A digest is the first 16 bytes of a SHA-256, written as 32 hex digits,
one a line. In memory the cache is one sorted blob of 16-byte digests searched by bisection:
16 bytes a digest instead of about 120 for a string in a set, and the map + validate workers
forked from the build share the blob's pages instead of each copying a set.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path

DIGEST_BYTES = 16


class Digests:
    """Digests known to conform: the cache's, and those learned since (`update`)."""

    def __init__(self, cached: bytes = b"") -> None:
        self._cached = _Sorted(cached)
        self._learned: set[bytes] = set()

    @classmethod
    def of(cls, digests: Iterable[bytes]) -> Digests:
        return cls(b"".join(sorted(set(digests))))

    def __contains__(self, digest: object) -> bool:
        return digest in self._learned or digest in self._cached

    def __len__(self) -> int:
        return len(self._cached) + len(self._learned)

    def update(self, digests: Iterable[bytes]) -> None:
        self._learned.update(digests)

    def copy(self) -> Digests:
        """The same digests, sharing the cached blob (what a worker starts from)."""
        other = Digests()
        other._cached, other._learned = self._cached, set(self._learned)
        return other


class _Sorted:
    """A sorted blob of fixed-size digests as a read-only sequence, for `bisect`."""

    def __init__(self, blob: bytes) -> None:
        self._blob = blob

    def __len__(self) -> int:
        return len(self._blob) // DIGEST_BYTES

    def __getitem__(self, index: int) -> bytes:
        start = index * DIGEST_BYTES
        return self._blob[start : start + DIGEST_BYTES]

    def __contains__(self, digest: object) -> bool:
        if not isinstance(digest, bytes) or len(digest) != DIGEST_BYTES:
            return False
        at = bisect_left(self, digest)
        return at < len(self) and self[at] == digest


def _path(build_dir: Path, shapes_hash: str) -> Path:
    return build_dir / "cache" / f"shacl-pass-{shapes_hash}.txt"


def load(build_dir: Path, shapes_hash: str) -> Digests:
    path = _path(build_dir, shapes_hash)
    if not path.exists():
        return Digests()
    with path.open(encoding="ascii") as lines:
        return Digests.of(bytes.fromhex(line) for line in lines if line.strip())


def save(build_dir: Path, shapes_hash: str, old: Digests, new: bytes | bytearray) -> None:
    """Append the newly passed digests (`new`: 16-byte digests one after the other; the file
    only grows for a given shapes version)."""
    fresh = sorted({d for d in _digests(new) if d not in old})
    if not fresh:
        return
    path = _path(build_dir, shapes_hash)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="ascii") as out:
        out.writelines(d.hex() + "\n" for d in fresh)


def _digests(blob: bytes | bytearray) -> Iterable[bytes]:
    return (bytes(blob[i : i + DIGEST_BYTES]) for i in range(0, len(blob), DIGEST_BYTES))

"""The dumps' merge of the graph files shared with a reader on another thread (the catalogue
index), so the graph files are merged and decoded once, not once per reader.

The lists of statements go through a small bounded queue as the dumps take them: memory stays
bounded, and the faster side waits for the slower. A reader that fails stops being fed (the
dumps go on, and the failure is raised when its result is asked for); a merge that fails ends
the reader with an error.
"""

from __future__ import annotations

import queue
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from typing import Any

_DONE = object()
_WAIT = 0.1  # seconds between looks at whether the reader is still reading


class Handoff:
    """Statements passed from one thread's merge to a reader on another."""

    def __init__(self, size: int = 4) -> None:
        self._queue: queue.Queue[object] = queue.Queue(size)
        self._ended = False

    def lines(self) -> Iterator[str]:
        """The reader's statements: every one passed on, in order."""
        while (item := self._queue.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise RuntimeError("the merge of the graph files stopped") from item
            yield from item  # type: ignore[misc]

    def passed(self, chunks: Iterable[list[str]], reader: Future[Any]) -> Iterator[list[str]]:
        """`chunks` as they are, each passed on to `reader` (reading `lines()`) on the way."""
        try:
            for chunk in chunks:
                self._put(chunk, reader)
                yield chunk
        except BaseException as err:  # GeneratorExit too: the reader must not wait for more
            self.end(reader, err)
            raise
        self.end(reader)

    def end(self, reader: Future[Any], failure: BaseException | None = None) -> None:
        """Tell the reader there is no more (once): with `failure`, or if `passed` was never
        read through (the dumps failed before they began, say), as an error."""
        if not self._ended:
            self._ended = True
            self._put(_DONE if failure is None else failure, reader)

    def _put(self, item: object, reader: Future[Any]) -> None:
        while not reader.done():  # a reader that has stopped takes nothing more
            try:
                self._queue.put(item, timeout=_WAIT)
                return
            except queue.Full:
                continue

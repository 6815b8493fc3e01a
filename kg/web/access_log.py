"""kg's access log: one line per request on standard output, in one format under either server.

Granian's own access log goes through Python `logging` (a record, a formatter and a handler lock
per request): 40% of a worker's time on stored documents (docs/benchmarks.md). This WSGI
middleware writes the same line as granian's default format with one `os.write`: a line from
one request is never interleaved with another's, and nothing waits in a buffer.

    [2026-12-06 16:25:10 +0000] 127.0.0.1 - "GET /doc/work/k.ttl HTTP/1.1" 200 0.412

The last field is milliseconds from the call to the end of the body (for a streamed body, when
the server closes it; for a file the server sends by itself, a dump, when the response
starts). The request target is logged percent-encoded where it is not plain printable ASCII,
so that no request can split a line or forge one.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

Write = Callable[[bytes], object]

# A path logged as it is: what `quote` would leave alone (so `%` and `?` are quoted, and the
# logged path decodes back to the one the app saw).
_PLAIN_PATH = re.compile(r"[A-Za-z0-9/._~:@!$&'()*+,;=-]*")
_PATH_SAFE = "/:@!$&'()*+,;=-._~"
# A query string is logged as sent (it is still percent-encoded), but for what could split or
# forge a line: controls, space, quote, backslash, anything not ASCII.
_PLAIN_QUERY = re.compile(r"[!#-\[\]-~]*")
_QUERY_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"\\')


def stdout_write(line: bytes) -> object:
    """One write to standard output (atomic for a line this short on a pipe)."""
    return os.write(1, line)


class AccessLog:
    """WSGI middleware writing one access-log line per request."""

    def __init__(self, app: WSGIApplication, write: Write = stdout_write) -> None:
        self.app = app
        self.write = write

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        started = time.perf_counter()
        statuses: list[str] = []

        def recording(status: str, headers: Any, exc_info: Any = None) -> Any:
            statuses.append(status)
            return start_response(status, headers, exc_info)

        try:
            body = self.app(environ, recording)
        except BaseException:
            self._log(environ, "500", started)
            raise
        file_wrapper = environ.get("wsgi.file_wrapper")
        if isinstance(body, list) or (file_wrapper and isinstance(body, file_wrapper)):
            # All of it made already (the thin path), or a file the server sends by itself
            # (sendfile: it must see its own wrapper): logged when the response starts.
            self._log(environ, statuses[-1] if statuses else "500", started)
            return body
        return _LoggedBody(
            body, lambda: self._log(environ, statuses[-1] if statuses else "500", started)
        )

    def _log(self, environ: WSGIEnvironment, status: str, started: float) -> None:
        took = (time.perf_counter() - started) * 1000
        request = (
            f"{environ.get('REQUEST_METHOD')} {_target(environ)} {environ.get('SERVER_PROTOCOL')}"
        )
        line = (
            f'{_now()} {environ.get("REMOTE_ADDR") or "-"} - "{request}" {status[:3]} {took:.3f}\n'
        )
        # No reader left (`kg serve | head`), a full disk: the request still stands.
        with contextlib.suppress(OSError):
            self.write(line.encode())


class _LoggedBody:
    """A streamed body that writes its request's line when the server closes it."""

    def __init__(self, body: Iterable[bytes], log: Callable[[], None]) -> None:
        self._body = body
        self._log = log

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._body)

    def close(self) -> None:
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                close()
        finally:
            self._log()


def _target(environ: WSGIEnvironment) -> str:
    """The request target as printable ASCII: the path re-encoded, the query as sent."""
    path: str = environ.get("PATH_INFO") or "/"
    if not _PLAIN_PATH.fullmatch(path):
        path = quote(path.encode("latin-1", "replace"), safe=_PATH_SAFE)
    query: str = environ.get("QUERY_STRING") or ""
    if not query:
        return path
    if not _PLAIN_QUERY.fullmatch(query):
        query = quote(query.encode("latin-1", "replace"), safe=_QUERY_SAFE)
    return f"{path}?{query}"


_clock: tuple[int, str] = (0, "")


def _now() -> str:
    """`[YYYY-mm-dd HH:MM:SS +zzzz]` in local time, formatted once a second."""
    global _clock
    second = int(time.time())
    if _clock[0] != second:
        # One tuple, replaced whole: a thread reading it meanwhile sees the old second or the new.
        _clock = (second, time.strftime("[%Y-%m-%d %H:%M:%S %z]", time.localtime(second)))
    return _clock[1]

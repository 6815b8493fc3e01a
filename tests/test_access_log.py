"""kg's access log: one line per request, in one format under either server, that a request
cannot forge or split."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

import pytest
from flask import Flask, Response, send_from_directory
from hypothesis import given
from hypothesis import strategies as st
from werkzeug.test import Client, EnvironBuilder
from werkzeug.wsgi import FileWrapper

from kg.web.access_log import AccessLog

LINE = re.compile(
    r"\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4})\] (\S+) - "
    r'"(\S+) (\S+) (\S+)" (\d{3}) (\d+\.\d{3})\n'
)


def _app() -> Flask:
    app = Flask("access-log-test")

    @app.get("/plain")
    def plain() -> str:
        return "ok"

    @app.get("/stream")
    def stream() -> Response:
        def chunks() -> Iterator[str]:
            yield "a"
            yield "b"

        return Response(chunks(), status=206)

    @app.get("/fails")
    def fails() -> str:
        raise RuntimeError("boom")

    return app


def _logged(path: str, **kwargs: Any) -> tuple[Any, list[bytes]]:
    lines: list[bytes] = []
    app = _app()
    client = Client(AccessLog(app, write=lines.append))
    response = client.get(path, **kwargs)
    response.get_data()
    response.close()
    return response, lines


def test_one_line_per_request_with_method_target_protocol_status_and_milliseconds() -> None:
    response, lines = _logged("/plain?a=1&b=2", environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert response.status_code == 200
    assert len(lines) == 1
    found = LINE.fullmatch(lines[0].decode("ascii"))
    assert found, lines
    assert found.group(2, 3, 4, 5, 6) == ("10.1.2.3", "GET", "/plain?a=1&b=2", "HTTP/1.1", "200")


def test_a_streamed_body_is_logged_once_when_it_is_closed_with_its_status() -> None:
    response, lines = _logged("/stream")
    assert response.get_data() == b"ab"
    assert len(lines) == 1
    found = LINE.fullmatch(lines[0].decode("ascii"))
    assert found and found.group(6) == "206"


def test_an_unanswered_path_logs_flasks_404() -> None:
    _, lines = _logged("/nothing-here")
    found = LINE.fullmatch(lines[0].decode("ascii"))
    assert found and found.group(4, 6) == ("/nothing-here", "404")


def test_an_exception_escaping_the_app_is_logged_as_500_and_raised() -> None:
    lines: list[bytes] = []

    def broken(environ: Any, start_response: Any) -> Any:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        Client(AccessLog(broken, write=lines.append)).get("/x")
    found = LINE.fullmatch(lines[0].decode("ascii"))
    assert found and found.group(6) == "500"


@given(st.text(min_size=1, max_size=40), st.text(max_size=20))
def test_no_request_can_split_or_forge_a_log_line(path: str, query: str) -> None:
    # Whatever the path and query (newlines, quotes, spaces, any character), the line stays
    # one line of printable ASCII; the logged path decodes back to the path the app saw, and a
    # query already in printable ASCII is logged as sent.
    lines: list[bytes] = []
    seen: list[str] = []

    def app(environ: Any, start_response: Any) -> list[bytes]:
        seen.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b""]

    raw_query = query.encode("utf-8").decode("latin-1")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/" + path.encode("utf-8").decode("latin-1"),
        "QUERY_STRING": raw_query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
    }
    AccessLog(app, write=lines.append)(environ, lambda status, headers, exc=None: None)
    assert len(lines) == 1
    found = LINE.fullmatch(lines[0].decode("ascii"))
    assert found, lines
    logged_path, mark, logged_query = found.group(4).partition("?")
    assert unquote_to_bytes(logged_path).decode("latin-1") == seen[0]
    assert mark == ("?" if query else "")
    if re.fullmatch(r"[!#-\[\]-~]*", raw_query):  # printable ASCII but space, quote, backslash
        assert logged_query == raw_query


def test_a_file_body_reaches_the_server_as_its_file_wrapper(tmp_path: Path) -> None:
    # Servers send a `wsgi.file_wrapper` body with sendfile (the dumps): the log must not hide it.
    (tmp_path / "dump.nt").write_bytes(b"<a> <b> <c> .\n")
    app = Flask("access-log-files")

    @app.get("/dump")
    def dump() -> Response:
        return send_from_directory(tmp_path, "dump.nt")

    lines: list[bytes] = []
    environ = EnvironBuilder(path="/dump").get_environ()
    environ["wsgi.file_wrapper"] = FileWrapper
    body = AccessLog(app, write=lines.append)(environ, lambda status, headers, exc=None: None)
    assert isinstance(body, FileWrapper)
    assert b"".join(body) == b"<a> <b> <c> .\n"
    body.close()
    found = LINE.fullmatch(lines[0].decode("ascii"))
    assert found and found.group(6) == "200"


def test_a_log_that_cannot_be_written_never_fails_the_request() -> None:
    # `kg serve | head`: once the reader is gone, every write fails with a broken pipe.
    def broken_pipe(line: bytes) -> object:
        raise BrokenPipeError(32, "Broken pipe")

    for path, status in (("/plain", 200), ("/stream", 206), ("/nothing-here", 404)):
        response = Client(AccessLog(_app(), write=broken_pipe)).get(path)
        response.get_data()
        response.close()
        assert response.status_code == status

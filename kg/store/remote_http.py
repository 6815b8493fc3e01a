"""The HTTP side of a remote store: SPARQL 1.1 Protocol queries and updates, Graph Store
Protocol uploads, every call bounded in time and every failure one KgError.

Credentials come only from the environment (`KG_STORE_USER`, `KG_STORE_PASSWORD`) and are only
sent with writes; no message kg writes ever contains them (nor a URL that could hold them).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import urljoin, urlsplit

import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from kg.errors import BadQuery, ConfigError, QueryFailed, StoreError, StoreUnavailable
from kg.store.capabilities import Capabilities

USER_VAR, PASSWORD_VAR = "KG_STORE_USER", "KG_STORE_PASSWORD"
_CONNECT_S = 3.0  # a store that does not accept a connection in this long is down
_UNAVAILABLE = (502, 503, 504)


def safe_url(url: str) -> str:
    """The URL as kg may print it: without any user or password."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return parts._replace(netloc=host).geturl()


class StoreClient:
    """Talks to one store; one keep-alive session per process."""

    def __init__(self, endpoint: str, capabilities: Capabilities, timeout_s: float) -> None:
        if urlsplit(endpoint).username or urlsplit(endpoint).password:
            raise ConfigError(
                f"KG_STORE={safe_url(endpoint)} must not hold a user or password",
                fix=f"set {USER_VAR} and {PASSWORD_VAR} in the environment instead",
            )
        self.endpoint = endpoint
        self.capabilities = capabilities
        self.timeout_s = timeout_s
        self._session = requests.Session()

    def query(
        self, sparql: str, accept: str, params: Sequence[tuple[str, str]], timeout_s: float
    ) -> requests.Response:
        """POST a query (form-encoded, as every store accepts); the response streams."""
        data = [("query", sparql), *params]
        return self._send(
            "POST", self.endpoint, timeout_s, data=data, headers={"Accept": accept}, stream=True
        )

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (with the store's write credentials)."""
        url = urljoin(self.endpoint, self.capabilities.update_path or "")
        field = self.capabilities.update_field
        self._send("POST", url, self.timeout_s * 6, data=[(field, sparql)], auth=self._auth())

    def post_graph(self, graph: str, chunks: Iterable[bytes]) -> None:
        """Add N-Triples to a graph with the Graph Store Protocol (streamed, chunked)."""
        url = urljoin(self.endpoint, self.capabilities.graph_store_path or "")
        params = {self.capabilities.graph_store_param: graph}
        headers = {"Content-Type": "application/n-triples"}
        for chunk in chunks:  # one request per chunk: bounded memory on both sides
            self._send(
                "POST", url, None, params=params, data=chunk, headers=headers, auth=self._auth()
            )

    def _auth(self) -> AuthBase | None:
        user, password = os.environ.get(USER_VAR), os.environ.get(PASSWORD_VAR)
        if not user or password is None:
            return None
        return (HTTPDigestAuth if self.capabilities.auth == "digest" else HTTPBasicAuth)(
            user, password
        )

    def _send(
        self, method: str, url: str, timeout_s: float | None, **kwargs: object
    ) -> requests.Response:
        read_s = None if timeout_s is None else max(0.1, timeout_s)
        try:
            response = self._session.request(
                method,
                url,
                timeout=(_CONNECT_S, read_s),
                **kwargs,  # type: ignore[arg-type]
            )
        except requests.Timeout:
            raise StoreUnavailable(
                f"the store at {safe_url(url)} did not answer within {read_s:g} s",
                fix="retry in a moment (see Retry-After)",
            ) from None
        except requests.RequestException as err:
            raise StoreUnavailable(
                f"the store at {safe_url(url)} cannot be reached ({type(err).__name__})",
                fix="retry in a moment; if it lasts, start the store (docs/deploy.md)",
            ) from None
        if response.status_code < 300:
            return response
        detail = _message(response)
        if response.status_code in _UNAVAILABLE:
            raise StoreUnavailable(f"the store answered {response.status_code}: {detail}")
        if response.status_code in (401, 403):
            raise StoreError(
                f"the store refused to write ({response.status_code})",
                fix=f"set {USER_VAR} and {PASSWORD_VAR} to an account that may write",
            )
        if response.status_code == 400:
            raise BadQuery(detail, fix="correct the query")
        raise QueryFailed(f"the store answered {response.status_code}: {detail}")


def _message(response: requests.Response) -> str:
    """The first lines of an error body, as the store wrote them."""
    body = response.text.strip().splitlines()
    response.close()
    return " ".join(line.strip() for line in body[:3])[:500] or response.reason


def read_within(response: requests.Response, deadline: float) -> bytes:
    """The whole body, or StoreUnavailable once `deadline` (monotonic) has passed."""
    chunks: list[bytes] = []
    try:
        for chunk in _chunks(response):
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise StoreUnavailable(
                    "the store took too long to send its answer", fix="retry in a moment"
                )
    finally:
        response.close()
    return b"".join(chunks)


def _chunks(response: requests.Response) -> Iterator[bytes]:
    try:
        yield from response.iter_content(1 << 16)
    except requests.RequestException as err:
        raise StoreUnavailable(
            f"the store broke off its answer ({type(err).__name__})", fix="retry in a moment"
        ) from None

"""One exception tree for kg, each error with a stable code and an HTTP status.

Input problems are reported as `file:line: what is wrong — what to do`, never as a traceback.
"""

from __future__ import annotations

from typing import Any


class KgError(Exception):
    """Base of every error kg reports to a user."""

    code = "kg-error"
    status = 500
    title = "Internal error"

    def __init__(self, detail: str, *, fix: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.fix = fix

    def problem(self, base: str, instance: str | None = None) -> dict[str, Any]:
        """The RFC 9457 problem-details body for this error; its type is a page on `base`."""
        body: dict[str, Any] = {
            "type": problem_type(base, self.code),
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "code": self.code,
        }
        if self.fix:
            body["fix"] = self.fix
        if instance:
            body["instance"] = instance
        return body


def problem_type(base: str, code: str) -> str:
    """The IRI of a problem type: a page on kg's own base that says what it means."""
    return f"{base}problems/{code}"


def problem_kinds() -> dict[str, type[KgError]]:
    """Every kind of error kg reports, by code."""
    kinds: dict[str, type[KgError]] = {}
    pending: list[type[KgError]] = [KgError]
    while pending:
        kind = pending.pop()
        kinds.setdefault(kind.code, kind)
        pending += kind.__subclasses__()
    return kinds


class InputError(KgError):
    """A source file that cannot be read as records."""

    code = "bad-input"
    status = 400
    title = "Bad input"

    def __init__(self, file: str, line: int, detail: str, fix: str) -> None:
        super().__init__(detail, fix=fix)
        self.file = file
        self.line = line

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.detail} — {self.fix}"


class ConfigError(KgError):
    """A setting with a value kg cannot use."""

    code = "bad-setting"
    status = 500
    title = "Bad setting"


class BuildMissing(KgError):
    """No build to serve: `kg build` has not been run."""

    code = "build-missing"
    status = 503
    title = "No build to serve"


class NotFound(KgError):
    """Nothing is known at this address: a mistyped key or path."""

    code = "not-found"
    status = 404
    title = "Not found"


class Gone(KgError):
    """A key that was withdrawn: it will not come back (RFC 9110 §15.5.11)."""

    code = "gone"
    status = 410
    title = "Gone"


class BadRequest(KgError):
    """A request parameter kg cannot use."""

    code = "bad-request"
    status = 400
    title = "Bad request"


class NotAcceptable(KgError):
    """None of the media types the request accepts is offered for this resource."""

    code = "not-acceptable"
    status = 406
    title = "Not acceptable"


class BadQuery(KgError):
    """A SPARQL request the endpoint will not run (syntax error, bad parameter)."""

    code = "bad-query"
    status = 400
    title = "Bad SPARQL request"


class ForbiddenQuery(KgError):
    """A SPARQL request the read-only endpoint refuses (update, LOAD, SERVICE)."""

    code = "forbidden-query"
    status = 403
    title = "Query refused"


# The SPARQL endpoint's refusals and failures (kg.sparql, kg.web.sparql).


class UnsupportedMediaType(KgError):
    """The request body is in a media type the endpoint does not read."""

    code = "unsupported-media-type"
    status = 415
    title = "Unsupported media type"


class UriTooLong(KgError):
    """The request's address is longer than the server accepts."""

    code = "uri-too-long"
    status = 414
    title = "URI too long"


class QueryFailed(KgError):
    """The engine could not evaluate a query it parsed."""

    code = "query-failed"
    status = 400
    title = "The query could not be evaluated"


class OverBudget(KgError):
    """The client spent its query time for now."""

    code = "over-budget"
    status = 429
    title = "Query-time budget spent"

    def __init__(self, detail: str, *, retry_after_s: int, fix: str | None = None) -> None:
        super().__init__(detail, fix=fix)
        self.retry_after_s = retry_after_s


class QueryTimeout(KgError):
    """The query ran past its time limit and its worker was killed."""

    code = "query-timeout"
    status = 504
    title = "Query time limit exceeded"


class QueryAborted(KgError):
    """The worker died under the query (memory ceiling reached)."""

    code = "query-aborted"
    status = 503
    title = "Query stopped"


class PoolBusy(KgError):
    """Every query worker stayed busy for as long as a request may wait."""

    code = "busy"
    status = 503
    title = "All query workers are busy"


# The store (kg.store).


class StoreError(KgError):
    """A release could not be loaded, checked or switched; the live release is untouched."""

    code = "store-error"
    status = 500
    title = "Store error"


class StoreUnavailable(KgError):
    """A remote store did not answer in time (down, restarting or overloaded)."""

    code = "store-unavailable"
    status = 503
    title = "The store is unavailable"
    retry_after_s = 5

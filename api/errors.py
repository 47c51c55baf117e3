"""One JSON error body for the whole API, built here: ``{"error": "...", "status": N}``.

Every error path goes through ``error_response``: our own ``ApiError``, the domain's errors (mapped by
class in ``DOMAIN_STATUS``), FastAPI's validation errors, Starlette's 404/405, and anything unexpected,
which is logged and answered 500 (never dressed up as a 400). A domain error with no mapping is a server
fault too (a missing server font, a broken data file): it answers 500 and is logged, because only a
mapped class says that the client asked for something wrong.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ftzgraph.graph.errors import FtzGraphError, QueryError, StoreError
from ftzgraph.graph.runtime.deadline import DeadlineExceeded
from ftzgraph.graph.runtime.slow_work import QueryAborted, SlowWorkLimit, TooManySlowRequests
from ftzgraph.graph.sparql.graph_store import GraphNotFoundError, RdfSyntaxError, UnsupportedMediaTypeError
from ftzgraph.graph.sparql.service import (
    ForbiddenFeatureError,
    QueryTimeoutError,
    ResultFormUnavailable,
    SparqlSyntaxError,
)

logger = logging.getLogger(__name__)

# Most specific class first: the first isinstance match decides the status.
DOMAIN_STATUS: list[tuple[type[FtzGraphError], int]] = [
    (QueryTimeoutError, 503),
    (DeadlineExceeded, 503),
    (TooManySlowRequests, 429),
    (SlowWorkLimit, 503),
    (QueryAborted, 503),
    (ResultFormUnavailable, 406),
    (ForbiddenFeatureError, 403),
    (SparqlSyntaxError, 400),
    (GraphNotFoundError, 404),
    (UnsupportedMediaTypeError, 415),
    (RdfSyntaxError, 400),
    (QueryError, 400),
    (StoreError, 500),
]
# A domain error whose class is not mapped above: the server's fault until a mapping says otherwise.
UNMAPPED_STATUS = 500


class ApiError(Exception):
    """An HTTP error raised by a route: its status, a message saying what and where, optional headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The one error body of the API."""
    return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)


async def _api_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ApiError)
    return error_response(error.status, error.message, error.headers)


async def _domain_error(request: Request, error: Exception) -> JSONResponse:
    status = next((code for cls, code in DOMAIN_STATUS if isinstance(error, cls)), UNMAPPED_STATUS)
    if status >= 500:
        logger.error("%s %s failed: %s", request.method, request.url.path, error)
    return error_response(status, str(error), {"Retry-After": "5"} if status == 429 else None)


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    message = str(error.detail)
    if error.status_code == 404:
        message = f"no resource at {request.url.path}"
    elif error.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    return error_response(error.status_code, message, getattr(error, "headers", None))


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    parts = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in error.errors()]
    return error_response(422, "invalid request: " + "; ".join(parts))


async def _unexpected_error(request: Request, error: Exception) -> JSONResponse:
    logger.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, f"internal error ({type(error).__name__}); the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure to ``error_response``."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(FtzGraphError, _domain_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)


async def error_for(request: Request, error: Exception) -> JSONResponse:
    """The error body for ``error`` raised outside FastAPI's routing (the plain-ASGI query endpoint)."""
    if isinstance(error, ApiError):
        return await _api_error(request, error)
    if isinstance(error, FtzGraphError):
        return await _domain_error(request, error)
    return await _unexpected_error(request, error)

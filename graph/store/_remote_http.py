"""HTTP for ``RemoteStore``: endpoints, credentials, timeouts and bounded retries, in one place.

Every failure becomes a ``StoreError`` (or ``QueryError`` for a rejected query) whose message names the
URL, because "connection refused" alone does not say which of three endpoints is down.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

import httpx

from ftzgraph.graph.errors import QueryError, StoreError

RETRY_STATUSES = frozenset({502, 503, 504})
"""Answers a proxy or a busy server gives before doing any work; retried with backoff."""

UNSENT_STATUSES = frozenset({502, 503})
"""Answers that say the request was not processed: safe to retry even for a non-idempotent update."""

ENV_PREFIX = "FTZGRAPH_"


def _sibling(url: str, name: str) -> str:
    """``http://h/query`` -> ``http://h/update``: Oxigraph's layout, the default for other endpoints."""
    parts = urlsplit(url)
    path = parts.path
    base = path if path.endswith("/") or not path else path.rsplit("/", 1)[0] + "/"
    if not base.endswith("/"):
        base += "/"
    return urlunsplit((parts.scheme, parts.netloc, base + name, "", ""))


@dataclass(frozen=True)
class RemoteConfig:
    """Where a SPARQL 1.1 server answers and how to talk to it. Settings carry their unit."""

    query_url: str
    update_url: str
    gsp_url: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    auth_scheme: Literal["basic", "digest"] = "basic"
    timeout_s: float = 60.0
    connect_timeout_s: float = 5.0
    retries: int = 3
    backoff_s: float = 0.5
    lock_ttl_s: float = 60.0
    union_param: str = "union-default-graph"

    @classmethod
    def from_env(cls, query_url: str, environ: Mapping[str, str] | None = None) -> RemoteConfig:
        """Read ``FTZGRAPH_UPDATE_URL``, ``FTZGRAPH_GSP_URL``, ``FTZGRAPH_REMOTE_*`` around ``query_url``.

        An empty path (``http://host:7878``) means an Oxigraph server root: the query endpoint is ``/query``.
        """
        env = os.environ if environ is None else environ
        parts = urlsplit(query_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StoreError(f"'{query_url}' is not an http(s) URL of a SPARQL query endpoint")
        if parts.path in ("", "/"):
            query_url = _sibling(query_url, "query")

        def number(name: str, default: float) -> float:
            raw = env.get(ENV_PREFIX + name)
            if raw in (None, ""):
                return default
            try:
                return float(raw)
            except ValueError:
                raise StoreError(f"{ENV_PREFIX}{name}={raw!r} is not a number") from None

        scheme = env.get(ENV_PREFIX + "REMOTE_AUTH", "basic").lower()
        if scheme not in ("basic", "digest"):
            raise StoreError(f"{ENV_PREFIX}REMOTE_AUTH={scheme!r}: expected 'basic' or 'digest'")
        return cls(
            query_url=query_url,
            update_url=env.get(ENV_PREFIX + "UPDATE_URL") or _sibling(query_url, "update"),
            gsp_url=env.get(ENV_PREFIX + "GSP_URL") or _sibling(query_url, "store"),
            user=env.get(ENV_PREFIX + "REMOTE_USER") or None,
            password=env.get(ENV_PREFIX + "REMOTE_PASSWORD") or None,
            token=env.get(ENV_PREFIX + "REMOTE_TOKEN") or None,
            auth_scheme=scheme,  # type: ignore[arg-type]
            timeout_s=number("REMOTE_TIMEOUT_S", 60.0),
            connect_timeout_s=number("REMOTE_CONNECT_TIMEOUT_S", 5.0),
            retries=int(number("REMOTE_RETRIES", 3)),
            backoff_s=number("REMOTE_BACKOFF_S", 0.5),
            lock_ttl_s=number("REMOTE_LOCK_TTL_S", 60.0),
            union_param=env.get(ENV_PREFIX + "REMOTE_UNION_PARAM", "union-default-graph"),
        )


class RemoteClient:
    """One ``httpx.Client`` with auth, timeouts and retries; answers are returned only when 2xx."""

    MAX_BACKOFF_S = 8.0

    def __init__(self, config: RemoteConfig) -> None:
        self.config = config
        auth: httpx.Auth | None = None
        headers = {"User-Agent": "ftzgraph"}
        if config.token:
            headers["Authorization"] = f"Bearer {config.token}"
        elif config.user is not None:
            password = config.password or ""
            auth = (
                httpx.DigestAuth(config.user, password)
                if config.auth_scheme == "digest"
                else httpx.BasicAuth(config.user, password)
            )
        timeout = httpx.Timeout(config.timeout_s, connect=config.connect_timeout_s)
        self.http = httpx.Client(auth=auth, headers=headers, timeout=timeout)

    def request(
        self, method: str, url: str, *, idempotent: bool = True, what: str = "request", **kwargs: Any
    ) -> httpx.Response:
        """Send with retries on connection errors and 502/503/504, then raise ``StoreError`` naming ``url``.

        A non-idempotent request (the graph swap) is retried only when the server cannot have run it:
        the connection was never made, or the answer is 502/503. A read timeout is never retried: the
        server may still be working, and a slow server should fail after one timeout, not several.
        """
        attempts = max(1, self.config.retries + 1)
        last = ""
        last_response: httpx.Response | None = None
        for attempt in range(attempts):
            if attempt:
                time.sleep(self._backoff(attempt, last_response))
                last_response = None
            try:
                response = self.http.request(method, url, **kwargs)
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                last = f"cannot connect ({error or type(error).__name__})"
                continue
            except httpx.TimeoutException as error:
                raise StoreError(
                    f"{what} to {url} timed out after {self.config.timeout_s:g}s "
                    f"({type(error).__name__}). Hint: raise {ENV_PREFIX}REMOTE_TIMEOUT_S or check the server's load"
                ) from error
            except httpx.TransportError as error:
                if not idempotent:
                    raise StoreError(f"{what} to {url} failed mid-request: {error}") from error
                last = f"connection failed ({error or type(error).__name__})"
                continue
            if response.status_code in RETRY_STATUSES and (idempotent or response.status_code in UNSENT_STATUSES):
                last = f"HTTP {response.status_code} {_snippet(response)}".rstrip()
                last_response = response
                continue
            if response.is_success:
                return response
            raise self._answer_error(response, url, what)
        raise StoreError(
            f"{what} to {url} failed after {attempts} attempt(s): {last}. "
            "Hint: is the SPARQL server running and reachable? (FTZGRAPH_STORE, FTZGRAPH_UPDATE_URL, FTZGRAPH_GSP_URL)"
        )

    def _backoff(self, attempt: int, response: httpx.Response | None) -> float:
        delay = self.config.backoff_s * 2 ** (attempt - 1)
        if response is not None:
            retry_after = response.headers.get("Retry-After", "")
            if retry_after.isdigit():
                delay = max(delay, float(retry_after))
        return min(delay, self.MAX_BACKOFF_S)

    def _answer_error(self, response: httpx.Response, url: str, what: str) -> Exception:
        status = response.status_code
        detail = _snippet(response)
        if status in (401, 403):
            return StoreError(
                f"{what} to {url} was refused (HTTP {status}) {detail}. Hint: set FTZGRAPH_REMOTE_USER and "
                "FTZGRAPH_REMOTE_PASSWORD, or FTZGRAPH_REMOTE_TOKEN, and check the account may update"
            )
        if status in (400, 422):
            return QueryError(f"{what} rejected by {url} (HTTP {status}): {detail}")
        return StoreError(f"{what} to {url} failed (HTTP {status}): {detail}")

    def close(self) -> None:
        self.http.close()


def _snippet(response: httpx.Response, limit: int = 300) -> str:
    """The start of an error body, on one line: servers put the parser's message there."""
    try:
        text = response.text
    except (UnicodeDecodeError, httpx.ResponseNotRead):
        return ""
    text = " ".join(text.split())
    return text[:limit] + ("…" if len(text) > limit else "")

"""REST lists as JSON, CSV or JSON Lines, with ``next`` and ``prev`` links: one layer around the list routes.

A list (``/cases``, ``/reforms``, ``/zones``, ``/agencies``, ``/batches``, ``/documents``, ``/search``) answers
``{data, count}`` JSON. The format is asked for, as datasette and most data APIs let users ask:

- by suffix: ``/cases.csv``, ``/cases.jsonl``, ``/cases.json``;
- by parameter: ``?format=csv|jsonl|json``;
- by ``Accept``: ``text/csv``, ``application/x-ndjson`` (or ``application/jsonl``), ``application/json``.

CSV has one row per item: nested values (lists, references) as JSON strings, as in ``ftzgraph cases``; so
``pandas.read_csv("http://127.0.0.1:8000/cases.csv")`` works. A paged list (one with ``offset``) gets ``next``
and ``prev`` URLs in its JSON body (``null`` at either end) and an RFC 8288 ``Link`` header in every format.
The route runs unchanged and answers JSON; this layer rewrites the path and the answer, and leaves errors as
they are.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LISTS = ("/cases", "/reforms", "/zones", "/agencies", "/batches", "/documents", "/search")
PAGED = set(LISTS) - {"/search"}
DEFAULT_LIMIT = 50
MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
}
ACCEPTED = {
    "application/json": "json",
    "text/csv": "csv",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json-lines": "jsonl",
}


def _accepted_format(accept: str) -> str | None:
    """The first of our formats ``accept`` names, by its q-values (ties in the header's order)."""
    ranked = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (piece.strip() for piece in part.split(";"))
        q = next((float(p[2:]) for p in params if p.startswith("q=") and p[2:].replace(".", "", 1).isdigit()), 1.0)
        if media.lower() in ACCEPTED and q > 0:
            ranked.append((-q, position, ACCEPTED[media.lower()]))
    return min(ranked)[2] if ranked else None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def to_csv(items: list[dict[str, Any]]) -> str:
    """One row per item, columns in first-seen order; nested values as JSON strings."""
    columns: dict[str, None] = {}
    for item in items:
        columns.update(dict.fromkeys(item))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for item in items:
        writer.writerow([_cell(item.get(column)) for column in columns])
    return buffer.getvalue()


def to_jsonl(items: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


class ListFormats:
    """The ASGI layer described in the module docstring, around the whole app."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        root = str(scope.get("root_path", "")).rstrip("/")
        path = scope["path"][len(root) :] if root and scope["path"].startswith(root) else scope["path"]
        base, dot, suffix = path.rpartition(".")
        fmt: str | None = None
        if dot and base in LISTS and suffix in MEDIA_TYPES:
            path, fmt = base, suffix
        if path not in LISTS:
            await self.app(scope, receive, send)
            return
        params = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        asked = dict(params).get("format")
        if fmt is None and asked in MEDIA_TYPES:
            fmt = asked
        headers = Headers(scope=scope)
        if fmt is None:
            fmt = _accepted_format(headers.get("accept", ""))
        if fmt is None and path in PAGED:
            fmt = "json"  # the lists answer JSON whatever else is asked for; here with their page links
        if fmt is None:  # /search with no preference for one of ours: it negotiates HTML itself
            await self.app(scope, receive, send)
            return
        inner_headers = [(k, v) for k, v in scope["headers"] if k != b"accept"] + [(b"accept", b"application/json")]
        inner = dict(scope, path=root + path, raw_path=(root + path).encode(), headers=inner_headers)
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            else:
                chunks.append(message.get("body", b""))

        await self.app(inner, receive, capture)
        body = b"".join(chunks)
        if start.get("status") != 200:
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        count = _trailing_count(body) if fmt == "json" else None
        if count is not None:  # JSON as the route wrote it, the links added at its end: no parse, no rewrite
            links = _page_links(scope, headers, params, count) if path in PAGED else {}
            payload = body if path not in PAGED else _with_links(body, links)
        else:
            answer = json.loads(body)
            count = int(answer.get("count", 0))
            links = _page_links(scope, headers, params, count) if path in PAGED else {}
            if fmt == "csv":
                payload = to_csv(answer.get("data", [])).encode()
            elif fmt == "jsonl":
                payload = to_jsonl(answer.get("data", [])).encode()
            else:
                if path in PAGED:
                    answer["next"], answer["prev"] = links.get("next"), links.get("prev")
                payload = json.dumps(answer, ensure_ascii=False).encode()
        out_headers = [(k, v) for k, v in start.get("headers", []) if k not in (b"content-type", b"content-length")]
        out_headers += [(b"content-type", MEDIA_TYPES[fmt].encode()), (b"content-length", str(len(payload)).encode())]
        if links:
            link = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items() if url)
            if link:
                out_headers.append((b"link", link.encode()))
        await send({**start, "headers": out_headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else payload})


_TRAILING_COUNT = re.compile(rb',"count":(\d+)}\Z')


def _trailing_count(body: bytes) -> int | None:
    """The ``count`` of a list's JSON when it is the object's last member, as FastAPI writes ``{data, count}``
    (compact, in field order). Why read only the end: decoding 50 summaries and encoding them again to add two
    links was a third of a ``/cases`` request's time. Any other shape gives None (decoded as before). The
    pattern cannot match inside a string: a quote there is escaped."""
    found = _TRAILING_COUNT.search(body, max(0, len(body) - 40))
    return int(found.group(1)) if found and body.startswith(b"{") else None


def _with_links(body: bytes, links: dict[str, str | None]) -> bytes:
    """``body`` (a JSON object) with ``next`` and ``prev`` as its last members."""
    extra = json.dumps({"next": links.get("next"), "prev": links.get("prev")}, ensure_ascii=False)
    return body[:-1] + b"," + extra[1:].encode()


def _page_links(scope: Scope, headers: Headers, params: list[tuple[str, str]], count: int) -> dict[str, str | None]:
    """``next`` and ``prev`` page URLs: the request's own URL (suffix and parameters kept), another offset."""
    values = dict(params)
    try:
        limit = int(values.get("limit", DEFAULT_LIMIT))
        offset = int(values.get("offset", 0))
    except ValueError:
        return {}
    host = headers.get("host") or "{}:{}".format(*scope.get("server", ("127.0.0.1", 80)))
    here = f"{scope.get('scheme', 'http')}://{host}{scope['path']}"

    def page(at: int) -> str:
        return here + "?" + urlencode([(k, v) for k, v in params if k != "offset"] + [("offset", str(at))])

    return {
        "next": page(offset + limit) if offset + limit < count else None,
        "prev": page(max(offset - limit, 0)) if offset > 0 else None,
    }


def document_list_formats(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the ``format`` parameter, the CSV and JSON Lines answers and the ``Link`` header to the OpenAPI
    description of each list (this layer sits outside the routes, so FastAPI cannot see it)."""
    for path in LISTS:
        operation = schema.get("paths", {}).get(path, {}).get("get")
        if operation is None or any(p.get("name") == "format" for p in operation.get("parameters", [])):
            continue  # FastAPI caches the schema: described once
        operation.setdefault("parameters", []).append(
            {
                "name": "format",
                "in": "query",
                "required": False,
                "description": f"json, csv or jsonl (or ask by Accept, or by suffix: {path}.csv, {path}.jsonl)",
                "schema": {"type": "string", "enum": list(MEDIA_TYPES)},
            }
        )
        answer = operation.get("responses", {}).get("200", {})
        content = answer.setdefault("content", {})
        content.setdefault("text/csv", {"schema": {"type": "string"}})
        content.setdefault("application/x-ndjson", {"schema": {"type": "string"}})
        if path in PAGED:
            answer.setdefault("headers", {})["Link"] = {
                "description": 'RFC 8288 links to the next and previous pages (rel="next", rel="prev")',
                "schema": {"type": "string"},
            }
    return schema

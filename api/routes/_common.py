"""What the resource routes share: paging and text parameters, the 404 for an unknown id, OpenAPI examples."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from ftzgraph.api.errors import ApiError
from ftzgraph.graph.views.resources import MAX_TEXT_CHARS

MAX_OFFSET = 1_000_000_000
"""Larger offsets are a 422: the engine's OFFSET is a 64-bit integer, and no listing is this long."""
Limit = Annotated[int, Query(ge=1, le=500, description="Page size: at most this many items.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (for the next page: offset + limit).")]
Text = Annotated[
    str | None,
    Query(max_length=MAX_TEXT_CHARS, description="An IRI, an id (`customs`, `sc-3`) or a label (`绥芬河片区`)."),
]


def not_found(kind: str, resource_id: str, listing: str) -> ApiError:
    """The 404 for an unknown id; the message names the id and where the known ones are listed."""
    return ApiError(404, f"no {kind} with id '{resource_id}'. Hint: the known ones are listed at {listing}")


def example(value: Any) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` with one JSON example for the 200 answer."""
    return {200: {"content": {"application/json": {"example": value}}}}

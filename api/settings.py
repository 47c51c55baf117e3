"""Server settings: one pydantic-settings class, read from ``FTZGRAPH_*`` environment variables or flags.

Built inside the app factory or the CLI, never at import, so tests make their own.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from ftzgraph.graph.sparql.limits import DEFAULT_MAX_DEPTH, DEFAULT_MAX_QUERY_CHARS, MAX_DEPTH_CEILING


class Settings(BaseSettings):
    """Everything the server can be told; each field names its unit."""

    model_config = SettingsConfigDict(env_prefix="FTZGRAPH_", extra="ignore")

    store: Path = Field(Path("./ftzgraph-store"), description="Folder of the on-disk Oxigraph store.")
    write_token: SecretStr | None = Field(
        None,
        min_length=1,
        description="Bearer token that enables /sparql/update and /store; unset = writes off.",
    )
    query_timeout_ms: int = Field(10_000, gt=0, description="Time limit of one SPARQL query, in milliseconds.")
    max_result_rows: int = Field(
        10_000, gt=0, description="Rows (solutions, or triples for CONSTRUCT/DESCRIBE) a query answers at most."
    )
    max_query_depth: int = Field(
        DEFAULT_MAX_DEPTH,
        ge=1,
        le=MAX_DEPTH_CEILING,
        description="Deepest nesting of { [ ( in a query or update (deeper ones are a 400; the parser crashes "
        "at about 2,190).",
    )
    slow_query_ms: int = Field(
        1000, gt=0, description="A request running this long is slow: counted per client and in total, in ms."
    )
    max_slow_queries: int = Field(
        8,
        ge=1,
        description="Slow requests one server worker runs at once; one more is stopped (503). Above the per-client "
        "bound, so one reader's pages never use up a worker.",
    )
    max_slow_queries_per_client: int = Field(
        6,
        ge=1,
        description="Slow requests one client address may have running; more are refused (429). A browser opens "
        "at most 6 connections to a host, so a reader clicking through slow pages stays within it.",
    )
    runaway_penalty_s: float = Field(
        30,
        ge=0,
        description="A client whose own query ran away (or, at the memory cap, with slow work running) and made a "
        "server worker be replaced is refused (429) "
        "this many seconds, by every worker; 0 = never.",
    )
    max_memory_mb: int = Field(
        1024,
        ge=64,
        description="Memory cap of one server worker, in MiB: over it, its requests are stopped (503) and it is "
        "replaced.",
    )
    max_query_chars: int = Field(DEFAULT_MAX_QUERY_CHARS, gt=0, description="Longest query, in characters.")
    max_body_bytes: int = Field(10 * 1024 * 1024, gt=0, description="Largest request body accepted, in bytes.")
    union_default_graph: bool = Field(
        True,
        description="Default graph of a query = union of all graphs; false = the store's own default graph.",
    )
    result_cache_mb: int = Field(
        64,
        ge=0,
        description="Memory for answers of slow queries, kept while the store is unchanged, in MiB; 0 = no cache.",
    )
    result_cache_min_ms: int = Field(
        100, ge=0, description="A query answer is cached only if it took at least this long, in milliseconds."
    )
    eager_count: bool = Field(
        True,
        description="Evaluate a grouped COUNT over a join of triple patterns by counting below the join (the same "
        "answers, faster); false = every query runs as written.",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        ["*"], description="Origins allowed to read responses to GET and POST (comma-separated); empty = CORS off."
    )
    host: str = Field("127.0.0.1", description="Address the server listens on.")
    port: int = Field(8000, ge=0, le=65535, description="TCP port the server listens on.")
    workers: int = Field(1, ge=1, description="Server (uvicorn) worker processes.")
    idle_timeout_s: int = Field(
        5, ge=1, description="A connection idle this long between requests is closed, in seconds."
    )
    header_timeout_s: float = Field(
        10, gt=0, description="A request's headers must arrive within this many seconds, or the connection is closed."
    )
    access_log: bool = Field(False, description="Log one line per request (uvicorn's access log).")
    query_workers: int | None = Field(
        None,
        ge=1,
        description="Threads evaluating SPARQL queries at once, per server worker; unset = the number of cores.",
    )

    @property
    def query_threads(self) -> int:
        """Query threads per server worker: as many as cores (the engine evaluates without the GIL)."""
        return self.query_workers or max(os.cpu_count() or 1, 1)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("write_token", mode="before")
    @classmethod
    def _refuse_blank_token(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            raise ValueError("FTZGRAPH_WRITE_TOKEN is blank: unset it to turn writes off, or give a real token")
        return value

    @property
    def writes_enabled(self) -> bool:
        """Writes are on exactly when a (non-blank) token is set."""
        return self.write_token is not None

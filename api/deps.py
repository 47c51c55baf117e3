"""Dependencies as aliases: routes ask for ``StoreDep``, ``SettingsDep``, ``SparqlDep``, ``WriteAccess``.

They are coroutines because they never block: FastAPI runs a plain ``def`` dependency in its thread pool,
a thread hop per dependency per request.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from ftzgraph.api.errors import ApiError
from ftzgraph.api.settings import Settings
from ftzgraph.graph.sparql.service import SparqlService
from ftzgraph.graph.store.oxigraph import OxigraphStore


async def get_store(request: Request) -> OxigraphStore:
    """The store as it is now: a read-only server's handle is opened again after another process wrote."""
    return request.app.state.reader.current()


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_sparql(request: Request) -> SparqlService:
    return request.app.state.sparql


async def require_write_token(request: Request) -> None:
    """Writes need ``Authorization: Bearer <token>``: 403 when writes are off or the token is wrong, 401 without."""
    settings: Settings = request.app.state.settings
    if settings.write_token is None:
        raise ApiError(
            403, f"writes are disabled on this server: {request.url.path} needs FTZGRAPH_WRITE_TOKEN to be set"
        )
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401,
            f"{request.url.path} needs an 'Authorization: Bearer <token>' header",
            headers={"WWW-Authenticate": 'Bearer realm="ftzgraph"'},
        )
    if not hmac.compare_digest(token.strip().encode(), settings.write_token.get_secret_value().encode()):
        raise ApiError(403, "the bearer token is not the server's write token", headers={"WWW-Authenticate": "Bearer"})


StoreDep = Annotated[OxigraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
SparqlDep = Annotated[SparqlService, Depends(get_sparql)]
WriteAccess = Depends(require_write_token)

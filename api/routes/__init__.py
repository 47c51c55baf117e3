"""REST resources, linked-data dereferencing and pages: one ``APIRouter`` per resource.

``include_routes(app)`` adds them all and serves ``api/static`` at ``/static``. Route modules are imported
inside it so that ``ftzgraph.api.pages`` (which imports ``routes.schemas``) never meets a half-imported package.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles


def include_routes(app: FastAPI) -> None:
    """Add the REST, dereferencing and page routers to ``app`` and mount the static files."""
    from ftzgraph.api.pages import STATIC
    from ftzgraph.api.routes import (
        agencies,
        batches,
        cases,
        conflicts,
        docs,
        documents,
        health,
        home,
        network,
        ontology,
        quality,
        reforms,
        resources,
        runs,
        search,
        stats,
        zones,
    )

    for module in (
        cases,
        reforms,
        zones,
        agencies,
        batches,
        documents,
        stats,
        conflicts,
        search,
        network,
        ontology,
        quality,
        runs,
        health,
        docs,
        home,
    ):
        app.include_router(module.router)
    app.include_router(resources.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

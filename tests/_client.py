"""A TestClient on the app serving a real store (shared by the API and page tests).

Starlette's TestClient warns at import that it wants ``httpx2``; that named warning is silenced here, where
the import happens, because pytest turns warnings into errors.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ftzgraph.api.app import create_app
from ftzgraph.api.settings import Settings
from ftzgraph.graph.store.oxigraph import OxigraphStore

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient


@contextmanager
def client_for(store: OxigraphStore) -> Iterator[Any]:
    """A client whose app runs its lifespan (so the SPARQL query threads stop at the end)."""
    app = create_app(store, Settings(query_workers=1, write_token=None))
    with TestClient(app) as client:
        yield client

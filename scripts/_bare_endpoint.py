"""The yardstick of a Python SPARQL endpoint: FastAPI + pyoxigraph and nothing else (scripts/bench_http.py).

No time limit, no row cap, no content negotiation, no SERVICE check, no CORS or body limit: what is left is
the cost of uvicorn, FastAPI and the engine. Issue 3 quotes such a handler (in memory, one process) at about
800 requests/s on the lineage query; this one opens the same on-disk store as ``ftzgraph serve`` and runs
with as many uvicorn workers, so the difference from ours is what our endpoint's guarantees cost.

    BARE_STORE=PATH uvicorn --app-dir scripts _bare_endpoint:app --workers 2 --port PORT
"""

from __future__ import annotations

import os

import pyoxigraph as ox
from fastapi import FastAPI, Response

app = FastAPI()
store = ox.Store.read_only(os.environ["BARE_STORE"])


@app.get("/sparql")
def sparql(query: str) -> Response:
    results = store.query(query, use_default_graph_as_union=True)
    body = results.serialize(format=ox.QueryResultsFormat.JSON)
    return Response(body, media_type="application/sparql-results+json")

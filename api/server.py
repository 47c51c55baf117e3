"""Running the app the way ``ftzgraph serve`` does: uvicorn processes under uvicorn's supervisor, always.

Why always supervised, even with one worker: a query past its time limit can only be stopped by ending the
server process that runs it (see ``graph._query_threads``); the supervisor replaces an ended process, and
holds the listening socket meanwhile, so connections wait a moment instead of being refused. The HTTP
parser is httptools (``_http_protocol``) and the event loop uvloop where installed (uvicorn's ``auto``).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile

import uvicorn
from uvicorn import _subprocess
from uvicorn.supervisors import Multiprocess

from ftzgraph.api._http_protocol import LongUrlHttpToolsProtocol

APP = "ftzgraph.api.app:app_from_environment"
PENALTY_DIR_ENV = "FTZGRAPH_PENALTY_DIR"
"""A folder every worker of one server shares: the clients refused for a while (``slow_work``)."""


def run_server(
    *, host: str, port: int, workers: int, access_log: bool, graceful_shutdown_s: float, idle_timeout_s: int = 5
) -> None:
    """Serve ``APP`` (settings from ``FTZGRAPH_*``) until interrupted.

    ``graceful_shutdown_s`` bounds how long an ending process waits for its requests in flight;
    ``idle_timeout_s`` how long a connection may stay idle between requests (the header timeout is read by
    the protocol, ``_http_protocol``).
    """
    config = uvicorn.Config(
        APP,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=access_log,
        http=LongUrlHttpToolsProtocol,
        timeout_graceful_shutdown=max(int(graceful_shutdown_s + 0.999), 1),
        timeout_keep_alive=idle_timeout_s,
    )
    if sys.platform.startswith("linux"):
        # A worker replaced to stop a runaway query is forked from a supervisor that has imported the app, so
        # it serves in well under a second, instead of importing everything again (5-7 s on a loaded machine)
        # while its share of the connections waits. The supervisor holds no store and runs no threads.
        import ftzgraph.api.app  # noqa: F401

        _subprocess.spawn = multiprocessing.get_context("fork")  # type: ignore[assignment]
    with tempfile.TemporaryDirectory(prefix="ftzgraph-penalties-") as penalties:
        os.environ[PENALTY_DIR_ENV] = penalties  # inherited by the workers
        Multiprocess(config, sockets=[config.bind_socket()]).run()

"""Running the app the way ``ftzgraph serve`` does: uvicorn processes under uvicorn's supervisor, always.

Why always supervised, even with one worker: a query past its time limit can only be stopped by ending the
server process that runs it (see ``graph._query_threads``); the supervisor replaces an ended process, and
holds the listening socket meanwhile, so connections wait a moment instead of being refused. The HTTP
parser is httptools (``_http_protocol``) and the event loop uvloop where installed (uvicorn's ``auto``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import tempfile

import uvicorn
from uvicorn import _subprocess
from uvicorn.supervisors import Multiprocess

from ftzgraph.api._http_protocol import LongUrlHttpToolsProtocol
from ftzgraph.graph.errors import FtzGraphError

APP = "ftzgraph.api.app:app_from_environment"
logger = logging.getLogger("uvicorn.error")


class ServerStartError(FtzGraphError):
    """A server process ended with an error (it could not import or build the app): serving stopped."""

    def __init__(self, exitcode: int) -> None:
        super().__init__(
            f"a server process ended with exit code {exitcode} (it could not load the app; its error is logged"
            " above), so `ftzgraph serve` stops instead of restarting it"
        )


class _Supervisor(Multiprocess):
    """uvicorn's supervisor, except that a process that exits with an error stops the server.

    A process the supervisor should replace ends by a signal or exits 0 (a runaway query's process retires
    with SIGTERM); one that exits with a positive code failed to load the app (a missing module, a store that
    will not open), and would fail the same way on every restart: without this the supervisor restarted it
    forever while the console said "Uvicorn running".
    """

    failed_exitcode: int | None = None

    def keep_subprocess_alive(self) -> None:
        for process in self.processes:
            code = getattr(process, "exitcode", None)
            if code is not None and code > 0 and not self.should_exit.is_set():
                logger.error("server process [%s] ended with exit code %d; stopping", process.pid, code)
                self.failed_exitcode = code
                self.should_exit.set()
                return
        super().keep_subprocess_alive()
        if self.should_exit.is_set() and self.failed_exitcode is None:  # uvicorn saw a start-up failure itself
            codes = [process.exitcode for process in self.processes if (process.exitcode or 0) > 0]
            self.failed_exitcode = codes[0] if codes else None


PENALTY_DIR_ENV = "FTZGRAPH_PENALTY_DIR"
"""A folder every worker of one server shares: the clients refused for a while (``slow_work``)."""


def storage_threads_running() -> bool:
    """Whether this process runs RocksDB's background threads (it has opened a store): then a fork is unsafe."""
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return True  # cannot tell: do not fork
    for task in tasks:
        try:
            with open(f"/proc/self/task/{task}/comm", encoding="utf-8") as comm:
                if comm.read().startswith("rocksdb"):
                    return True
        except OSError:
            continue
    return False


def run_server(
    *,
    host: str,
    port: int,
    workers: int,
    access_log: bool,
    graceful_shutdown_s: float,
    root_path: str = "",
    idle_timeout_s: int = 5,
    app: str = APP,
) -> None:
    """Serve ``app`` (settings from ``FTZGRAPH_*``) until interrupted; ``ServerStartError`` if a process fails.

    ``graceful_shutdown_s`` bounds how long an ending process waits for its requests in flight;
    ``root_path`` is the path prefix a proxy serves the app under; ``idle_timeout_s`` how long a connection may
    stay idle between requests (the header timeout is read by the protocol, ``_http_protocol``).
    """
    config = uvicorn.Config(
        app,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=access_log,
        http=LongUrlHttpToolsProtocol,
        timeout_graceful_shutdown=max(int(graceful_shutdown_s + 0.999), 1),
        root_path=root_path,
        timeout_keep_alive=idle_timeout_s,
    )
    if sys.platform.startswith("linux") and not storage_threads_running():
        # A worker replaced to stop a runaway query is forked from a supervisor that has imported the app, so
        # it serves quickly instead of importing everything again while its share of the connections waits.
        # Only while the supervisor has never opened a store: RocksDB's flush and compaction threads do not
        # survive a fork, so a forked worker's writes would wait forever for a compaction (``optimize``).
        import ftzgraph.api.app  # noqa: F401

        _subprocess.spawn = multiprocessing.get_context("fork")  # type: ignore[assignment]
    with tempfile.TemporaryDirectory(prefix="ftzgraph-penalties-") as penalties:
        os.environ[PENALTY_DIR_ENV] = penalties  # inherited by the workers
        supervisor = _Supervisor(config, sockets=[config.bind_socket()])
        supervisor.run()
    if supervisor.failed_exitcode is not None:
        raise ServerStartError(supervisor.failed_exitcode)

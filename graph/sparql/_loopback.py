"""One RDF document offered to this process's own Oxigraph over loopback HTTP, for a SPARQL ``LOAD``.

Why: replacing a graph must be one transaction (a reader sees the old graph or the new one; a failed write
leaves the store as it was), and the only transaction pyoxigraph offers that both removes and adds is a
SPARQL update. ``INSERT DATA`` needs the whole body as update text (and as Python objects to write it),
which took a 400k-triple PUT past a gigabyte. ``DROP …; LOAD <url> INTO GRAPH …`` in one update has Oxigraph
fetch and parse the document in Rust, streaming, inside the same transaction. The document is served from
127.0.0.1 on a free port, under a path of 128 random bits, to one reader, for the length of the update.
"""

from __future__ import annotations

import http.server
import secrets
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any


@contextmanager
def served_document(document: IO[bytes], size: int, media_type: str) -> Iterator[str]:
    """Serve ``document`` (``size`` bytes, read from its start) while the block runs; yields its URL.

    Any other path is a 404, so a process that finds the port cannot read the document. The length is
    sent, so a reader that gets fewer bytes sees a failed fetch, not a shorter document.
    """
    token = secrets.token_urlsafe(16)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            if self.path != f"/{token}":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(size))
            self.end_headers()
            document.seek(0)
            shutil.copyfileobj(document, self.wfile, 1 << 20)

        def log_message(self, *_: Any) -> None:  # not on the server's log: the request is our own
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="ftzgraph-loopback-load", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{token}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

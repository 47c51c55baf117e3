"""Walk one document from file to page and count the modules it visits: the figures of issue #11.

Traces every call into an ``ftzgraph`` function while ``build.process_document`` turns the bundled document
into triples, and then while the app renders that document's first case as a page. Prints, per leg, the hops
(``module:function`` on each change of module), how many modules the leg visits and how often it goes back
to a module it had left. A figure script, not a test: run it before and after a restructure and compare.

    .venv/bin/python scripts/walk_document.py [--hops] [--cold]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

PREFIX = "ftzgraph."
STAGES = ["sources", "extract", "rdf", "store", "sparql", "views", "network", "build", "api"]
"""The stages of ARCHITECTURE.md in the order a document goes through them, the HTTP layer last."""


def stage_of(module: str) -> str:
    """``extract`` for ``graph.extract.origins``; ``shared`` for graph's shared modules and the ontology."""
    parts = module.split(".")
    if parts[0] == "api":
        return "api"
    if parts[0] == "graph" and len(parts) > 2 and parts[1] in STAGES:
        return parts[1]
    return "shared"


def _caller(frame: FrameType) -> str:
    """The nearest ftzgraph module up the stack from ``frame`` (stdlib and library frames are passed over)."""
    back = frame.f_back
    while back is not None:
        module = back.f_globals.get("__name__", "")
        if module.startswith(PREFIX):
            return str(module).removeprefix(PREFIX)
        back = back.f_back
    return ""


class Recorder:
    """Records (module, function) on every call into ftzgraph code while ``on``, in every thread.

    The profile hook is installed before the app's threads start (the test client runs the app in a thread
    of its own), and switched on only around the walk.
    """

    def __init__(self) -> None:
        self.on = False
        self.calls: list[tuple[str, str, str]] = []

    def profile(self, frame: FrameType, event: str, _arg: Any) -> None:
        if not self.on or event != "call":
            return
        module = frame.f_globals.get("__name__", "")
        if module.startswith(PREFIX) and not frame.f_code.co_name.startswith("<"):
            self.calls.append((_caller(frame), module.removeprefix(PREFIX), frame.f_code.co_name))

    @contextmanager
    def installed(self) -> Iterator[None]:
        hook: Callable[..., Any] = self.profile
        sys.setprofile(hook)
        threading.setprofile(hook)
        try:
            yield
        finally:
            sys.setprofile(None)
            threading.setprofile(None)  # type: ignore[arg-type]

    @contextmanager
    def walk(self) -> Iterator[list[tuple[str, str, str]]]:
        self.calls = []
        self.on = True
        try:
            yield self.calls
        finally:
            self.on = False


def summary(name: str, calls: list[tuple[str, str, str]], show_hops: bool) -> None:
    """The walk's figures, counted on distinct hops.

    A hop is a call from one module into a function of another (``caller -> module:function``). The same hop
    repeated in a loop (once per case, per triple) is one step of the walk, so each is counted once, in the
    order first taken. ``returns`` counts the hops into a module the walk had already entered before.
    """
    hops = list(dict.fromkeys(call for call in calls if call[0] != call[1]))
    seen: set[str] = {calls[0][1]} if calls else set()
    returns_per_module: dict[str, int] = {}
    marked = []
    for caller, module, function in hops:
        back = module in seen
        if back:
            returns_per_module[module] = returns_per_module.get(module, 0) + 1
        seen.add(module)
        marked.append(f"    {caller} -> {module}:{function}{' (back)' if back else ''}")
    returns = sum(returns_per_module.values())
    print(
        f"{name}: {len(seen)} modules, {len(hops)} distinct hops, {returns} of them back into a module entered before"
    )
    runs = [stage for stage in (stage_of(module) for _, module, _ in hops) if stage != "shared"]
    runs = [stage for i, stage in enumerate(runs) if i == 0 or runs[i - 1] != stage]  # one entry per visit
    revisits = len(runs) - len(set(runs))
    print(f"  stages in the order walked: {' -> '.join(runs)}; {revisits} returns to a stage left before")
    top = sorted(returns_per_module.items(), key=lambda item: -item[1])[:8]
    print("  most returned to: " + ", ".join(f"{module} {count}" for module, count in top))
    print("  modules in order of first visit: " + " -> ".join(dict.fromkeys(module for _, module, _ in calls)))
    if show_hops:
        print("\n".join(marked))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hops", action="store_true", help="print every hop (module:function)")
    parser.add_argument("--cold", action="store_true", help="trace the first document (data files not yet read)")
    args = parser.parse_args()

    from ftzgraph.graph.build.builder import build, bundled_documents
    from ftzgraph.graph.build.document_pass import FIRST, process_document
    from ftzgraph.graph.store.oxigraph import OxigraphStore

    path = bundled_documents()[0]
    recorder = Recorder()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx2.*")
        from fastapi.testclient import TestClient

    from ftzgraph.api.app import create_app
    from ftzgraph.api.settings import Settings

    with recorder.installed():
        if not args.cold:
            process_document(path, False, FIRST)  # data files and lexicons read once, outside the walk
        with recorder.walk() as calls:
            result = process_document(path, False, FIRST)
        summary("file -> triples (build.process_document)", calls, args.hops)

        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
            store = OxigraphStore(Path(folder) / "store")
            build(store, [path])
            case = f"/id/case/{result.report.doc_id}-1"
            with TestClient(create_app(store, Settings(query_workers=1))) as client:
                client.get(case, headers={"Accept": "text/html"})  # warm: templates compiled
                with recorder.walk() as calls:
                    response = client.get(case, headers={"Accept": "text/html"})
            assert response.status_code == 200, response.text
            summary(f"store -> page (GET {case}, HTML)", calls, args.hops)
            store.close()


if __name__ == "__main__":
    main()

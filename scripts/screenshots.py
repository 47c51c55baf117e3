"""Screenshots of the pages at 1280 px wide, for a person to look at: home, two case pages, the agency
network, the query editor after running an example, and an agency page.

    .venv/bin/python scripts/screenshots.py [--store PATH] [--out DIR] [--cases 2 7] [--example NAME]

Without ``--store`` the bundled document is built into a temporary store. The app runs on a free port on
127.0.0.1; Debian's chromium (``apt-get install chromium``) is driven by playwright, with every request to
another host blocked (each one is reported). Pictures go to ``--out`` (default ``./screenshots``), full page.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import uvicorn
from playwright.sync_api import sync_playwright

from ftzgraph.api._http_protocol import LongUrlHttpToolsProtocol
from ftzgraph.api.app import create_app
from ftzgraph.api.settings import Settings
from ftzgraph.graph.build.builder import build
from ftzgraph.graph.store.oxigraph import OxigraphStore

WIDTH, HEIGHT = 1280, 900


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _json(base: str, path: str) -> Any:
    request = urllib.request.Request(base + path, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def serve(store: OxigraphStore) -> tuple[str, uvicorn.Server, threading.Thread]:
    port = _free_port()
    app = create_app(store, Settings(query_workers=1, write_token=None))
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", http=LongUrlHttpToolsProtocol)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


def shoot(base: str, out: Path, cases: list[int], example: str) -> list[str]:
    """Save the pictures; return the requests to other hosts and the console errors seen."""
    numbers = {case["number"]: case["href"] for case in _json(base, "/cases?limit=500")["data"]}
    busiest = max(_json(base, "/agencies?limit=500")["data"], key=lambda agency: agency.get("cases") or 0)
    problems: list[str] = []
    chromium_path = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        # Other hosts are blocked by name resolution, not by request interception: under interception chromium
        # left some headings in their fallback font after the web font's piece had loaded.
        blocked = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=["--headless", "--no-sandbox", blocked]
        )
        context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
        page = context.new_page()
        local = ("http://127.0.0.1", "data:", "blob:")
        page.on("request", lambda r: None if r.url.startswith(local) else problems.append("other host: " + r.url))
        page.on("console", lambda m: problems.append("console: " + m.text) if m.type == "error" else None)

        def save(name: str) -> None:
            # web-font pieces load as text needs them: wait until a pass finds nothing more loading
            for _ in range(3):
                page.evaluate("document.fonts.ready")
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(300)
            page.screenshot(path=str(out / f"{name}.png"), full_page=True)
            print(out / f"{name}.png")

        page.goto(base + "/", wait_until="networkidle")
        save("home")
        for number in cases:
            if number in numbers:
                page.goto(base + numbers[number], wait_until="networkidle")
                save(f"case-{number}")
        page.goto(base + "/network", wait_until="networkidle")
        page.wait_for_function("document.getElementById('network-status').dataset.nodes > 0", timeout=30_000)
        save("network")
        page.goto(base + "/query", wait_until="networkidle")
        page.wait_for_selector(".yasqe .CodeMirror", timeout=30_000)
        page.select_option("#examples", example)
        page.locator(".yasqe_queryButton").first.click()
        page.locator(".yasr table tbody tr").first.wait_for(timeout=30_000)
        save("query")
        page.goto(base + busiest["href"], wait_until="networkidle")
        save("agency")
        browser.close()
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="an existing store (default: build the bundled document)")
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--cases", type=int, nargs="*", default=[2, 7], help="case numbers to photograph")
    parser.add_argument("--example", default="reforms-by-origin-zone", help="example query to run on /query")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        if args.store is None:
            store = OxigraphStore(Path(tmp) / "store")
            build(store)
        else:
            store = OxigraphStore(args.store, read_only=True)
        base, server, thread = serve(store)
        try:
            problems = shoot(base, args.out, args.cases, args.example)
        finally:
            server.should_exit = True
            thread.join(10)
            store.close()
    for problem in problems:
        print("PROBLEM", problem)


if __name__ == "__main__":
    main()

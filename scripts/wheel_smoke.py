"""Build the wheel, install it into a clean virtual environment outside the work tree, and use it there.

``make test`` runs this (``python3 scripts/wheel_smoke.py``): the editable install the tests use cannot show
a module or data file missing from the wheel, so here the product itself is installed into a new venv in a
temporary folder and run from that folder: ``ftzgraph build``, ``ftzgraph serve`` answering ``/sparql``,
``/cases``, ``/docs``, ``/health`` and the home page, ``ftzgraph network agencies --format png`` and
``python -m ftzgraph``. The build must print no setuptools warning. Dependencies come through pip's cache,
so a second run takes well under a minute. Exits non-zero, naming the step, on the first failure.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Lines of a verbose setuptools build that announce a problem with the package configuration.
WARNING = re.compile(r"(SetuptoolsDeprecationWarning|SetuptoolsWarning|_Warning|^\s*!!|warning: )", re.IGNORECASE)
# distutils saying that it leaves byte-compiling to the installer, and pip's advice about root and indexes.
BENIGN = re.compile(r"byte-compiling is disabled|Running pip as the 'root' user|Location '.*' is ignored")
MUST_SHIP = [
    "ftzgraph/__main__.py",
    "ftzgraph/api/routes/__init__.py",
    "ftzgraph/api/static/vendor/swagger-ui/swagger-ui-bundle.js",
    "ftzgraph/api/static/vendor/redoc/redoc.standalone.js",
    "ftzgraph/api/static/vendor/noto-sans-sc/noto-sans-sc.css",
    "ftzgraph/data/fonts/FtzGraphSansSC-Regular.otf",
    "ftzgraph/data/raw/hlj-ftz-2023-batch3-cases.txt",
]


class SmokeError(Exception):
    pass


def step(what: str, command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    started = time.monotonic()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    print(f"  {what}: {time.monotonic() - started:.1f} s", flush=True)
    if done.returncode != 0:
        raise SmokeError(f"{what} failed (exit {done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done.stdout + done.stderr


def build_wheel(python: str, dist: Path) -> Path:
    log = step(
        "build the wheel",
        [python, "-m", "pip", "wheel", "--no-deps", "--verbose", "--wheel-dir", str(dist), str(ROOT)],
        cwd=dist,
    )
    warnings = [line for line in log.splitlines() if WARNING.search(line) and not BENIGN.search(line)]
    if warnings:
        raise SmokeError("the build printed warnings:\n" + "\n".join(warnings[:20]))
    (wheel,) = dist.glob("ftzgraph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in MUST_SHIP if name not in names]
    if missing:
        raise SmokeError(f"the wheel lacks {missing}")
    strays = sorted(
        {name.split("/")[0] for name in names} - {"ftzgraph", *(n.split("/")[0] for n in names if ".dist-info" in n)}
    )
    if strays:
        raise SmokeError(f"the wheel installs top-level names besides ftzgraph: {strays}")
    return wheel


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str, accept: str = "*/*") -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def check_server(bin_dir: Path, work: Path, store: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(bin_dir / "ftzgraph"), "serve", "--store", str(store), "--port", str(port)],
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise SmokeError(f"ftzgraph serve ended (exit {server.returncode}):\n{server.stdout.read()[-3000:]}")  # type: ignore[union-attr]
            try:
                if get(base + "/health")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SmokeError("ftzgraph serve did not answer /health within 60 s")
            time.sleep(0.3)
        checks = {
            "/sparql?query=" + urllib.request.quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"): b'"n"',
            "/cases": b'"data"',
            "/docs": b"/static/vendor/swagger-ui/swagger-ui-bundle.js",
            "/static/vendor/swagger-ui/swagger-ui-bundle.js": b"SwaggerUIBundle",
            "/": b"ftzgraph",
            "/health": b'"triples"',
        }
        for path, expected in checks.items():
            status, body = get(base + path, "application/json" if path.startswith(("/cases", "/health")) else "*/*")
            if status != 200 or expected not in body:
                raise SmokeError(f"GET {path}: {status}, {body[:300]!r}")
        print(f"  serve answered {len(checks)} requests", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def main() -> int:
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="ftzgraph-wheel-") as tmp:
        work = Path(tmp)
        dist = work / "dist"
        dist.mkdir()
        try:
            wheel = build_wheel(python, dist)
            venv = work / "venv"
            step("create a clean venv", [python, "-m", "venv", str(venv)], cwd=work)
            bin_dir = venv / "bin"
            step("install the wheel", [str(bin_dir / "pip"), "install", "--quiet", str(wheel)], cwd=work)
            store = work / "store"
            step("ftzgraph build", [str(bin_dir / "ftzgraph"), "build", "--store", str(store), "--quiet"], cwd=work)
            check_server(bin_dir, work, store)
            picture = work / "agencies.png"
            command = [str(bin_dir / "ftzgraph"), "network", "agencies", "--store", str(store)]
            step(
                "ftzgraph network agencies --format png", [*command, "--format", "png", "--out", str(picture)], cwd=work
            )
            if not picture.read_bytes().startswith(b"\x89PNG"):
                raise SmokeError("the network picture is not a PNG")
            step("python -m ftzgraph --version", [str(bin_dir / "python"), "-m", "ftzgraph", "--version"], cwd=work)
        except SmokeError as error:
            print(f"wheel smoke test FAILED: {error}", file=sys.stderr)
            return 1
    print("wheel smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

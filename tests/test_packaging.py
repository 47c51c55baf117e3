"""The package as shipped: every folder listed in pyproject, dependencies matching imports, licences, entry points.

The wheel itself is built, installed into a clean venv and used by ``scripts/wheel_smoke.py`` (``make test``);
these are the fast checks of the configuration that wheel comes from.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SOURCE_FOLDERS = ["graph", "api", "ontology", "data"]
# Declared, used at run time, never imported by name: uvicorn picks up uvloop ("auto" loop) and httptools
# (the HTTP parser); starlette's Jinja2Templates, which the pages use, imports jinja2.
USED_WITHOUT_IMPORT = {"uvloop", "httptools", "jinja2"}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    return {_normal(re.split(r"[<>=;!~\[ ]", spec, maxsplit=1)[0]) for spec in PYPROJECT["project"]["dependencies"]}


def _imported_top_level_names() -> set[str]:
    names: set[str] = set()
    files = [path for folder in SOURCE_FOLDERS for path in (ROOT / folder).rglob("*.py")]
    for path in [*files, ROOT / "__main__.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"ftzgraph", "__future__"}


def test_every_folder_that_ships_is_a_listed_package() -> None:
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    folders = {
        "ftzgraph." + ".".join(path.relative_to(ROOT).parts)
        for top in SOURCE_FOLDERS
        for path in [ROOT / top, *(ROOT / top).rglob("*")]
        if path.is_dir() and "__pycache__" not in path.parts and any(p.is_file() for p in path.iterdir())
    }
    # Folders whose names cannot be imported (vendor/swagger-ui) ship as data of the nearest package above them.
    importable = {name for name in folders if all(part.isidentifier() for part in name.split("."))}
    assert importable - listed == set(), "folders missing from [tool.setuptools] packages"
    assert listed - importable - {"ftzgraph"} == set(), "packages listed with no folder"


def test_declared_dependencies_are_the_imported_ones() -> None:
    distributions = importlib.metadata.packages_distributions()
    imported = {_normal(distributions[name][0]) for name in _imported_top_level_names() if name in distributions}
    unknown = {name for name in _imported_top_level_names() if name not in distributions}
    assert unknown == set(), "imports that no installed distribution provides"
    declared = _declared()
    assert imported - declared == set(), "imported but not declared"
    assert declared - imported - USED_WITHOUT_IMPORT == set(), "declared but never imported"


def test_licence_is_an_spdx_expression_with_its_files() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    notices = (ROOT / "THIRD-PARTY-NOTICES").read_text(encoding="utf-8")
    assert set(PYPROJECT["project"]["license-files"]) == {"LICENSE", "THIRD-PARTY-NOTICES"}
    for folder in sorted(p for p in (ROOT / "api" / "static" / "vendor").iterdir() if p.is_dir()):
        assert (folder / "LICENSE").is_file(), f"{folder} has no licence file"
        assert f"api/static/vendor/{folder.name}/" in notices, f"THIRD-PARTY-NOTICES does not name {folder.name}"
    assert (ROOT / "data" / "fonts" / "LICENSE").is_file()


def test_python_dash_m_ftzgraph_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ftzgraph", "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Usage: python -m ftzgraph" in done.stdout or "Usage: ftzgraph" in done.stdout
    assert "serve" in done.stdout


def test_serve_stops_when_a_server_process_cannot_load_the_app(tmp_path: Path) -> None:
    """A worker dying on import (the missing ``ftzgraph.api.routes`` of the old wheel) ends serving with the error."""
    script = (
        "from ftzgraph.api.server import run_server\n"
        "run_server(host='127.0.0.1', port=0, workers=1, access_log=False, graceful_shutdown_s=1,"
        " app='ftzgraph.api.no_such_module:app')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode != 0
    assert 'Could not import module "ftzgraph.api.no_such_module"' in done.stderr  # the worker's error
    assert "ServerStartError" in done.stderr and "instead of restarting it" in done.stderr
    assert "died" not in done.stderr  # uvicorn's word for a process it replaces

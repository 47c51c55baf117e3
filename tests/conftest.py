"""Shared fixtures: the bundled document, its gold annotation, and one store built from it per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from ftzgraph.graph.store.oxigraph import OxigraphStore

TESTS = Path(__file__).resolve().parent
GOLD_PATH = TESTS / "data" / "hlj-ftz-2023-batch3.gold.yaml"


@pytest.fixture(scope="session")
def bundled_path() -> Path:
    from importlib import resources

    return Path(str(resources.files("ftzgraph.data"))) / "raw" / "hlj-ftz-2023-batch3-cases.txt"


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return yaml.safe_load(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def gold_cases(gold: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {case["n"]: case for case in gold["cases"]}


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    """The bundled document built once into an on-disk store; tests must not write to it."""
    from ftzgraph.graph.build.builder import build

    store = OxigraphStore(tmp_path_factory.mktemp("store") / "ftzgraph-store")
    build(store)
    return store

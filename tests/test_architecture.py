"""ARCHITECTURE.md stays true: every folder and module path it names exists in the tree."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Backquoted paths under the package's folders and scripts, e.g. `graph/sources/read.py` or `api/routes/`.
PATH = re.compile(r"`((?:graph|api|ontology|data|scripts|tests)/[\w./-]*)`")
PLANNED = "## Planned"


def named_paths(text: str) -> list[str]:
    """The paths ARCHITECTURE.md names as existing (the section on planned folders names future ones)."""
    return PATH.findall(text.split(PLANNED)[0])


def test_architecture_names_existing_paths() -> None:
    paths = named_paths((ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8"))
    assert len(paths) > 40
    missing = [p for p in paths if not (ROOT / p).exists() or (p.endswith("/") and not (ROOT / p).is_dir())]
    assert missing == []


def test_the_check_catches_a_missing_path() -> None:
    text = "`graph/sources/read.py` and `graph/no_such_module.py`\n## Planned\n`graph/sources/`"
    paths = named_paths(text)
    assert paths == ["graph/sources/read.py", "graph/no_such_module.py"]
    assert [p for p in paths if not (ROOT / p).exists()] == ["graph/no_such_module.py"]

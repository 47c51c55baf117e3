"""Docstrings say why, not how fast: benchmark figures belong in the benchmark scripts' output and the notes.

A timing in a docstring goes stale with the next change and cannot be checked; this test finds durations,
rates and speed-up factors in the docstrings of ``graph/`` and ``api/``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURE = re.compile(
    r"(?<![\w.])\d[\d,.]*\s*(ms|µs|us|s|seconds)\b(?!-)"  # durations: 72 s, 0.5 ms, ~300 µs
    r"|\d[\d,.]*\s*(req|requests|queries|documents|docs)/s\b"  # rates
    r"|\d[\d,.]*\s*[x×]\s*(faster|slower)"  # speed-ups: 30x slower
    r"|\b(two|three|four|five|ten|\d+) times (faster|slower)"
)


def _docstrings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    kinds = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, kinds) and (doc := ast.get_docstring(node, clean=False)):
            found.append((getattr(node, "lineno", 1), doc))
    return found


def figures_in(path: Path) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line}: {match.group(0)!r}"
        for line, doc in _docstrings(path)
        for match in FIGURE.finditer(doc)
    ]


def test_no_benchmark_figures_in_docstrings() -> None:
    paths = sorted(p for folder in ("graph", "api") for p in (ROOT / folder).rglob("*.py"))
    assert len(paths) > 50
    assert [figure for path in paths for figure in figures_in(path)] == []


def test_the_check_finds_figures(tmp_path: Path) -> None:
    text = '"""2,000 requests/s, ~300 µs a query, 0.6 s with it on, ~30x slower, four times faster; t2s: none."""\n'
    sample = tmp_path / "sample.py"
    sample.write_text(text, encoding="utf-8")
    found = [m.group(0) for _, doc in _docstrings(sample) for m in FIGURE.finditer(doc)]
    assert len(found) == 5, found

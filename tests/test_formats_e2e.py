"""The bundled collection converted to HTML, DOCX and PDF gives the same cases, providers and origins as the
text version (evidence positions aside: each format has its own offsets)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fixtures_formats import cjk_font, convert_text

from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Extraction
from ftzgraph.graph.sources.read import read_document
from ftzgraph.graph.text import title_key


def summary(extraction: Extraction) -> list[tuple[Any, ...]]:
    """What must not depend on the format: number, title, provider and origins of each case."""
    rows = []
    for case in extraction.cases:
        origins = sorted(
            (o.kind, o.batch_kind or "", o.batch_number or 0, o.zone or "", o.area or "") for o in case.origins
        )
        provider = (case.provider or "").replace(" ", "")
        rows.append((case.number, title_key(case.title), provider, case.provider_kind, tuple(origins)))
    return rows


@pytest.fixture(scope="module")
def converted(bundled_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if cjk_font() is None:
        pytest.skip("no CJK TrueType font for the PDF fixture (Debian package fonts-wqy-microhei)")
    text = bundled_path.read_text(encoding="utf-8")
    return convert_text(text, tmp_path_factory.mktemp("formats"), "bundled")


@pytest.fixture(scope="module")
def expected(bundled_path: Path) -> list[tuple[Any, ...]]:
    return summary(extract_document(read_document(bundled_path), load_gazetteer()))


def extracted(converted: dict[str, Path], suffix: str) -> tuple[Extraction, list[tuple[Any, ...]]]:
    extraction = extract_document(read_document(converted[suffix]), load_gazetteer())
    return extraction, summary(extraction)


@pytest.mark.parametrize("suffix", [".html", ".docx", ".pdf"])
def test_same_cases_and_providers(suffix: str, converted: dict[str, Path], expected: list[tuple[Any, ...]]) -> None:
    extraction, got = extracted(converted, suffix)
    assert len(expected) == 28
    assert [row[:2] for row in got] == [row[:2] for row in expected]  # case numbers and titles
    assert [row[2:4] for row in got] == [row[2:4] for row in expected]  # providers and their kinds
    for case in extraction.cases:
        for fact in case.evidence.values():
            assert extraction.document.text[fact.start : fact.end] == fact.quote


@pytest.mark.parametrize("suffix", [".html", ".docx", ".pdf"])
def test_same_origins(suffix: str, converted: dict[str, Path], expected: list[tuple[Any, ...]]) -> None:
    _, got = extracted(converted, suffix)
    assert [row[4] for row in got] == [row[4] for row in expected]

"""The 28 gold-annotated cases as ``CaseText`` objects, cut by the real splitter, paired with their gold entry.

Also: whitespace-insensitive search of a gold quote inside a case text, as the gold README prescribes.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ftzgraph.graph.model import CaseText, Document

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "raw" / "hlj-ftz-2023-batch3-cases.txt"
GOLD = ROOT / "tests" / "data" / "hlj-ftz-2023-batch3.gold.yaml"


@cache
def gold() -> dict[str, Any]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@cache
def gold_cases() -> list[tuple[dict[str, Any], CaseText]]:
    """(gold entry, case text) for every gold case, matched by case number; the splitter must find all 28."""
    from ftzgraph.graph.extract.split import split_cases
    from ftzgraph.graph.sources.read import read_document

    entries = {entry["n"]: entry for entry in gold()["cases"]}
    cases = split_cases(read_document(SOURCE)).cases
    assert sorted(c.number for c in cases) == sorted(entries), "the splitter must find every gold case"
    return [(entries[case.number], case) for case in cases if case.number is not None]


def find_loose(haystack: str, needle: str) -> tuple[int, int] | None:
    """Span of ``needle`` in ``haystack`` ignoring whitespace on both sides; None when absent."""
    kept = [(i, ch) for i, ch in enumerate(haystack) if not ch.isspace()]
    squashed = "".join(ch for _, ch in kept)
    target = re.sub(r"\s+", "", needle)
    at = squashed.find(target)
    if at < 0 or not target:
        return None
    return kept[at][0], kept[at + len(target) - 1][0] + 1


def make_case(text: str) -> CaseText:
    """A one-case document holding ``text`` (for table-driven unit tests)."""
    document = Document(id="u", path=Path("unit.txt"), text=text, sha256="x")
    return CaseText(document, 1, "unit", heading=document.evidence(0, 0), start=0, end=len(text))


MUTATION_ALPHABET = (
    "《》〈〉<>（）()〔〕[]号年月日万亿余多%％个工作日由从压缩为至，。、\n 0123456789.,一二十两天小时分钟有限公司集团第"
)
"""Characters that steer the extractors' patterns: mutated texts made of these stress every branch."""

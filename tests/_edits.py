"""An edited copy of the bundled document for the run and diff tests: one case's provider changed, one case
deleted, one agency added; the cases are chosen from the first build's records, never by number."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ftzgraph.graph.extract.provider import provider_line
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.sources.read import read_document

ADDED_AGENCY = "哈尔滨市市场监督管理局"


def edit(source: Path, before: dict[int, dict[str, Any]]) -> tuple[int, str, int, int]:
    """Change one case's provider, delete another case, add an agency to a third; cases chosen from the first
    build: the provider change goes to an area case whose agencies are all written out in full (so none of them
    is completed from the provider), the deleted case names an agency no other case names."""
    document = read_document(source)
    cases = {c.number: c for c in split_cases(document).cases}

    def written_in_full(n: int) -> bool:
        text = re.sub(r"\s+", "", cases[n].text)
        return all(agency in text for agency in before[n]["agencies"])

    named: dict[str, int] = {}
    for record in before.values():
        for agency in record["agencies"]:
            named[agency] = named.get(agency, 0) + 1
    provider_case = next(n for n in sorted(before) if before[n]["provider_kind"] == "ftz_area" and written_in_full(n))
    new_provider = next(
        r["provider"]
        for r in before.values()
        if r["provider_kind"] == "ftz_area" and r["provider"] != before[provider_case]["provider"]
    )
    deleted_case = next(
        n
        for n in sorted(before, reverse=True)
        if n != provider_case and any(named[a] == 1 for a in before[n]["agencies"])
    )
    agency_case = next(
        n
        for n in sorted(before)
        if n not in (provider_case, deleted_case) and ADDED_AGENCY not in before[n]["agencies"]
    )
    found = provider_line(cases[provider_case])
    assert found is not None
    _, start, end = found
    edits = [
        (cases[provider_case].start + start, cases[provider_case].start + end, new_provider),
        (cases[agency_case].end, cases[agency_case].end, f"\n{ADDED_AGENCY}负责组织实施。\n"),
        (cases[deleted_case].start, cases[deleted_case].end, ""),
    ]
    text = document.text
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    source.write_text(text, encoding="utf-8")
    return provider_case, new_provider, deleted_case, agency_case

"""Collections whose cases are the rows of their one table (序号 | 案例名称 | 主要内容 | 报送单位): each row holds a
whole case, its practice and results written in a cell of running text, and there is no heading to split on.

Read only when no heading rule and no fallback found a case: a row is a case when a cell other than its number,
title and provider is running text (sentence punctuation and enough characters to state a practice). The case's
text is the row; its title and provider are the row's cells, as for any summary table.
"""

from __future__ import annotations

import re

from ftzgraph.graph.model import CaseText, Document, TableRow

_RUNNING_TEXT_RE = re.compile(r"[\u4e00-\u9fff][^\t|]{18,}[，。；,;][^\t|]*")
"""A cell of running text: a practice stated in a clause or more (南昌海关借鉴…，通关时间由3天压缩至1天。)."""


def table_row_cases(document: Document, table: list[TableRow]) -> list[CaseText]:
    """One case per row of ``table`` when every row holds running text besides its title and provider; else []."""
    if len(table) < 2:
        return []
    cases = []
    for row in table:
        line = document.text[row.evidence.start : row.evidence.end]
        rest = line.replace(row.title, "", 1)
        if row.provider:
            rest = rest.replace(row.provider, "", 1)
        if not _RUNNING_TEXT_RE.search(rest):
            return []
        cases.append(CaseText(document, row.number, row.title, row.evidence, row.evidence.start, row.evidence.end))
    return cases

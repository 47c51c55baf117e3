"""Data exports saved as .json / .jsonl (graph/sources/json_data.py): read as their text, escaped characters written
as they are so the records' values stand in the text."""

from __future__ import annotations

import json
from pathlib import Path

from ftzgraph.graph.sources.read import read_document

RECORD = {"案例名称": "企业注销“一网通办”", "报送单位": "某市市场监督管理局"}


def test_an_escaped_json_file_is_read_with_its_characters(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([RECORD, RECORD]), encoding="utf-8")  # \u4f01… as most writers save it
    text = read_document(path).text
    assert "企业注销“一网通办”" in text and "\\u" not in text


def test_json_lines_keep_one_record_a_line(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(RECORD) for _ in range(3)) + "\n", encoding="utf-8")
    lines = read_document(path).text.splitlines()
    assert len(lines) == 3 and all(json.loads(line) == RECORD for line in lines)


def test_a_json_file_that_is_no_json_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text("某市复制推广案例\\u 说明", encoding="utf-8")
    assert read_document(path).text == "某市复制推广案例\\u 说明"

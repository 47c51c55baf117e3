"""Data exports saved as JSON (.json) or JSON lines (.jsonl, .ndjson), read as the text they hold.

A data platform's export of a dataset is its records as JSON, one document or one record a line. The splitter reads
the records in the text (graph/extract/_split_json.py), where each string value must stand as written; a writer that
escaped every Chinese character (\\u4e2d\\u56fd, the default of many JSON libraries) hides them, so such a file is
written out again with its characters as they are: each line of a JSON-lines file on its own line, a JSON document
indented. A file that is not JSON is read as plain text, whatever its name.
"""

from __future__ import annotations

import json
from pathlib import Path

from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.read import READERS, decode_text_lenient, make_document, normalise_newlines


def read_json(path: Path, data: bytes) -> Document:
    text, encoding, warnings = decode_text_lenient(data, path)
    text = normalise_newlines(text)
    document = make_document(path, _unescaped(text), data, encoding=encoding, fmt="application/json")
    document.warnings.extend(warnings)
    return document


def _unescaped(text: str) -> str:
    """``text`` with its escaped characters written as they are, when it is JSON or JSON lines that escape some."""
    if "\\u" not in text:
        return text
    try:
        return json.dumps(json.loads(text), ensure_ascii=False, indent=2)
    except ValueError:
        pass
    try:
        return "\n".join(json.dumps(json.loads(line), ensure_ascii=False) for line in text.splitlines() if line.strip())
    except ValueError:
        return text


for _suffix in (".json", ".jsonl", ".ndjson"):
    READERS[_suffix] = read_json

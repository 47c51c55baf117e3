"""CLI output piped to another program or a file is never cut to 80 columns (``ftzgraph trace 2 | less``)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from ftzgraph.api.cli.main import cli


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("width") / "store")
    result = CliRunner().invoke(cli, ["build", "--store", path, "--quiet"])
    assert result.exit_code == 0, result.output
    return path


def _piped(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    done = subprocess.run(
        [sys.executable, "-m", "ftzgraph", *args], capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_query_table_keeps_whole_iris_when_piped(store_path: str) -> None:
    query = (
        "SELECT ?case ?title WHERE { ?case a <https://w3id.org/ftzgraph/ontology#Case> ;"
        " <http://purl.org/dc/terms/title> ?title }"
    )
    text = _piped("query", query, "--store", store_path)
    assert "https://w3id.org/ftzgraph/id/case/" in text
    assert "…" not in text
    assert max(len(line) for line in text.splitlines()) > 80


def test_trace_keeps_quotes_and_offsets_whole_when_piped(store_path: str) -> None:
    """At 80 columns the tree cut the conflict sentence and the quotes' positions off the line end."""
    text = _piped("trace", "2", "--store", store_path)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "conflict:" in line)
    assert lines[at + 1].rstrip().endswith(".")  # the whole English sentence, under the Chinese one
    quotes = [line for line in text.splitlines() if "«" in line]
    assert quotes and all(re.search(r"» \(line \d+, chars \d+-\d+\)$", line.rstrip()) for line in quotes)
